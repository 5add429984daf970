import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { Article } from '@/components/article/Article';
import { SiteHeader } from '@/components/layout/SiteHeader';
import { paths } from '@/i18n/navigation';
import { getContent, slugFromParam } from '@/lib/content';
import { isLocale, otherLocale } from '@/lib/locales';

export const revalidate = 3600;

export function generateStaticParams({ params }: { params: { locale: string } }) {
  if (!isLocale(params.locale)) return [];
  return getContent()
    .allPublished(params.locale)
    .map((story) => ({ slug: story.slug }));
}

async function findStory(params: PageProps<'/[locale]/news/[slug]'>['params']) {
  const { locale, slug: rawSlug } = await params;
  const slug = slugFromParam(rawSlug);
  if (!isLocale(locale) || !slug) return undefined;
  return getContent().story(locale, slug);
}

export async function generateMetadata({ params }: PageProps<'/[locale]/news/[slug]'>): Promise<Metadata> {
  const story = await findStory(params);
  if (!story) return {};
  return { title: story.title, description: story.summary };
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
    </>
  );
}
