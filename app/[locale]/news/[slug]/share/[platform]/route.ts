import { notFound } from 'next/navigation';
import { findPublishedStory } from '@/lib/content';
import { paths } from '@/lib/paths';
import { isPlatform, shareLink } from '@/lib/share';
import { absoluteUrl } from '@/lib/site';

/**
 * The story page's share links land here and go on to the platform's share form with the headline
 * and the tracked URL (lib/share.ts). Kept a few minutes in caches, so an edited headline soon
 * reaches new shares. Email has no redirect: the page links `mailto:` directly.
 */
export async function GET(_request: Request, { params }: RouteContext<'/[locale]/news/[slug]/share/[platform]'>) {
  const { locale, slug, platform } = await params;
  if (!isPlatform(platform) || platform === 'email') notFound();
  const story = await findPublishedStory(locale, slug);
  if (!story) notFound();
  const url = absoluteUrl(paths.story(story.locale, story.slug));
  return new Response(null, {
    status: 302,
    headers: { Location: shareLink(platform, { url, title: story.title }), 'Cache-Control': 'public, max-age=300', 'X-Robots-Tag': 'noindex' },
  });
}
