// @ts-check
/**
 * What the server answers before Next routes a request: requests no page could serve. Next answers a
 * path that does not percent-decode to UTF-8 with a 500 before any route code runs, TRACE on a route
 * handler with a 500, and renders a page for any method. Here each is a few string operations; Next's
 * proxy could answer them too, but every request it matches costs about 60% of throughput (DESIGN.md).
 */

import { labelKey } from '../content/label-key.mjs';

/** Longer than any URL the site makes (a signed preview link is under 400 characters). */
export const MAX_URL_LENGTH = 4096;

const READ_METHODS = ['GET', 'HEAD'];

/**
 * Route handlers that take other methods than reading, by path prefix: the one place to add a method.
 * A page with a Server Action would need POST here too (Sahifa has none).
 * @type {[string, string[]][]}
 */
const WRITE_ROUTES = [['/api/revalidate', ['POST']]];

/**
 * @typedef {'badRequest' | 'methodNotAllowed' | 'uriTooLong'} RefusalReason
 * @typedef {{ status: number, reason: RefusalReason, allow?: string[] }} Refusal
 * @typedef {{ status: 308, location: string }} Redirect
 */

/** @param {string} path */
function decodes(path) {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Why a request must be refused, or where it must go instead (a tag or author URL written another
 * way), or null to hand it to Next.
 * @param {string} method
 * @param {string} url the request target as sent (`/ar/news/x?y=1`)
 * @returns {Refusal | Redirect | null}
 */
export function refusalOf(method, url) {
  if (url.length > MAX_URL_LENGTH) return { status: 414, reason: 'uriTooLong' };
  // Only the origin form: Sahifa is an origin server, not a forward proxy (`GET http://other/ …`).
  if (!url.startsWith('/')) return { status: 400, reason: 'badRequest' };
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  const allowed = WRITE_ROUTES.find(([prefix]) => path === prefix || path.startsWith(`${prefix}/`))?.[1] ?? READ_METHODS;
  if (!allowed.includes(method)) return { status: 405, reason: 'methodNotAllowed', allow: allowed };
  if (path.includes('%') && !decodes(path)) return { status: 400, reason: 'badRequest' };
  const canonical = canonicalLabelPath(path);
  return canonical ? { status: 308, location: canonical + (query === -1 ? '' : url.slice(query)) } : null;
}

// An edition's first segment is a language code; /api/… is not one.
const LABEL_PATH = /^\/(?!api\/)([a-z]{2,3})\/(tag|author)\/([^/]+)(\/.*)?$/;

/**
 * Where a tag or author path written another way lives (/en/tag/Armenia → /en/tag/armenia), or null.
 * Answered here rather than by the page, so no cache keeps an entry per spelling a crawler tries.
 * @param {string} path the request's path, already known to decode
 * @returns {string | null}
 */
function canonicalLabelPath(path) {
  const match = LABEL_PATH.exec(path);
  if (!match) return null;
  const [, locale, kind, segment, rest = ''] = match;
  const written = decodeURIComponent(segment);
  const key = labelKey(written);
  if (!key || key === written) return null;
  return `/${locale}/${kind}/${encodeURIComponent(key)}${rest}`;
}

const STATUS_TEXT = { 400: 'Bad Request', 405: 'Method Not Allowed', 414: 'URI Too Long' };

/**
 * The refusal as plain text, one line per edition (the texts are messages/*.json `errors`), so it reads
 * in whichever language the reader has. Never cached: the same URL may be fine with another method.
 * A redirect goes with no body, cached a day: a spelling always leads to the same key.
 * @param {import('node:http').ServerResponse} res
 * @param {Refusal | Redirect} refusal
 * @param {Record<RefusalReason, string>[]} editionTexts
 * @param {boolean} withBody false for HEAD
 */
export function sendRefusal(res, refusal, editionTexts, withBody) {
  if ('location' in refusal) {
    res.writeHead(308, { Location: refusal.location, 'Cache-Control': 'public, max-age=86400' });
    res.end();
    return;
  }
  const body = [`${refusal.status} ${STATUS_TEXT[/** @type {400|405|414} */ (refusal.status)]}`, ...editionTexts.map((texts) => texts[refusal.reason])].join('\n') + '\n';
  res.statusCode = refusal.status;
  if (refusal.allow) res.setHeader('Allow', refusal.allow.join(', '));
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(withBody ? body : undefined);
}
