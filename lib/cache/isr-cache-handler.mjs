/**
 * The page cache Next uses for pages, route handlers and share images (next.config.ts `cacheHandler`;
 * loaded at run time, so plain JS).
 *
 * Without REDIS_URL: Next's own file-system cache, less one thing: a 404 is never stored. Every unknown
 * URL a crawler or an attacker tries would otherwise leave an entry on disk and in memory for good
 * (about 40 KB each); a 404 costs a render instead (docs/adr/0002).
 * Every page it stores carries a second Content-Security-Policy that allows only that page's own inline
 * scripts, by hash (lib/http/security-headers.mjs); Next sends stored headers with the page.
 * With REDIS_URL: the same cache under a shared one on Redis (./shared-cache.mjs).
 */
import FileSystemCache from 'next/dist/server/lib/incremental-cache/file-system-cache.js';
import { pageScriptPolicy } from '../http/security-headers.mjs';
import { createSharedCache } from './shared-cache.mjs';

const NextFileSystemCache = FileSystemCache.default ?? FileSystemCache;

/**
 * Adds the page's own script policy to a stored page that lacks it: pages rendered at run time get it
 * when stored; pages prerendered by `next build` (written by Next, not through this handler) when first
 * read. The entry is the one Next keeps in memory, so the hashing happens once per page and process.
 */
function withPageScriptPolicy(value) {
  if (value?.kind === 'APP_PAGE' && typeof value.html === 'string' && value.html && !value.headers?.['content-security-policy']) {
    value.headers = { ...value.headers, 'content-security-policy': pageScriptPolicy(value.html) };
  }
  return value;
}

class LocalCache extends NextFileSystemCache {
  async get(key, ctx) {
    const entry = await super.get(key, ctx);
    withPageScriptPolicy(entry?.value);
    return entry;
  }

  async set(key, data, ctx) {
    if (data?.status === 404) return;
    // The same object goes on to answer the request that rendered it, so that answer has the policy too.
    return super.set(key, withPageScriptPolicy(data), ctx);
  }
}

export default process.env.REDIS_URL ? createSharedCache(LocalCache) : LocalCache;
