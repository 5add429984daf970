/**
 * Sahifa's read model: what every content source feeds (the story index, ./story-index.ts) and how
 * pages read it. A source (the folder of Markdown files, WordPress) only says what a story is now;
 * lists, sections, labels, related stories, search and "changed since" are answered here, the same
 * for every source, and published pages never wait on the source.
 */
import type { Locale } from '../locales';
import { labelsOf } from './labels';
import { formatCursor, LIVE_WINDOW, renderLivePost, windowHash, type ParsedLivePost } from './live';
import { renderStory, withoutBody, type ParsedStory } from './parse';
import type { StoryIndex } from './story-index';
import type { ContentSource, LabelRef, ReloadedStory, StorySummary } from './types';

/** The reading half of a ContentSource, from the index, once `ready` has resolved. */
export function readModel(index: StoryIndex, ready: () => Promise<void>) {
  return {
    async story(locale, slug) {
      await ready();
      const story = index.story(locale, slug);
      return story && renderStory(story);
    },

    async editions(slug) {
      await ready();
      return index.editions(slug);
    },

    async latest(locale, offset, limit) {
      await ready();
      return index.latest(locale, offset, limit);
    },

    async corrected(locale, offset, limit) {
      await ready();
      return index.corrected(locale, offset, limit);
    },

    async inSection(locale, section, offset, limit) {
      await ready();
      return index.inSection(locale, section, offset, limit);
    },

    async labelled(locale, kind, key, offset, limit) {
      await ready();
      const label = index.label(locale, kind, key);
      return label ? { ...index.labelled(locale, kind, key, offset, limit), label } : { items: [], total: 0 };
    },

    async labelEditions(kind, key) {
      await ready();
      return index.labelEditions(kind, key);
    },

    async labels(locale, kind, offset, limit) {
      await ready();
      return index.labels(locale, kind, offset, limit);
    },

    async search(locale, words, offset, limit) {
      await ready();
      return index.searchStories(locale, words, offset, limit);
    },

    async related(story, limit) {
      await ready();
      // Each source list is sorted already, so only its first `limit + 1` entries can make the cut.
      const sources = [
        index.inSection(story.locale, story.section, 0, limit + 1).items,
        ...labelsOf(story.tags, 'tag').map((tag) => index.labelled(story.locale, 'tag', tag.key, 0, limit + 1).items),
      ];
      const candidates = new Map<string, StorySummary>();
      for (const list of sources) for (const candidate of list) if (candidate.slug !== story.slug) candidates.set(candidate.slug, candidate);
      return [...candidates.values()].sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || (a.slug < b.slug ? -1 : 1)).slice(0, limit);
    },

    async liveStory(locale, slug) {
      await ready();
      const story = index.story(locale, slug);
      if (!story?.live) return undefined;
      return withoutBody(story);
    },

    async livePosts(locale, slug, offset, limit) {
      await ready();
      const page = index.livePosts(locale, slug, offset, limit);
      return { items: page.items.map(renderLivePost), total: page.total };
    },

    async liveHighlights(locale, slug) {
      await ready();
      const [pinned] = index.liveFlagged(locale, slug, 'pinned', 1);
      // A day of breaking news has a dozen key events; fifty is past any list a reader scans.
      const keyEvents = index.liveFlagged(locale, slug, 'key', 50).map(withoutBody);
      return { pinned: pinned && renderLivePost(pinned), keyEvents };
    },

    async liveChanges(locale, slug, since) {
      await ready();
      const window = index.liveWindow(locale, slug, LIVE_WINDOW);
      const hash = windowHash(window);
      const cursor = formatCursor({ newest: window[0]?.time ?? 0, windowHash: hash });
      const total = index.livePosts(locale, slug, 0, 0).total;
      if (since?.windowHash === hash) return { cursor, newer: [], gap: false, total };
      // At or after the cursor's time, since a post may share the minute of the newest the page has; a few more
      // than the window, to tell a gap from the posts the page already holds.
      const newer = since ? index.liveNewer(locale, slug, since.newest, LIVE_WINDOW + 10) : [];
      const gap = newer.filter((post) => post.time.getTime() > since!.newest).length > LIVE_WINDOW;
      return { cursor, newer: (gap ? newer.slice(0, LIVE_WINDOW) : newer).map(renderLivePost), gap, window, total };
    },

    async livePostsById(locale, slug, ids) {
      await ready();
      return ids
        .map((id) => index.livePost(locale, slug, id))
        .filter((post) => post !== undefined)
        .sort((a, b) => b.time.getTime() - a.time.getTime() || (a.id < b.id ? 1 : -1))
        .map(renderLivePost);
    },

    async livePostPosition(locale, slug, id) {
      await ready();
      return index.livePosition(locale, slug, id);
    },

    async drafts() {
      await ready();
      return index.drafts();
    },

    async problems() {
      await ready();
      return index.problems();
    },

    async changedSince(since) {
      await ready();
      return index.changedSince(since.getTime());
    },
  } satisfies Partial<ContentSource>;
}

/**
 * What one edition of a story is now, as its source says: a story, gone, or unreadable (its last good version stays).
 */
export type EditionUpdate = { locale: Locale; story: ParsedStory } | { locale: Locale; gone: true } | { locale: Locale; keep: true };

/** One edition's live posts as the source has them now: posts to store, ids gone. */
export interface LiveEditionUpdate {
  locale: Locale;
  put: ParsedLivePost[];
  remove: string[];
}

/** Takes one edition's live posts into the index; says whether a reader would see a difference. */
export function applyLivePosts(index: StoryIndex, slug: string, { locale, put, remove }: LiveEditionUpdate): boolean {
  let changed = false;
  for (const post of put) changed = index.putLivePost(post) || changed;
  for (const id of remove) changed = index.removeLivePost(locale, slug, id) || changed;
  return changed;
}

/**
 * Takes a story's editions (and its live posts: `applyLive` stores them and names the editions whose posts
 * changed) into the index in one transaction, and says what that changed for the pages around it: the
 * sections and labels it was or is listed under, the editions it is published in, whether the story or
 * only its live posts changed.
 */
export function applyStory(
  index: StoryIndex,
  slug: string,
  updates: EditionUpdate[],
  apply: (update: EditionUpdate) => void = (update) => defaultApply(index, slug, update),
  applyLive: () => Locale[] = () => [],
): Omit<ReloadedStory, 'problems'> {
  const sections: ReloadedStory['sections'] = [];
  const labels = new Map<string, LabelRef>();
  let storyChanged = false;
  let liveChanged: Locale[] = [];
  const noteLabels = (locale: Locale) => {
    for (const label of index.labelsOfStory(locale, slug)) labels.set(`${label.locale}/${label.kind}/${label.key}`, label);
  };
  index.transaction(() => {
    for (const update of updates) {
      const before = index.current(update.locale, slug);
      if (before?.status === 'published') sections.push({ locale: update.locale, section: before.section });
      noteLabels(update.locale);
      apply(update);
      noteLabels(update.locale);
      const after = index.current(update.locale, slug);
      if (before?.changedAt !== after?.changedAt) storyChanged = true;
      const listedBefore = before?.status === 'published' && before.section === after?.section;
      if (after?.status === 'published' && !listedBefore) sections.push({ locale: update.locale, section: after.section });
    }
    liveChanged = applyLive();
  });
  return { slug, published: index.editions(slug), sections, labels: [...labels.values()], storyChanged, liveChanged };
}

function defaultApply(index: StoryIndex, slug: string, update: EditionUpdate) {
  if ('story' in update) index.put(update.story);
  else if ('gone' in update) index.remove({ locale: update.locale, slug });
}

