import path from 'node:path';
import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

const config: NextConfig = {
  poweredByHeader: false,
  // Next's file-system cache, except that it never stores a 404 (lib/cache/isr-cache-handler.mjs).
  cacheHandler: path.resolve('lib/cache/isr-cache-handler.mjs'),
  // Metadata in <head> of the first response for every user agent, not only Next's list of bots:
  // a page first rendered for a browser is cached and then served to scrapers as it is.
  htmlLimitedBots: /.*/,
  // harfbuzzjs loads its WASM file from its own folder; bundling it would lose the file.
  serverExternalPackages: ['harfbuzzjs', 'redis'],
  // Integrity hashes on Next's script tags: a chunk altered on a CDN or a proxy does not run.
  experimental: { sri: { algorithm: 'sha256' } },
  images: {
    formats: ['image/avif', 'image/webp'],
  },
  async redirects() {
    // One address per page: the first page of a section is the section front.
    return [{ source: '/:locale(ar|en)/section/:section/page/1', destination: '/:locale/section/:section', permanent: true }];
  },
  async headers() {
    // Whatever an editor's browser is served while it holds a preview cookie stays out of indexes;
    // the routes themselves decide what the cookie is worth.
    const noindex = [{ key: 'X-Robots-Tag', value: 'noindex' }];
    return ['__prerender_bypass', 'sahifa_preview'].map((cookie) => ({
      source: '/:path*',
      has: [{ type: 'cookie' as const, key: cookie }],
      headers: noindex,
    }));
  },
};

export default withNextIntl(config);
