import { getContent, slugFromParam } from '@/lib/content';
import { isLivePostId, parseCursor } from '@/lib/content/live';
import { livePostView } from '@/lib/live-post-view';
import { isLocale } from '@/lib/locales';

export const dynamic = 'force-dynamic';

/** Posts an open page may ask for by id at once: the ones edited since its last poll. */
const MAX_IDS = 20;
/**
 * A CDN keeps an answer a few seconds: every reader whose page is up to date asks the same URL, so a
 * page with thousands open costs the servers one answer per cursor every few seconds.
 */
const CACHE_CONTROL = 'public, max-age=0, s-maxage=3, stale-while-revalidate=2';

function refuse(status: number, error: string) {
  return Response.json({ error }, { status, headers: { 'Cache-Control': status === 404 ? 'public, max-age=0, s-maxage=10' : 'no-store' } });
}

/**
 * What an open live page polls: `?after={cursor}` answers the posts at or after the cursor's newest, and
 * the newest posts' revisions when they changed (edits, deletions); `?posts=a,b` answers those posts. Any
 * cursor or id this site did not write is a 400.
 */
export async function GET(request: Request, { params }: RouteContext<'/[locale]/news/[slug]/updates'>) {
  const { locale, slug: rawSlug } = await params;
  const slug = slugFromParam(rawSlug);
  if (!isLocale(locale) || !slug) return refuse(404, 'no such live page');
  const query = new URL(request.url).searchParams;
  const content = getContent();
  const story = await content.liveStory(locale, slug);
  if (!story) return refuse(404, 'no such live page');
  const view = (posts: Parameters<typeof livePostView>[0][]) => posts.map((post) => livePostView(post, story.title));

  const ids = query.get('posts');
  if (ids !== null) {
    const wanted = ids.split(',');
    if (wanted.length > MAX_IDS || !wanted.every(isLivePostId)) return refuse(400, `posts: 1 to ${MAX_IDS} post ids, comma-separated`);
    return Response.json({ status: story.live, posts: view(await content.livePostsById(locale, slug, wanted)) }, { headers: { 'Cache-Control': CACHE_CONTROL } });
  }

  const after = query.get('after');
  const cursor = parseCursor(after);
  if (after !== null && !cursor) return refuse(400, 'after: not a cursor this site wrote');
  const changes = await content.liveChanges(locale, slug, cursor);
  const windowStart = changes.window && changes.total > changes.window.length ? changes.window.at(-1)!.time : null;
  return Response.json(
    {
      status: story.live,
      cursor: changes.cursor,
      posts: view(changes.newer),
      gap: changes.gap,
      ...(changes.window ? { window: changes.window.map(({ id, rev }) => ({ id, rev })), windowStart } : {}),
    },
    { headers: { 'Cache-Control': CACHE_CONTROL } },
  );
}
