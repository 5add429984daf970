// @ts-check
/**
 * Sahifa's production server: Next's own request handler (the one `next start` uses) behind a front
 * door that refuses requests no page could serve and sets the security headers on every response
 * (lib/http). Run it after `next build`:
 *
 *   node server.mjs [--port 3000] [--hostname 127.0.0.1]     (PORT in the environment also sets the port;
 *                                                             without --hostname it listens on every address)
 *
 * It listens at once, so /healthz answers while Next and the content index start (/readyz says 503 until
 * then), and on SIGTERM it drains: /readyz turns 503, it keeps serving for SHUTDOWN_DRAIN_MS so a load
 * balancer notices, finishes the requests in flight, then exits (README, "Operating Sahifa").
 */
import './lib/ops/supported-node.mjs';
import fs from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import fresh from 'fresh';
import { liteRenderPath } from './lib/http/lite.mjs';
import { answerCompressed, encodedPages } from './lib/http/compressed-answer.mjs';
import { answerAsLitePage } from './lib/http/lite-page.mjs';
import {
  errorPageFor,
  isErrorPagePath,
  loadErrorPages,
  replaceServerErrors,
  sendErrorPage,
} from './lib/http/error-page.mjs';
import { refusalOf, sendRefusal } from './lib/http/front-door.mjs';
import { answerOperations, routeKind } from './lib/http/operations.mjs';
import { previewGate } from './lib/http/preview-gate.mjs';
import { securityHeaders, securityOptionsFromEnv } from './lib/http/security-headers.mjs';
import { health } from './lib/ops/health.mjs';
import { log, routeConsoleThroughLog } from './lib/ops/log.mjs';
import { metrics } from './lib/ops/metrics.mjs';

const dir = path.dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } },
});
const port = Number(args.port ?? process.env.PORT ?? 3000);
// Not HOSTNAME from the environment: containers set it to their own name.
const hostname = args.hostname;
const SHUTDOWN_DRAIN_MS = Number(process.env.SHUTDOWN_DRAIN_MS ?? 5000);
/** After the drain, how long requests in flight may take before the process exits anyway. */
const SHUTDOWN_FINISH_MS = 10_000;
const METRICS_PORT = process.env.METRICS_PORT ? Number(process.env.METRICS_PORT) : undefined;
const ACCESS_LOG = process.env.ACCESS_LOG === '1';
/** What an open live page polls (app/[locale]/news/[slug]/updates): edition and slug. */
const LIVE_POLL = /^\/([a-z]{2,3})\/news\/([^/]+)\/updates$/;

// Where this server can call itself (a content source's sync publishes what it found through the hook).
process.env.SAHIFA_SELF_URL ??= `http://${hostname && hostname !== '0.0.0.0' && hostname !== '::' ? hostname : '127.0.0.1'}:${port}`;

// Next's own lines and libraries' too, one log event each (JSON lines with LOG_FORMAT=json).
routeConsoleThroughLog();

// Relative paths (next.config.ts's cache handler, CONTENT_DIR's default) are the project's, wherever we start.
process.chdir(dir);
// Next reads NODE_ENV when it loads, so it is set before the import. (Next's types declare it read-only, as it
// is for the code Next runs; this runs before Next.)
/** @type {NodeJS.Dict<string>} */ (process.env).NODE_ENV = 'production';
const { default: next } = await import('next');
// Our page cache (lib/cache/isr-cache-handler.mjs), through the hook Next reads for a platform's cache
// rather than next.config's `cacheHandler`, which Next imports again for every request (next-server.js,
// getIncrementalCache): measured 80 µs of a cached page's 2 ms of CPU. Read once per request, no import.
const { default: PageCache } = await import('./lib/cache/isr-cache-handler.mjs');
/** @type {Record<symbol, unknown>} */ (globalThis)[Symbol.for('@next/cache-handlers')] = { FetchCache: PageCache };

const editionTexts = fs
  .readdirSync(path.join(dir, 'messages'))
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => JSON.parse(fs.readFileSync(path.join(dir, 'messages', file), 'utf8')).errors);

const options = securityOptionsFromEnv(process.env);
const PUBLIC_HEADERS = securityHeaders(options, false);
const PREVIEW_HEADERS = securityHeaders(options, true);
/**
 * A CDN may keep a 404 for seconds, so a story or card published after it is seen soon (a card's route says a year).
 */
const NOT_FOUND_CACHE_CONTROL = 'public, max-age=0, s-maxage=10';

const app = next({ dev: false, dir, hostname: hostname ?? 'localhost', port });
/** Next's handler once it has started; until then pages answer 503. */
let handle = /** @type {ReturnType<typeof app.getRequestHandler> | null} */ (null);
const errorPages = loadErrorPages(path.join(dir, '.next'));
const counters = metrics();
/** Pages compressed once per version (lib/http/compressed-answer.mjs), lite ones included. */
const pageBodies = encodedPages();
/** What Next answers that is no page: its own files, route handlers under /api, pictures. */
const NOT_A_PAGE = /^\/(?:_next|api|images)\//;

/**
 * What an answer's own headers decide, once Next has set them (Node calls writeHead for every answer):
 * - an answer private to a preview session (a request with a valid session, or to the preview routes,
 *   answered `private`) gets the preview headers: noindex, no referrer, the CMS's frame-ancestors,
 *   `Vary: Cookie`. Every other answer keeps the public ones, whatever cookie came with it;
 * - a 404 may be kept by a CDN for seconds only;
 * - a page's RSC payload gets a tag of its own: the stored page carries one, made from its HTML;
 * - a conditional GET whose tag still matches gets 304 with no body. Next's own check is off with its
 *   ETags (next.config.ts).
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {boolean} previewRequest
 */
function settleHeaders(req, res, previewRequest) {
  const writeHead = res.writeHead;
  /** @type {any} */ (res).writeHead = function (/** @type {number} */ statusCode, /** @type {any[]} */ ...rest) {
    const cacheControl = String(res.getHeader('cache-control') ?? '');
    if (previewRequest && /\bprivate\b/.test(cacheControl)) {
      res.removeHeader('X-Frame-Options');
      for (const [name, value] of PREVIEW_HEADERS) res.setHeader(name, value);
      res.setHeader('Vary', [res.getHeader('vary'), 'Cookie'].filter(Boolean).join(', '));
    }
    if (statusCode === 404 && /s-maxage/.test(cacheControl)) res.setHeader('Cache-Control', NOT_FOUND_CACHE_CONTROL);
    const etag = res.getHeader('etag');
    if (typeof etag === 'string' && String(res.getHeader('content-type')).startsWith('text/x-component'))
      res.setHeader('ETag', `${etag.slice(0, -1)}-rsc"`);
    if (statusCode === 200 && req.headers['if-none-match'] && fresh(req.headers, { etag: res.getHeader('etag') })) {
      for (const name of ['content-length', 'content-type', 'content-encoding']) res.removeHeader(name);
      // Node drops the body of a 304 that Next then writes.
      return writeHead.call(this, 304, ...rest);
    }
    return writeHead.call(this, statusCode, ...rest);
  };
}

/**
 * Counts every answer by route kind and status (and logs it with ACCESS_LOG=1): by path alone, since a
 * query may hold a preview link's signature.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} path
 */
function measure(req, res, path) {
  const started = performance.now();
  const route = routeKind(path);
  res.on('close', () => {
    const status = res.writableFinished ? String(res.statusCode) : 'aborted';
    const seconds = (performance.now() - started) / 1000;
    counters.requests.inc({ route, status });
    counters.requestDuration.observe({ route }, seconds);
    const cache = res.getHeader('x-nextjs-cache');
    if (typeof cache === 'string') counters.pageCache.inc({ result: cache.toLowerCase() });
    if (ACCESS_LOG)
      log().info('http.request', `${req.method} ${route} ${status}`, {
        method: req.method,
        path,
        status,
        route,
        ms: Math.round(seconds * 1000),
        cache,
      });
  });
}

/**
 * A live page's poll, answered here rather than by Next: thousands of open pages ask every 15 s, and Next's
 * handling of a request cost 1.8 ms of CPU around an answer that takes 0.2 (npm run bench:live, ADR 0019).
 * Uncompressed: most answers are 70 bytes ("nothing new"); a CDN in front compresses what it passes on.
 * Anything that fails here goes to Next's own route, which answers the same.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {(locale: string, slug: string, query: URLSearchParams) => Promise<{ status: number, cacheControl: string, body: unknown }>} answerer
 * @param {RegExpExecArray} poll
 * @param {string} search
 */
async function answerLivePoll(req, res, answerer, poll, search) {
  try {
    const { status, cacheControl, body } = await answerer(poll[1], poll[2], new URLSearchParams(search));
    const json = JSON.stringify(body);
    res.writeHead(status, {
      'Content-Type': 'application/json',
      'Cache-Control': cacheControl,
      'Content-Length': Buffer.byteLength(json),
    });
    res.end(req.method === 'HEAD' ? undefined : json);
  } catch (error) {
    log().error('live.poll_failed', `[live] a poll failed before Next: ${/** @type {Error} */ (error).message}`);
    if (!res.headersSent && handle) void handle(req, res);
  }
}

const server = createServer((req, res) => {
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  measure(req, res, path);
  if (draining) res.setHeader('Connection', 'close');
  for (const [name, value] of PUBLIC_HEADERS) res.setHeader(name, value);
  if (
    answerOperations(req, res, path, {
      metricsToken: process.env.METRICS_TOKEN,
      metricsHere: !METRICS_PORT && Boolean(process.env.METRICS_TOKEN),
    })
  )
    return;
  const method = req.method ?? 'GET';
  const refusal = refusalOf(method, url, req.headers);
  if (refusal) {
    counters.refused.inc({ reason: 'location' in refusal ? 'otherSpelling' : refusal.reason });
    return sendRefusal(res, refusal, editionTexts, method !== 'HEAD');
  }
  if (!handle) {
    res.writeHead(503, {
      'Retry-After': '1',
      'Cache-Control': 'no-store',
      'Content-Type': 'text/plain; charset=utf-8',
    });
    return res.end(method !== 'HEAD' ? '503 Service Unavailable: starting\n' : undefined);
  }
  const errorPage = errorPageFor(errorPages, req.url ?? '/');
  if (errorPage && isErrorPagePath(req.url ?? '/')) return sendErrorPage(res, 500, errorPage, method !== 'HEAD');
  if (method === 'GET' || method === 'HEAD') {
    const poll = LIVE_POLL.exec(path);
    const answerer = /** @type {any} */ (globalThis)[Symbol.for('sahifa.live-poll')];
    if (poll && answerer) return void answerLivePoll(req, res, answerer, poll, url.slice(path.length));
  }
  const liteRender = liteRenderPath(path);
  if (liteRender) {
    req.url = liteRender + url.slice(path.length);
    // A lite page is always the public one: no preview session's draft reaches it, or a cache through it.
    delete req.headers.cookie;
    answerAsLitePage(req, res, pageBodies, options);
  } else if ((method === 'GET' || method === 'HEAD') && !NOT_A_PAGE.test(path) && !req.headers.rsc) {
    answerCompressed(req, res, pageBodies);
  }
  const gate = previewGate(req.headers.cookie, process.env.PREVIEW_SECRET, Math.floor(Date.now() / 1000));
  if (gate.cookieHeader === undefined) delete req.headers.cookie;
  else req.headers.cookie = gate.cookieHeader;
  settleHeaders(req, res, gate.inPreview || path.startsWith('/api/preview'));
  if (errorPage) replaceServerErrors(req, res, errorPage);
  handle(req, res).catch((error) => {
    // Next answers its own errors; anything that still escapes must not end the process for every reader.
    log().error('http.unhandled', `[server] a request failed outside Next: ${error?.message ?? error}`, {
      route: routeKind(path),
      stack: error?.stack,
    });
    if (res.headersSent) res.destroy();
    else if (errorPage) sendErrorPage(res, 500, errorPage, method !== 'HEAD');
    else {
      res.statusCode = 500;
      res.end();
    }
  });
});

let draining = false;
server.listen(port, hostname, () =>
  log().info('server.listening', `[server] listening on http://${hostname ?? 'localhost'}:${port}`, {
    port,
    host: hostname,
  }),
);

/** METRICS_PORT: /metrics (and the health endpoints) on a listener of their own, for a private network. */
const metricsServer = METRICS_PORT
  ? createServer((req, res) => {
      const path = (req.url ?? '/').split('?', 1)[0];
      if (!answerOperations(req, res, path, { metricsToken: process.env.METRICS_TOKEN, metricsHere: true })) {
        res.writeHead(404, { 'Cache-Control': 'no-store' });
        res.end();
      }
    }).listen(METRICS_PORT, process.env.METRICS_HOST ?? '127.0.0.1')
  : undefined;

try {
  await app.prepare();
} catch (error) {
  log().error('server.start_failed', `[server] could not start: ${/** @type {Error} */ (error).message}`, {
    stack: /** @type {Error} */ (error).stack,
  });
  process.exit(1);
}
handle = app.getRequestHandler();
log().info('server.ready', `[server] ready: Sahifa on http://${hostname ?? 'localhost'}:${port}`);

/**
 * A deploy without a dropped request: say "not ready" first, keep serving while the load balancer
 * notices (SHUTDOWN_DRAIN_MS), ask every client to close its connection after its answer, then stop
 * listening, finish the requests in flight (a publish hook's work included) and exit.
 */
function shutDown(/** @type {string} */ signal) {
  if (draining) return;
  draining = true;
  health().draining = true;
  log().info(
    'server.draining',
    `[server] ${signal}: draining for ${SHUTDOWN_DRAIN_MS} ms, then finishing requests in flight`,
    { signal, drainMs: SHUTDOWN_DRAIN_MS },
  );
  setTimeout(() => {
    metricsServer?.close();
    server.close(() => {
      log().info('server.stopped', '[server] stopped: every request answered');
      process.exit(0);
    });
    server.closeIdleConnections();
    setTimeout(() => {
      log().warn('server.stopped', `[server] stopped with requests still in flight after ${SHUTDOWN_FINISH_MS} ms`);
      process.exit(0);
    }, SHUTDOWN_FINISH_MS).unref();
  }, SHUTDOWN_DRAIN_MS).unref();
}
process.on('SIGTERM', () => shutDown('SIGTERM'));
process.on('SIGINT', () => shutDown('SIGINT'));
