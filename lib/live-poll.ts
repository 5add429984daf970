/**
 * The answer to an open live page's poll (`/{edition}/news/{slug}/updates`), as plain data: the route
 * handler sends it through Next, and server.mjs sends it itself before Next when the server has started
 * (instrumentation.ts hands it over), since Next's own handling of a request cost ten times the answer's
 * work (npm run bench:live, docs/adr/0019).
 * - `?after={cursor}`: the posts at or after the cursor's newest, and the newest posts' revisions when they
 *   changed (edits, deletions);
 * - `?posts=a,b`: those posts (an open page fetching the ones edited).
 * Any cursor or id this site did not write is a 400; a story that is not a live page, a 404.
 */
import { findLiveStory, getContent } from './content';
import { isLivePostId, parseCursor } from './content/live';
import { livePostView } from './live-post-view';

/** Posts an open page may ask for by id at once: the ones edited since its last poll. */
const MAX_IDS = 20;
/**
 * A CDN keeps an answer a few seconds: every reader whose page is up to date asks the same URL, so a
 * page with thousands open costs the servers one answer per cursor every few seconds.
 */
const CACHE_CONTROL = 'public, max-age=0, s-maxage=3, stale-while-revalidate=2';

export interface LivePollAnswer {
  status: number;
  cacheControl: string;
  body: unknown;
}

function refuse(status: number, error: string): LivePollAnswer {
  return { status, cacheControl: status === 404 ? 'public, max-age=0, s-maxage=10' : 'no-store', body: { error } };
}

/** `rawLocale` and `rawSlug` as the path has them (the slug percent-encoded or not). */
export async function answerLivePoll(
  rawLocale: string,
  rawSlug: string,
  query: URLSearchParams,
): Promise<LivePollAnswer> {
  const story = await findLiveStory(rawLocale, rawSlug);
  if (!story) return refuse(404, 'no such live page');
  const { locale, slug } = story;
  const content = getContent();
  const answer = (body: unknown): LivePollAnswer => ({ status: 200, cacheControl: CACHE_CONTROL, body });

  const ids = query.get('posts');
  if (ids !== null) {
    const wanted = ids.split(',');
    if (wanted.length > MAX_IDS || !wanted.every(isLivePostId))
      return refuse(400, `posts: 1 to ${MAX_IDS} post ids, comma-separated`);
    return answer({ status: story.live, posts: (await content.livePostsById(locale, slug, wanted)).map(livePostView) });
  }

  const after = query.get('after');
  const cursor = parseCursor(after);
  if (after !== null && !cursor) return refuse(400, 'after: not a cursor this site wrote');
  const changes = await content.liveChanges(locale, slug, cursor);
  const windowStart = changes.window && changes.total > changes.window.length ? changes.window.at(-1)!.time : null;
  return answer({
    status: story.live,
    cursor: changes.cursor,
    posts: changes.newer.map(livePostView),
    gap: changes.gap,
    ...(changes.window ? { window: changes.window.map(({ id, rev }) => ({ id, rev })), windowStart } : {}),
  });
}

/** Where instrumentation.ts leaves the answerer for server.mjs (one process, two module graphs). */
export const LIVE_POLL_ANSWERER = Symbol.for('sahifa.live-poll');
