/**
 * The content provider the app talks to. Routes and components call `getContent()` and the
 * helpers here; what stands behind it (today the file store) is this module's business alone.
 */
import { isLocale } from '../locales';
import { contentDir, contentIndexFile } from '../site';
import { createFileStore } from './file-store';
import { labelKey } from './labels';
import { normalizeSlug } from './parse';
import type { ContentSource } from './types';

export type { ContentProblem, ContentSource, LabelRef, LabelSummary, Page, ReloadedStory, SearchPage, Story, StoryRef, StorySummary } from './types';
export { isLabelKind, labelKey, labelKinds, labelsOf, type Label, type LabelKind } from './labels';
export { formatProblem, normalizeSlug } from './parse';

/**
 * One source per server process. Next bundles routes separately, so a module-level variable would
 * give each bundle its own copy; the publish hook's reload must reach them all.
 */
const SOURCE = Symbol.for('sahifa.content-source');
const processState = globalThis as typeof globalThis & { [SOURCE]?: ContentSource };

export function getContent(): ContentSource {
  processState[SOURCE] ??= createFileStore({
    dir: contentDir,
    indexFile: contentIndexFile,
    // A build prerenders from the index, so it must have seen every file first.
    waitForScan: process.env.NEXT_PHASE === 'phase-production-build',
  });
  return processState[SOURCE];
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

/**
 * The tag or author key a route segment names, or null. Only a key as labelKey writes it names one:
 * server.mjs sends other spellings (/en/tag/Armenia) to the key's own address before any route runs.
 */
export function labelKeyFromParam(raw: string): string | null {
  // Far longer than a key's 80 characters percent-encoded; anything longer is not worth decoding.
  if (raw.length > 1000) return null;
  let written = raw;
  try {
    written = decodeURIComponent(raw);
  } catch {
    return null;
  }
  return written && labelKey(written) === written ? written : null;
}

/** The published story a route's raw `locale` and `slug` segments name, if any. */
export async function findPublishedStory(locale: string, rawSlug: string) {
  const slug = slugFromParam(rawSlug);
  if (!isLocale(locale) || !slug) return undefined;
  return getContent().story(locale, slug);
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
