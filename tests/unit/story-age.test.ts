/**
 * The age label: how old a story reads as on a given day, what each edition says of it, and which stored
 * pages the cache stops serving when the day turns.
 */
import { createTranslator } from 'use-intl/core';
import { describe, expect, it } from 'vitest';
import { messageLoaders, type Messages } from '@/i18n/messages';
import { renderedOnEarlierDay } from '@/lib/cache/day-bound-pages.mjs';
import { formatNumber } from '@/lib/dates';
import type { Locale } from '@/lib/locales';
import { readAgeLabelDays, storyAge, type StoryAge } from '@/lib/story-age';

// The site's zone in these tests is the default, Asia/Riyadh (UTC+3, no summer time).
const at = (iso: string) => new Date(iso);
const published = at('2024-10-25T09:00:00Z');

describe('storyAge', () => {
  it('is nothing before the label age, and the count of whole days from it', () => {
    expect(storyAge(published, at('2024-11-23T20:59:00Z'), 30)).toBeUndefined(); // 29 days in Riyadh
    expect(storyAge(published, at('2024-11-23T21:00:00Z'), 45)).toBeUndefined();
    expect(storyAge(published, at('2024-11-23T21:00:00Z'), 30)).toEqual({ unit: 'day', count: 30 }); // 24 November in Riyadh
  });

  it('counts days in the site calendar: 23:30 UTC is already the next day in Riyadh', () => {
    const lateNight = at('2024-10-25T22:30:00Z'); // 26 October, 01:30 in Riyadh
    expect(storyAge(lateNight, at('2024-11-25T20:00:00Z'), 30)).toEqual({ unit: 'day', count: 30 });
    expect(storyAge(lateNight, at('2024-11-24T20:00:00Z'), 30)).toBeUndefined();
  });

  it('says whole months, then whole years, counting a month only once its day has come', () => {
    expect(storyAge(published, at('2024-12-24T12:00:00Z'), 30)).toEqual({ unit: 'month', count: 1 });
    expect(storyAge(published, at('2024-12-25T12:00:00Z'), 30)).toEqual({ unit: 'month', count: 2 });
    expect(storyAge(published, at('2025-10-24T12:00:00Z'), 30)).toEqual({ unit: 'month', count: 11 });
    expect(storyAge(published, at('2025-10-25T12:00:00Z'), 30)).toEqual({ unit: 'year', count: 1 });
    expect(storyAge(published, at('2027-10-26T12:00:00Z'), 30)).toEqual({ unit: 'year', count: 3 });
  });

  it('labels a short month by days: 31 March to 30 April is 30 days and no whole month', () => {
    expect(storyAge(at('2025-03-31T09:00:00Z'), at('2025-04-30T09:00:00Z'), 30)).toEqual({ unit: 'day', count: 30 });
  });

  it('is nothing for a story dated ahead, an unreadable date, or when the label is off', () => {
    expect(storyAge(at('2030-01-01T00:00:00Z'), published, 30)).toBeUndefined();
    expect(storyAge(new Date(Number.NaN), published, 30)).toBeUndefined();
    expect(storyAge(at('2019-01-15T09:00:00Z'), published, 0)).toBeUndefined();
  });
});

describe('STORY_AGE_LABEL_DAYS', () => {
  it('defaults to 30, takes 0 to turn the label off, and refuses anything but a whole number', () => {
    expect(readAgeLabelDays(undefined)).toBe(30);
    expect(readAgeLabelDays(' ')).toBe(30);
    expect(readAgeLabelDays('0')).toBe(0);
    expect(readAgeLabelDays('365')).toBe(365);
    for (const bad of ['-1', '1.5', 'thirty', '30d', '1e9'])
      expect(() => readAgeLabelDays(bad), bad).toThrow(/STORY_AGE_LABEL_DAYS/);
  });
});

describe('the label in each edition', () => {
  // next-intl's own translator (its core package: importing `next-intl` here breaks the app's typed keys), keys
  // untyped.
  const translator = createTranslator as unknown as (config: {
    locale: Locale;
    messages: Messages;
  }) => (key: string, values: Record<string, string | number>) => string;
  const say = async (locale: Locale, age: StoryAge) =>
    translator({ locale, messages: (await messageLoaders[locale]()).default })(`story.age.${age.unit}`, {
      count: age.count,
      n: formatNumber(age.count, locale),
    });

  it('uses the Arabic singular, dual, plural of 3 to 10 and the singular after 11', async () => {
    expect(await say('ar', { unit: 'year', count: 1 })).toBe('هذا الخبر نُشر قبل أكثر من سنة');
    expect(await say('ar', { unit: 'year', count: 2 })).toBe('هذا الخبر نُشر قبل أكثر من سنتين');
    expect(await say('ar', { unit: 'year', count: 3 })).toBe('هذا الخبر نُشر قبل أكثر من 3 سنوات');
    expect(await say('ar', { unit: 'year', count: 11 })).toBe('هذا الخبر نُشر قبل أكثر من 11 سنة');
    expect(await say('ar', { unit: 'month', count: 2 })).toBe('هذا الخبر نُشر قبل أكثر من شهرين');
    expect(await say('ar', { unit: 'month', count: 5 })).toBe('هذا الخبر نُشر قبل أكثر من 5 أشهر');
    expect(await say('ar', { unit: 'month', count: 11 })).toBe('هذا الخبر نُشر قبل أكثر من 11 شهرًا');
    expect(await say('ar', { unit: 'day', count: 30 })).toBe('هذا الخبر نُشر قبل أكثر من 30 يومًا');
  });

  it('writes Persian counts in Persian digits', async () => {
    expect(await say('fa', { unit: 'year', count: 1 })).toBe('این خبر بیش از یک سال پیش منتشر شده است');
    expect(await say('fa', { unit: 'year', count: 3 })).toBe('این خبر بیش از ۳ سال پیش منتشر شده است');
    expect(await say('fa', { unit: 'day', count: 45 })).toBe('این خبر بیش از ۴۵ روز پیش منتشر شده است');
  });

  it('says "a year" and "3 months" in English', async () => {
    expect(await say('en', { unit: 'year', count: 1 })).toBe('This story was published more than a year ago');
    expect(await say('en', { unit: 'month', count: 3 })).toBe('This story was published more than 3 months ago');
  });
});

describe('renderedOnEarlierDay', () => {
  const evening = at('2026-12-07T20:30:00Z'); // 23:30 in Riyadh
  const stored = { lastModified: evening.getTime() };
  const keys = [
    '/ar/news/armenia',
    '/fa.lite/news/armenia',
    '/en/news/live-x/page/2',
    '/ar/news/armenia/opengraph-image',
  ].flatMap((path) => [path, `/route-cache/APP_PAGE/0472482b3a02605a/$${path}`]);

  it("turns story pages and cards stored before the site's midnight away, and keeps them the same day", () => {
    for (const key of keys) {
      expect(renderedOnEarlierDay(key, stored, at('2026-12-07T20:59:59Z')), key).toBe(false);
      expect(renderedOnEarlierDay(key, stored, at('2026-12-07T21:00:00Z')), key).toBe(true);
    }
  });

  it('leaves every other page, and a missing entry, alone', () => {
    const nextDay = at('2026-12-09T12:00:00Z');
    for (const key of [
      '/ar',
      '/ar/news/armenia/feed.xml',
      '/ar/section/world',
      '/sitemap.xml',
      '/ar/corrections',
      '/route-cache/APP_PAGE/04724/$/ar/news',
    ])
      expect(renderedOnEarlierDay(key, stored, nextDay), key).toBe(false);
    expect(renderedOnEarlierDay('/ar/news/armenia', null, nextDay)).toBe(false);
  });
});
