/**
 * RSS 2.0 for an edition or a section: title, link, a permalink guid, RFC 822 dates, the summary,
 * and the hero picture as media:content.
 */
import type { RenderedLivePost, StorySummary } from './content';
import { editions, type Locale } from './locales';
import { paths } from './paths';
import { formatShortDate } from './dates';
import { absoluteUrl, editionTimeZone } from './site';
import { escapeMarkup, rfc822 } from './xml';

export const FEED_SIZE = 30;

export interface FeedChannel {
  title: string;
  description: string;
  locale: Locale;
  /** Site path of the page the feed mirrors, and of the feed itself. */
  pagePath: string;
  feedPath: string;
  /** Localized section names, for each item's category. */
  sectionName: (story: StorySummary) => string;
  /** The edition's word for a correction, which each corrected story's entry carries after its summary. */
  correctionLabel: string;
}

/** A story's summary, then each of its corrections, dated in the edition's calendar. */
function itemDescription(story: StorySummary, correctionLabel: string): string {
  const timeZone = editionTimeZone(story.locale);
  const corrections = story.corrections.map(
    (correction) =>
      `${correctionLabel} (${formatShortDate(correction.date, story.locale, timeZone)}): ${correction.text}`,
  );
  return [story.summary, ...corrections].join('\n\n');
}

function mimeOf(src: string): string {
  const ext = src.split('?')[0].split('.').pop()?.toLowerCase();
  return (
    {
      webp: 'image/webp',
      png: 'image/png',
      jpg: 'image/jpeg',
      jpeg: 'image/jpeg',
      avif: 'image/avif',
      gif: 'image/gif',
    }[ext ?? ''] ?? 'image/jpeg'
  );
}

function item(story: StorySummary, channel: FeedChannel): string {
  const link = escapeMarkup(absoluteUrl(paths.story(story.locale, story.slug)));
  const parts = [
    `<title>${escapeMarkup(story.title)}</title>`,
    `<link>${link}</link>`,
    `<guid isPermaLink="true">${link}</guid>`,
    `<pubDate>${rfc822(story.publishedAt)}</pubDate>`,
    `<description>${escapeMarkup(itemDescription(story, channel.correctionLabel))}</description>`,
    `<category>${escapeMarkup(channel.sectionName(story))}</category>`,
  ];
  if (story.image) {
    const url = escapeMarkup(absoluteUrl(story.image.src));
    parts.push(
      `<media:content url="${url}" type="${mimeOf(story.image.src)}" medium="image" width="${story.image.width}" height="${story.image.height}"><media:description>${escapeMarkup(story.image.alt)}</media:description></media:content>`,
    );
  }
  return `<item>${parts.join('')}</item>`;
}

/** When the newest change among these stories happened: a publication, an update or a correction. */
export function lastChange(stories: StorySummary[]): Date | undefined {
  let newest: Date | undefined;
  for (const story of stories) {
    for (const changed of [
      story.updatedAt ?? story.publishedAt,
      ...story.corrections.map((correction) => correction.date),
    ]) {
      if (!newest || changed > newest) newest = changed;
    }
  }
  return newest;
}

export function rssFeed(channel: FeedChannel, stories: StorySummary[]): string {
  return rssDocument(
    channel,
    lastChange(stories),
    stories.map((story) => item(story, channel)),
  );
}

/** A live page's own feed: its newest posts, each linking to its permanent link. */
export function liveFeed(
  channel: Omit<FeedChannel, 'sectionName' | 'correctionLabel'>,
  story: StorySummary,
  posts: RenderedLivePost[],
): string {
  const items = posts.map((post) => {
    const link = escapeMarkup(absoluteUrl(paths.livePost(story.locale, story.slug, post.id)));
    return `<item><title>${escapeMarkup(post.headline ?? story.title)}</title><link>${link}</link><guid isPermaLink="true">${link}</guid><pubDate>${rfc822(post.time)}</pubDate><description>${escapeMarkup(post.bodyHtml)}</description></item>`;
  });
  return rssDocument(channel, posts[0]?.time ?? story.updatedAt ?? story.publishedAt, items);
}

function rssDocument(
  channel: Omit<FeedChannel, 'sectionName' | 'correctionLabel'>,
  newest: Date | undefined,
  items: string[],
): string {
  const head = [
    `<title>${escapeMarkup(channel.title)}</title>`,
    `<link>${escapeMarkup(absoluteUrl(channel.pagePath))}</link>`,
    `<description>${escapeMarkup(channel.description)}</description>`,
    `<language>${editions[channel.locale].feedLanguage}</language>`,
    `<atom:link href="${escapeMarkup(absoluteUrl(channel.feedPath))}" rel="self" type="application/rss+xml"/>`,
    ...(newest ? [`<lastBuildDate>${rfc822(newest)}</lastBuildDate>`] : []),
  ];
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">' +
    `<channel>${head.join('')}${items.join('')}</channel></rss>\n`
  );
}

export const RSS_HEADERS = {
  'Content-Type': 'application/rss+xml; charset=utf-8',
};
