/**
 * A WordPress post (core REST API, `context=edit`, `_embed`) to a story edition, through the same
 * schema as a story file, so a post is checked field by field and a bad one is reported by its ID.
 * Mapping (README, "Editors in WordPress"): one post per edition; meta `sahifa_edition` and
 * `sahifa_story` (the story's key, its Sahifa slug; default the post's own slug, decoded); category
 * slug → section; tags; `sahifa_authors` (one per line) or the author's name; `sahifa_sources`;
 * `sahifa_corrections` (one per line, `date: text`) and `sahifa_update_note`; dates in GMT; the
 * featured image (alt, caption, size, credit from its `sahifa_credit`), served by Sahifa at
 * /images/wp/{id}.{ext}; the body sanitized (./sanitize.ts).
 */
import { defaultLocale, isLocale, type Locale } from '../../locales';
import { sections } from '../../sections';
import { livePostFrom, type ParsedLivePost } from '../live';
import { normalizeSlug, type ParsedStory } from '../parse';
import { frontMatterSchema } from '../schema';
import type { ContentProblem } from '../types';
import { htmlToText, sanitizePostHtml } from './sanitize';

export interface WpTerm {
  id: number;
  slug: string;
  name: string;
  taxonomy: string;
}

export interface WpMedia {
  id: number;
  source_url?: string;
  alt_text?: string;
  caption?: { rendered?: string };
  media_details?: { width?: number; height?: number };
  /** The plugin's field: the picture's credit (meta is left out of embeds). */
  sahifa_credit?: string;
  /** An embedded item that could not be read (a deleted picture) is an error object. */
  code?: string;
}

export interface WpPost {
  id: number;
  date_gmt: string | null;
  modified_gmt: string;
  slug: string;
  status: string;
  title: { rendered?: string; raw?: string };
  excerpt: { rendered?: string };
  content: { rendered?: string };
  featured_media: number;
  meta?: {
    sahifa_edition?: string;
    sahifa_story?: string;
    sahifa_authors?: string;
    sahifa_sources?: string;
    sahifa_live?: string;
    /** One correction a line: `2024-10-26: text` (or a date-time with offset before the first ": "). */
    sahifa_corrections?: string;
    /** One line on what an update changed. */
    sahifa_update_note?: string;
    sahifa_live_key?: boolean;
    sahifa_live_pinned?: boolean;
  };
  /** A live post's story post. */
  parent?: number;
  _embedded?: { author?: { name?: string }[]; 'wp:featuredmedia'?: WpMedia[]; 'wp:term'?: WpTerm[][] };
}

/** Where an editor finds the post a problem is about. */
export const postPath = (post: Pick<WpPost, 'id'>) => `WordPress post ${post.id}`;

/** A GMT date-time from WordPress (`2024-10-25T09:00:00`, no zone) as ISO with its offset. */
const gmt = (value: string) => `${value}Z`;

/** The story a post is an edition of: `sahifa_story`, else its own slug, decoded (Arabic slugs stay Arabic). */
export function storyKeyOf(post: Pick<WpPost, 'id' | 'slug' | 'meta'>): string | null {
  const written = post.meta?.sahifa_story?.trim() || safeDecode(post.slug.replace(/__trashed(-\d+)?$/, ''));
  return written ? normalizeSlug(written) : null;
}

/** The edition a post belongs to: `sahifa_edition`, else the site's default. */
export function editionOf(post: Pick<WpPost, 'meta'>): Locale | null {
  const edition = post.meta?.sahifa_edition?.trim() || defaultLocale;
  return isLocale(edition) ? edition : null;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

const lines = (text: string | undefined) =>
  (text ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * `sahifa_corrections`, one correction a line: the date is everything before the first ": ", the text
 * everything after. A line that does not split that way still goes to the schema (as its date, with no
 * text), so the editor is told what is wrong with it rather than the line going missing.
 */
const correctionsOf = (text: string | undefined) =>
  lines(text).map((line) => {
    const colon = line.indexOf(': ');
    return colon < 0 ? { date: line, text: '' } : { date: line.slice(0, colon).trim(), text: line.slice(colon + 2).trim() };
  });

/** The custom field an editor wrote, for a schema problem's path. */
const FIELDS: Record<string, string> = {
  section: 'categories',
  summary: 'excerpt',
  image: 'featured_media',
  live: 'sahifa_live',
  corrections: 'sahifa_corrections',
  updateNote: 'sahifa_update_note',
};
const fieldOf = (path: PropertyKey[]) => FIELDS[String(path[0])] ?? path.join('.');
/** A problem's message; for a correction, which line (counting the written ones) and which part of it. */
const messageOf = (path: PropertyKey[], message: string) =>
  path[0] === 'corrections' && typeof path[1] === 'number' ? `line ${path[1] + 1}${path[2] === undefined ? '' : `, ${String(path[2])}`}: ${message}` : message;

const EXTENSION = /\.(webp|avif|png|jpe?g|gif)(?:\?|$)/i;

/** The picture's address on this site, for a media item WordPress serves at `source_url`. */
export function mediaPath(media: Pick<WpMedia, 'id' | 'source_url'>): string | null {
  const extension = EXTENSION.exec(media.source_url ?? '')?.[1]?.toLowerCase();
  return extension ? `/images/wp/${media.id}.${extension}` : null;
}

export type Mapped = { key: string; locale: Locale; story: ParsedStory | null; problems: ContentProblem[]; media?: WpMedia };

/** A post as a story edition, or the problems that keep it out; `key`/`locale` null when it names no story. */
export function mapPost(post: WpPost): Mapped | { key: null; problems: ContentProblem[] } {
  const where = postPath(post);
  const problem = (field: string, message: string): ContentProblem => ({ path: where, field, message });
  const key = storyKeyOf(post);
  if (!key) return { key: null, problems: [problem('sahifa_story', `the story key "${post.meta?.sahifa_story ?? post.slug}" is not letters or digits joined by hyphens`)] };
  const locale = editionOf(post);
  if (!locale) return { key: null, problems: [problem('sahifa_edition', `"${post.meta?.sahifa_edition}" is not an edition of this site`)] };

  const terms = (post._embedded?.['wp:term'] ?? []).flat();
  const categories = terms.filter((term) => term.taxonomy === 'category');
  const problems: ContentProblem[] = [];
  const embeddedMedia = post.featured_media ? post._embedded?.['wp:featuredmedia']?.[0] : undefined;
  let image: Record<string, unknown> | undefined;
  let media: WpMedia | undefined;
  if (post.featured_media && (!embeddedMedia || embeddedMedia.code || !embeddedMedia.source_url)) {
    problems.push(problem('featured_media', `picture ${post.featured_media} cannot be read (deleted?): the story is shown without it`));
  } else if (embeddedMedia) {
    const src = mediaPath(embeddedMedia);
    const { width, height } = embeddedMedia.media_details ?? {};
    if (!src) problems.push(problem('featured_media', 'the picture is not a WebP, AVIF, PNG, JPEG or GIF file: the story is shown without it'));
    else if (!width || !height) problems.push(problem('featured_media', 'the picture has no width and height: the story is shown without it'));
    else {
      media = embeddedMedia;
      image = {
        src,
        alt: embeddedMedia.alt_text?.trim() || htmlToText(post.title.rendered ?? ''),
        caption: htmlToText(embeddedMedia.caption?.rendered ?? '') || undefined,
        credit: embeddedMedia.sahifa_credit?.trim() || undefined,
        width,
        height,
      };
    }
  }
  const published = post.status === 'publish';
  const publishedAt = gmt(post.date_gmt ?? post.modified_gmt);
  // WordPress moves `modified` on every save; an update worth showing is one made after publication.
  const updated = published && post.date_gmt && Date.parse(gmt(post.modified_gmt)) - Date.parse(publishedAt) > 60_000 ? gmt(post.modified_gmt) : undefined;
  const authorNames = lines(post.meta?.sahifa_authors);
  // One line: line breaks typed in the custom field's box are joined with a space.
  const updateNote = (post.meta?.sahifa_update_note ?? '').replace(/\s*\r?\n\s*/g, ' ').trim();
  const raw = {
    title: htmlToText(post.title.rendered ?? ''),
    summary: htmlToText(post.excerpt.rendered ?? '').replace(/\s*\[(?:…|&hellip;|\.\.\.)\]$/, '…'),
    section: categories[0]?.slug,
    tags: terms.filter((term) => term.taxonomy === 'post_tag').map((term) => htmlToText(term.name)),
    publishedAt,
    ...(updated ? { updatedAt: updated } : {}),
    status: published ? 'published' : 'draft',
    ...(image ? { image: Object.fromEntries(Object.entries(image).filter(([, value]) => value !== undefined)) } : {}),
    sources: lines(post.meta?.sahifa_sources),
    ...(post.meta?.sahifa_live?.trim() ? { live: post.meta.sahifa_live.trim() } : {}),
    corrections: correctionsOf(post.meta?.sahifa_corrections),
    ...(updateNote ? { updateNote } : {}),
    authors: authorNames.length ? authorNames : (post._embedded?.author ?? []).map((author) => author.name?.trim()).filter((name): name is string => !!name),
  };
  if (categories.length === 0) return { key, locale, story: null, problems: [...problems, problem('categories', `the post has no category naming a section (${sections.join(', ')})`)] };
  const result = frontMatterSchema.safeParse(raw);
  if (!result.success) {
    return { key, locale, story: null, problems: [...problems, ...result.error.issues.map((issue) => problem(fieldOf(issue.path), messageOf(issue.path, issue.message)))] };
  }
  const body = sanitizePostHtml(post.content.rendered ?? '');
  if (!body) return { key, locale, story: null, problems: [...problems, problem('content', 'the post has no text')] };
  return { key, locale, story: { ...result.data, slug: key, locale, sourcePath: where, body, bodyFormat: 'html' }, problems, media };
}

/** A live post's id on Sahifa (its anchor and permanent link): its WordPress ID. */
export const livePostId = (post: Pick<WpPost, 'id'>) => `wp-${post.id}`;

/**
 * A live post (the plugin's `sahifa_live_post`) as a post of its story's live page in its parent's edition:
 * the publication time, the title as its optional headline, the key-event and pinned flags, the body
 * sanitized as a story's. `gone` when it is not (or no longer) published.
 */
export function mapLivePost(post: WpPost, story: { key: string; locale: Locale }): { gone: true } | { gone: false; post: ParsedLivePost | null; problems: ContentProblem[] } {
  if (post.status !== 'publish') return { gone: true };
  const headline = htmlToText(post.title.rendered ?? '');
  return {
    gone: false,
    ...livePostFrom(
      {
        time: new Date(gmt(post.date_gmt ?? post.modified_gmt)),
        ...(headline ? { headline } : {}),
        key: post.meta?.sahifa_live_key === true,
        pinned: post.meta?.sahifa_live_pinned === true,
        body: sanitizePostHtml(post.content.rendered ?? ''),
        bodyFormat: 'html',
      },
      { slug: story.key, locale: story.locale, id: livePostId(post), sourcePath: postPath(post) },
    ),
  };
}
