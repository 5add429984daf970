import { notFound } from 'next/navigation';
import { shareImageResponse } from '@/components/share/shareImageResponse';
import { cardLabels } from '@/i18n/labels';
import { getContent } from '@/lib/content';
import { locales } from '@/lib/locales';
import { SHARE_CARD_SIZE } from '@/lib/og';
import { storyShareCard } from '@/lib/og/story-card';
import { PREVIEW_HEADERS, storyForRequest } from '@/lib/preview-session';

export const size = SHARE_CARD_SIZE;
export const contentType = 'image/png';

export function generateStaticParams() {
  return locales.flatMap((locale) => getContent().allPublished(locale).map((story) => ({ locale, slug: story.slug })));
}

export default async function Image({ params }: { params: Promise<{ locale: string; slug: string }> }) {
  const { locale, slug } = await params;
  const { story, preview } = await storyForRequest(locale, slug);
  if (!story) notFound();
  const card = storyShareCard(story, await cardLabels(story.locale, story.section));
  return shareImageResponse(card.text, preview ? PREVIEW_HEADERS : undefined);
}
