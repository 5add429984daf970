// @ts-check
/**
 * The page cache Next uses for pages, route handlers and share images (installed by server.mjs;
 * loaded at run time, so plain JS).
 *
 * Without REDIS_URL: Next's own file-system cache, less one thing: a 404 is stored only where it replaces
 * a page. Every unknown URL a crawler or an attacker tries would otherwise leave an entry on disk and in
 * memory for good (about 40 KB each); a 404 costs a render instead (docs/adr/0002).
 * Every page it stores carries a second Content-Security-Policy that allows only that page's own inline
 * scripts, by hash (lib/http/security-headers.mjs), and its ETag; Next sends stored headers with the page.
 * With REDIS_URL: the same cache under a shared one on Redis (./shared-cache.mjs).
 * Either way, a story page or card rendered on an earlier day of the site's calendar is not served
 * (./day-bound-pages.mjs): it may not say how old the story is today.
 */
import { createHash } from 'node:crypto';
import FileSystemCache from 'next/dist/server/lib/incremental-cache/file-system-cache.js';
import { storedPagePolicy } from '../http/security-headers.mjs';
import { joinFlightPieces } from './flight-pieces.mjs';
import { metrics } from '../ops/metrics.mjs';
import { renderedOnEarlierDay } from './day-bound-pages.mjs';
import { createSharedCache } from './shared-cache.mjs';

/**
 * @typedef {import('next/dist/server/lib/incremental-cache/index.js').CacheHandlerValue} CacheHandlerValue an entry
 *   as a cache handler returns it
 * @typedef {import('next/dist/server/response-cache/types.js').IncrementalCacheValue} CacheValue what Next stores
 * @typedef {Parameters<FileSystemCache['get']>[1]} GetContext
 * @typedef {Parameters<FileSystemCache['set']>[2]} SetContext
 * @typedef {ConstructorParameters<typeof FileSystemCache>[0]} HandlerContext what Next constructs a handler with
 */

// Node's import of this CommonJS file gives its whole `exports`, with the class on `.default`; the types describe
// a bundler's import, which gives the class itself.
const NextFileSystemCache =
  /** @type {{ default?: typeof FileSystemCache }} */ (FileSystemCache).default ?? FileSystemCache;

/**
 * Adds what a stored page's responses need and lacks, once per page version rather than per response:
 * - its RSC payload in as few scripts as it can be (./flight-pieces.mjs), before anything is counted from it;
 * - its own script policy (pages rendered at run time get it when stored; pages prerendered by
 *   `next build`, written by Next and not through this handler, when first read);
 * - an ETag. Next would hash the whole HTML for every response it sends (`generateEtags`, about 15% of a
 *   cached page's CPU, measured), so next.config.ts turns that off and the page carries a tag made here;
 *   server.mjs answers If-None-Match with it. Weak: the HTML and the RSC payload of one render share it.
 * The entry is the one Next keeps in memory, so this happens once per page and process.
 * @template {CacheValue | null | undefined} T
 * @param {T} value
 * @returns {T}
 */
function withPageHeaders(value) {
  // A feed or a sitemap (a route handler's stored answer) gets its ETag too: the front door keeps its
  // compressed bytes by it (lib/http/compressed-answer.mjs) and answers If-None-Match.
  if (value?.kind === 'APP_ROUTE' && value.status === 200 && value.body?.length && !value.headers?.etag) {
    value.headers = { ...value.headers, etag: `W/"${createHash('sha1').update(value.body).digest('base64url')}"` };
    return value;
  }
  if (value?.kind !== 'APP_PAGE' || typeof value.html !== 'string' || !value.html) return value;
  if (!value.headers?.etag) value.html = joinFlightPieces(value.html);
  /** @type {import('node:http').OutgoingHttpHeaders} */
  const added = {};
  if (!value.headers?.['content-security-policy']) added['content-security-policy'] = storedPagePolicy(value.html);
  if (!value.headers?.etag) added.etag = `W/"${createHash('sha1').update(value.html).digest('base64url')}"`;
  if (Object.keys(added).length) value.headers = { ...value.headers, ...added };
  return value;
}

const { cacheLookups } = metrics();

/**
 * A 404 is stored only in place of an entry it replaces (a story unpublished, a spelling once served):
 * so a page that is gone stops being served from the cache, and unknown URLs still leave nothing.
 * The look-up that tells needs the entry's kind, which `set` gets from the data.
 * @param {{ kind: 'APP_PAGE' | 'APP_ROUTE' | 'PAGES' }} data a stored value with a status
 * @param {SetContext} ctx
 * @returns {GetContext}
 */
function lookupContext(data, ctx) {
  const context = {
    kind: data.kind,
    isRoutePPREnabled: Boolean(ctx && 'isRoutePPREnabled' in ctx && ctx.isRoutePPREnabled),
    isFallback: false,
  };
  // Next types a stored value's kind and a look-up's as two const enums of the same names, which plain JS cannot
  // name: the value's kind is the look-up's.
  return /** @type {GetContext} */ (/** @type {unknown} */ (context));
}

class LocalCache extends NextFileSystemCache {
  /**
   * @param {string} key
   * @param {GetContext} ctx
   */
  async get(key, ctx) {
    const entry = await super.get(key, ctx);
    cacheLookups.inc({ layer: 'local', result: entry ? 'hit' : 'miss' });
    withPageHeaders(entry?.value);
    return entry;
  }

  /**
   * @param {string} key
   * @param {CacheValue | null} data
   * @param {SetContext} ctx
   */
  async set(key, data, ctx) {
    if (data && 'status' in data && data.status === 404 && !(await super.get(key, lookupContext(data, ctx)))) return;
    // The same object goes on to answer the request that rendered it, so that answer has the policy too.
    return super.set(key, withPageHeaders(data), ctx);
  }
}

const StoredPages = process.env.REDIS_URL ? createSharedCache(LocalCache, lookupContext) : LocalCache;

export default class PageCache extends StoredPages {
  /**
   * @param {string} key
   * @param {GetContext} ctx
   */
  async get(key, ctx) {
    const entry = await super.get(key, ctx);
    return renderedOnEarlierDay(key, entry) ? null : entry;
  }
}
