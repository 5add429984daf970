/**
 * Next's own file-system cache for pages, route handlers and share images, less one thing: a 404
 * is never stored. Every unknown URL a crawler or an attacker tries would otherwise leave an entry
 * on disk and in memory for good (about 40 KB each); a 404 costs a render instead, and real pages
 * stay cached as before. Loaded by Next at run time (next.config.ts `cacheHandler`), so plain JS.
 */
import FileSystemCache from 'next/dist/server/lib/incremental-cache/file-system-cache.js';

const NextFileSystemCache = FileSystemCache.default ?? FileSystemCache;

export default class SahifaCacheHandler extends NextFileSystemCache {
  async set(key, data, ctx) {
    if (data?.status === 404) return;
    return super.set(key, data, ctx);
  }
}
