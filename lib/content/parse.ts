/**
 * One story file to a story: YAML front matter validated by the schema, and a Markdown body.
 * A file that fails becomes problems with its path and field, never an exception.
 */
import path from 'node:path';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import type { z } from 'zod';
import type { Locale } from '../locales';
import { markdownToHtml } from './markdown';
import { frontMatterSchema } from './schema';
import type { ContentProblem, Story, StorySummary } from './types';

/**
 * A story as its source has it: the summary and the body, not yet rendered. The body is Markdown (story
 * files), or HTML already sanitized to the element set the Markdown renderer makes (a CMS's posts,
 * lib/content/wordpress/sanitize.ts).
 */
export interface ParsedStory extends StorySummary {
  body: string;
  bodyFormat?: 'html';
}

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)([\s\S]*)$/;
/** Letters and digits of any script joined by single hyphens: no dots, slashes or spaces can reach the disk. */
const SLUG = /^[\p{L}\p{M}\p{N}]+(?:-[\p{L}\p{M}\p{N}]+)*$/u;
export const MAX_SLUG_LENGTH = 120;

export function normalizeSlug(raw: string): string | null {
  const slug = raw.normalize('NFC');
  return slug.length <= MAX_SLUG_LENGTH && SLUG.test(slug) ? slug : null;
}

/** Every value a well-formed slug (normalized), and at least one; else null. */
export function normalizeSlugs(values: unknown[]): string[] | null {
  const slugs = values.map((value) => (typeof value === 'string' ? normalizeSlug(value) : null));
  return slugs.length > 0 && slugs.every((slug): slug is string => slug !== null) ? slugs : null;
}

/** The front matter's YAML and the body of a story file, or null when there is no fenced block. */
export function splitFrontMatter(raw: string): { yaml: string; body: string } | null {
  const match = FRONT_MATTER.exec(raw);
  return match ? { yaml: match[1], body: match[2] } : null;
}

/** A path as reports show it: relative to the working folder where it lies inside it. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') ? file : relative;
}

/**
 * A file's front matter checked against a schema, and its body trimmed; or its problems, each with the
 * file's path and the field.
 */
export function readFrontMatter<Schema extends z.ZodType>(raw: string, schema: Schema, shownPath: string): { data: z.infer<Schema>; body: string } | { problems: ContentProblem[] } {
  const parts = splitFrontMatter(raw);
  if (!parts) return { problems: [{ path: shownPath, field: '(front matter)', message: 'missing the --- fenced YAML block at the top' }] };
  let data: unknown;
  try {
    // The core schema leaves dates as strings, so the schema checks them to the day.
    data = loadYaml(parts.yaml, { schema: CORE_SCHEMA });
  } catch (error) {
    return { problems: [{ path: shownPath, field: '(front matter)', message: `invalid YAML: ${(error as Error).message.split('\n')[0]}` }] };
  }
  const result = schema.safeParse(data ?? {});
  if (!result.success) {
    const problems = result.error.issues.map((issue) => ({
      path: shownPath,
      field: issue.path.length ? issue.path.join('.') : issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : '(front matter)',
      message: issue.message,
    }));
    return { problems };
  }
  return { data: result.data, body: parts.body.trim() };
}

export function parseStoryFile(raw: string, where: { slug: string; locale: Locale; file: string }): { story: ParsedStory | null; problems: ContentProblem[] } {
  const shownPath = displayPath(where.file);
  const read = readFrontMatter(raw, frontMatterSchema, shownPath);
  if ('problems' in read) return { story: null, problems: read.problems };
  if (!read.body) {
    return { story: null, problems: [{ path: shownPath, field: '(body)', message: 'the story has no text' }] };
  }
  return { story: { ...read.data, slug: where.slug, locale: where.locale, sourcePath: shownPath, body: read.body }, problems: [] };
}

/** A story's or a live post's fields without its body, for what lists it. */
export function withoutBody<T extends { body: string; bodyFormat?: 'html' }>(item: T): Omit<T, 'body' | 'bodyFormat'> {
  const fields: Partial<T> = { ...item };
  delete fields.body;
  delete fields.bodyFormat;
  return fields as Omit<T, 'body' | 'bodyFormat'>;
}

/** The story as a page shows it: the body rendered now, when its page renders. */
export function renderStory({ body, bodyFormat, ...summary }: ParsedStory): Story {
  return { ...summary, bodyHtml: bodyFormat === 'html' ? body : markdownToHtml(body) };
}

export function formatProblem(problem: ContentProblem): string {
  return `${problem.path}: ${problem.field}: ${problem.message}`;
}
