/**
 * Live pages: a story whose front matter says `live: live` (or `ended`) carries a stream of short posts,
 * each an item of its own (`stories/{slug}/live/{edition}/{id}.md` in the file store, a child post in
 * WordPress). This module is what a post is, how its file is read, and the cursor readers poll with.
 */
import { createHash } from 'node:crypto';
import type { Locale } from '../locales';
import { markdownToHtml } from './markdown';
import { displayPath, readFrontMatter } from './parse';
import { livePostSchema } from './schema';
import type { ContentProblem } from './types';

/** Posts per page of the stream, the first page included. */
export const LIVE_PAGE_SIZE = 20;
/** The newest posts a poll describes by id and revision, so edits and deletions reach open pages. */
export const LIVE_WINDOW = 50;
/** The newest posts in the live page's own feed. */
export const LIVE_FEED_SIZE = 50;
/** How far ahead of this server's clock a post's time may be (clocks differ) before it is refused. */
const FUTURE_TOLERANCE_MS = 2 * 60_000;

export interface LivePost {
  id: string;
  locale: Locale;
  /** The live story's slug. */
  slug: string;
  time: Date;
  headline?: string;
  /** A key event: listed at the top of the page, linking to the post. */
  key: boolean;
  pinned: boolean;
  /** Where the post came from, for error reports. */
  sourcePath: string;
  /** A short hash of everything shown: open pages compare it to see an edit. */
  rev: string;
}

/** A post as its source has it: the body as Markdown, or sanitized HTML (a CMS's). */
export interface ParsedLivePost extends LivePost {
  body: string;
  bodyFormat?: 'html';
}

export interface RenderedLivePost extends LivePost {
  bodyHtml: string;
}

/**
 * Lowercase Latin letters and digits joined by hyphens: a post's id is part of its anchor (`#post-{id}`) and its URL.
 */
const POST_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_POST_ID_LENGTH = 64;

export function isLivePostId(value: string): boolean {
  return value.length <= MAX_POST_ID_LENGTH && POST_ID.test(value);
}

function livePostRev(post: Omit<ParsedLivePost, 'rev' | 'sourcePath'>): string {
  const shown = [post.time.toISOString(), post.headline ?? '', post.key, post.pinned, post.bodyFormat ?? 'md', post.body].join('\u0000');
  return createHash('sha256').update(shown).digest('base64url').slice(0, 10);
}

/**
 * One post file to a post, or its problems with path and field. A post dated ahead of the clock is refused
 * rather than held back: a live page reports what has happened, and a post that appeared by itself later
 * would need a timer on every server and a page that changes with no publish behind it.
 */
export function parseLivePostFile(
  raw: string,
  where: { slug: string; locale: Locale; id: string; file: string },
  now = Date.now(),
): { post: ParsedLivePost | null; problems: ContentProblem[] } {
  const shownPath = displayPath(where.file);
  const problem = (field: string, message: string) => ({ post: null, problems: [{ path: shownPath, field, message }] });
  if (!isLivePostId(where.id)) return problem('(id)', `the file name must be lowercase Latin letters and digits joined by hyphens, at most ${MAX_POST_ID_LENGTH}, then .md`);
  const read = readFrontMatter(raw, livePostSchema, shownPath);
  if ('problems' in read) return { post: null, problems: read.problems };
  return livePostFrom({ ...read.data, body: read.body }, { ...where, sourcePath: shownPath }, now);
}

/** Checks a post any source has read (its front matter validated) and gives it its revision. */
export function livePostFrom(
  fields: { time: Date; headline?: string; key: boolean; pinned: boolean; body: string; bodyFormat?: 'html' },
  where: { slug: string; locale: Locale; id: string; sourcePath: string },
  now = Date.now(),
): { post: ParsedLivePost | null; problems: ContentProblem[] } {
  const problem = (field: string, message: string) => ({ post: null, problems: [{ path: where.sourcePath, field, message }] });
  if (!fields.body) return problem('(body)', 'the post has no text');
  if (fields.time.getTime() > now + FUTURE_TOLERANCE_MS) {
    return problem('time', `is ${Math.round((fields.time.getTime() - now) / 60_000)} minutes ahead of the clock: a live post goes up with the time it happened`);
  }
  const post = { id: where.id, locale: where.locale, slug: where.slug, ...fields };
  return { post: { ...post, sourcePath: where.sourcePath, rev: livePostRev(post) }, problems: [] };
}

export function renderLivePost({ body, bodyFormat, ...post }: ParsedLivePost): RenderedLivePost {
  return { ...post, bodyHtml: bodyFormat === 'html' ? body : markdownToHtml(body) };
}

/**
 * What an open page polls with: the newest post's time and a hash of the newest posts' ids and revisions.
 * Every reader whose page is up to date asks the same URL, so a CDN answers most of them; the cursor is
 * made from the content alone, so any server of a fleet understands any other's.
 */
export interface LiveCursor {
  newest: number;
  windowHash: string;
}

const CURSOR = /^([0-9a-z]{1,9})\.([0-9a-f]{8})$/;
/** A cursor's time more than a day ahead of the clock was not made by any server. */
const CURSOR_FUTURE_MS = 24 * 3600_000;

export function windowHash(window: { id: string; rev: string }[]): string {
  return createHash('sha256')
    .update(window.map((post) => `${post.id}:${post.rev}`).join(','))
    .digest('hex')
    .slice(0, 8);
}

export function formatCursor(cursor: LiveCursor): string {
  return `${cursor.newest.toString(36)}.${cursor.windowHash}`;
}

/** The cursor a query holds, or null for anything a server did not write. */
export function parseCursor(value: string | null, now = Date.now()): LiveCursor | null {
  const match = value ? CURSOR.exec(value) : null;
  if (!match) return null;
  const newest = parseInt(match[1], 36);
  return newest <= now + CURSOR_FUTURE_MS ? { newest, windowHash: match[2] } : null;
}

/** The page of the stream (1-based) where the post at this position (0 = newest) sits. */
export function pageOfPosition(position: number): number {
  return Math.floor(position / LIVE_PAGE_SIZE) + 1;
}
