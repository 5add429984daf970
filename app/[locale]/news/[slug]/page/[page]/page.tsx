import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { NotFoundPage, notFoundMetadata } from '@/components/layout/NotFound';
import { LiveStoryPage } from '@/components/live/LiveStoryPage';
import { findStoryForRoute, storySeo } from '@/components/article/story-route';
import { getContent } from '@/lib/content';
import { storyMetadata } from '@/lib/metadata';
import { parsePage } from '@/lib/pagination';
import { paths } from '@/lib/paths';

export const revalidate = 3600;

type Props = PageProps<'/[locale]/news/[slug]/page/[page]'>;

/** None at build time; each renders on its first request and is kept (ISR), so a missing page is a real 404. */
export function generateStaticParams() {
  return [];
}

/** A live story's older posts; page 1 is the story's own URL (next.config.ts redirects /page/1 there). */
async function resolve(props: Props) {
  const { page: raw, ...params } = await props.params;
  const page = parsePage(raw);
  const found = await findStoryForRoute(Promise.resolve(params));
  return { ...found, page: found.story?.live && page && page > 1 ? page : null };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale, story, page, preview } = await resolve(props);
  if (!story || !page) return notFoundMetadata(locale);
  const t = await getTranslations({ locale: story.locale });
  const metadata = storyMetadata(story, {
    ...(await storySeo(story)),
    editions: await getContent().editions(story.slug),
    page: {
      pathFor: (edition) => paths.livePage(edition, story.slug, page),
      title: t('live.pageTitle', { title: story.title, page }),
    },
  });
  return preview ? { ...metadata, robots: { index: false, follow: false } } : metadata;
}

export default async function LivePageN(props: Props) {
  const { locale, story, page, preview } = await resolve(props);
  if (!story || !page) return <NotFoundPage locale={locale} />;
  setRequestLocale(story.locale);
  return <LiveStoryPage story={story} page={page} preview={preview} />;
}
