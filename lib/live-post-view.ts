/**
 * A live post as a page shows it: what the server component renders and what a poll sends to an open page,
 * so both draw a post from the same fields (components/live/LivePostView.tsx is the one markup).
 */
import type { RenderedLivePost } from './content/live';
import { formatMoment } from './dates';
import { paths } from './paths';
import { editionTimeZone } from './site';

export interface LivePostViewData {
  id: string;
  rev: string;
  /** Milliseconds since the epoch: the open page's relative times and order. */
  time: number;
  dateTime: string;
  timeText: string;
  headline?: string;
  key: boolean;
  bodyHtml: string;
  permalink: string;
  shareHref: string;
}

export function livePostView(post: RenderedLivePost): LivePostViewData {
  const permalink = paths.livePost(post.locale, post.slug, post.id);
  return {
    id: post.id,
    rev: post.rev,
    time: post.time.getTime(),
    dateTime: post.time.toISOString(),
    timeText: formatMoment(post.time, post.locale, editionTimeZone(post.locale)),
    ...(post.headline ? { headline: post.headline } : {}),
    key: post.key,
    bodyHtml: post.bodyHtml,
    permalink,
    // Through the share redirect, as the story's own links: the platform's URL, written out, is ten times longer.
    shareHref: `${paths.storyShare(post.locale, post.slug, 'whatsapp')}?post=${post.id}`,
  };
}
