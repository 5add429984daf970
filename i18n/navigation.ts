import { createNavigation } from 'next-intl/navigation';
import type { Locale } from '../lib/locales';
import type { Section } from '../lib/sections';
import { routing } from './routing';

export const { getPathname } = createNavigation(routing);

/** Site paths, percent-encoded, so Arabic slugs travel safely in links, feeds and metadata. */
export const paths = {
  home: (locale: Locale) => `/${locale}`,
  story: (locale: Locale, slug: string) => `/${locale}/news/${encodeURIComponent(slug)}`,
  section: (locale: Locale, section: Section) => `/${locale}/section/${section}`,
};
