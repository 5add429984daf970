import { findLiveStory, getContent } from '@/lib/content';
import { isLivePostId, pageOfPosition } from '@/lib/content/live';
import { paths } from '@/lib/paths';
import { absoluteUrl } from '@/lib/site';
import { editionSegment, litePath } from '@/lib/http/lite.mjs';

export const dynamic = 'force-dynamic';

/**
 * A live post's permanent link: a redirect to the page of the stream where the post sits now (it moves to
 * later pages as newer posts come), at its anchor. Shares and key-event links use it; from a lite page
 * (`…/post/{id}.lite`), the lite page.
 */
export async function GET(_request: Request, { params }: RouteContext<'/[locale]/news/[slug]/post/[id]'>) {
  const { locale: segment, slug, id } = await params;
  const { edition: locale, lite } = editionSegment(segment);
  const notFound = () =>
    new Response('404 Not Found: no such live post\n', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=0, s-maxage=10' },
    });
  const story = isLivePostId(id) ? await findLiveStory(locale, slug) : undefined;
  const position = story && (await getContent().livePostPosition(story.locale, story.slug, id));
  if (!story || position === undefined) return notFound();
  const page = paths.livePage(story.locale, story.slug, pageOfPosition(position));
  const target = `${lite ? litePath(page) : page}#${paths.liveAnchor(id)}`;
  return new Response(null, {
    status: 307,
    headers: { Location: absoluteUrl(target), 'Cache-Control': 'public, max-age=0, s-maxage=10' },
  });
}
