import { notFound } from 'next/navigation';
import { findPublishedStory, getContent } from '@/lib/content';
import { isLivePostId } from '@/lib/content/live';
import { paths } from '@/lib/paths';
import { isPlatform, shareLink } from '@/lib/share';
import { absoluteUrl } from '@/lib/site';

/**
 * The story page's share links land here and go on to the platform's share form with the headline
 * and the tracked URL (lib/share.ts); a live page's posts too, with `?post={id}`: the post's permanent
 * link and its headline. Kept a few minutes in caches, so an edited headline soon reaches new shares.
 * Email too, to a `mailto:` link: written in the page it was the headline percent-encoded, 0.7 KB of the
 * HTML and as much again of the RSC payload.
 */
export async function GET(request: Request, { params }: RouteContext<'/[locale]/news/[slug]/share/[platform]'>) {
  const { locale, slug, platform } = await params;
  if (!isPlatform(platform)) notFound();
  const story = await findPublishedStory(locale, slug);
  if (!story) notFound();
  const postId = new URL(request.url).searchParams.get('post');
  let shared = { url: absoluteUrl(paths.story(story.locale, story.slug)), title: story.title };
  if (postId !== null) {
    const [post] =
      story.live && isLivePostId(postId) ? await getContent().livePostsById(story.locale, story.slug, [postId]) : [];
    if (!post) notFound();
    shared = {
      url: absoluteUrl(paths.livePost(story.locale, story.slug, post.id)),
      title: post.headline ?? story.title,
    };
  }
  return new Response(null, {
    status: 302,
    headers: {
      Location: shareLink(platform, shared),
      'Cache-Control': 'public, max-age=300',
      'X-Robots-Tag': 'noindex',
    },
  });
}
