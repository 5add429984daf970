import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { LITE_SUFFIX } from './lib/http/lite.mjs';
import { defaultLocale, locales } from './lib/locales';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

const editionNames = locales.join('|');
const editionSegment = `:locale(${editionNames})`;
/** A first segment shaped like a language tag (fr, pt-BR) that is none of our editions. */
const otherLanguageSegment = `:language((?!(?:${editionNames})(?![\\w-]))[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)`;
/** A lite page's render path (lib/http/lite.mjs) whose first segment is no edition's: `/fr.lite/x`, `/.lite`. */
const otherLiteSegment = `:segment((?!(?:${editionNames})\\.lite(?:/|$))[^/]*\\.lite)`;

const config: NextConfig = {
  poweredByHeader: false,
  // Next would hash every page it sends for its ETag; the page cache tags each page once instead
  // (lib/cache/isr-cache-handler.mjs) and server.mjs answers If-None-Match.
  generateEtags: false,
  // No `cacheHandler` here: server.mjs installs lib/cache/isr-cache-handler.mjs (Next's file-system cache,
  // except that it never stores a 404), because Next imports a configured handler anew on every request.
  // Metadata in <head> of the first response for every user agent, not only Next's list of bots:
  // a page first rendered for a browser is cached and then served to scrapers as it is.
  htmlLimitedBots: /.*/,
  // harfbuzzjs loads its WASM file from its own folder; bundling it would lose the file. The logger and
  // the metrics registry are loaded by server.mjs too: one copy of each library, one instance per process.
  serverExternalPackages: ['harfbuzzjs', 'redis', 'pino', 'pino-pretty', 'prom-client'],
  // Integrity hashes on Next's script tags: a chunk altered on a CDN or a proxy does not run.
  experimental: { sri: { algorithm: 'sha256' } },
  images: {
    formats: ['image/avif', 'image/webp'],
    // Widths for srcset: phones (360–412 px at 1.75–3×), tablets, and the widest picture (a 768 px hero
    // at 2×). Next's defaults list ten, up to 3840 px, and every one is written out per picture, in the
    // HTML and again in the RSC payload (75 bytes a width, eight times on a story page).
    deviceSizes: [640, 750, 828, 1080, 1536],
    imageSizes: [256, 384],
    // Story pictures only: any other path (`/`, a share card, a route) is a 400 from the optimizer
    // rather than a 500, a log line and an encode a stranger could ask for.
    localPatterns: [{ pathname: '/images/**', search: '' }],
  },
  async redirects() {
    // One address per page: the first page of a section is the section front.
    return [
      {
        source: `/${editionSegment}/section/:section/page/1`,
        destination: '/:locale/section/:section',
        permanent: true,
      },
      {
        source: `/${editionSegment}/:kind(tag|author)/:key/page/1`,
        destination: '/:locale/:kind/:key',
        permanent: true,
      },
      { source: `/${editionSegment}/news/:slug/page/1`, destination: '/:locale/news/:slug', permanent: true },
      { source: `/${editionSegment}/corrections/page/1`, destination: '/:locale/corrections', permanent: true },
    ];
  },
  async rewrites() {
    return {
      beforeFiles: [],
      // /fr/news/x: the default edition's 404 at once, rather than a redirect to /ar/fr/news/x first. After
      // the app's own routes, so a route such as /faq is served as it is (docs/adr/0009).
      afterFiles: [
        { source: `/${otherLanguageSegment}/:rest*`, destination: `/${defaultLocale}/:language/:rest*` },
        // The same for lite pages: the default edition's lite 404.
        { source: `/${otherLiteSegment}/:rest*`, destination: `/${defaultLocale}${LITE_SUFFIX}/:segment/:rest*` },
      ],
      fallback: [],
    };
  },
};

export default withNextIntl(config);
