// @ts-check
/**
 * A lite page's answer (docs/adr/0020). Next renders the page's HTML with the same components as the full
 * page, in their lite form; the app router always adds its client runtime (script chunks, and the RSC
 * payload as inline scripts, about 60% of a story's HTML), which no setting turns off. The front door
 * takes the HTML from Next uncompressed, leaves out every script and every hint that fetches a script or
 * a font, compresses it, and keeps the result per page version (ETag), so a cached lite page costs one
 * lookup. Its policy allows no script at all.
 */
import zlib from 'node:zlib';
import Negotiator from 'negotiator';
import { contentSecurityPolicy } from './security-headers.mjs';
import { litePathOfRender } from './lite.mjs';

const SCRIPT = /<script\b[^>]*>[\s\S]*?<\/script>/g;
/** Hints that would fetch what a lite page never uses: script chunks, font files, the full page's pictures. */
const FETCH_HINT = /<link\b(?=[^>]*\brel="(?:preload|modulepreload|prefetch)")[^>]*>/g;

/** The lite page's HTML from the HTML Next rendered. */
export function liteHtml(/** @type {string} */ html) {
  return html.replace(SCRIPT, '').replace(FETCH_HINT, '');
}

/** How many compressed pages are kept: a few kilobytes each. */
const KEPT_PAGES = 2000;
/** Brotli's densest level for a page kept by version (about 30 ms once); a faster one for pages rendered per request. */
const KEPT_QUALITY = 11;
const PER_REQUEST_QUALITY = 5;

/**
 * @typedef {{ encoding: 'br' | 'gzip' | 'identity', body: Buffer }} Encoded
 * @typedef {{ get(key: string): Encoded | undefined, set(key: string, value: Encoded): void }} EncodedPages
 */

/** Pages by version and encoding, oldest dropped first. @returns {EncodedPages} */
export function encodedPages(limit = KEPT_PAGES) {
  const pages = new Map();
  return {
    get: (key) => pages.get(key),
    set(key, value) {
      if (pages.size >= limit) pages.delete(pages.keys().next().value);
      pages.set(key, value);
    },
  };
}

const ENCODINGS = /** @type {const} */ (['br', 'gzip', 'identity']);

/**
 * The encoding a client accepts that makes the smallest page, its q-values respected (`br;q=0` refuses br).
 * @param {string | undefined} accepted the Accept-Encoding header
 * @returns {Encoded['encoding']}
 */
export function bestEncoding(accepted) {
  const negotiator = new Negotiator({ headers: { 'accept-encoding': accepted ?? 'identity' } });
  // Our order breaks ties (`gzip, br` is br); negotiator 1's `preferred` option is missing from its 0.6 types.
  const best = /** @type {any} */ (negotiator).encoding(ENCODINGS, { preferred: ENCODINGS });
  return best ?? 'identity';
}

/**
 * @param {Buffer} html
 * @param {Encoded['encoding']} encoding
 * @param {boolean} kept
 * @returns {Buffer}
 */
function encode(html, encoding, kept) {
  if (encoding === 'br')
    return zlib.brotliCompressSync(html, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: kept ? KEPT_QUALITY : PER_REQUEST_QUALITY, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: html.length },
    });
  if (encoding === 'gzip') return zlib.gzipSync(html, { level: kept ? 9 : 6 });
  return html;
}

/**
 * Lets Next answer a lite page's request into a buffer, then sends the lite page. Next is asked for the
 * render path with no Accept-Encoding, so its answer is plain HTML; redirects are turned back to the
 * reader's paths; every other answer (a 304, a HEAD) goes out as it is.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {EncodedPages} pages
 * @param {{ https: boolean }} policy
 */
export function answerAsLitePage(req, res, pages, policy) {
  const encoding = bestEncoding(req.headers['accept-encoding']);
  delete req.headers['accept-encoding'];
  const writeHead = res.writeHead.bind(res);
  const end = res.end.bind(res);
  /** @type {Buffer[]} */
  const chunks = [];
  // Held until the page is made: headers Next passes here become the response's own, so they can still change.
  /** @type {any} */ (res).writeHead = (/** @type {number} */ status, /** @type {any[]} */ ...rest) => {
    res.statusCode = status;
    const headers = typeof rest[0] === 'string' ? rest[1] : rest[0];
    if (typeof rest[0] === 'string') res.statusMessage = rest[0];
    if (Array.isArray(headers)) for (let i = 0; i < headers.length; i += 2) res.setHeader(headers[i], headers[i + 1]);
    else if (headers) for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    return res;
  };
  res.flushHeaders = () => {};
  /** @type {any} */ (res).write = (/** @type {any} */ chunk, /** @type {any} */ encodingOrCallback, /** @type {any} */ callback) => {
    if (chunk?.length) chunks.push(Buffer.from(chunk, typeof encodingOrCallback === 'string' ? /** @type {BufferEncoding} */ (encodingOrCallback) : undefined));
    (typeof encodingOrCallback === 'function' ? encodingOrCallback : callback)?.();
    return true;
  };
  /** @type {any} */ (res).end = (/** @type {any} */ chunk, /** @type {any} */ encodingOrCallback, /** @type {any} */ callback) => {
    if (chunk && typeof chunk !== 'function') chunks.push(Buffer.from(chunk, typeof encodingOrCallback === 'string' ? /** @type {BufferEncoding} */ (encodingOrCallback) : undefined));
    const done = [chunk, encodingOrCallback, callback].find((argument) => typeof argument === 'function');
    res.setHeader('Content-Security-Policy', contentSecurityPolicy({ https: policy.https, scripts: false }));
    const location = res.getHeader('location');
    if (typeof location === 'string') res.setHeader('Location', litePathOfRender(location));
    const html = String(res.getHeader('content-type') ?? '').startsWith('text/html');
    if (!html || !chunks.length) {
      // A HEAD's length would be the full page's.
      if (html) res.removeHeader('content-length');
      writeHead(res.statusCode);
      return end(Buffer.concat(chunks), done);
    }
    const etag = res.getHeader('etag');
    const key = typeof etag === 'string' && res.statusCode === 200 ? `${etag}:${encoding}` : undefined;
    let encoded = key ? pages.get(key) : undefined;
    if (!encoded) {
      encoded = { encoding, body: encode(Buffer.from(liteHtml(Buffer.concat(chunks).toString('utf8'))), encoding, Boolean(key)) };
      if (key) pages.set(key, encoded);
    }
    if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding);
    res.setHeader('Vary', [res.getHeader('vary'), 'Accept-Encoding'].filter(Boolean).join(', '));
    res.setHeader('Content-Length', encoded.body.length);
    writeHead(res.statusCode);
    return end(encoded.body, done);
  };
}
