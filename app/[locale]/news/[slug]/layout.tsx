import { getContent } from '@/lib/content';
import { isLocale } from '@/lib/locales';

/**
 * Published stories are generated at build time. The params live on this layout rather than the
 * page so the story's share image (opengraph-image) is prerendered for the same slugs.
 */
export function generateStaticParams({ params }: { params: { locale: string } }) {
  if (!isLocale(params.locale)) return [];
  return getContent()
    .allPublished(params.locale)
    .map((story) => ({ slug: story.slug }));
}

export default function StoryLayout({ children }: LayoutProps<'/[locale]/news/[slug]'>) {
  return children;
}
