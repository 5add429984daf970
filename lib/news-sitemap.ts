/**
 * A Google News sitemap: the stories of the last 48 hours, with publication name and language,
 * publication date and title. With nothing that recent it is a valid, empty urlset.
 */
import type { StorySummary } from './content';
import { paths } from './paths';
import { absoluteUrl } from './site';
import { escapeMarkup } from './xml';

const NEWS_WINDOW_MS = 48 * 3600 * 1000;
/** Google News reads at most 1,000 URLs from a news sitemap. */
export const NEWS_SITEMAP_LIMIT = 1000;

export function recentStories(stories: StorySummary[], now: Date): StorySummary[] {
  const since = now.getTime() - NEWS_WINDOW_MS;
  return stories.filter(
    (story) => story.publishedAt.getTime() >= since && story.publishedAt.getTime() <= now.getTime(),
  );
}

export function newsSitemap(stories: StorySummary[], publicationName: (story: StorySummary) => string): string {
  const urls = stories.map(
    (story) =>
      `<url><loc>${escapeMarkup(absoluteUrl(paths.story(story.locale, story.slug)))}</loc><news:news>` +
      `<news:publication><news:name>${escapeMarkup(publicationName(story))}</news:name><news:language>${story.locale}</news:language></news:publication>` +
      `<news:publication_date>${story.publishedAt.toISOString()}</news:publication_date>` +
      `<news:title>${escapeMarkup(story.title)}</news:title></news:news></url>`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">' +
    `${urls.join('')}</urlset>\n`
  );
}
