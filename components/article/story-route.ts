/**
 * What a story's routes (its page, a live page's later pages) look up alike: the story the request may see,
 * and the fields its metadata and JSON-LD share. `cache` computes them once per render.
 */
import { cache } from 'react';
import { storyCardLabels } from '@/i18n/labels';
import type { StorySummary } from '@/lib/content';
import { localeOrDefault } from '@/lib/locales';
import { storyShareCard } from '@/lib/og/story-card';
import { paths } from '@/lib/paths';
import { storyForRequest } from '@/lib/preview-session';
import { enterEdition } from '@/components/lite/render-mode';

export async function findStoryForRoute(params: Promise<{ locale: string; slug: string }>) {
  const { locale: segment, slug } = await params;
  const locale = enterEdition(segment);
  return { locale: localeOrDefault(locale), ...(await storyForRequest(locale, slug)) };
}

/**
 * The moment a render counts a story's age from, once per render, so the label above the headline and the
 * card the page's metadata points to say the same.
 */
export const renderMoment = cache(() => new Date());

export const storySeo = cache(async (story: StorySummary) => {
  const labels = await storyCardLabels(story, renderMoment());
  const card = storyShareCard(story, labels);
  return {
    siteName: labels.brand,
    feed: story.live
      ? { path: paths.liveFeed(story.locale, story.slug), title: labels.liveFeedTitle(story.title) }
      : { path: paths.feed(story.locale), title: labels.feedTitle },
    sectionName: labels.section!,
    image: { path: paths.storyShareImage(story.locale, story.slug, card.version), alt: story.title },
  };
});
