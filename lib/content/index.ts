/**
 * The content provider the app talks to. Routes call these functions; they never see files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isLocale, type Locale } from '../locales';
import { contentDir } from '../site';
import { formatProblem, loadContent, normalizeSlug, parseStoryFile, type ContentIndex, type Story } from './store';

export type { ContentIndex, ContentProblem, Page, Story } from './store';
export { normalizeSlug } from './store';

/**
 * One index per server process. Next bundles routes separately, so a module-level variable would
 * give each bundle its own copy; the publish hook's reload must reach them all.
 */
const INDEX = Symbol.for('sahifa.content-index');
const processState = globalThis as typeof globalThis & { [INDEX]?: ContentIndex };

export function getContent(): ContentIndex {
  let index = processState[INDEX];
  if (!index) {
    index = loadContent(contentDir);
    processState[INDEX] = index;
    for (const problem of index.problems) console.error(`[content] ${formatProblem(problem)}`);
  }
  return index;
}

/** Reads the content folder again (after a publish), for every route of this process. */
export function reloadContent(): ContentIndex {
  processState[INDEX] = undefined;
  return getContent();
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

/**
 * A story straight from its file, draft or published, bypassing the index: what an editor sees in
 * preview, so an edit shows on reload. The slug is checked before it comes near the disk.
 */
export function readStoryFresh(locale: string, rawSlug: string): Story | undefined {
  const slug = slugFromParam(rawSlug);
  if (!isLocale(locale) || !slug) return undefined;
  const file = path.join(contentDir, 'stories', slug, `${locale}.md`);
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  return parseStoryFile(raw, { slug, locale: locale as Locale, file }).story ?? undefined;
}

/** The whole content folder read now, problems included: for the editors' list. */
export function loadContentFresh(): ContentIndex {
  return loadContent(contentDir);
}
