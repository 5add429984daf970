/**
 * The content the server under test was built from, as `global-setup.ts` read it, with the
 * lookups the tests need. Dates come back from JSON as Dates.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ContentProblem, Story, StorySummary } from '../../lib/content/types';
import { locales, type Locale } from '../../lib/locales';

export const contentDir = process.env.CONTENT_DIR ?? path.join(process.cwd(), 'content');
// In the worktree's own scratch folder, not node_modules: worktrees may share node_modules through
// hard links, and one run's snapshot must not become another's.
export const snapshotFile = path.join(process.cwd(), '.e2e', 'content-snapshot.json');

export interface ContentSnapshot {
  stories: Story[];
  drafts: StorySummary[];
  problems: ContentProblem[];
}

function revive<T extends StorySummary>(story: T): T {
  return {
    ...story,
    publishedAt: new Date(story.publishedAt),
    updatedAt: story.updatedAt ? new Date(story.updatedAt) : undefined,
    corrections: (story.corrections ?? []).map((correction) => ({ ...correction, date: new Date(correction.date) })),
  };
}

export function loadSnapshot() {
  const raw = JSON.parse(fs.readFileSync(snapshotFile, 'utf8')) as ContentSnapshot;
  const stories = raw.stories.map(revive);
  const drafts = raw.drafts.map(revive);
  const published = (locale: Locale) => stories.filter((story) => story.locale === locale);
  return {
    problems: raw.problems,
    allPublished: published,
    allDrafts: () => drafts,
    story: (locale: Locale, slug: string) => stories.find((story) => story.locale === locale && story.slug === slug),
    localesOf: (slug: string) =>
      locales.filter((locale) => stories.some((story) => story.locale === locale && story.slug === slug)),
    latest: (locale: Locale, offset = 0, limit = 20) => ({
      items: published(locale).slice(offset, offset + limit),
      total: published(locale).length,
    }),
    inSection: (locale: Locale, section: string, offset = 0, limit = 20) => {
      const list = published(locale).filter((story) => story.section === section);
      return { items: list.slice(offset, offset + limit), total: list.length };
    },
  };
}
