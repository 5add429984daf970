import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getContent } from '@/lib/content';
import { FEED_SIZE, RSS_HEADERS, rssFeed } from '@/lib/feeds';
import { isLocale, locales } from '@/lib/locales';
import { paths } from '@/lib/paths';
import { isSection, sections } from '@/lib/sections';

export const revalidate = 3600;

export function generateStaticParams() {
  return locales.flatMap((locale) => sections.map((section) => ({ locale, section })));
}

export async function GET(_request: Request, { params }: RouteContext<'/[locale]/section/[section]/feed.xml'>) {
  const { locale, section } = await params;
  if (!isLocale(locale) || !isSection(section)) notFound();
  const t = await getTranslations({ locale });
  const name = t(`sections.${section}`);
  const feed = rssFeed(
    {
      title: t('feed.sectionTitle', { section: name }),
      description: t('feed.sectionDescription', { section: name }),
      locale,
      pagePath: paths.section(locale, section),
      feedPath: paths.sectionFeed(locale, section),
      sectionName: () => name,
      correctionLabel: t('corrections.correction'),
    },
    (await getContent().inSection(locale, section, 0, FEED_SIZE)).items,
  );
  return new Response(feed, { headers: RSS_HEADERS });
}
