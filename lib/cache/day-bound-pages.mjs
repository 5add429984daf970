// @ts-check
/**
 * A story's page and share card say how old the story is (lib/story-age.ts), counted in days of the site's
 * calendar, so a copy rendered on an earlier day may say less than today's: the story turned old overnight, or
 * "more than 2 months" became "more than 3". Such a copy is not served; the page renders anew on its first
 * request of the day and is stored for the rest of it. Every other kind of page keeps its copy as before.
 * A story page read that day would have rendered again within the hour anyway (it revalidates hourly): what
 * this adds is that nobody is served yesterday's copy while that happens.
 */
import { siteDay } from '../site-day.mjs';

/**
 * A story page (full or lite), a live story's older pages, a story's share card, by the path that ends Next's
 * cache key (`/route-cache/APP_PAGE/{hash}/$/ar/news/x`).
 */
const STORY_AGE_SHOWN = /(?:^|\$)\/[a-z]{2}(?:\.lite)?\/news\/[^/]+(?:\/opengraph-image|\/page\/\d+)?$/;

/**
 * @param {string} key
 * @param {{ lastModified?: number } | null | undefined} entry
 * @param {Date} [now]
 */
export function renderedOnEarlierDay(key, entry, now = new Date()) {
  return (
    typeof entry?.lastModified === 'number' &&
    STORY_AGE_SHOWN.test(key) &&
    siteDay(new Date(entry.lastModified)) !== siteDay(now)
  );
}
