// @ts-check
/**
 * The front door's half of preview (docs/adr/0012): a request is in preview only when its
 * `sahifa_preview` cookie holds a valid, current session. Any other preview cookie, Next's Draft Mode
 * cookie `__prerender_bypass` included, is taken out of the request before Next sees it: a stranger's
 * `sahifa_preview=x` must not make a public page private or `noindex` (which a CDN would keep), and a
 * Draft Mode cookie that outlived its link must not force a render per request.
 */
import { verifyPreviewSession } from '../preview-signature.mjs';

const SESSION_COOKIE = 'sahifa_preview';
const PREVIEW_COOKIES = [SESSION_COOKIE, '__prerender_bypass'];

/**
 * @param {string | undefined} cookieHeader the request's Cookie header
 * @param {string | undefined} secret PREVIEW_SECRET
 * @param {number} nowSeconds
 * @returns {{ inPreview: boolean, cookieHeader: string | undefined }} the header to pass on
 */
export function previewGate(cookieHeader, secret, nowSeconds) {
  if (!cookieHeader || !PREVIEW_COOKIES.some((name) => cookieHeader.includes(name)))
    return { inPreview: false, cookieHeader };
  const pairs = cookieHeader.split(/;\s*/).filter(Boolean);
  const nameOf = (/** @type {string} */ pair) => pair.slice(0, Math.max(pair.indexOf('='), 0)).trim();
  const sessions = pairs
    .filter((pair) => nameOf(pair) === SESSION_COOKIE)
    .map((pair) => pair.slice(pair.indexOf('=') + 1));
  // One session cookie, and valid: two would let a stranger's value ride beside an editor's.
  if (sessions.length === 1 && verifyPreviewSession(sessions[0], secret, nowSeconds) !== null)
    return { inPreview: true, cookieHeader };
  const kept = pairs.filter((pair) => !PREVIEW_COOKIES.includes(nameOf(pair)));
  return { inPreview: false, cookieHeader: kept.length ? kept.join('; ') : undefined };
}
