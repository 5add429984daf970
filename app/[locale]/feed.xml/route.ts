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

export async function GET(_request: Request, { params }: RouteContext<'/[locale]/feed.xml'>) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const t = await getTranslations({ locale });
  const feed = rssFeed(
    {
      title: t('feed.title'),
      description: t('feed.description'),
      locale,
      pagePath: paths.home(locale),
      feedPath: paths.feed(locale),
      sectionName: (story) => t(`sections.${story.section}`),
      correctionLabel: t('corrections.correction'),
    },
    (await getContent().latest(locale, 0, FEED_SIZE)).items,
  );
  return new Response(feed, { headers: RSS_HEADERS });
}
