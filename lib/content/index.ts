/**
 * The content provider the app talks to. Routes call these functions; they never see files.
 */
import { isLocale } from '../locales';
import { contentDir } from '../site';
import { formatProblem, loadContent, normalizeSlug, type ContentIndex } from './store';

export type { ContentIndex, ContentProblem, Page, Story } from './store';

let index: ContentIndex | undefined;

export function getContent(): ContentIndex {
  if (!index) {
    index = loadContent(contentDir);
    for (const problem of index.problems) console.error(`[content] ${formatProblem(problem)}`);
  }
  return index;
}

/**
 * A route segment as Next hands it over may still be percent-encoded. Anything that does not
 * decode to a well-formed slug (dots, slashes, NUL, 2,000 characters) is simply not a story.
 */
export function slugFromParam(raw: string): string | null {
  let decoded = raw;
  if (raw.includes('%')) {
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      return null;
    }
  }
  return normalizeSlug(decoded);
}

/** The published story a route's raw `locale` and `slug` segments name, if any. */
export function findPublishedStory(locale: string, rawSlug: string) {
  const slug = slugFromParam(rawSlug);
  if (!isLocale(locale) || !slug) return undefined;
  return getContent().story(locale, slug);
}
