import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getContent, isLabelKind, labelKeyFromParam } from '@/lib/content';
import { FEED_SIZE, RSS_HEADERS, rssFeed } from '@/lib/feeds';
import { isLocale } from '@/lib/locales';
import { paths } from '@/lib/paths';

export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

/** The RSS feed of a tag's or an author's page: the same stories, newest first. */
export async function GET(_request: Request, { params }: RouteContext<'/[locale]/[kind]/[key]/feed.xml'>) {
  const { locale, kind, key: raw } = await params;
  const key = labelKeyFromParam(raw);
  if (!isLocale(locale) || !isLabelKind(kind) || !key) notFound();
  const { items, label } = await getContent().labelled(locale, kind, key, 0, FEED_SIZE);
  if (!label) notFound();
  const t = await getTranslations({ locale });
  const feed = rssFeed(
    {
      title: t(`labels.${kind}Feed`, { name: label.name }),
      description: t(`labels.${kind}Description`, { name: label.name }),
      locale,
      pagePath: paths.label(locale, kind, label.key),
      feedPath: paths.labelFeed(locale, kind, label.key),
      sectionName: (story) => t(`sections.${story.section}`),
      correctionLabel: t('corrections.correction'),
    },
    items,
  );
  return new Response(feed, { headers: RSS_HEADERS });
}
