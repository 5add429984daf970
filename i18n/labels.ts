import { getTranslations } from 'next-intl/server';
import type { Locale } from '../lib/locales';
import { siteShareCard } from '../lib/og/story-card';
import { paths } from '../lib/paths';
import type { Section } from '../lib/sections';

/** The words a share card needs, from messages/. */
export async function cardLabels(locale: Locale, section?: Section) {
  const t = await getTranslations({ locale });
  return {
    brand: t('site.name'),
    tagline: t('site.tagline'),
    description: t('home.description'),
    feedTitle: t('feed.title'),
    section: section ? t(`sections.${section}`) : undefined,
    live: t('live.badge'),
    liveFeedTitle: (title: string) => t('live.feedTitle', { title }),
  };
}

/** The site-level share card of an edition (home and section fronts), as metadata wants it. */
export async function siteShareImage(locale: Locale) {
  const labels = await cardLabels(locale);
  return { path: paths.siteShareImage(locale, siteShareCard(locale, labels).version), alt: labels.brand };
}
