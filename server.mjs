// @ts-check
/**
 * Sahifa's production server: Next's own request handler (the one `next start` uses) behind a front
 * door that refuses requests no page could serve and sets the security headers on every response
 * (lib/http). Run it after `next build`:
 *
 *   node server.mjs [--port 3000] [--hostname 127.0.0.1]     (PORT in the environment also sets the port;
 *                                                             without --hostname it listens on every address)
 */
import fs from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import fresh from 'fresh';
import { errorPageFor, isErrorPagePath, loadErrorPages, replaceServerErrors, sendErrorPage } from './lib/http/error-page.mjs';
import { refusalOf, sendRefusal } from './lib/http/front-door.mjs';
import { securityHeaders, securityOptionsFromEnv } from './lib/http/security-headers.mjs';

const dir = path.dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({ options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } } });
const port = Number(args.port ?? process.env.PORT ?? 3000);
// Not HOSTNAME from the environment: containers set it to their own name.
const hostname = args.hostname;

// Relative paths (next.config.ts's cache handler, CONTENT_DIR's default) are the project's, wherever we start.
process.chdir(dir);
// Next reads NODE_ENV when it loads, so it is set before the import.
process.env.NODE_ENV = 'production';
const { default: next } = await import('next');
// Our page cache (lib/cache/isr-cache-handler.mjs), through the hook Next reads for a platform's cache
// rather than next.config's `cacheHandler`, which Next imports again for every request (next-server.js,
// getIncrementalCache): measured 80 µs of a cached page's 2 ms of CPU. Read once per request, no import.
const { default: PageCache } = await import('./lib/cache/isr-cache-handler.mjs');
/** @type {any} */ (globalThis)[Symbol.for('@next/cache-handlers')] = { FetchCache: PageCache };

const editionTexts = fs
  .readdirSync(path.join(dir, 'messages'))
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => JSON.parse(fs.readFileSync(path.join(dir, 'messages', file), 'utf8')).errors);

const options = securityOptionsFromEnv(process.env);
const PUBLIC_HEADERS = securityHeaders(options, false);
const PREVIEW_HEADERS = securityHeaders(options, true);
const PREVIEW_COOKIE = /(?:^|;\s*)(?:sahifa_preview|__prerender_bypass)=/;

/** @param {import('node:http').IncomingMessage} req */
function isPreview(req) {
  return req.url?.startsWith('/api/preview') || PREVIEW_COOKIE.test(req.headers.cookie ?? '');
}

const app = next({ dev: false, dir, hostname: hostname ?? 'localhost', port });
await app.prepare();
const handle = app.getRequestHandler();
const errorPages = loadErrorPages(path.join(dir, '.next'));

/**
 * A conditional GET whose tag still matches gets 304 with no body. Next's own check is off with its
 * ETags (next.config.ts); a stored page carries the tag its cache entry was given (lib/cache).
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
function answerNotModified(req, res) {
  const writeHead = res.writeHead;
  /** @type {any} */ (res).writeHead = function (/** @type {number} */ statusCode, /** @type {any[]} */ ...rest) {
    if (statusCode === 200 && fresh(req.headers, { etag: res.getHeader('etag') })) {
      for (const name of ['content-length', 'content-type', 'content-encoding']) res.removeHeader(name);
      // Node drops the body of a 304 that Next then writes.
      return writeHead.call(this, 304, ...rest);
    }
    return writeHead.call(this, statusCode, ...rest);
  };
}

const server = createServer((req, res) => {
  for (const [name, value] of isPreview(req) ? PREVIEW_HEADERS : PUBLIC_HEADERS) res.setHeader(name, value);
  const method = req.method ?? 'GET';
  const refusal = refusalOf(method, req.url ?? '/');
  if (refusal) return sendRefusal(res, refusal, editionTexts, method !== 'HEAD');
  const errorPage = errorPageFor(errorPages, req.url ?? '/');
  if (errorPage && isErrorPagePath(req.url ?? '/')) return sendErrorPage(res, 500, errorPage, method !== 'HEAD');
  if (req.headers['if-none-match']) answerNotModified(req, res);
  if (errorPage) replaceServerErrors(req, res, errorPage);
  handle(req, res).catch((error) => {
    // Next answers its own errors; anything that still escapes must not end the process for every reader.
    console.error(error);
    if (res.headersSent) res.destroy();
    else if (errorPage) sendErrorPage(res, 500, errorPage, method !== 'HEAD');
    else {
      res.statusCode = 500;
      res.end();
    }
  });
});

server.listen(port, hostname, () => console.log(`▲ Sahifa on http://${hostname ?? 'localhost'}:${port}`));

// Finish the requests in flight (a publish hook's work included), then stop.
function shutDown() {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on('SIGTERM', shutDown);
process.on('SIGINT', shutDown);
