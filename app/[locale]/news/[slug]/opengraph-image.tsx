import { notFound } from 'next/navigation';
import { shareImageResponse } from '@/components/share/shareImageResponse';
import { cardLabels } from '@/i18n/labels';
import { findPublishedStory, getContent, readStoryFresh } from '@/lib/content';
import { locales } from '@/lib/locales';
import { SHARE_CARD_SIZE } from '@/lib/og';
import { storyShareCard } from '@/lib/og/story-card';
import { inPreview, PREVIEW_HEADERS } from '@/lib/preview-session';

export const size = SHARE_CARD_SIZE;
export const contentType = 'image/png';

export function generateStaticParams() {
  return locales.flatMap((locale) => getContent().allPublished(locale).map((story) => ({ locale, slug: story.slug })));
}

export default async function Image({ params }: { params: Promise<{ locale: string; slug: string }> }) {
  const { locale, slug } = await params;
  const preview = await inPreview();
  const story = preview ? readStoryFresh(locale, slug) : findPublishedStory(locale, slug);
  if (!story) notFound();
  const card = storyShareCard(story, await cardLabels(story.locale, story.section));
  return shareImageResponse(card.text, preview ? PREVIEW_HEADERS : undefined);
}
