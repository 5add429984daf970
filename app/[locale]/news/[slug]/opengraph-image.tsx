import { notFound } from 'next/navigation';
import { shareImageResponse } from '@/components/share/shareImageResponse';
import { storyCardLabels } from '@/i18n/labels';
import { getContent } from '@/lib/content';
import { locales } from '@/lib/locales';
import { SHARE_CARD_SIZE } from '@/lib/og';
import { storyShareCard } from '@/lib/og/story-card';
import { prerenderedStories } from '@/lib/site';
import { PREVIEW_HEADERS, storyForRequest } from '@/lib/preview-session';

export const size = SHARE_CARD_SIZE;
export const contentType = 'image/png';

/** The newest stories' cards are drawn at build time, like their pages; the rest on first request. */
export async function generateStaticParams() {
  const newest = await Promise.all(locales.map((locale) => getContent().latest(locale, 0, prerenderedStories)));
  return newest.flatMap((page) => page.items.map((story) => ({ locale: story.locale, slug: story.slug })));
}

export default async function Image({ params }: { params: Promise<{ locale: string; slug: string }> }) {
  const { locale, slug } = await params;
  const { story, preview } = await storyForRequest(locale, slug);
  if (!story) notFound();
  const card = storyShareCard(story, await storyCardLabels(story, new Date()));
  return shareImageResponse(card.text, preview ? PREVIEW_HEADERS : undefined);
}
