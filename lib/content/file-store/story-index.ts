/**
 * The story index on disk (SQLite through better-sqlite3): one row per story file with its front
 * matter as JSON and its Markdown body, sorted lists served by B-tree indexes. It lives outside the
 * JavaScript heap, so 100,000 stories cost the server pages of SQLite's small cache rather than
 * hundreds of megabytes of objects (docs/adr/0001-story-index-in-sqlite.md has the figures).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Locale } from '../../locales';
import type { Section } from '../../sections';
import type { ParsedStory } from '../parse';
import type { ContentProblem, Page, StoryRef, StorySummary } from '../types';

/** Bump when the tables change or when parsing stores something else for the same file (rows are its output). */
const SCHEMA_VERSION = '3';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS stories (
  locale TEXT NOT NULL,
  slug TEXT NOT NULL,
  status TEXT NOT NULL,            -- published | draft | removed (kept, so changedSince sees removals)
  section TEXT NOT NULL,
  published_at INTEGER NOT NULL,
  changed_at INTEGER NOT NULL,     -- when this row last changed
  summary TEXT NOT NULL,           -- StorySummary as JSON
  body TEXT NOT NULL,              -- Markdown, rendered when the page renders
  PRIMARY KEY (locale, slug)
);
CREATE INDEX IF NOT EXISTS stories_latest ON stories (locale, status, published_at DESC, slug);
CREATE INDEX IF NOT EXISTS stories_section ON stories (locale, status, section, published_at DESC, slug);
CREATE INDEX IF NOT EXISTS stories_changed ON stories (changed_at);
CREATE INDEX IF NOT EXISTS stories_slug ON stories (slug, status);
CREATE INDEX IF NOT EXISTS stories_status ON stories (status, published_at DESC, slug);
CREATE TABLE IF NOT EXISTS story_tags (
  locale TEXT NOT NULL,
  tag TEXT NOT NULL,               -- lower-cased
  published_at INTEGER NOT NULL,
  slug TEXT NOT NULL,
  PRIMARY KEY (locale, tag, published_at DESC, slug)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS story_tags_story ON story_tags (locale, slug);
CREATE TABLE IF NOT EXISTS files (
  path TEXT PRIMARY KEY,           -- {slug}/{locale}.md, relative to the stories folder
  mtime REAL NOT NULL,
  size INTEGER NOT NULL,
  problems TEXT                    -- ContentProblem[] as JSON while the file is unusable
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS files_with_problems ON files (path) WHERE problems IS NOT NULL;
CREATE TABLE IF NOT EXISTS folder_problems (path TEXT PRIMARY KEY, problem TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
`;

export interface FileStamp {
  mtime: number;
  size: number;
}

type SummaryJson = Omit<StorySummary, 'publishedAt' | 'updatedAt'> & { publishedAt: string; updatedAt?: string };

function toJson({ body: _body, ...summary }: ParsedStory): string {
  return JSON.stringify(summary);
}

function fromJson(json: string): StorySummary {
  const data = JSON.parse(json) as SummaryJson;
  return { ...data, publishedAt: new Date(data.publishedAt), updatedAt: data.updatedAt ? new Date(data.updatedAt) : undefined };
}

const tagKey = (tag: string) => tag.toLocaleLowerCase();

export class StoryIndex {
  private readonly db: Database.Database;
  private readonly statements;
  /** Totals per list, dropped whenever the database changes, here or in another process. */
  private totals = new Map<string, number>();
  private totalsVersion = -1;

  constructor(file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    // Build workers and servers on one machine may share the file: wait for a writer, do not fail.
    this.db.pragma('busy_timeout = 10000');
    const version = this.tryMeta('schema');
    if (version !== undefined && version !== SCHEMA_VERSION) {
      this.db.exec('DROP TABLE IF EXISTS stories; DROP TABLE IF EXISTS story_tags; DROP TABLE IF EXISTS files; DROP TABLE IF EXISTS folder_problems; DROP TABLE IF EXISTS meta;');
    }
    this.db.exec(SCHEMA);
    const db = this.db;
    this.statements = {
      story: db.prepare<[string, string, string]>('SELECT summary, body FROM stories WHERE locale = ? AND slug = ? AND status = ?'),
      editions: db.prepare<[string]>("SELECT locale FROM stories WHERE slug = ? AND status = 'published'"),
      latest: db.prepare<[string, number, number]>("SELECT summary FROM stories WHERE locale = ? AND status = 'published' ORDER BY published_at DESC, slug LIMIT ? OFFSET ?"),
      latestTotal: db.prepare<[string]>("SELECT count(*) AS n FROM stories WHERE locale = ? AND status = 'published'"),
      section: db.prepare<[string, string, number, number]>(
        "SELECT summary FROM stories WHERE locale = ? AND status = 'published' AND section = ? ORDER BY published_at DESC, slug LIMIT ? OFFSET ?",
      ),
      sectionTotal: db.prepare<[string, string]>("SELECT count(*) AS n FROM stories WHERE locale = ? AND status = 'published' AND section = ?"),
      tagged: db.prepare<[string, string, number]>(
        "SELECT s.summary FROM story_tags t JOIN stories s ON s.locale = t.locale AND s.slug = t.slug WHERE t.locale = ? AND t.tag = ? ORDER BY t.published_at DESC, t.slug LIMIT ?",
      ),
      drafts: db.prepare("SELECT summary FROM stories WHERE status = 'draft' ORDER BY published_at DESC, slug"),
      stored: db.prepare<[string, string]>('SELECT status, summary, body FROM stories WHERE locale = ? AND slug = ?'),
      current: db.prepare<[string, string]>('SELECT status, section FROM stories WHERE locale = ? AND slug = ?'),
      upsert: db.prepare<[string, string, string, string, number, number, string, string]>(
        `INSERT INTO stories (locale, slug, status, section, published_at, changed_at, summary, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (locale, slug) DO UPDATE SET status = excluded.status, section = excluded.section, published_at = excluded.published_at,
           changed_at = excluded.changed_at, summary = excluded.summary, body = excluded.body`,
      ),
      remove: db.prepare<[number, string, string]>("UPDATE stories SET status = 'removed', changed_at = ?, body = '' WHERE locale = ? AND slug = ? AND status != 'removed'"),
      dropTags: db.prepare<[string, string]>('DELETE FROM story_tags WHERE locale = ? AND slug = ?'),
      addTag: db.prepare<[string, string, number, string]>('INSERT OR IGNORE INTO story_tags (locale, tag, published_at, slug) VALUES (?, ?, ?, ?)'),
      changedSince: db.prepare<[number]>('SELECT locale, slug FROM stories WHERE changed_at > ? ORDER BY changed_at'),
      stamp: db.prepare<[string]>('SELECT mtime, size FROM files WHERE path = ?'),
      setFile: db.prepare<[string, number, number, string | null]>(
        'INSERT INTO files (path, mtime, size, problems) VALUES (?, ?, ?, ?) ON CONFLICT (path) DO UPDATE SET mtime = excluded.mtime, size = excluded.size, problems = excluded.problems',
      ),
      dropFile: db.prepare<[string]>('DELETE FROM files WHERE path = ?'),
      filePaths: db.prepare('SELECT path FROM files'),
      fileProblems: db.prepare('SELECT problems FROM files INDEXED BY files_with_problems WHERE problems IS NOT NULL ORDER BY path'),
      folderProblems: db.prepare('SELECT problem FROM folder_problems ORDER BY path'),
      clearFolderProblems: db.prepare('DELETE FROM folder_problems'),
      addFolderProblem: db.prepare<[string, string]>('INSERT OR REPLACE INTO folder_problems (path, problem) VALUES (?, ?)'),
      getMeta: db.prepare<[string]>('SELECT value FROM meta WHERE key = ?'),
      setMeta: db.prepare<[string, string]>('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)'),
    };
    this.setMeta('schema', SCHEMA_VERSION);
  }

  private tryMeta(key: string): string | undefined {
    try {
      return (this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
    } catch {
      return undefined;
    }
  }

  meta(key: string): string | undefined {
    return (this.statements.getMeta.get(key) as { value: string } | undefined)?.value;
  }

  setMeta(key: string, value: string) {
    this.statements.setMeta.run(key, value);
  }

  /** Runs `work` as one transaction: a batch of writes costs one commit. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  story(locale: Locale, slug: string, status: 'published' | 'draft' = 'published'): ParsedStory | undefined {
    const row = this.statements.story.get(locale, slug, status) as { summary: string; body: string } | undefined;
    return row && { ...fromJson(row.summary), body: row.body };
  }

  editions(slug: string): Locale[] {
    return (this.statements.editions.all(slug) as { locale: Locale }[]).map((row) => row.locale);
  }

  private total(key: string, count: () => number): number {
    const version = this.db.pragma('data_version', { simple: true }) as number;
    if (version !== this.totalsVersion) {
      this.totals = new Map();
      this.totalsVersion = version;
    }
    let total = this.totals.get(key);
    if (total === undefined) {
      total = count();
      this.totals.set(key, total);
    }
    return total;
  }

  latest(locale: Locale, offset: number, limit: number): Page<StorySummary> {
    const rows = limit > 0 ? (this.statements.latest.all(locale, limit, offset) as { summary: string }[]) : [];
    const total = this.total(locale, () => (this.statements.latestTotal.get(locale) as { n: number }).n);
    return { items: rows.map((row) => fromJson(row.summary)), total };
  }

  inSection(locale: Locale, section: Section, offset: number, limit: number): Page<StorySummary> {
    const rows = limit > 0 ? (this.statements.section.all(locale, section, limit, offset) as { summary: string }[]) : [];
    const total = this.total(`${locale}\u0000${section}`, () => (this.statements.sectionTotal.get(locale, section) as { n: number }).n);
    return { items: rows.map((row) => fromJson(row.summary)), total };
  }

  tagged(locale: Locale, tag: string, limit: number): StorySummary[] {
    return (this.statements.tagged.all(locale, tagKey(tag), limit) as { summary: string }[]).map((row) => fromJson(row.summary));
  }

  drafts(): StorySummary[] {
    return (this.statements.drafts.all() as { summary: string }[]).map((row) => fromJson(row.summary));
  }

  /** Where the story is listed now, if anywhere: for the pages a change must refresh. */
  current(locale: Locale, slug: string): { status: string; section: Section } | undefined {
    return this.statements.current.get(locale, slug) as { status: string; section: Section } | undefined;
  }

  /** Stores a story unless the index has it just so already, so `changedSince` sees real changes only. */
  put(story: ParsedStory, now = Date.now()) {
    const publishedAt = story.publishedAt.getTime();
    const summary = toJson(story);
    const known = this.statements.stored.get(story.locale, story.slug) as { status: string; summary: string; body: string } | undefined;
    if (known && known.status === story.status && known.summary === summary && known.body === story.body) return;
    this.statements.upsert.run(story.locale, story.slug, story.status, story.section, publishedAt, now, summary, story.body);
    this.statements.dropTags.run(story.locale, story.slug);
    if (story.status !== 'published') return;
    for (const tag of new Set(story.tags.map(tagKey))) this.statements.addTag.run(story.locale, tag, publishedAt, story.slug);
  }

  remove({ locale, slug }: StoryRef, now = Date.now()) {
    this.statements.remove.run(now, locale, slug);
    this.statements.dropTags.run(locale, slug);
  }

  changedSince(since: number): StoryRef[] {
    return this.statements.changedSince.all(since) as StoryRef[];
  }

  stamp(relativePath: string): FileStamp | undefined {
    return this.statements.stamp.get(relativePath) as FileStamp | undefined;
  }

  setFile(relativePath: string, stamp: FileStamp, problems: ContentProblem[]) {
    this.statements.setFile.run(relativePath, stamp.mtime, stamp.size, problems.length ? JSON.stringify(problems) : null);
  }

  dropFile(relativePath: string) {
    this.statements.dropFile.run(relativePath);
  }

  filePaths(): string[] {
    return (this.statements.filePaths.all() as { path: string }[]).map((row) => row.path);
  }

  replaceFolderProblems(problems: ContentProblem[]) {
    this.statements.clearFolderProblems.run();
    for (const problem of problems) this.statements.addFolderProblem.run(problem.path, JSON.stringify(problem));
  }

  problems(): ContentProblem[] {
    const folder = (this.statements.folderProblems.all() as { problem: string }[]).map((row) => JSON.parse(row.problem) as ContentProblem);
    const files = (this.statements.fileProblems.all() as { problems: string }[]).flatMap((row) => JSON.parse(row.problems) as ContentProblem[]);
    return [...folder, ...files];
  }

  close() {
    this.db.close();
  }
}
