/**
 * What a content source hands the app. Routes and components see these types and the
 * `ContentSource` interface only, never files or the index behind them.
 */
import type { Locale } from '../locales';
import type { Section } from '../sections';
import type { Label, LabelKind } from './labels';
import type { LiveCursor, LivePost, RenderedLivePost } from './live';
import type { FrontMatter } from './schema';

/** Everything a list, a card or a feed needs: the front matter, without the body. */
export interface StorySummary extends FrontMatter {
  slug: string;
  locale: Locale;
  /** Where the story came from, for error reports. */
  sourcePath: string;
}

/** A story as its page shows it. */
export interface Story extends StorySummary {
  bodyHtml: string;
}

export type { LiveCursor, LivePost, RenderedLivePost };

export interface ContentProblem {
  path: string;
  field: string;
  message: string;
}

export interface Page<T> {
  items: T[];
  total: number;
}

/** Search results: `total` stops counting at a cap, and `capped` says it did. */
export interface SearchPage extends Page<StorySummary> {
  capped: boolean;
}

/** A tag or author in the sitemap: dated by the newest story carrying it. */
export interface LabelSummary extends Label {
  newest: Date;
}

/** A tag or author page of one edition. */
export interface LabelRef {
  locale: Locale;
  kind: LabelKind;
  key: string;
}

export interface StoryRef {
  locale: Locale;
  slug: string;
}

/** What re-reading one story's files changed, so the publish hook knows which pages to refresh. */
export interface ReloadedStory {
  slug: string;
  /** The editions published after the reload. */
  published: Locale[];
  /** Sections it was listed in before or is listed in now, per edition. */
  sections: { locale: Locale; section: Section }[];
  /** Tags and authors it was listed under before or is listed under now, per edition. */
  labels: LabelRef[];
  /** Whether a story itself changed (front matter or text) in any edition; false when only live posts did. */
  storyChanged: boolean;
  /** The editions whose live posts changed (added, edited or removed). */
  liveChanged: Locale[];
  /** The edition's files that could not be read or parsed: the last good version stays. */
  problems: ContentProblem[];
}

/** What an open live page needs to catch up, from the cursor it polled with. */
export interface LiveChanges {
  /** The cursor for the next poll. */
  cursor: string;
  /** Posts at or after the cursor's newest time, newest first (the page drops the ones it has). */
  newer: RenderedLivePost[];
  /** More posts came than one answer carries: the page reloads rather than leave a hole. */
  gap: boolean;
  /** The newest posts' ids and revisions, when they differ from the cursor's: edits and deletions. */
  window?: { id: string; rev: string; time: number }[];
  total: number;
}

/**
 * The content source. The file store (`./file-store`) and WordPress (`./wordpress`) implement it over one
 * read model (`./read-model.ts`); another CMS would be a third. Every method is async so a remote source
 * fits behind it.
 */
export interface ContentSource {
  /** Resolves once the index can answer (at start, after the first scan of a new index). */
  ready(): Promise<void>;
  /** A published story with its body rendered. */
  story(locale: Locale, slug: string): Promise<Story | undefined>;
  /** A story as its file is now, draft or published: what an editor previews. */
  draft(locale: Locale, slug: string): Promise<Story | undefined>;
  /** The editions a story is published in. */
  editions(slug: string): Promise<Locale[]>;
  latest(locale: Locale, offset: number, limit: number): Promise<Page<StorySummary>>;
  inSection(locale: Locale, section: Section, offset: number, limit: number): Promise<Page<StorySummary>>;
  /** Published stories with corrections, the newest correction first: the corrections page. */
  corrected(locale: Locale, offset: number, limit: number): Promise<Page<StorySummary>>;
  /** Published stories carrying a tag or an author, newest first; `label` is missing when none does. */
  labelled(locale: Locale, kind: LabelKind, key: string, offset: number, limit: number): Promise<Page<StorySummary> & { label?: Label }>;
  /** The editions where some published story carries the tag or author. */
  labelEditions(kind: LabelKind, key: string): Promise<Locale[]>;
  /** Every tag or author of an edition, by key: for the sitemap. */
  labels(locale: Locale, kind: LabelKind, offset: number, limit: number): Promise<Page<LabelSummary>>;
  /** Published stories holding every word, in any of its forms (lib/search/query.ts), newest first. */
  search(locale: Locale, words: string[][], offset: number, limit: number): Promise<SearchPage>;
  /** Stories sharing the section or a tag, newest first. */
  related(story: StorySummary, limit: number): Promise<StorySummary[]>;
  /** A published live story's summary (no body rendered): what a poll checks first. */
  liveStory(locale: Locale, slug: string): Promise<StorySummary | undefined>;
  /** A live story's posts, newest first, whatever the story's status (a preview shows a draft's). */
  livePosts(locale: Locale, slug: string, offset: number, limit: number): Promise<Page<RenderedLivePost>>;
  /** The pinned post (the newest one pinned) and the key events, newest first. */
  liveHighlights(locale: Locale, slug: string): Promise<{ pinned?: RenderedLivePost; keyEvents: LivePost[] }>;
  /** What changed on a live page since a poll's cursor (null: since nothing the page knew). */
  liveChanges(locale: Locale, slug: string, since: LiveCursor | null): Promise<LiveChanges>;
  /** Posts by id, those that exist, newest first: an open page fetching the ones that were edited. */
  livePostsById(locale: Locale, slug: string, ids: string[]): Promise<RenderedLivePost[]>;
  /** How many posts come before this one in the stream, or undefined when it does not exist. */
  livePostPosition(locale: Locale, slug: string, id: string): Promise<number | undefined>;
  /** Every draft, for the editors' list. */
  drafts(): Promise<StorySummary[]>;
  /** Every file or folder that could not be used, with its path and field. */
  problems(): Promise<ContentProblem[]>;
  /** Stories whose index entry changed after `since` (published, edited, unpublished or removed). */
  changedSince(since: Date): Promise<StoryRef[]>;
  /** Re-reads the named stories' files now and updates the index in place. */
  reload(slugs: string[]): Promise<ReloadedStory[]>;
  /** Compares the whole folder with the index and takes in what changed, a batch at a time. */
  rescan(): Promise<{ changed: number; removed: number }>;
  /** How far a scan has come (folders examined of those found), for the operators' metrics. */
  scanProgress(): { scanning: boolean; examined: number; found: number };
}
