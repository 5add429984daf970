/**
 * How old a story reads as, for the label above an old story's headline and the band across its share card.
 * Counted in whole days of the site's calendar (SITE_TIME_ZONE), one clock for every edition: so a page says
 * the same thing all day, and the page cache turns over at that one midnight (lib/cache/day-bound-pages.mjs).
 */
import { siteDay } from './site-day.mjs';

export interface StoryAge {
  /** The largest whole unit that has passed: years, else months, else days. */
  unit: 'year' | 'month' | 'day';
  count: number;
}

const DEFAULT_LABEL_DAYS = 30;
const DAY_MS = 86_400_000;

/** STORY_AGE_LABEL_DAYS: a story this many days old or older is labelled; 0 turns the label off. */
export function readAgeLabelDays(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_LABEL_DAYS;
  if (!/^\d{1,6}$/.test(raw.trim()))
    throw new Error(
      `STORY_AGE_LABEL_DAYS is not a whole number of days (0 turns the label off): ${JSON.stringify(raw)}`,
    );
  return Number(raw);
}

export const storyAgeLabelDays = readAgeLabelDays(process.env.STORY_AGE_LABEL_DAYS);

function calendarDay(date: Date): { year: number; month: number; day: number; time: number } {
  const [year, month, day] = siteDay(date).split('-').map(Number);
  return { year, month, day, time: Date.UTC(year, month - 1, day) };
}

/** The age to label a story with on `now`'s day, or nothing while it is younger than `labelDays` (or dated ahead). */
export function storyAge(publishedAt: Date, now: Date, labelDays: number = storyAgeLabelDays): StoryAge | undefined {
  if (labelDays <= 0 || Number.isNaN(publishedAt.getTime())) return undefined;
  const from = calendarDay(publishedAt);
  const to = calendarDay(now);
  const days = Math.round((to.time - from.time) / DAY_MS);
  if (days < labelDays) return undefined;
  const months = (to.year - from.year) * 12 + (to.month - from.month) - (to.day < from.day ? 1 : 0);
  if (months >= 12) return { unit: 'year', count: Math.floor(months / 12) };
  if (months >= 1) return { unit: 'month', count: months };
  return { unit: 'day', count: days };
}
