/**
 * Sahifa's read model: what every content source feeds (the story index, ./story-index.ts) and how
 * pages read it. A source (the folder of Markdown files, WordPress) only says what a story is now;
 * lists, sections, labels, related stories, search and "changed since" are answered here, the same
 * for every source, and published pages never wait on the source.
 */
import type { Locale } from '../locales';
import { labelsOf } from './labels';
import { renderStory, type ParsedStory } from './parse';
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

/** What one edition of a story is now, as its source says: a story, gone, or unreadable (its last good version stays). */
export type EditionUpdate = { locale: Locale; story: ParsedStory } | { locale: Locale; gone: true } | { locale: Locale; keep: true };

/**
 * Takes a story's editions into the index in one transaction, and says what that changed for the pages
 * around it: the sections and labels it was or is listed under, the editions it is published in.
 */
export function applyStory(index: StoryIndex, slug: string, updates: EditionUpdate[], apply: (update: EditionUpdate) => void = (update) => defaultApply(index, slug, update)): Omit<ReloadedStory, 'problems'> {
  const sections: ReloadedStory['sections'] = [];
  const labels = new Map<string, LabelRef>();
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
      const listedBefore = before?.status === 'published' && before.section === after?.section;
      if (after?.status === 'published' && !listedBefore) sections.push({ locale: update.locale, section: after.section });
    }
  });
  return { slug, published: index.editions(slug), sections, labels: [...labels.values()] };
}

function defaultApply(index: StoryIndex, slug: string, update: EditionUpdate) {
  if ('story' in update) index.put(update.story);
  else if ('gone' in update) index.remove({ locale: update.locale, slug });
}

