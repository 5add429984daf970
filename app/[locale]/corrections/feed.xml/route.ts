import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getContent } from '@/lib/content';
import { FEED_SIZE, RSS_HEADERS, rssFeed } from '@/lib/feeds';
import { isLocale, locales } from '@/lib/locales';
import { paths } from '@/lib/paths';

export const revalidate = 3600;

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

/** The corrections page as a feed: each corrected story with its summary and corrections. */
export async function GET(_request: Request, { params }: RouteContext<'/[locale]/corrections/feed.xml'>) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const t = await getTranslations({ locale });
  const feed = rssFeed(
    {
      title: t('corrections.feedTitle'),
      description: t('corrections.description'),
      locale,
      pagePath: paths.corrections(locale),
      feedPath: paths.correctionsFeed(locale),
      sectionName: (story) => t(`sections.${story.section}`),
      correctionLabel: t('corrections.correction'),
    },
    (await getContent().corrected(locale, 0, FEED_SIZE)).items,
  );
  return new Response(feed, { headers: RSS_HEADERS });
}
