// @ts-check
/**
 * Pages compressed once per version rather than once per request (docs/adr/0020). Next compresses every
 * answer it sends, a cached page included: on a story that was a quarter of the server's CPU per request
 * (gzip of 60 KB, and the stored HTML string turned into bytes first). The front door asks Next for the
 * page uncompressed, compresses it itself with the best encoding the client takes (brotli where it can),
 * and keeps the result by the page's ETag, which changes with every new version: a cached page is then a
 * lookup; so is a stored feed or sitemap, which the page cache tags too. Answers without an ETag (search
 * results, a preview) are compressed per request, as Next would. Lite pages pass their HTML through `rewrite` first
 * (lib/http/lite-page.mjs).
 */
import zlib from 'node:zlib';
import Negotiator from 'negotiator';

/**
 * @typedef {'br' | 'gzip' | 'identity'} Encoding
 * @typedef {{ body: Buffer, encoding: Encoding }} Encoded an answer's body, and how it is encoded
 * @typedef {{ get(key: string): Encoded | undefined, set(key: string, encoded: Encoded): void }} EncodedPages
 */

const ENCODINGS = /** @type {Encoding[]} */ (['br', 'gzip', 'identity']);

/**
 * The encoding a client accepts that makes the smallest page, its q-values respected (`br;q=0` refuses br).
 * @param {string | undefined} accepted the Accept-Encoding header
 * @returns {Encoding}
 */
export function bestEncoding(accepted) {
  const negotiator = new Negotiator({ headers: { 'accept-encoding': accepted ?? 'identity' } });
  // Our order breaks ties (`gzip, br` is br); negotiator 1's `preferred` option is missing from its 0.6 types.
  return /** @type {any} */ (negotiator).encoding(ENCODINGS, { preferred: ENCODINGS }) ?? 'identity';
}

/** Enough for a few thousand compressed pages; the oldest version goes first. */
const KEPT_BYTES = 32 * 1024 * 1024;

/** Page bodies by version and encoding, at most `limit` bytes, oldest dropped first. @returns {EncodedPages} */
export function encodedPages(limit = KEPT_BYTES) {
  /** @type {Map<string, Encoded>} */
  const pages = new Map();
  let bytes = 0;
  return {
    get: (key) => pages.get(key),
    set(key, encoded) {
      if (encoded.body.length > limit) return;
      const replaced = pages.get(key);
      if (replaced) {
        pages.delete(key);
        bytes -= replaced.body.length;
      }
      for (const [oldest, old] of pages) {
        if (bytes + encoded.body.length <= limit) break;
        pages.delete(oldest);
        bytes -= old.body.length;
      }
      pages.set(key, encoded);
      bytes += encoded.body.length;
    },
  };
}

/**
 * Brotli: level 6 for the answer at hand (4 ms for a 60 KB story), then level 11 (70 ms, 8% smaller) made
 * off the event loop for the copy that is kept, so no request waits for it and none is held up behind it.
 */
const FAST_QUALITY = 6;
const KEPT_QUALITY = 11;
/** Below this an answer goes as it is: compressing would cost more than it saves. */
const MIN_COMPRESSED_BYTES = 1024;
const COMPRESSIBLE = /^(?:text\/|application\/(?:json|xml|rss\+xml|atom\+xml|manifest\+json)|image\/svg\+xml)/;

/** @param {number} quality @param {number} size */
const brotliOptions = (quality, size) => ({
  params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: size },
});

/**
 * An answer's body in `encoding`, unless it is too small or of a kind that does not compress.
 * @param {Buffer} body
 * @param {string} type its Content-Type
 * @param {Encoding} encoding
 * @returns {Encoded}
 */
function encode(body, type, encoding) {
  if (encoding === 'identity' || body.length < MIN_COMPRESSED_BYTES || !COMPRESSIBLE.test(type))
    return { body, encoding: 'identity' };
  if (encoding === 'gzip') return { body: zlib.gzipSync(body, { level: 9 }), encoding };
  return { body: zlib.brotliCompressSync(body, brotliOptions(FAST_QUALITY, body.length)), encoding };
}

/**
 * Replaces a kept brotli body with its densest form, made in libuv's thread pool, unless the entry changed meanwhile.
 * @param {EncodedPages} pages
 * @param {string} key
 * @param {Buffer} plain
 * @param {Encoded} kept
 */
function keepDensest(pages, key, plain, kept) {
  zlib.brotliCompress(plain, brotliOptions(KEPT_QUALITY, plain.length), (error, densest) => {
    if (!error && densest.length < kept.body.length && pages.get(key) === kept)
      pages.set(key, { body: densest, encoding: 'br' });
  });
}

/** @param {(string | Buffer)[]} chunks */
function joined(chunks) {
  return Buffer.concat(chunks.map((chunk) => (typeof chunk === 'string' ? Buffer.from(chunk) : chunk)));
}

/**
 * @typedef {object} AnswerOptions
 * @property {(html: string) => string} [rewrite] what the HTML becomes before it is compressed
 * @property {(res: import('node:http').ServerResponse) => void} [beforeSend] last changes to the headers
 */

/**
 * Lets Next answer into a buffer, then sends the answer compressed, a page from `pages` when its version
 * was sent before. Next is asked with no Accept-Encoding, so it compresses nothing itself. A body Next
 * sends as a string is turned into bytes only when the page is not kept yet.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {EncodedPages} pages
 * @param {AnswerOptions} [options]
 */
export function answerCompressed(req, res, pages, { rewrite, beforeSend } = {}) {
  const encoding = bestEncoding(req.headers['accept-encoding']);
  delete req.headers['accept-encoding'];
  const writeHead = res.writeHead.bind(res);
  const end = res.end.bind(res);
  /** @type {(string | Buffer)[]} */
  const chunks = [];
  // Held until the answer is made: headers Next passes here become the response's own, so they can still change.
  /** @type {any} */ (res).writeHead = (/** @type {number} */ status, /** @type {any[]} */ ...rest) => {
    res.statusCode = status;
    const headers = typeof rest[0] === 'string' ? rest[1] : rest[0];
    if (typeof rest[0] === 'string') res.statusMessage = rest[0];
    if (Array.isArray(headers)) for (let i = 0; i < headers.length; i += 2) res.setHeader(headers[i], headers[i + 1]);
    else if (headers) for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    return res;
  };
  res.flushHeaders = () => {};
  /** @param {any} chunk @param {any} encodingOrCallback */
  const keep = (chunk, encodingOrCallback) => {
    if (!chunk || typeof chunk === 'function' || !chunk.length) return;
    chunks.push(
      typeof chunk === 'string' && typeof encodingOrCallback === 'string'
        ? Buffer.from(chunk, /** @type {BufferEncoding} */ (encodingOrCallback))
        : chunk,
    );
  };
  /** @type {any} */ (res).write = (
    /** @type {any} */ chunk,
    /** @type {any} */ encodingOrCallback,
    /** @type {any} */ callback,
  ) => {
    keep(chunk, encodingOrCallback);
    (typeof encodingOrCallback === 'function' ? encodingOrCallback : callback)?.();
    return true;
  };
  /** @type {any} */ (res).end = (
    /** @type {any} */ chunk,
    /** @type {any} */ encodingOrCallback,
    /** @type {any} */ callback,
  ) => {
    keep(chunk, encodingOrCallback);
    const done = [chunk, encodingOrCallback, callback].find((argument) => typeof argument === 'function');
    beforeSend?.(res);
    const type = String(res.getHeader('content-type') ?? '');
    const html = type.startsWith('text/html');
    if (!chunks.length || res.statusCode === 304 || res.statusCode === 204) {
      // A HEAD's length would be the uncompressed one; a 304 has no body to measure.
      if (html || res.statusCode === 304) res.removeHeader('content-length');
      writeHead(res.statusCode);
      return end(done);
    }
    const etag = res.getHeader('etag');
    const key =
      typeof etag === 'string' && res.statusCode === 200 && (html || COMPRESSIBLE.test(type))
        ? `${etag}:${encoding}`
        : undefined;
    let encoded = key ? pages.get(key) : undefined;
    if (!encoded) {
      const plain = html && rewrite ? Buffer.from(rewrite(joined(chunks).toString('utf8'))) : joined(chunks);
      encoded = encode(plain, type, encoding);
      if (key) {
        pages.set(key, encoded);
        if (encoded.encoding === 'br') keepDensest(pages, key, plain, encoded);
      }
    }
    if (encoded.encoding !== 'identity') res.setHeader('Content-Encoding', encoded.encoding);
    const vary = String(res.getHeader('vary') ?? '');
    if (COMPRESSIBLE.test(type) && !/\baccept-encoding\b/i.test(vary))
      res.setHeader('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    res.setHeader('Content-Length', encoded.body.length);
    writeHead(res.statusCode);
    return end(req.method === 'HEAD' ? undefined : encoded.body, done);
  };
}
