import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { Article } from '@/components/article/Article';
import { NotFoundPage, notFoundMetadata } from '@/components/layout/NotFound';
import { LiveStoryPage } from '@/components/live/LiveStoryPage';
import { SiteHeader } from '@/components/layout/SiteHeader';
import { PreviewBanner } from '@/components/preview/PreviewBanner';
import { SharePreviewPanel } from '@/components/preview/SharePreviewPanel';
import { JsonLd } from '@/components/seo/JsonLd';
import { findStoryForRoute, storySeo } from '@/components/article/story-route';
import { getContent } from '@/lib/content';
import { isLocale } from '@/lib/locales';
import { newsArticleJsonLd, storyMetadata } from '@/lib/metadata';
import { paths } from '@/lib/paths';
import { logRender } from '@/lib/render-log';
import { prerenderedStories } from '@/lib/site';

export const revalidate = 3600;

const RELATED_STORIES = 4;

/** The newest stories are generated at build time; every other one renders on its first request. */
export async function generateStaticParams({ params }: { params: { locale: string } }) {
  if (!isLocale(params.locale)) return [];
  return (await getContent().latest(params.locale, 0, prerenderedStories)).items.map((story) => ({ slug: story.slug }));
}

export async function generateMetadata({ params }: PageProps<'/[locale]/news/[slug]'>): Promise<Metadata> {
  const { locale, story, preview } = await findStoryForRoute(params);
  if (!story) return notFoundMetadata(locale);
  const metadata = storyMetadata(story, {
    ...(await storySeo(story)),
    editions: await getContent().editions(story.slug),
  });
  return preview ? { ...metadata, robots: { index: false, follow: false } } : metadata;
}

export default async function StoryPage({ params }: PageProps<'/[locale]/news/[slug]'>) {
  const { locale, story, preview } = await findStoryForRoute(params);
  if (!story) return <NotFoundPage locale={locale} />;
  setRequestLocale(story.locale);
  logRender(paths.story(story.locale, story.slug));
  if (story.live) return <LiveStoryPage story={story} page={1} preview={preview} />;
  const content = getContent();
  const seo = await storySeo(story);
  const isDraft = story.status === 'draft';
  return (
    <>
      {preview && <PreviewBanner locale={story.locale} draft={isDraft} slug={isDraft ? undefined : story.slug} />}
      <SiteHeader
        locale={story.locale}
        editionsOfPage={await content.editions(story.slug)}
        pathIn={(edition) => paths.story(edition, story.slug)}
      />
      <main id="main" tabIndex={-1}>
        <Article story={story} related={await content.related(story, RELATED_STORIES)} />
        {preview && <SharePreviewPanel story={story} imagePath={seo.image.path} />}
      </main>
      {!isDraft && <JsonLd data={newsArticleJsonLd(story, seo)} />}
    </>
  );
}
