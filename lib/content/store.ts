/**
 * The content store: one folder per story, one Markdown file per locale. The folder is read once
 * into an index; every lookup after that is a Map hit or a slice of a pre-sorted list.
 * A file that fails validation becomes a reported problem and the rest of the site serves on.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { locales, isLocale, type Locale } from '../locales';
import type { Section } from '../sections';
import { markdownToHtml } from './markdown';
import { frontMatterSchema, type FrontMatter } from './schema';

export interface Story extends FrontMatter {
  slug: string;
  locale: Locale;
  bodyHtml: string;
  /** Where the story came from, for error reports. */
  sourcePath: string;
}

export interface ContentProblem {
  path: string;
  field: string;
  message: string;
}

export interface Page<T> {
  items: T[];
  total: number;
}

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)([\s\S]*)$/;
/** Letters and digits of any script joined by single hyphens: no dots, slashes or spaces can reach the disk. */
const SLUG = /^[\p{L}\p{M}\p{N}]+(?:-[\p{L}\p{M}\p{N}]+)*$/u;
export const MAX_SLUG_LENGTH = 120;

export function normalizeSlug(raw: string): string | null {
  const slug = raw.normalize('NFC');
  return slug.length <= MAX_SLUG_LENGTH && SLUG.test(slug) ? slug : null;
}

function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') ? file : relative;
}

export function parseStoryFile(
  raw: string,
  where: { slug: string; locale: Locale; file: string },
): { story: Story | null; problems: ContentProblem[] } {
  const shownPath = displayPath(where.file);
  const match = FRONT_MATTER.exec(raw);
  if (!match) {
    return { story: null, problems: [{ path: shownPath, field: '(front matter)', message: 'missing the --- fenced YAML block at the top' }] };
  }
  let data: unknown;
  try {
    data = parseYaml(match[1]);
  } catch (error) {
    return { story: null, problems: [{ path: shownPath, field: '(front matter)', message: `invalid YAML: ${(error as Error).message.split('\n')[0]}` }] };
  }
  const result = frontMatterSchema.safeParse(data ?? {});
  if (!result.success) {
    const problems = result.error.issues.map((issue) => ({
      path: shownPath,
      field: issue.path.length ? issue.path.join('.') : issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : '(front matter)',
      message: issue.message,
    }));
    return { story: null, problems };
  }
  const body = match[2].trim();
  if (!body) {
    return { story: null, problems: [{ path: shownPath, field: '(body)', message: 'the story has no text' }] };
  }
  return {
    story: { ...result.data, slug: where.slug, locale: where.locale, bodyHtml: markdownToHtml(body), sourcePath: shownPath },
    problems: [],
  };
}

const newestFirst = (a: Story, b: Story) => b.publishedAt.getTime() - a.publishedAt.getTime() || a.slug.localeCompare(b.slug);

function listKey(locale: Locale, name: string): string {
  return `${locale}\u0000${name}`;
}

function page(list: Story[] = [], offset: number, limit: number): Page<Story> {
  return { items: list.slice(offset, offset + limit), total: list.length };
}

function pushTo<K>(map: Map<K, Story[]>, key: K, story: Story) {
  const list = map.get(key);
  if (list) list.push(story);
  else map.set(key, [story]);
}

export class ContentIndex {
  private readonly published = new Map<string, Story>();
  private readonly drafts = new Map<string, Story>();
  private readonly byLocale = new Map<Locale, Story[]>();
  private readonly bySection = new Map<string, Story[]>();
  private readonly byTag = new Map<string, Story[]>();

  constructor(
    stories: Story[],
    readonly problems: ContentProblem[],
  ) {
    for (const story of [...stories].sort(newestFirst)) {
      if (story.status === 'draft') {
        this.drafts.set(listKey(story.locale, story.slug), story);
        continue;
      }
      this.published.set(listKey(story.locale, story.slug), story);
      pushTo(this.byLocale, story.locale, story);
      pushTo(this.bySection, listKey(story.locale, story.section), story);
      for (const tag of new Set(story.tags.map((t) => t.toLocaleLowerCase()))) pushTo(this.byTag, listKey(story.locale, tag), story);
    }
  }

  story(locale: Locale, slug: string): Story | undefined {
    return this.published.get(listKey(locale, slug));
  }

  /** The locales a published story exists in, for language switches and hreflang. */
  localesOf(slug: string): Locale[] {
    return locales.filter((locale) => this.published.has(listKey(locale, slug)));
  }

  latest(locale: Locale, offset = 0, limit = 20): Page<Story> {
    return page(this.byLocale.get(locale), offset, limit);
  }

  inSection(locale: Locale, section: Section, offset = 0, limit = 20): Page<Story> {
    return page(this.bySection.get(listKey(locale, section)), offset, limit);
  }

  /**
   * Stories sharing the section or a tag, newest first. Each source list is already sorted,
   * so only its first `limit + 1` entries can make the cut.
   */
  related(story: Story, limit = 4): Story[] {
    const sources = [
      this.bySection.get(listKey(story.locale, story.section)) ?? [],
      ...story.tags.map((tag) => this.byTag.get(listKey(story.locale, tag.toLocaleLowerCase())) ?? []),
    ];
    const candidates = new Set<Story>();
    for (const list of sources) for (const candidate of list.slice(0, limit + 1)) if (candidate.slug !== story.slug) candidates.add(candidate);
    return [...candidates].sort(newestFirst).slice(0, limit);
  }

  allPublished(locale: Locale): Story[] {
    return this.byLocale.get(locale) ?? [];
  }

  allDrafts(): Story[] {
    return [...this.drafts.values()];
  }
}

/** Reads every story under `{dir}/stories`. Never throws for bad content: that becomes a problem. */
export function loadContent(dir: string): ContentIndex {
  const storiesDir = path.join(dir, 'stories');
  const stories: Story[] = [];
  const problems: ContentProblem[] = [];
  let folders: fs.Dirent[];
  try {
    folders = fs.readdirSync(storiesDir, { withFileTypes: true });
  } catch (error) {
    problems.push({ path: displayPath(storiesDir), field: '(folder)', message: `cannot read the stories folder: ${(error as Error).message}` });
    return new ContentIndex(stories, problems);
  }
  for (const folder of folders) {
    if (!folder.isDirectory() || folder.name.startsWith('.')) continue;
    const folderPath = path.join(storiesDir, folder.name);
    const slug = normalizeSlug(folder.name);
    if (!slug) {
      problems.push({ path: displayPath(folderPath), field: '(slug)', message: 'folder name must be letters or digits joined by single hyphens, at most 120 characters' });
      continue;
    }
    let files: string[];
    try {
      files = fs.readdirSync(folderPath);
    } catch (error) {
      problems.push({ path: displayPath(folderPath), field: '(folder)', message: `cannot read: ${(error as Error).message}` });
      continue;
    }
    for (const file of files) {
      if (!file.endsWith('.md')) continue;
      const filePath = path.join(folderPath, file);
      const locale = file.slice(0, -3);
      if (!isLocale(locale)) {
        problems.push({ path: displayPath(filePath), field: '(locale)', message: `file name must be one of ${locales.map((l) => `${l}.md`).join(', ')}` });
        continue;
      }
      let raw: string;
      try {
        raw = fs.readFileSync(filePath, 'utf8');
      } catch (error) {
        problems.push({ path: displayPath(filePath), field: '(file)', message: `cannot read: ${(error as Error).message}` });
        continue;
      }
      const parsed = parseStoryFile(raw, { slug, locale, file: filePath });
      problems.push(...parsed.problems);
      if (parsed.story) stories.push(parsed.story);
    }
  }
  return new ContentIndex(stories, problems);
}

export function formatProblem(problem: ContentProblem): string {
  return `${problem.path}: ${problem.field}: ${problem.message}`;
}
