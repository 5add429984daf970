import type { MetadataRoute } from 'next';
import { getContent } from '@/lib/content';
import { locales, type Locale } from '@/lib/locales';
import { paths } from '@/lib/paths';
import { sections } from '@/lib/sections';
import { absoluteUrl } from '@/lib/site';

export const revalidate = 3600;

function alternates(pathFor: (locale: Locale) => string, available: readonly Locale[]) {
  if (available.length < 2) return undefined;
  return { languages: Object.fromEntries(available.map((locale) => [locale, absoluteUrl(pathFor(locale))])) };
}

/** Every published story with its last change and hreflang alternates, then the fronts. */
export default function sitemap(): MetadataRoute.Sitemap {
  const content = getContent();
  const entries: MetadataRoute.Sitemap = [];
  for (const locale of locales) {
    const newest = content.latest(locale, 0, 1).items[0];
    entries.push({ url: absoluteUrl(paths.home(locale)), lastModified: newest?.updatedAt ?? newest?.publishedAt, alternates: alternates(paths.home, locales) });
    for (const section of sections) {
      entries.push({ url: absoluteUrl(paths.section(locale, section)), alternates: alternates((l) => paths.section(l, section), locales) });
    }
    for (const story of content.allPublished(locale)) {
      entries.push({
        url: absoluteUrl(paths.story(locale, story.slug)),
        lastModified: story.updatedAt ?? story.publishedAt,
        alternates: alternates((l) => paths.story(l, story.slug), content.localesOf(story.slug)),
      });
    }
  }
  return entries;
}
