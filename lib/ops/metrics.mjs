// @ts-check
/**
 * What the server counts, for Prometheus (prom-client). Served by server.mjs at /metrics behind
 * METRICS_TOKEN, or on METRICS_PORT alone (lib/http/operations.mjs). One registry per process: Next
 * bundles lib/ code into each route and server.mjs loads it again, so it lives on globalThis.
 */
import client from 'prom-client';

const METRICS = Symbol.for('sahifa.metrics');

/** Seconds: a cached page takes about 2 ms, a render 20–60 ms, a share card 50–600 ms. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    requests: new client.Counter({
      name: 'sahifa_http_requests_total',
      help: 'Requests answered, by kind of route and status code',
      labelNames: /** @type {const} */ (['route', 'status']),
      registers,
    }),
    requestDuration: new client.Histogram({
      name: 'sahifa_http_request_duration_seconds',
      help: 'Time from a request to the end of its answer, by kind of route',
      labelNames: /** @type {const} */ (['route']),
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    refused: new client.Counter({
      name: 'sahifa_refused_requests_total',
      help: 'Requests the front door answered itself (bad escapes, methods, long URLs, other spellings)',
      labelNames: /** @type {const} */ (['reason']),
      registers,
    }),
    pageCache: new client.Counter({
      name: 'sahifa_page_cache_responses_total',
      help: "Cacheable responses by what Next's page cache did (x-nextjs-cache: HIT, STALE, MISS)",
      labelNames: /** @type {const} */ (['result']),
      registers,
    }),
    cacheLookups: new client.Counter({
      name: 'sahifa_cache_lookups_total',
      help: "Page cache look-ups by layer (this server's own, the shared one on Redis) and result",
      labelNames: /** @type {const} */ (['layer', 'result']),
      registers,
    }),
    redisUp: new client.Gauge({
      name: 'sahifa_redis_up',
      help: '1 while the Redis connection answers, by its use (cache: the shared page cache; publish: the fleet channel)',
      labelNames: /** @type {const} */ (['connection']),
      registers,
    }),
    sharedCacheState: new client.Gauge({
      name: 'sahifa_shared_cache_state',
      help: 'The shared cache state: 1 for the current one (up, slow, writes_refused, down, starting)',
      labelNames: /** @type {const} */ (['state']),
      registers,
    }),
    publishes: new client.Counter({
      name: 'sahifa_publish_requests_total',
      help: 'Calls of the publish hook, by outcome',
      labelNames: /** @type {const} */ (['outcome']),
      registers,
    }),
    publishDuration: new client.Histogram({
      name: 'sahifa_publish_duration_seconds',
      help: 'Time a publish took: stories re-read, other servers told and answered, pages revalidated',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 1.5, 2.5, 5],
      registers,
    }),
    fleetMessages: new client.Counter({
      name: 'sahifa_fleet_messages_total',
      help: 'Publish messages between servers: sent by this one, received from others',
      labelNames: /** @type {const} */ (['direction']),
      registers,
    }),
    fleetAcks: new client.Counter({
      name: 'sahifa_fleet_acks_total',
      help: 'Other servers that were told of a publish, and those that answered in time',
      labelNames: /** @type {const} */ (['result']),
      registers,
    }),
  };
}

/** @typedef {ReturnType<typeof createMetrics>} Metrics */

/** The process's metrics. */
export function metrics() {
  const state = /** @type {any} */ (globalThis);
  state[METRICS] ??= createMetrics();
  return /** @type {Metrics} */ (state[METRICS]);
}

/**
 * A gauge read when scraped (the content index's size and scan): `collect` may be async.
 * @param {string} name
 * @param {string} help
 * @param {string[]} labelNames
 * @param {(gauge: client.Gauge<string>) => Promise<void> | void} collect
 */
export function gaugeOnScrape(name, help, labelNames, collect) {
  const { registry } = metrics();
  if (registry.getSingleMetric(name)) return;
  new client.Gauge({
    name,
    help,
    labelNames,
    registers: [registry],
    collect() {
      return collect(this);
    },
  });
}
