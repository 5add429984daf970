import { getContent, slugFromParam } from '@/lib/content';
import { isLivePostId, pageOfPosition } from '@/lib/content/live';
import { isLocale } from '@/lib/locales';
import { paths } from '@/lib/paths';
import { absoluteUrl } from '@/lib/site';

export const dynamic = 'force-dynamic';

/**
 * A live post's permanent link: a redirect to the page of the stream where the post sits now (it moves to
 * later pages as newer posts come), at its anchor. Shares and key-event links use it.
 */
export async function GET(_request: Request, { params }: RouteContext<'/[locale]/news/[slug]/post/[id]'>) {
  const { locale, slug: rawSlug, id } = await params;
  const slug = slugFromParam(rawSlug);
  const notFound = () =>
    new Response('404 Not Found: no such live post\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=0, s-maxage=10' } });
  if (!isLocale(locale) || !slug || !isLivePostId(id)) return notFound();
  const content = getContent();
  const position = (await content.liveStory(locale, slug)) && (await content.livePostPosition(locale, slug, id));
  if (position === undefined) return notFound();
  const target = `${paths.livePage(locale, slug, pageOfPosition(position))}#${paths.liveAnchor(id)}`;
  return new Response(null, { status: 307, headers: { Location: absoluteUrl(target), 'Cache-Control': 'public, max-age=0, s-maxage=10' } });
}
