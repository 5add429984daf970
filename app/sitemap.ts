import type { MetadataRoute } from 'next';
import { getContent } from '@/lib/content';
import { lastChange } from '@/lib/feeds';
import { locales, type Locale } from '@/lib/locales';
import { languageAlternates } from '@/lib/metadata';
import { paths } from '@/lib/paths';
import { sections } from '@/lib/sections';
import { absoluteUrl } from '@/lib/site';

export const revalidate = 3600;

function alternates(pathFor: (locale: Locale) => string, available: Locale[]) {
  const languages = languageAlternates(pathFor, available);
  return languages ? { languages } : undefined;
}

/** Every published story with its last change and hreflang alternates, then the fronts. */
export default function sitemap(): MetadataRoute.Sitemap {
  const content = getContent();
  const entries: MetadataRoute.Sitemap = [];
  for (const locale of locales) {
    entries.push({ url: absoluteUrl(paths.home(locale)), lastModified: lastChange(content.allPublished(locale)), alternates: alternates(paths.home, [...locales]) });
    for (const section of sections) {
      entries.push({
        url: absoluteUrl(paths.section(locale, section)),
        lastModified: lastChange(content.inSection(locale, section, 0, Infinity).items),
        alternates: alternates((l) => paths.section(l, section), [...locales]),
      });
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
