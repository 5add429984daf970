/**
 * The content provider the app talks to. Routes and components call `getContent()` and the
 * helpers here; what stands behind it (today the file store) is this module's business alone.
 */
import { isLocale } from '../locales';
import { contentDir, contentIndexFile, contentSource, mediaDir } from '../site';
import { createFileStore } from './file-store';
import { createWordPressStore } from './wordpress/store';
import { labelKey } from './labels';
import { normalizeSlug } from './parse';
import type { ContentSource } from './types';

export type { ContentProblem, ContentSource, LabelRef, LabelSummary, LiveChanges, LivePost, Page, ReloadedStory, RenderedLivePost, SearchPage, Story, StoryRef, StorySummary } from './types';
export { isLabelKind, labelKey, labelKinds, labelsOf, type Label, type LabelKind } from './labels';
export { formatProblem, normalizeSlug, normalizeSlugs } from './parse';

/**
 * One source per server process. Next bundles routes separately, so a module-level variable would
 * give each bundle its own copy; the publish hook's reload must reach them all.
 */
const SOURCE = Symbol.for('sahifa.content-source');
const processState = globalThis as typeof globalThis & { [SOURCE]?: ContentSource };

export function getContent(): ContentSource {
  // A build prerenders from the index, so it must have seen every story first.
  const building = process.env.NEXT_PHASE === 'phase-production-build';
  processState[SOURCE] ??=
    contentSource === 'wordpress'
      ? createWordPressStore({
          wordpress: { url: process.env.WORDPRESS_URL ?? '', user: process.env.WORDPRESS_USER ?? '', appPassword: process.env.WORDPRESS_APP_PASSWORD ?? '' },
          indexFile: contentIndexFile,
          mediaDir,
          waitForSync: building,
          pollMs: Number(process.env.WORDPRESS_POLL_MS ?? 60_000),
        })
      : createFileStore({ dir: contentDir, indexFile: contentIndexFile, waitForScan: building });
  return processState[SOURCE];
}

/**
 * What a route segment says, as written: Next hands it over decoded, or percent-encoded exactly as
 * encodeURIComponent writes it. Any other spelling is nothing: a letter written as an escape and
 * decoded once more here (`how-tides-wor%6B`) or a decomposed letter would otherwise be a second page,
 * stored and never cleared by a publish (server.mjs sends those spellings to the real URL first).
 */
function segmentAsWritten(raw: string): string | null {
  if (!raw.includes('%')) return raw;
  try {
    const decoded = decodeURIComponent(raw);
    return encodeURIComponent(decoded) === raw ? decoded : null;
  } catch {
    return null;
  }
}

/** The slug a route segment names, only in its one spelling; dots, slashes, NUL or 2,000 characters are not a story. */
export function slugFromParam(raw: string): string | null {
  const written = segmentAsWritten(raw);
  return written !== null && normalizeSlug(written) === written ? written : null;
}

/**
 * The tag or author key a route segment names, or null. Only a key as labelKey writes it names one:
 * server.mjs sends other spellings (/en/tag/Armenia) to the key's own address before any route runs.
 */
export function labelKeyFromParam(raw: string): string | null {
  // Far longer than a key's 80 characters percent-encoded; anything longer is not worth decoding.
  if (raw.length > 1000) return null;
  const written = segmentAsWritten(raw);
  return written && labelKey(written) === written ? written : null;
}

/** The published story a route's raw `locale` and `slug` segments name, if any. */
export async function findPublishedStory(locale: string, rawSlug: string) {
  const slug = slugFromParam(rawSlug);
  if (!isLocale(locale) || !slug) return undefined;
  return getContent().story(locale, slug);
}

/** The published live story a route's raw `locale` and `slug` segments name, if any: its summary, no body rendered. */
export async function findLiveStory(locale: string, rawSlug: string) {
  const slug = slugFromParam(rawSlug);
  if (!isLocale(locale) || !slug) return undefined;
  return getContent().liveStory(locale, slug);
}

/**
 * A story straight from its file, draft or published: what an editor sees in preview, so an edit
 * shows on reload. The slug is checked before it comes near the disk.
 */
export async function findDraft(locale: string, rawSlug: string) {
  const slug = slugFromParam(rawSlug);
  if (!isLocale(locale) || !slug) return undefined;
  return getContent().draft(locale, slug);
}
