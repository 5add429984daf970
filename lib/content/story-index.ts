/**
 * The story index on disk (SQLite through Node's built-in node:sqlite): one row per story file with its front
 * matter as JSON and its Markdown body, sorted lists served by B-tree indexes. It lives outside the
 * JavaScript heap, so 100,000 stories cost the server pages of SQLite's small cache rather than
 * hundreds of megabytes of objects (docs/adr/0001-story-index-in-sqlite.md has the figures).
 */
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync, type SQLInputValue, type StatementResultingChanges } from 'node:sqlite';
import { locales, type Locale } from '../locales';
import { indexText } from '../search/analyze';
import { matchExpression, SEARCH_COUNT_CAP } from '../search/query';
import type { Section } from '../sections';
import { labelsOf, type Label, type LabelKind } from './labels';
import type { ParsedStory } from './parse';
import type { LivePost, ParsedLivePost } from './live';
import type { ContentProblem, LabelRef, LabelSummary, Page, SearchPage, StoryRef, StorySummary } from './types';

/**
 * Bump the number when the tables change or when parsing stores something else for the same file (rows are
 * its output). The editions are part of it: each has a search table, and a file of an edition the index did
 * not know was recorded as a problem, so a new edition rebuilds the index by itself.
 */
const SCHEMA_VERSION = `8:${locales.join(',')}`;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS stories (
  locale TEXT NOT NULL,
  slug TEXT NOT NULL,
  status TEXT NOT NULL,            -- published | draft | removed (kept, so changedSince sees removals)
  section TEXT NOT NULL,
  published_at INTEGER NOT NULL,
  changed_at INTEGER NOT NULL,     -- when this row last changed
  summary TEXT NOT NULL,           -- StorySummary as JSON
  body TEXT NOT NULL,              -- Markdown, rendered when the page renders (or sanitized HTML: summary.bodyFormat)
  search_rowid INTEGER,            -- its row in search_{locale} while published (see searchRowid)
  corrected_at INTEGER,            -- its newest correction's time, if it has any (the corrections page)
  PRIMARY KEY (locale, slug)
);
CREATE INDEX IF NOT EXISTS stories_corrected ON stories (locale, status, corrected_at DESC, slug) WHERE corrected_at IS NOT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS stories_search ON stories (locale, search_rowid) WHERE search_rowid IS NOT NULL;
CREATE INDEX IF NOT EXISTS stories_latest ON stories (locale, status, published_at DESC, slug);
CREATE INDEX IF NOT EXISTS stories_section ON stories (locale, status, section, published_at DESC, slug);
CREATE INDEX IF NOT EXISTS stories_changed ON stories (changed_at);
CREATE INDEX IF NOT EXISTS stories_slug ON stories (slug, status);
CREATE INDEX IF NOT EXISTS stories_status ON stories (status, published_at DESC, slug);
CREATE TABLE IF NOT EXISTS story_labels (
  locale TEXT NOT NULL,
  kind TEXT NOT NULL,              -- tag | author
  key TEXT NOT NULL,               -- labelKey(name)
  published_at INTEGER NOT NULL,
  slug TEXT NOT NULL,
  name TEXT NOT NULL,              -- as this story writes it
  PRIMARY KEY (locale, kind, key, published_at DESC, slug)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS story_labels_story ON story_labels (locale, slug);
CREATE TABLE IF NOT EXISTS label_counts (  -- stories per label, kept as labels come and go
  locale TEXT NOT NULL,
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  stories INTEGER NOT NULL,
  PRIMARY KEY (locale, kind, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS live_posts (  -- a live story's posts (lib/content/live.ts), whatever the story's status
  locale TEXT NOT NULL,
  slug TEXT NOT NULL,
  id TEXT NOT NULL,
  time INTEGER NOT NULL,
  flags INTEGER NOT NULL,          -- 1: key event, 2: pinned
  rev TEXT NOT NULL,
  post TEXT NOT NULL,              -- LivePost as JSON
  body TEXT NOT NULL,
  PRIMARY KEY (locale, slug, id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS live_posts_stream ON live_posts (locale, slug, time DESC, id DESC);
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

/**
 * One contentless FTS5 table per edition, holding the terms of the published stories' headline,
 * summary, tags and body (lib/search/analyze.ts makes them; the tokenizer only splits on spaces).
 * Its rowids sort as the stories' publication times, so a newest-first page of matches is read
 * from the end of the doclists and stops after the page: the cost of a query does not grow with
 * the number of stories that match it.
 */
const searchTable = (locale: Locale) => `search_${locale}`;
const SEARCH_SCHEMA = locales
  .map((locale) => `CREATE VIRTUAL TABLE IF NOT EXISTS ${searchTable(locale)} USING fts5(terms, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');`)
  .join('\n');

/** Stories per millisecond of publication time that can share a rowid slot before probing. */
const ROWID_SLOTS = 1024;

function hashSlug(slug: string): number {
  let hash = 2166136261;
  for (let i = 0; i < slug.length; i++) hash = Math.imul(hash ^ slug.charCodeAt(i), 16777619);
  return (hash >>> 0) % ROWID_SLOTS;
}

export interface FileStamp {
  mtime: number;
  size: number;
  /**
   * The file had problems when last read (1), so it is read again even unchanged: a post refused for its time may be
   * due now.
   */
  broken?: number;
}

type SummaryJson = Omit<StorySummary, 'publishedAt' | 'updatedAt' | 'corrections'> & { publishedAt: string; updatedAt?: string; corrections?: { date: string; text: string }[] };

/** The story less its body: JSON.stringify leaves out a property that is undefined. */
function toJson(story: ParsedStory): string {
  return JSON.stringify({ ...story, body: undefined });
}

function fromJson(json: string): StorySummary {
  const data = JSON.parse(json) as SummaryJson;
  return {
    ...data,
    publishedAt: new Date(data.publishedAt),
    updatedAt: data.updatedAt ? new Date(data.updatedAt) : undefined,
    corrections: (data.corrections ?? []).map((correction) => ({ ...correction, date: new Date(correction.date) })),
  };
}

/** The words search reads from a story, in the order a reader meets them (an HTML body without its tags). */
function searchableText(story: ParsedStory): string {
  const body = story.bodyFormat === 'html' ? story.body.replace(/<[^>]*>/g, ' ') : story.body;
  return [story.title, story.summary, ...story.tags, body].join('\n');
}

const LIVE_FLAGS = { key: 1, pinned: 2 } as const;

interface LiveRow {
  post: string;
  body: string;
}

function liveFromRow(row: LiveRow): ParsedLivePost {
  const post = JSON.parse(row.post) as Omit<LivePost, 'time'> & { time: string; bodyFormat?: 'html' };
  return { ...post, time: new Date(post.time), body: row.body };
}

/** A prepared statement that takes just the parameters its SQL names, in order. */
interface Statement<Params extends SQLInputValue[] = []> {
  get(...params: Params): unknown;
  all(...params: Params): unknown[];
  run(...params: Params): StatementResultingChanges;
}

interface SearchStatements {
  insert: Statement<[number, string]>;
  remove: Statement<[number]>;
  page: Statement<[string, number, number]>;
  count: Statement<[string, number]>;
}

export class StoryIndex {
  private readonly db: DatabaseSync;
  private readonly statements;
  private readonly search: Record<Locale, SearchStatements>;
  /** Totals per list, dropped whenever the database changes, here or in another process. */
  private totals = new Map<string, number>();
  private totalsVersion = -1;

  constructor(file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Build workers and servers on one machine may share the file: wait up to 10 s for a writer, do not fail.
    this.db = new DatabaseSync(file, { timeout: 10_000 });
    this.db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;');
    const version = this.tryMeta('schema');
    if (version !== undefined && version !== SCHEMA_VERSION) {
      for (const table of ['stories', 'story_tags', 'live_posts', 'story_labels', 'label_counts', 'files', 'folder_problems', 'meta', ...locales.map(searchTable)]) this.db.exec(`DROP TABLE IF EXISTS ${table}`);
    }
    this.db.exec(SCHEMA);
    this.db.exec(SEARCH_SCHEMA);
    const db = this.db;
    const prepare = <Params extends SQLInputValue[] = []>(sql: string) => {
      const statement = db.prepare(sql);
      // A write's result carries the connection's last inserted rowid, which FTS5's own bookkeeping leaves above 2^53:
      // read as a bigint it is harmless, read as a number it throws.
      if (statement.columns().length === 0) statement.setReadBigInts(true);
      return statement as unknown as Statement<Params>;
    };
    this.statements = {
      story: prepare<[string, string, string]>('SELECT summary, body FROM stories WHERE locale = ? AND slug = ? AND status = ?'),
      editions: prepare<[string]>("SELECT locale FROM stories WHERE slug = ? AND status = 'published'"),
      latest: prepare<[string, number, number]>("SELECT summary FROM stories WHERE locale = ? AND status = 'published' ORDER BY published_at DESC, slug LIMIT ? OFFSET ?"),
      latestTotal: prepare<[string]>("SELECT count(*) AS n FROM stories WHERE locale = ? AND status = 'published'"),
      section: prepare<[string, string, number, number]>(
        "SELECT summary FROM stories WHERE locale = ? AND status = 'published' AND section = ? ORDER BY published_at DESC, slug LIMIT ? OFFSET ?",
      ),
      sectionTotal: prepare<[string, string]>("SELECT count(*) AS n FROM stories WHERE locale = ? AND status = 'published' AND section = ?"),
      labelled: prepare<[string, string, string, number, number]>(
        "SELECT s.summary FROM story_labels l JOIN stories s ON s.locale = l.locale AND s.slug = l.slug WHERE l.locale = ? AND l.kind = ? AND l.key = ? ORDER BY l.published_at DESC, l.slug LIMIT ? OFFSET ?",
      ),
      labelledTotal: prepare<[string, string, string]>('SELECT stories AS n FROM label_counts WHERE locale = ? AND kind = ? AND key = ?'),
      labelName: prepare<[string, string, string]>('SELECT name FROM story_labels WHERE locale = ? AND kind = ? AND key = ? ORDER BY published_at DESC, slug LIMIT 1'),
      // One primary-key probe per edition: cheaper than another index on every label written.
      labelIn: prepare<[string, string, string]>('SELECT 1 FROM story_labels WHERE locale = ? AND kind = ? AND key = ? LIMIT 1'),
      labelList: prepare<[string, string, number, number]>(
        'SELECT key, name, max(published_at) AS newest FROM story_labels WHERE locale = ? AND kind = ? GROUP BY key ORDER BY key LIMIT ? OFFSET ?',
      ),
      // count(DISTINCT key) over story_labels reads every label of the edition: 0.6 s at 100,000 stories.
      labelListTotal: prepare<[string, string]>('SELECT count(*) AS n FROM label_counts WHERE locale = ? AND kind = ?'),
      countLabel: prepare<[string, string, string]>(
        'INSERT INTO label_counts (locale, kind, key, stories) VALUES (?, ?, ?, 1) ON CONFLICT (locale, kind, key) DO UPDATE SET stories = stories + 1',
      ),
      uncountLabel: prepare<[string, string, string]>('UPDATE label_counts SET stories = stories - 1 WHERE locale = ? AND kind = ? AND key = ?'),
      dropUncounted: prepare<[string, string, string]>('DELETE FROM label_counts WHERE locale = ? AND kind = ? AND key = ? AND stories <= 0'),
      labelsOfStory: prepare<[string, string]>('SELECT kind, key FROM story_labels WHERE locale = ? AND slug = ?'),
      searchSlotTaken: prepare<[string, number]>('SELECT 1 FROM stories WHERE locale = ? AND search_rowid = ?'),
      setSearchRowid: prepare<[number | null, string, string]>('UPDATE stories SET search_rowid = ? WHERE locale = ? AND slug = ?'),
      searchRowidOf: prepare<[string, string]>('SELECT search_rowid AS rowid FROM stories WHERE locale = ? AND slug = ?'),
      storyAtSearchRowid: prepare<[string, number]>('SELECT summary FROM stories WHERE locale = ? AND search_rowid = ?'),
      drafts: prepare("SELECT summary FROM stories WHERE status = 'draft' ORDER BY published_at DESC, slug"),
      stored: prepare<[string, string]>('SELECT status, summary, body FROM stories WHERE locale = ? AND slug = ?'),
      current: prepare<[string, string]>('SELECT status, section, changed_at AS changedAt FROM stories WHERE locale = ? AND slug = ?'),
      upsert: prepare<[string, string, string, string, number, number, string, string, number | null]>(
        `INSERT INTO stories (locale, slug, status, section, published_at, changed_at, summary, body, corrected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (locale, slug) DO UPDATE SET status = excluded.status, section = excluded.section, published_at = excluded.published_at,
           changed_at = excluded.changed_at, summary = excluded.summary, body = excluded.body, corrected_at = excluded.corrected_at`,
      ),
      corrected: prepare<[string, number, number]>(
        "SELECT summary FROM stories WHERE locale = ? AND status = 'published' AND corrected_at IS NOT NULL ORDER BY corrected_at DESC, slug LIMIT ? OFFSET ?",
      ),
      correctedTotal: prepare<[string]>("SELECT count(*) AS n FROM stories WHERE locale = ? AND status = 'published' AND corrected_at IS NOT NULL"),
      remove: prepare<[number, string, string]>("UPDATE stories SET status = 'removed', changed_at = ?, body = '' WHERE locale = ? AND slug = ? AND status != 'removed'"),
      // Without INDEXED BY the planner walks every label of the edition by primary key, a cost that grows with the
      // archive.
      dropLabels: prepare<[string, string]>('DELETE FROM story_labels INDEXED BY story_labels_story WHERE locale = ? AND slug = ?'),
      addLabel: prepare<[string, string, string, number, string, string]>(
        'INSERT OR IGNORE INTO story_labels (locale, kind, key, published_at, slug, name) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      changedSince: prepare<[number]>('SELECT locale, slug FROM stories WHERE changed_at > ? ORDER BY changed_at'),
      stamp: prepare<[string]>('SELECT mtime, size, problems IS NOT NULL AS broken FROM files WHERE path = ?'),
      setFile: prepare<[string, number, number, string | null]>(
        'INSERT INTO files (path, mtime, size, problems) VALUES (?, ?, ?, ?) ON CONFLICT (path) DO UPDATE SET mtime = excluded.mtime, size = excluded.size, problems = excluded.problems',
      ),
      dropFile: prepare<[string]>('DELETE FROM files WHERE path = ?'),
      filePaths: prepare('SELECT path FROM files'),
      filePathsUnder: prepare<[string, string]>('SELECT path FROM files WHERE path >= ? AND path < ?'),
      fileProblems: prepare('SELECT problems FROM files INDEXED BY files_with_problems WHERE problems IS NOT NULL ORDER BY path'),
      folderProblems: prepare('SELECT problem FROM folder_problems ORDER BY path'),
      clearFolderProblems: prepare('DELETE FROM folder_problems'),
      addFolderProblem: prepare<[string, string]>('INSERT OR REPLACE INTO folder_problems (path, problem) VALUES (?, ?)'),
      livePage: prepare<[string, string, number, number]>('SELECT post, body FROM live_posts WHERE locale = ? AND slug = ? ORDER BY time DESC, id DESC LIMIT ? OFFSET ?'),
      liveCount: prepare<[string, string]>('SELECT count(*) AS n FROM live_posts WHERE locale = ? AND slug = ?'),
      liveFlagged: prepare<[string, string, number, number]>('SELECT post, body FROM live_posts WHERE locale = ? AND slug = ? AND flags & ? ORDER BY time DESC, id DESC LIMIT ?'),
      liveNewer: prepare<[string, string, number, number]>('SELECT post, body FROM live_posts WHERE locale = ? AND slug = ? AND time >= ? ORDER BY time DESC, id DESC LIMIT ?'),
      liveWindow: prepare<[string, string, number]>('SELECT id, rev, time FROM live_posts WHERE locale = ? AND slug = ? ORDER BY time DESC, id DESC LIMIT ?'),
      livePost: prepare<[string, string, string]>('SELECT post, body, time FROM live_posts WHERE locale = ? AND slug = ? AND id = ?'),
      livePosition: prepare<[string, string, number, number, string]>('SELECT count(*) AS n FROM live_posts WHERE locale = ? AND slug = ? AND (time > ? OR (time = ? AND id > ?))'),
      liveRev: prepare<[string, string, string]>('SELECT rev FROM live_posts WHERE locale = ? AND slug = ? AND id = ?'),
      putLive: prepare<[string, string, string, number, number, string, string, string]>(
        `INSERT INTO live_posts (locale, slug, id, time, flags, rev, post, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (locale, slug, id) DO UPDATE SET time = excluded.time, flags = excluded.flags, rev = excluded.rev, post = excluded.post, body = excluded.body`,
      ),
      removeLive: prepare<[string, string, string]>('DELETE FROM live_posts WHERE locale = ? AND slug = ? AND id = ?'),
      liveIds: prepare<[string, string]>('SELECT id FROM live_posts WHERE locale = ? AND slug = ?'),
      dataVersion: prepare('PRAGMA data_version'),
      getMeta: prepare<[string]>('SELECT value FROM meta WHERE key = ?'),
      setMeta: prepare<[string, string]>('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)'),
    };
    this.search = Object.fromEntries(
      locales.map((locale) => {
        const table = searchTable(locale);
        return [
          locale,
          {
            insert: prepare<[number, string]>(`INSERT INTO ${table} (rowid, terms) VALUES (?, ?)`),
            remove: prepare<[number]>(`DELETE FROM ${table} WHERE rowid = ?`),
            page: prepare<[string, number, number]>(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid DESC LIMIT ? OFFSET ?`),
            count: prepare<[string, number]>(`SELECT count(*) AS n FROM (SELECT rowid FROM ${table} WHERE ${table} MATCH ? LIMIT ?)`),
          },
        ];
      }),
    ) as Record<Locale, SearchStatements>;
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
    if (this.db.isTransaction) return work();
    this.db.exec('BEGIN');
    try {
      const result = work();
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  story(locale: Locale, slug: string, status: 'published' | 'draft' = 'published'): ParsedStory | undefined {
    const row = this.statements.story.get(locale, slug, status) as { summary: string; body: string } | undefined;
    return row && { ...fromJson(row.summary), body: row.body };
  }

  editions(slug: string): Locale[] {
    return (this.statements.editions.all(slug) as { locale: Locale }[]).map((row) => row.locale);
  }

  private total(key: string, count: () => number): number {
    const version = (this.statements.dataVersion.get() as { data_version: number }).data_version;
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

  /** Published stories with corrections, the newest correction first. */
  corrected(locale: Locale, offset: number, limit: number): Page<StorySummary> {
    const rows = limit > 0 ? (this.statements.corrected.all(locale, limit, offset) as { summary: string }[]) : [];
    const total = this.total(`${locale}\u0000corrected`, () => (this.statements.correctedTotal.get(locale) as { n: number }).n);
    return { items: rows.map((row) => fromJson(row.summary)), total };
  }

  inSection(locale: Locale, section: Section, offset: number, limit: number): Page<StorySummary> {
    const rows = limit > 0 ? (this.statements.section.all(locale, section, limit, offset) as { summary: string }[]) : [];
    const total = this.total(`${locale}\u0000${section}`, () => (this.statements.sectionTotal.get(locale, section) as { n: number }).n);
    return { items: rows.map((row) => fromJson(row.summary)), total };
  }

  labelled(locale: Locale, kind: LabelKind, key: string, offset: number, limit: number): Page<StorySummary> {
    const rows = limit > 0 ? (this.statements.labelled.all(locale, kind, key, limit, offset) as { summary: string }[]) : [];
    const total = this.total(`${locale}\u0000${kind}\u0000${key}`, () => (this.statements.labelledTotal.get(locale, kind, key) as { n: number } | undefined)?.n ?? 0);
    return { items: rows.map((row) => fromJson(row.summary)), total };
  }

  /** The label as the newest story carrying it in this edition writes it. */
  label(locale: Locale, kind: LabelKind, key: string): Label | undefined {
    const row = this.statements.labelName.get(locale, kind, key) as { name: string } | undefined;
    return row && { kind, key, name: row.name };
  }

  labelEditions(kind: LabelKind, key: string): Locale[] {
    return locales.filter((locale) => this.statements.labelIn.get(locale, kind, key) !== undefined);
  }

  labels(locale: Locale, kind: LabelKind, offset: number, limit: number): Page<LabelSummary> {
    const rows = limit > 0 ? (this.statements.labelList.all(locale, kind, limit, offset) as { key: string; name: string; newest: number }[]) : [];
    const total = this.total(`${locale}\u0000${kind}\u0000*`, () => (this.statements.labelListTotal.get(locale, kind) as { n: number }).n);
    return { items: rows.map((row) => ({ kind, key: row.key, name: row.name, newest: new Date(row.newest) })), total };
  }

  /** The tags and authors a published story is listed under now. */
  labelsOfStory(locale: Locale, slug: string): LabelRef[] {
    return (this.statements.labelsOfStory.all(locale, slug) as { kind: LabelKind; key: string }[]).map((row) => ({ locale, ...row }));
  }

  /**
   * Published stories holding every word, in any of its forms, newest first. The count stops at SEARCH_COUNT_CAP, and
   * `offset` is the caller's to cap: both are what a query costs beyond its first page.
   */
  searchStories(locale: Locale, words: string[][], offset: number, limit: number): SearchPage {
    if (words.length === 0) return { items: [], total: 0, capped: false };
    const match = matchExpression(words);
    const statements = this.search[locale];
    const rowids = (statements.page.all(match, limit, offset) as { rowid: number }[]).map((row) => row.rowid);
    const items = rowids.map((rowid) => fromJson((this.statements.storyAtSearchRowid.get(locale, rowid) as { summary: string }).summary));
    const counted = (statements.count.get(match, SEARCH_COUNT_CAP + 1) as { n: number }).n;
    return { items, total: Math.min(counted, SEARCH_COUNT_CAP), capped: counted > SEARCH_COUNT_CAP };
  }

  /** A free rowid in the edition's search table that sorts with the story's publication time. */
  private searchRowid(locale: Locale, publishedAt: number, slug: string): number {
    let rowid = publishedAt * ROWID_SLOTS + hashSlug(slug);
    while (this.statements.searchSlotTaken.get(locale, rowid)) rowid++;
    return rowid;
  }

  private unlist(locale: Locale, slug: string) {
    for (const { kind, key } of this.labelsOfStory(locale, slug)) {
      this.statements.uncountLabel.run(locale, kind, key);
      this.statements.dropUncounted.run(locale, kind, key);
    }
    this.statements.dropLabels.run(locale, slug);
    const row = this.statements.searchRowidOf.get(locale, slug) as { rowid: number | null } | undefined;
    if (row?.rowid == null) return;
    this.search[locale].remove.run(row.rowid);
    this.statements.setSearchRowid.run(null, locale, slug);
  }

  /** Every story key with an edition in the index, published or draft. */
  slugs(): string[] {
    return (this.db.prepare("SELECT DISTINCT slug FROM stories WHERE status != 'removed'").all() as { slug: string }[]).map((row) => row.slug);
  }

  drafts(): StorySummary[] {
    return (this.statements.drafts.all() as { summary: string }[]).map((row) => fromJson(row.summary));
  }

  /** Where the story is listed now, if anywhere: for the pages a change must refresh. */
  current(locale: Locale, slug: string): { status: string; section: Section; changedAt: number } | undefined {
    return this.statements.current.get(locale, slug) as { status: string; section: Section; changedAt: number } | undefined;
  }

  /** Stores a story unless the index has it just so already, so `changedSince` sees real changes only. */
  put(story: ParsedStory, now = Date.now()) {
    const publishedAt = story.publishedAt.getTime();
    const summary = toJson(story);
    const known = this.statements.stored.get(story.locale, story.slug) as { status: string; summary: string; body: string } | undefined;
    if (known && known.status === story.status && known.summary === summary && known.body === story.body) return;
    // data_version only moves for other connections' commits: this one's own must drop the totals too.
    this.totals.clear();
    this.unlist(story.locale, story.slug);
    const correctedAt = story.corrections.length ? Math.max(...story.corrections.map((correction) => correction.date.getTime())) : null;
    this.statements.upsert.run(story.locale, story.slug, story.status, story.section, publishedAt, now, summary, story.body, correctedAt);
    if (story.status !== 'published') return;
    for (const label of [...labelsOf(story.tags, 'tag'), ...labelsOf(story.authors, 'author')]) {
      this.statements.addLabel.run(story.locale, label.kind, label.key, publishedAt, story.slug, label.name);
      this.statements.countLabel.run(story.locale, label.kind, label.key);
    }
    const rowid = this.searchRowid(story.locale, publishedAt, story.slug);
    this.search[story.locale].insert.run(rowid, indexText(searchableText(story)));
    this.statements.setSearchRowid.run(rowid, story.locale, story.slug);
  }

  remove({ locale, slug }: StoryRef, now = Date.now()) {
    this.totals.clear();
    this.unlist(locale, slug);
    this.statements.remove.run(now, locale, slug);
  }

  changedSince(since: number): StoryRef[] {
    return this.statements.changedSince.all(since) as StoryRef[];
  }

  /** A live story's posts, newest first; two posts of the same minute in a fixed order (by id). */
  livePosts(locale: Locale, slug: string, offset: number, limit: number): Page<ParsedLivePost> {
    const rows = limit > 0 ? (this.statements.livePage.all(locale, slug, limit, offset) as LiveRow[]) : [];
    return { items: rows.map(liveFromRow), total: (this.statements.liveCount.get(locale, slug) as { n: number }).n };
  }

  /** The newest posts that are key events (`key`) or pinned (`pinned`). */
  liveFlagged(locale: Locale, slug: string, flag: 'key' | 'pinned', limit: number): ParsedLivePost[] {
    return (this.statements.liveFlagged.all(locale, slug, LIVE_FLAGS[flag], limit) as LiveRow[]).map(liveFromRow);
  }

  /** Posts at or after a time, newest first. */
  liveNewer(locale: Locale, slug: string, time: number, limit: number): ParsedLivePost[] {
    return (this.statements.liveNewer.all(locale, slug, time, limit) as LiveRow[]).map(liveFromRow);
  }

  /** The newest posts' ids, revisions and times. */
  liveWindow(locale: Locale, slug: string, limit: number): { id: string; rev: string; time: number }[] {
    return this.statements.liveWindow.all(locale, slug, limit) as { id: string; rev: string; time: number }[];
  }

  livePost(locale: Locale, slug: string, id: string): ParsedLivePost | undefined {
    const row = this.statements.livePost.get(locale, slug, id) as LiveRow | undefined;
    return row && liveFromRow(row);
  }

  /** How many posts come before this one in the stream (0: it is the newest), or undefined when there is none. */
  livePosition(locale: Locale, slug: string, id: string): number | undefined {
    const row = this.statements.livePost.get(locale, slug, id) as { time: number } | undefined;
    return row && (this.statements.livePosition.get(locale, slug, row.time, row.time, id) as { n: number }).n;
  }

  liveIds(locale: Locale, slug: string): string[] {
    return (this.statements.liveIds.all(locale, slug) as { id: string }[]).map((row) => row.id);
  }

  /** Stores a post; says whether anything a reader sees changed. */
  putLivePost(post: ParsedLivePost): boolean {
    const known = this.statements.liveRev.get(post.locale, post.slug, post.id) as { rev: string } | undefined;
    if (known?.rev === post.rev) return false;
    const flags = (post.key ? LIVE_FLAGS.key : 0) | (post.pinned ? LIVE_FLAGS.pinned : 0);
    this.statements.putLive.run(post.locale, post.slug, post.id, post.time.getTime(), flags, post.rev, JSON.stringify({ ...post, body: undefined }), post.body);
    return true;
  }

  removeLivePost(locale: Locale, slug: string, id: string): boolean {
    return Number(this.statements.removeLive.run(locale, slug, id).changes) > 0;
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

  /** The files the index knows under a folder (`{slug}/live/`): read or refused. */
  filePathsUnder(folder: string): string[] {
    return (this.statements.filePathsUnder.all(folder, `${folder}\uffff`) as { path: string }[]).map((row) => row.path);
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
