// @ts-check
/**
 * A lite page's answer (docs/adr/0020). Next renders the page's HTML with the same components as the full
 * page, in their lite form; the app router always adds its client runtime (script chunks, and the RSC
 * payload as inline scripts, about 60% of a story's HTML), which no setting turns off. The front door
 * takes the HTML from Next, leaves out every script and every hint that fetches a script, a font or a
 * picture, and keeps it compressed per page version (./compressed-answer.mjs). Its policy allows no script.
 */
import { answerCompressed } from './compressed-answer.mjs';
import { litePathOfRender } from './lite.mjs';
import { contentSecurityPolicy } from './security-headers.mjs';

const SCRIPT = /<script\b[^>]*>[\s\S]*?<\/script>/g;
/** Hints that would fetch what a lite page never uses: script chunks, font files, the full page's pictures. */
const FETCH_HINT = /<link\b(?=[^>]*\brel="(?:preload|modulepreload|prefetch)")[^>]*>/g;

/** The lite page's HTML from the HTML Next rendered. */
export function liteHtml(/** @type {string} */ html) {
  return html.replace(SCRIPT, '').replace(FETCH_HINT, '');
}

/**
 * Lets Next answer a lite page's request (asked for its render path, lib/http/lite.mjs), then sends the
 * lite page; a redirect's Location goes back to the reader's path.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {import('./compressed-answer.mjs').EncodedPages} pages
 * @param {{ https: boolean }} policy
 */
export function answerAsLitePage(req, res, pages, policy) {
  answerCompressed(req, res, pages, {
    rewrite: liteHtml,
    beforeSend(response) {
      response.setHeader('Content-Security-Policy', contentSecurityPolicy({ https: policy.https, scripts: false }));
      const location = response.getHeader('location');
      if (typeof location === 'string') response.setHeader('Location', litePathOfRender(location));
    },
  });
}
