import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { Article } from '@/components/article/Article';
import { SiteHeader } from '@/components/layout/SiteHeader';
import { JsonLd } from '@/components/seo/JsonLd';
import { cardLabels } from '@/i18n/labels';
import { findPublishedStory, getContent, type Story } from '@/lib/content';
import { newsArticleJsonLd, storyMetadata } from '@/lib/metadata';
import { otherLocale } from '@/lib/locales';
import { storyShareCard } from '@/lib/og/story-card';
import { paths } from '@/lib/paths';

export const revalidate = 3600;

async function findStory(params: PageProps<'/[locale]/news/[slug]'>['params']) {
  const { locale, slug } = await params;
  return findPublishedStory(locale, slug);
}

async function seoFields(story: Story) {
  const labels = await cardLabels(story.locale, story.section);
  const card = storyShareCard(story, labels);
  return {
    siteName: labels.brand,
    sectionName: labels.section!,
    image: { path: paths.storyShareImage(story.locale, story.slug, card.version), alt: story.title },
  };
}

export async function generateMetadata({ params }: PageProps<'/[locale]/news/[slug]'>): Promise<Metadata> {
  const story = await findStory(params);
  if (!story) return {};
  return storyMetadata(story, { ...(await seoFields(story)), editions: getContent().localesOf(story.slug) });
}

export default async function StoryPage({ params }: PageProps<'/[locale]/news/[slug]'>) {
  const story = await findStory(params);
  if (!story) notFound();
  setRequestLocale(story.locale);
  const content = getContent();
  const target = otherLocale(story.locale);
  const alternateHref = content.story(target, story.slug) ? paths.story(target, story.slug) : undefined;
  return (
    <>
      <SiteHeader locale={story.locale} alternateHref={alternateHref} />
      <main id="main" tabIndex={-1}>
        <Article story={story} related={content.related(story)} />
      </main>
      <JsonLd data={newsArticleJsonLd(story, await seoFields(story))} />
    </>
  );
}
