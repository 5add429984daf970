// @ts-check
/**
 * Whether this server should be sent readers: what /readyz answers. Its parts are set where they are
 * known (the content index in instrumentation.ts, the shared cache in lib/cache/shared-cache.mjs, a
 * shutdown in server.mjs), so the process keeps one state on globalThis, like its logger.
 */
const HEALTH = Symbol.for('sahifa.health');

/**
 * @typedef {object} Health
 * @property {'starting' | 'ready' | 'failed'} content the content index: opening, answering, or broken
 * @property {boolean} sharedCacheKnown with REDIS_URL: whether the shared cache's state is known yet
 * @property {boolean} draining a shutdown has begun: finishing requests, taking no new readers
 */

/** @returns {Health} */
export function health() {
  const state = /** @type {any} */ (globalThis);
  state[HEALTH] ??= { content: 'starting', sharedCacheKnown: !process.env.REDIS_URL, draining: false };
  return state[HEALTH];
}

/**
 * Ready for readers, or the one-line reason not.
 * @param {Health} state
 * @returns {{ ready: true } | { ready: false, reason: string }}
 */
export function readiness(state) {
  if (state.draining) return { ready: false, reason: 'draining: shutting down' };
  if (state.content === 'failed') return { ready: false, reason: 'the content index could not be opened' };
  if (state.content === 'starting') return { ready: false, reason: 'starting: the content index is opening' };
  if (!state.sharedCacheKnown) return { ready: false, reason: 'starting: waiting for the first answer from Redis' };
  return { ready: true };
}
