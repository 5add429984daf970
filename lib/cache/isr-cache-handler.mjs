/**
 * The page cache Next uses for pages, route handlers and share images (next.config.ts `cacheHandler`;
 * loaded at run time, so plain JS).
 *
 * Without REDIS_URL: Next's own file-system cache, less one thing: a 404 is never stored. Every unknown
 * URL a crawler or an attacker tries would otherwise leave an entry on disk and in memory for good
 * (about 40 KB each); a 404 costs a render instead (docs/adr/0002).
 * With REDIS_URL: the same cache under a shared one on Redis (./shared-cache.mjs).
 */
import FileSystemCache from 'next/dist/server/lib/incremental-cache/file-system-cache.js';
import { createSharedCache } from './shared-cache.mjs';

const NextFileSystemCache = FileSystemCache.default ?? FileSystemCache;

class LocalCache extends NextFileSystemCache {
  async set(key, data, ctx) {
    if (data?.status === 404) return;
    return super.set(key, data, ctx);
  }
}

export default process.env.REDIS_URL ? createSharedCache(LocalCache) : LocalCache;
