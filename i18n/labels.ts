import { getTranslations } from 'next-intl/server';
import type { StorySummary } from '../lib/content';
import { formatNumber } from '../lib/dates';
import type { Locale } from '../lib/locales';
import { siteShareCard } from '../lib/og/story-card';
import { paths } from '../lib/paths';
import type { Section } from '../lib/sections';
import { storyAge } from '../lib/story-age';

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

/**
 * "هذا الخبر نُشر قبل أكثر من 3 سنوات": what a story old enough on `now`'s day says above its headline and
 * across its share card, else nothing. A live page still running is news today, however long it has run.
 */
export async function storyAgeLabel(
  story: Pick<StorySummary, 'locale' | 'publishedAt' | 'live'>,
  now: Date,
): Promise<string | undefined> {
  const age = story.live === 'live' ? undefined : storyAge(story.publishedAt, now);
  if (!age) return undefined;
  const t = await getTranslations({ locale: story.locale, namespace: 'story' });
  return t(`age.${age.unit}`, { count: age.count, n: formatNumber(age.count, story.locale) });
}

/** The words of a story's share card, its age label among them. */
export async function storyCardLabels(story: StorySummary, now: Date) {
  return { ...(await cardLabels(story.locale, story.section)), age: await storyAgeLabel(story, now) };
}

/** The site-level share card of an edition (home and section fronts), as metadata wants it. */
export async function siteShareImage(locale: Locale) {
  const labels = await cardLabels(locale);
  return { path: paths.siteShareImage(locale, siteShareCard(locale, labels).version), alt: labels.brand };
}
