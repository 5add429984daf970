// @ts-check
/**
 * What the server answers for the people who run it, before anything else (server.mjs):
 * - GET /healthz: the process is alive and its event loop turns. 200, a few bytes, no content work.
 * - GET /readyz: whether a load balancer should send readers here (lib/ops/health.mjs): 200, or 503 with
 *   the reason while the server starts or drains.
 * - GET /metrics: Prometheus's text format, with `Authorization: Bearer $METRICS_TOKEN`; without a token
 *   set, only on METRICS_PORT (a listener of its own, for a private network); never public by default.
 * None is cached, none belongs to an edition, robots.txt disallows them.
 */
import { health, readiness } from '../ops/health.mjs';
import { metrics } from '../ops/metrics.mjs';
import { bearerMatches } from './bearer.mjs';

export const OPERATIONS_PATHS = ['/healthz', '/readyz', '/metrics'];

const NEVER_STORED = {
  'Cache-Control': 'no-store',
  'Content-Type': 'text/plain; charset=utf-8',
  'X-Robots-Tag': 'noindex',
};

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} body
 * @param {boolean} withBody
 * @param {Record<string, string>} [headers]
 */
function send(res, status, body, withBody, headers = {}) {
  res.writeHead(status, { ...NEVER_STORED, 'Content-Length': String(Buffer.byteLength(body)), ...headers });
  res.end(withBody ? body : undefined);
}

/**
 * Answers /healthz, /readyz and /metrics; false for any other path.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} path
 * @param {{ metricsToken?: string, metricsHere: boolean }} options metricsHere: whether this listener serves /metrics
 */
export function answerOperations(req, res, path, { metricsToken, metricsHere }) {
  if (!OPERATIONS_PATHS.includes(path)) return false;
  const withBody = req.method !== 'HEAD';
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, '405 Method Not Allowed\n', withBody, { Allow: 'GET, HEAD' });
    return true;
  }
  if (path === '/healthz') send(res, 200, 'ok\n', withBody);
  else if (path === '/readyz') {
    const state = readiness(health());
    if (state.ready) send(res, 200, 'ready\n', withBody);
    else send(res, 503, `${state.reason}\n`, withBody, { 'Retry-After': '1' });
  } else if (!metricsHere) send(res, 404, '404 Not Found\n', withBody);
  else if (metricsToken && !bearerMatches(req.headers.authorization, metricsToken))
    send(res, 401, '401 Unauthorized\n', withBody, { 'WWW-Authenticate': 'Bearer realm="sahifa-metrics"' });
  else {
    const { registry } = metrics();
    registry.metrics().then(
      (text) => send(res, 200, text, withBody, { 'Content-Type': registry.contentType }),
      () => send(res, 500, '500 metrics could not be collected\n', withBody),
    );
  }
  return true;
}

const EDITION_ROUTE = /^\/[a-z]{2,3}(?:\/([^/]+)(?:\/[^/]+(\/.*)?)?)?\/?$/;

/**
 * The kind of route a path is for: a metrics label, so a fixed, small set whatever strangers send.
 * @param {string} path the request's path, without its query
 */
export function routeKind(path) {
  if (OPERATIONS_PATHS.includes(path)) return 'operations';
  if (path.startsWith('/_next/static/')) return 'static';
  if (path.startsWith('/_next/image')) return 'image';
  if (path.startsWith('/api/revalidate')) return 'publish';
  if (path.startsWith('/api/preview')) return 'preview';
  if (path === '/sitemap.xml' || path === '/news-sitemap.xml' || path.startsWith('/sitemaps/')) return 'sitemap';
  if (path === '/robots.txt') return 'robots';
  if (path === '/') return 'root';
  if (path.endsWith('/feed.xml')) return 'feed';
  if (path.endsWith('.lite')) return 'lite';
  const match = EDITION_ROUTE.exec(path);
  if (!match) return 'other';
  const [, section, rest = ''] = match;
  if (!section) return 'home';
  if (section === 'news')
    return rest.startsWith('/opengraph-image')
      ? 'card'
      : rest.startsWith('/share/')
        ? 'share'
        : rest
          ? 'other'
          : 'story';
  if (section === 'section') return 'section';
  if (section === 'tag' || section === 'author') return 'label';
  if (section === 'search') return 'search';
  return 'other';
}
