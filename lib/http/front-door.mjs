// @ts-check
/**
 * What the server answers before Next routes a request: requests no page could serve. Next answers a
 * path that does not percent-decode to UTF-8 with a 500 before any route code runs, TRACE on a route
 * handler with a 500, and renders a page for any method. Here each is a few string operations; Next's
 * proxy could answer them too, but every request it matches costs about 60% of throughput (docs/adr/0009).
 */

import { labelKey } from '../content/label-key.mjs';
import { LITE_SUFFIX } from './lite.mjs';

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
 * Headers only Next's own machinery sends: a stranger's copy would reach code paths no reader needs
 * (the internal-subrequest header behind CVE-2025-29927, Server Actions, which Sahifa has none of).
 */
const INTERNAL_HEADERS = ['x-middleware-subrequest', 'next-action'];

/** A path segment that is `.` or `..`, written plainly or percent-encoded (`%2e%2E`, `.%2e`). */
const DOT_SEGMENT = /(?:^|\/)(?:\.|%2e){1,2}(?=\/|$)/i;

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
 * Why a request must be refused, or where it must go instead (a page's URL written another way), or
 * null to hand it to Next.
 * @param {string} method
 * @param {string} url the request target as sent (`/ar/news/x?y=1`)
 * @param {import('node:http').IncomingHttpHeaders} [headers]
 * @returns {Refusal | Redirect | null}
 */
export function refusalOf(method, url, headers = {}) {
  if (url.length > MAX_URL_LENGTH) return { status: 414, reason: 'uriTooLong' };
  // Only the origin form: Sahifa is an origin server, not a forward proxy (`GET http://other/ …`).
  if (!url.startsWith('/')) return { status: 400, reason: 'badRequest' };
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  // Browsers resolve dot segments before they send a URL; one that arrives would be resolved by Next
  // after the method check (POST /api/revalidate/../../en/news/x reached a page).
  if (DOT_SEGMENT.test(path)) return { status: 400, reason: 'badRequest' };
  if (INTERNAL_HEADERS.some((name) => headers[name] !== undefined)) return { status: 400, reason: 'badRequest' };
  const allowed =
    WRITE_ROUTES.find(([prefix]) => path === prefix || path.startsWith(`${prefix}/`))?.[1] ?? READ_METHODS;
  if (!allowed.includes(method)) return { status: 405, reason: 'methodNotAllowed', allow: allowed };
  if (path.includes('%') && !decodes(path)) return { status: 400, reason: 'badRequest' };
  const canonical = canonicalPath(path);
  return canonical ? { status: 308, location: canonical + (query === -1 ? '' : url.slice(query)) } : null;
}

// An edition's first segment is a language code; /api/… is not one.
const EDITION_SEGMENT = /^(?!api$)[a-z]{2,3}$/;
const LABEL_KINDS = ['tag', 'author'];

/**
 * One spelling per page: where an edition's path written another way lives, or null when it is written
 * as the site writes it. Each segment decoded once, in Unicode's composed form (NFC: أ, not ا + U+0654),
 * then percent-encoded as encodeURIComponent does (/en/%74ag/x → /en/tag/x, /en/news/how-tides-wor%6B →
 * /en/news/how-tides-work); a tag or author key as labelKey writes it (/en/tag/Armenia → /en/tag/armenia).
 * A segment that still holds a `%` after one decoding (written twice over) is left for the route, whose
 * 404 is not stored. Answered here rather than by the page, so no cache keeps an entry per spelling.
 * @param {string} path the request's path, already known to decode
 * @returns {string | null}
 */
export function canonicalPath(path) {
  const lite = liteSpelling(path);
  if (lite !== undefined) return lite;
  if (!EDITION_SEGMENT.test(decodeURIComponent(path.split('/', 2)[1]))) return null;
  const segments = path.split('/').map((segment, i, all) => {
    const written = decodeURIComponent(segment).normalize('NFC');
    if (written.includes('%')) return segment;
    const isLabelKey = i === 3 && LABEL_KINDS.includes(decodeURIComponent(all[2]));
    return encodeURIComponent(isLabelKey ? labelKey(written) || written : written);
  });
  const canonical = segments.join('/');
  return canonical === path ? null : canonical;
}

const LITE_SUFFIX_ANY_CASE = /\.lite$/i;
/** The lite page's render path (lib/http/lite.mjs), written by a reader: /ar.lite/news/x. */
const LITE_RENDER_PATH = /^\/([a-z]{2,3})\.lite(\/.+)$/i;

/**
 * A lite page's one spelling: the page's own, then `.lite` in lower case (/en/tag/Armenia.LITE →
 * /en/tag/armenia.lite; /ar.lite/news/x → /ar/news/x.lite). Undefined for a path that is no lite page's.
 * @param {string} path
 * @returns {string | null | undefined}
 */
function liteSpelling(path) {
  const rendered = LITE_RENDER_PATH.exec(path);
  if (rendered) {
    const asRead = `/${rendered[1].toLowerCase()}${rendered[2]}${LITE_SUFFIX}`;
    return canonicalPath(asRead) ?? asRead;
  }
  if (!LITE_SUFFIX_ANY_CASE.test(path)) return undefined;
  const page = path.slice(0, -LITE_SUFFIX.length);
  const canonical = (canonicalPath(page) ?? page) + LITE_SUFFIX;
  return canonical === path ? null : canonical;
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
  const body =
    [
      `${refusal.status} ${STATUS_TEXT[/** @type {400|405|414} */ (refusal.status)]}`,
      ...editionTexts.map((texts) => texts[refusal.reason]),
    ].join('\n') + '\n';
  res.statusCode = refusal.status;
  if (refusal.allow) res.setHeader('Allow', refusal.allow.join(', '));
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(withBody ? body : undefined);
}
