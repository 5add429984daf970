/**
 * Site paths, percent-encoded, so Arabic slugs travel safely in links, feeds and metadata.
 * Every link on the site is built here.
 */
import { locales, type Locale } from './locales';
import { sections, type Section } from './sections';

export const paths = {
  home: (locale: Locale) => `/${locale}`,
  story: (locale: Locale, slug: string) => `/${locale}/news/${encodeURIComponent(slug)}`,
  section: (locale: Locale, section: Section) => `/${locale}/section/${section}`,
  /** Page 1 is the section front itself; there is no /page/1. */
  sectionPage: (locale: Locale, section: Section, page: number) => (page === 1 ? paths.section(locale, section) : `/${locale}/section/${section}/page/${page}`),
  // The card's version rides in the query: the image route ignores it, caches and scrapers do not.
  storyShareImage: (locale: Locale, slug: string, version: string) => `${paths.story(locale, slug)}/opengraph-image?v=${version}`,
  siteShareImage: (locale: Locale, version: string) => `/${locale}/opengraph-image?v=${version}`,
  editorsList: (locale: Locale) => `/${locale}/preview`,
  feed: (locale: Locale) => `/${locale}/feed.xml`,
  sectionFeed: (locale: Locale, section: Section) => `/${locale}/section/${section}/feed.xml`,
  sitemap: () => '/sitemap.xml',
  newsSitemap: () => '/news-sitemap.xml',
};

/**
 * Everything a publish can change when these stories change: the stories and their cards in both
 * editions, every front that lists stories, the feeds and the sitemaps. Story paths come both
 * percent-encoded and as written, since caches may key Arabic slugs either way.
 */
export function pathsAffectedByPublishing(slugs: string[]): string[] {
  const affected = new Set<string>([paths.sitemap(), paths.newsSitemap()]);
  for (const locale of locales) {
    affected.add(paths.home(locale));
    affected.add(paths.feed(locale));
    for (const section of sections) {
      affected.add(paths.section(locale, section));
      affected.add(paths.sectionFeed(locale, section));
    }
    for (const slug of slugs) {
      for (const storyPath of new Set([paths.story(locale, slug), `/${locale}/news/${slug}`])) {
        affected.add(storyPath);
        affected.add(`${storyPath}/opengraph-image`);
      }
    }
  }
  return [...affected];
}
