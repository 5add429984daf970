/**
 * The page cache shared by every server of a newsroom, on Redis, with each server's own file cache
 * underneath. Redis does the sharing through @trieb.work/nextjs-turbo-redis-cache, a cache handler
 * made for Next 15/16; this file is only the glue that keeps a server serving when Redis is gone:
 *
 * - every entry is written to both, so a server always has its own copy;
 * - while Redis answers, it is the truth: a miss there is a miss, so no server serves its local copy
 *   of a page another server has revalidated;
 * - a call to Redis that takes longer than REDIS_TIMEOUT_MS (or any call while Redis is down) falls
 *   back to the local copy, and the state change is logged once;
 * - tags revalidated while Redis is down are replayed to it when it returns.
 */
import { createClient } from 'redis';
import { RedisStringsHandler } from '@trieb.work/nextjs-turbo-redis-cache';

const REDIS_TIMEOUT_MS = Number(process.env.REDIS_TIMEOUT_MS ?? 200);
const TIMED_OUT = Symbol('timed out');
const STATE = Symbol.for('sahifa.shared-cache');
/** Both connections try again in the background, backing off to every 5 s. */
const SOCKET = { connectTimeout: 1000, reconnectStrategy: (retries) => Math.min(250 * 2 ** retries, 5000) };

/** One Redis connection state per process, whatever number of handler instances Next creates. */
function sharedState() {
  const existing = globalThis[STATE];
  if (existing) return existing;
  const state = { up: false, handler: null, pendingTags: new Set(), probe: null };
  globalThis[STATE] = state;
  if (process.env.NEXT_PHASE === 'phase-production-build') return state;

  // A connection of our own tells up from down: its events are the only state changes logged.
  state.probe = createClient({
    url: process.env.REDIS_URL,
    socket: SOCKET,
  });
  state.probe.on('ready', () => {
    if (state.up) return;
    state.up = true;
    console.log('[cache] Redis reachable: pages are shared through it');
    state.handler ??= new RedisStringsHandler({
      redisUrl: process.env.REDIS_URL,
      database: 0,
      keyPrefix: process.env.REDIS_KEY_PREFIX ?? 'sahifa:',
      getTimeoutMs: REDIS_TIMEOUT_MS,
      // Another server's publish must show within seconds, not after a local memo expires.
      inMemoryCachingTime: 0,
      socketOptions: SOCKET,
    });
    const tags = [...state.pendingTags];
    state.pendingTags.clear();
    if (tags.length) within(state.handler.revalidateTag(tags)).catch(() => tags.forEach((tag) => state.pendingTags.add(tag)));
  });
  state.probe.on('error', () => {
    if (!state.up) return;
    state.up = false;
    console.error("[cache] Redis unreachable: serving from this server's own cache until it returns");
  });
  // The connection keeps trying in the background; say once if it has not come up soon.
  state.probe.connect().catch(() => {});
  setTimeout(() => {
    if (!state.up) console.error("[cache] Redis unreachable at start: serving from this server's own cache until it answers");
  }, 2000).unref();
  return state;
}

/** The promise's result, or TIMED_OUT after REDIS_TIMEOUT_MS; a late failure is dropped, not thrown. */
function within(promise) {
  promise.catch(() => {});
  let timer;
  return Promise.race([promise, new Promise((resolve) => (timer = setTimeout(resolve, REDIS_TIMEOUT_MS, TIMED_OUT)))]).finally(() => clearTimeout(timer));
}

export function createSharedCache(LocalCache) {
  return class SharedCache {
    constructor(context) {
      this.local = new LocalCache(context);
      this.state = sharedState();
    }

    async get(key, context) {
      const { up, handler } = this.state;
      if (up && handler) {
        try {
          const entry = await within(handler.get(key, context));
          if (entry !== TIMED_OUT) return entry;
        } catch {
          // fall through to this server's copy
        }
      }
      return this.local.get(key, context);
    }

    async set(key, data, context) {
      await this.local.set(key, data, context);
      // The local handler already refuses 404s; so does the shared one.
      if (data?.status === 404) return;
      const { up, handler } = this.state;
      if (up && handler) await within(handler.set(key, data, context)).catch(() => {});
    }

    async revalidateTag(tags, durations) {
      await this.local.revalidateTag(tags, durations);
      const list = Array.isArray(tags) ? tags : [tags];
      const { up, handler } = this.state;
      if (up && handler) {
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
