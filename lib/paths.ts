/**
 * Site paths, percent-encoded, so Arabic slugs travel safely in links, feeds and metadata (tag and
 * author keys excepted: see `label`). Every link on the site is built here.
 */
import type { LabelKind } from './content/labels';
import type { Locale } from './locales';
import type { Section } from './sections';
import type { Platform } from './share';

export const paths = {
  home: (locale: Locale) => `/${locale}`,
  story: (locale: Locale, slug: string) => `/${locale}/news/${encodeURIComponent(slug)}`,
  section: (locale: Locale, section: Section) => `/${locale}/section/${section}`,
  /** Page 1 is the section front itself; there is no /page/1. */
  sectionPage: (locale: Locale, section: Section, page: number) =>
    page === 1 ? paths.section(locale, section) : `/${locale}/section/${section}/page/${page}`,
  /**
   * A tag's or an author's page: /ar/tag/أرمينيا, /en/author/world-desk. A key is letters, digits and
   * hyphens, so it goes into a link as written (a third of the bytes of its percent-encoding, on every
   * story page twice: HTML and RSC payload); absoluteUrl() encodes it for metadata, feeds and sitemaps.
   */
  label: (locale: Locale, kind: LabelKind, key: string) => `/${locale}/${kind}/${key}`,
  labelPage: (locale: Locale, kind: LabelKind, key: string, page: number) =>
    page === 1 ? paths.label(locale, kind, key) : `${paths.label(locale, kind, key)}/page/${page}`,
  labelFeed: (locale: Locale, kind: LabelKind, key: string) => `${paths.label(locale, kind, key)}/feed.xml`,
  /** The search page, with a query and a page when given (URLSearchParams encodes them). */
  search: (locale: Locale, query?: string, page = 1) => {
    const params = new URLSearchParams();
    if (query) params.set('q', query);
    if (page > 1) params.set('page', String(page));
    const search = params.toString();
    return `/${locale}/search${search ? `?${search}` : ''}`;
  },
  /** A live story's older posts; page 1 is the story's own URL. */
  livePage: (locale: Locale, slug: string, page: number) =>
    page === 1 ? paths.story(locale, slug) : `${paths.story(locale, slug)}/page/${page}`,
  /** A live post's permanent link: it redirects to wherever the post sits now. */
  livePost: (locale: Locale, slug: string, id: string) => `${paths.story(locale, slug)}/post/${id}`,
  liveAnchor: (id: string) => `post-${id}`,
  /** What an open live page polls; `cursor` is the one its last answer gave. */
  liveUpdates: (locale: Locale, slug: string, cursor?: string) =>
    `${paths.story(locale, slug)}/updates${cursor ? `?after=${cursor}` : ''}`,
  liveFeed: (locale: Locale, slug: string) => `${paths.story(locale, slug)}/feed.xml`,
  // The card's version rides in the query: the image route ignores it, caches and scrapers do not.
  storyShareImage: (locale: Locale, slug: string, version: string) =>
    `${paths.story(locale, slug)}/opengraph-image?v=${version}`,
  /** Redirects to the platform's share form (app/[locale]/news/[slug]/share/[platform]). */
  storyShare: (locale: Locale, slug: string, platform: Platform) => `${paths.story(locale, slug)}/share/${platform}`,
  siteShareImage: (locale: Locale, version: string) => `/${locale}/opengraph-image?v=${version}`,
  /** The newsroom's principles, corrections policy, masthead and ethics (components/about/AboutRoute.tsx). */
  about: (locale: Locale) => `/${locale}/about`,
  /** Stories corrected after publishing, the newest correction first; page 1 is the list itself. */
  corrections: (locale: Locale) => `/${locale}/corrections`,
  correctionsPage: (locale: Locale, page: number) =>
    page === 1 ? paths.corrections(locale) : `/${locale}/corrections/page/${page}`,
  correctionsFeed: (locale: Locale) => `/${locale}/corrections/feed.xml`,
  editorsList: (locale: Locale) => `/${locale}/preview`,
  feed: (locale: Locale) => `/${locale}/feed.xml`,
  sectionFeed: (locale: Locale, section: Section) => `/${locale}/section/${section}/feed.xml`,
  sitemap: () => '/sitemap.xml',
  sitemapFile: (name: string) => `/sitemaps/${name}`,
  newsSitemap: () => '/news-sitemap.xml',
};
