import { shareImageResponse } from '@/components/share/shareImageResponse';
import { cardLabels } from '@/i18n/labels';
import { notFound } from 'next/navigation';
import { isLocale, locales } from '@/lib/locales';
import { SHARE_CARD_SIZE } from '@/lib/og';
import { siteShareCard } from '@/lib/og/story-card';

export const size = SHARE_CARD_SIZE;
export const contentType = 'image/png';

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

export default async function Image({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  return shareImageResponse(siteShareCard(locale, await cardLabels(locale)).text);
}
