// @ts-check
/**
 * The page cache shared by every server of a newsroom, on Redis, with each server's own file cache
 * underneath. Redis does the sharing through @trieb.work/nextjs-turbo-redis-cache, a cache handler
 * made for Next 15/16; this file is the glue that makes it work with any Redis and keeps a server
 * serving when Redis is not well (docs/adr/0016):
 *
 * - it needs nothing configured on Redis: the library's sync channel (plain pub/sub) carries
 *   revalidations, and its check for keyspace notifications, which a Redis started without options or
 *   a managed one that refuses CONFIG does not give, is skipped (they only tidy its map of expired keys,
 *   which its hourly resync also does);
 * - every entry is written to both, so a server always has its own copy;
 * - a probe asks Redis every REDIS_PROBE_MS: while it answers in time and takes writes, Redis is the
 *   truth (a miss there is a miss, so no server serves its local copy of a page another has
 *   revalidated); while it is down, slower than REDIS_TIMEOUT_MS or refusing writes (full, with
 *   `noeviction`), the server serves from its own cache. Each state change is one log line and shows
 *   in the metrics;
 * - tags revalidated while Redis is not usable are replayed to it when it is.
 */
import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import { RedisStringsHandler } from '@trieb.work/nextjs-turbo-redis-cache';
import { health } from '../ops/health.mjs';
import { log } from '../ops/log.mjs';
import { metrics } from '../ops/metrics.mjs';

/**
 * @typedef {import('next/dist/server/lib/incremental-cache/index.js').CacheHandler} CacheHandler
 * @typedef {import('./isr-cache-handler.mjs').CacheHandlerValue} CacheHandlerValue
 * @typedef {import('./isr-cache-handler.mjs').CacheValue} CacheValue
 * @typedef {import('./isr-cache-handler.mjs').GetContext} GetContext
 * @typedef {import('./isr-cache-handler.mjs').SetContext} SetContext
 * @typedef {import('./isr-cache-handler.mjs').HandlerContext} HandlerContext
 * @typedef {ReturnType<typeof createClient>} RedisClient
 * @typedef {'starting' | 'up' | 'slow' | 'writes_refused' | 'down'} Status
 * @typedef {{
 *   status: Status,
 *   handler: CacheHandler | null,
 *   pendingTags: Set<string>,
 *   probe: RedisClient | null,
 *   version: string | undefined,
 *   refusal: string,
 *   everUp: boolean,
 * }} SharedState
 * @typedef {[level: import('../ops/log.mjs').Level, event: string, message: string, fields?: Record<string, unknown>]} Said
 */

const REDIS_TIMEOUT_MS = Number(process.env.REDIS_TIMEOUT_MS ?? 200);
const REDIS_PROBE_MS = Number(process.env.REDIS_PROBE_MS ?? 1000);
const KEY_PREFIX = process.env.REDIS_KEY_PREFIX ?? 'sahifa:';
/**
 * How long a server waits for Redis at start before it says it serves alone. A start that opens the index
 * and renders its first pages holds the event loop for seconds: at 2 s a busy CI machine logged "unreachable"
 * for a Redis that answered a moment later.
 */
const START_WAIT_MS = 5000;
/** Oldest Redis with every command used here (BLPOP with a fractional timeout: 6.0). */
const OLDEST_REDIS = [6, 0];
const TIMED_OUT = Symbol('timed out');
const STATE = Symbol.for('sahifa.shared-cache');
/** The connections try again in the background, backing off to every 5 s. */
const SOCKET = {
  connectTimeout: 1000,
  reconnectStrategy: (/** @type {number} */ retries) => Math.min(250 * 2 ** retries, 5000),
};
/** @type {Status[]} */
const STATES = ['starting', 'up', 'slow', 'writes_refused', 'down'];

/**
 * What each state change says, once.
 * @type {Record<Exclude<Status, 'starting'>, (redis: SharedState) => Said>}
 */
const SAID = {
  up: (redis) => [
    'info',
    'cache.redis_up',
    `[cache] ${redis.version ? `Redis ${redis.version}` : 'Redis'} answers: pages are shared through it (no Redis setting needed)`,
    { version: redis.version },
  ],
  slow: () => [
    'warn',
    'cache.redis_slow',
    `[cache] Redis answers slower than REDIS_TIMEOUT_MS (${REDIS_TIMEOUT_MS} ms): serving from this server's own cache until it answers in time`,
    { timeoutMs: REDIS_TIMEOUT_MS },
  ],
  writes_refused: (redis) => [
    'error',
    'cache.redis_writes_refused',
    `[cache] Redis refuses writes (${redis.refusal}): serving from this server's own cache; raise Redis's maxmemory or set maxmemory-policy volatile-lru`,
    { refusal: redis.refusal },
  ],
  down: (redis) => [
    'error',
    'cache.redis_down',
    redis.everUp
      ? "[cache] Redis unreachable: serving from this server's own cache until it returns"
      : "[cache] Redis unreachable at start: serving from this server's own cache until it answers",
  ],
};

/**
 * The promise's result, or TIMED_OUT after REDIS_TIMEOUT_MS; a late failure is dropped, not thrown.
 * @template T
 * @param {Promise<T>} promise
 * @returns {Promise<T | typeof TIMED_OUT>}
 */
function within(promise) {
  promise.catch(() => {});
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  /** @type {Promise<typeof TIMED_OUT>} */
  const timedOut = new Promise((resolve) => (timer = setTimeout(resolve, REDIS_TIMEOUT_MS, TIMED_OUT)));
  return Promise.race([promise, timedOut]).finally(() => clearTimeout(timer));
}

/**
 * `7.0.15` from INFO server, if Redis lets us ask.
 * @param {RedisClient} client
 */
async function redisVersion(client) {
  const info = await client.info('server').catch(() => '');
  return /redis_version:([\d.]+)/.exec(info)?.[1];
}

/**
 * Settings that would break sharing, each with its fix; a Redis that refuses CONFIG (a managed one)
 * is taken as its provider configured it.
 * @param {RedisClient} client
 * @param {string | undefined} version
 */
async function settingProblems(client, version) {
  const problems = [];
  const [major = 0, minor = 0] = (version ?? '').split('.').map(Number);
  if (version && (major < OLDEST_REDIS[0] || (major === OLDEST_REDIS[0] && minor < OLDEST_REDIS[1])))
    problems.push(
      `Redis ${version} is older than ${OLDEST_REDIS.join('.')}: publishing cannot wait for other servers; use Redis 6.2 or later`,
    );
  const policy = (await client.configGet('maxmemory-policy').catch(() => /** @type {Record<string, string>} */ ({})))[
    'maxmemory-policy'
  ];
  if (policy?.startsWith('allkeys-'))
    problems.push(
      `Redis's maxmemory-policy is ${policy}: when full it may evict the shared cache's map of page tags, and other servers would keep pages a publish replaced; set maxmemory-policy volatile-lru`,
    );
  return problems;
}

/**
 * One Redis state per process, whatever number of handler instances Next creates.
 * @returns {SharedState}
 */
function sharedState() {
  const existing = /** @type {Record<symbol, SharedState | undefined>} */ (globalThis)[STATE];
  if (existing) return existing;
  /** @type {SharedState} */
  const state = {
    status: 'starting',
    handler: null,
    pendingTags: new Set(),
    probe: null,
    version: undefined,
    refusal: '',
    everUp: false,
  };
  /** @type {Record<symbol, SharedState | undefined>} */ (globalThis)[STATE] = state;
  if (process.env.NEXT_PHASE === 'phase-production-build') return state;

  // The keyspace-notification check is the library's only CONFIG call, and the only thing a plain Redis
  // fails: without it, other servers' pages stayed stale after a publish (docs/adr/0016).
  process.env.SKIP_KEYSPACE_CONFIG_CHECK = 'TRUE';
  const { sharedCacheState, redisUp } = metrics();
  const become = (/** @type {Exclude<Status, 'starting'>} */ status) => {
    if (state.status === status) return;
    state.status = status;
    for (const name of STATES) sharedCacheState.set({ state: name }, name === status ? 1 : 0);
    redisUp.set({ connection: 'cache' }, status === 'up' || status === 'slow' || status === 'writes_refused' ? 1 : 0);
    health().sharedCacheKnown = true;
    const [level, event, message, fields] = SAID[status](state);
    log()[level](event, message, fields);
    if (status === 'up') state.everUp = true;
  };
  for (const name of STATES) sharedCacheState.set({ state: name }, name === 'starting' ? 1 : 0);

  // A connection of our own asks Redis how it is; the handler's connections do the caching.
  const probeKey = `${KEY_PREFIX}probe:${randomUUID()}`;
  const probe = createClient({ url: process.env.REDIS_URL, socket: SOCKET, disableOfflineQueue: true });
  state.probe = probe;
  probe.on('error', () => {
    if (state.status !== 'starting') become('down');
  });
  probe.on('ready', () => void check());

  let checking = false;
  async function check() {
    if (checking) return;
    checking = true;
    try {
      if (!probe.isReady) return void (state.status !== 'starting' && become('down'));
      const answer = await within(probe.set(probeKey, String(Date.now()), { PX: REDIS_PROBE_MS * 10 })).catch(
        (error) => error,
      );
      if (answer === TIMED_OUT) return become('slow');
      if (answer instanceof Error) {
        if (!/^(OOM|READONLY|MISCONF)/.test(answer.message)) return become('down');
        state.refusal = answer.message.split(/[.\n]/, 1)[0];
        return become('writes_refused');
      }
      const handler = state.handler ?? (await startHandler());
      become('up');
      replayPendingTags(handler);
    } finally {
      checking = false;
    }
  }

  async function startHandler() {
    state.version = await redisVersion(probe);
    for (const problem of await settingProblems(probe, state.version))
      log().error('cache.redis_setting', `[cache] ${problem}`);
    // The library implements Next's cache handler but types what it is given narrower than Next does (fields Next
    // leaves optional, headers Next sets): it is given, and returns, what Next gives a cache handler.
    state.handler = /** @type {CacheHandler} */ (
      /** @type {unknown} */ (
        new RedisStringsHandler({
          redisUrl: process.env.REDIS_URL,
          database: 0,
          keyPrefix: KEY_PREFIX,
          getTimeoutMs: REDIS_TIMEOUT_MS,
          // Another server's publish must show within seconds, not after a local memo expires.
          inMemoryCachingTime: 0,
          socketOptions: SOCKET,
        })
      )
    );
    return state.handler;
  }

  /** @param {CacheHandler} handler */
  function replayPendingTags(handler) {
    const tags = [...state.pendingTags];
    state.pendingTags.clear();
    if (tags.length) within(handler.revalidateTag(tags)).catch(() => tags.forEach((tag) => state.pendingTags.add(tag)));
  }

  // The connection keeps trying in the background; say once if it has not come up soon.
  probe.connect().catch(() => {});
  setInterval(() => void check(), REDIS_PROBE_MS).unref();
  setTimeout(() => {
    if (state.status === 'starting') become('down');
  }, START_WAIT_MS).unref();
  return state;
}

/**
 * @param {new (context: HandlerContext) => CacheHandler} LocalCache this server's own cache (./isr-cache-handler.mjs)
 * @param {(data: { kind: 'APP_PAGE' | 'APP_ROUTE' | 'PAGES' }, context: SetContext) => GetContext} lookupContext the
 *   look-up context of an entry about to be stored
 */
export function createSharedCache(LocalCache, lookupContext) {
  const { cacheLookups } = metrics();
  // Asked now, not at the first request: /readyz waits for Redis's first answer.
  sharedState();
  return class SharedCache {
    /** @param {HandlerContext} context */
    constructor(context) {
      this.local = new LocalCache(context);
      this.state = sharedState();
    }

    /**
     * Redis's handler while Redis answers in time and takes writes, else none: this server serves alone.
     * @returns {CacheHandler | null}
     */
    usable() {
      return this.state.status === 'up' ? this.state.handler : null;
    }

    /**
     * @param {string} key
     * @param {GetContext} context
     * @returns {Promise<CacheHandlerValue | null>}
     */
    async get(key, context) {
      const handler = this.usable();
      if (handler) {
        /** @type {CacheHandlerValue | null | typeof TIMED_OUT} */
        const entry = await within(handler.get(key, context)).catch(() => TIMED_OUT);
        if (entry !== TIMED_OUT) {
          cacheLookups.inc({ layer: 'shared', result: entry ? 'hit' : 'miss' });
          return entry;
        }
        cacheLookups.inc({ layer: 'shared', result: 'timeout' });
      }
      return this.local.get(key, context);
    }

    /**
     * @param {string} key
     * @param {CacheValue | null} data
     * @param {SetContext} context
     */
    async set(key, data, context) {
      await this.local.set(key, data, context);
      const handler = this.usable();
      if (!handler) return;
      // As in the local cache, a 404 only takes the place of an entry.
      if (data && 'status' in data && data.status === 404) {
        const existing = await within(handler.get(key, lookupContext(data, context))).catch(() => null);
        if (!existing || existing === TIMED_OUT) return;
      }
      await within(handler.set(key, data, context)).catch(() => {});
    }

    /**
     * @param {string | string[]} tags
     * @param {{ expire?: number }} [durations]
     */
    async revalidateTag(tags, durations) {
      await this.local.revalidateTag(tags, durations);
      const list = Array.isArray(tags) ? tags : [tags];
      const handler = this.usable();
      if (handler) {
        const done = await within(handler.revalidateTag(list, durations)).catch(() => TIMED_OUT);
        if (done !== TIMED_OUT) return;
      }
      for (const tag of list) this.state.pendingTags.add(tag);
    }

    resetRequestCache() {
      this.local.resetRequestCache?.();
    }
  };
}
