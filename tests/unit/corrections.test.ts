/**
 * Corrections: the front matter, the corrections list of the story index, and what the
 * JSON-LD, the feeds and a publish make of them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frontMatterSchema } from '@/lib/content/schema';
import type { ContentSource, Story, StorySummary } from '@/lib/content/types';
import { formatShortDate } from '@/lib/dates';
import { rssFeed } from '@/lib/feeds';
import type { Locale } from '@/lib/locales';
import { newsArticleJsonLd, serializeJsonLd } from '@/lib/metadata';
import { pathsAffectedBy } from '@/lib/publish';
import { editionTimeZone } from '@/lib/site';
import { openStore, writeStory } from './story-files';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-corrections-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const slugs = (page: { items: { slug: string }[] }) => page.items.map((story) => story.slug);

const base = {
  title: 'عنوان',
  summary: 'ملخص',
  section: 'world',
  publishedAt: '2024-10-25T09:00:00Z',
  status: 'published',
};

/** The issues of a front matter that does not parse, as `path: message`; fails the test when it parses. */
function issuesOf(front: Record<string, unknown>): { path: PropertyKey[]; message: string; code: string }[] {
  const result = frontMatterSchema.safeParse(front);
  expect(result.success, JSON.stringify(front)).toBe(false);
  return result.success
    ? []
    : result.error.issues.map((issue) => ({ path: issue.path, message: issue.message, code: issue.code }));
}

describe('corrections in the front matter', () => {
  it('parse to Dates: a bare date is noon UTC, a date-time keeps its offset', () => {
    const front = frontMatterSchema.parse({
      ...base,
      corrections: [
        { date: '2024-10-26', text: '  صُحّح اسم الوزير.  ' },
        { date: '2024-10-27T08:30:00+03:00', text: 'صُحّح تاريخ التصويت.' },
      ],
    });
    expect(front.corrections).toEqual([
      { date: new Date('2024-10-26T12:00:00Z'), text: 'صُحّح اسم الوزير.' },
      { date: new Date('2024-10-27T05:30:00Z'), text: 'صُحّح تاريخ التصويت.' },
    ]);
    for (const correction of front.corrections) expect(correction.date).toBeInstanceOf(Date);
  });

  it('default to none', () => {
    expect(frontMatterSchema.parse(base).corrections).toEqual([]);
    expect(frontMatterSchema.parse({ ...base, corrections: [] }).corrections).toEqual([]);
  });

  it('may not be dated before the day of publication, each reported at its own date', () => {
    expect(issuesOf({ ...base, corrections: [{ date: '2024-10-24', text: 'قبل النشر' }] })).toEqual([
      { path: ['corrections', 0, 'date'], message: 'is before the day of publishedAt', code: 'custom' },
    ]);
    expect(
      issuesOf({
        ...base,
        corrections: [
          { date: '2024-10-26', text: 'بعد النشر' },
          { date: '2024-10-24T23:59:00Z', text: 'في اليوم السابق' },
        ],
      }),
    ).toEqual([{ path: ['corrections', 1, 'date'], message: 'is before the day of publishedAt', code: 'custom' }]);
    // A bare date on the day of an afternoon story (a bare date is noon UTC) is that day's correction.
    expect(
      frontMatterSchema.safeParse({
        ...base,
        publishedAt: '2024-10-25T13:00:00Z',
        corrections: [{ date: '2024-10-25', text: 'في اليوم نفسه' }],
      }).success,
    ).toBe(true);
    // The very moment of publication, written in another offset, is not before it.
    expect(
      frontMatterSchema.safeParse({ ...base, corrections: [{ date: '2024-10-25T12:00:00+03:00', text: 'لحظة النشر' }] })
        .success,
    ).toBe(true);
  });

  it('refuses an empty text, a missing date, an unknown key and an impossible day', () => {
    for (const text of ['', '   ']) {
      expect(issuesOf({ ...base, corrections: [{ date: '2024-10-26', text }] }), JSON.stringify(text)).toEqual([
        { path: ['corrections', 0, 'text'], message: 'must not be empty', code: 'too_small' },
      ]);
    }
    expect(issuesOf({ ...base, corrections: [{ text: 'بلا تاريخ' }] }).map((issue) => issue.path)).toEqual([
      ['corrections', 0, 'date'],
    ]);
    expect(issuesOf({ ...base, corrections: [{ date: '2024-10-26', text: 'نص', by: 'المحرر' }] })).toEqual([
      expect.objectContaining({ path: ['corrections', 0], code: 'unrecognized_keys' }),
    ]);
    // Published long before, so the day itself is the only thing wrong: YAML or Date would roll it over into March.
    const early = { ...base, publishedAt: '2021-01-01T09:00:00Z' };
    for (const date of ['2021-02-30', '2021-02-30T10:00:00Z', '2021-02-29']) {
      const issues = issuesOf({ ...early, corrections: [{ date, text: 'يوم غير موجود' }] });
      expect(issues, date).toHaveLength(1);
      expect(issues[0].path, date).toEqual(['corrections', 0, 'date']);
      expect(issues[0].message, date).toMatch(/^not a real ISO date/);
    }
    expect(
      frontMatterSchema.parse({ ...early, corrections: [{ date: '2024-02-29', text: 'سنة كبيسة' }] }).corrections[0]
        .date,
    ).toEqual(new Date('2024-02-29T12:00:00Z'));
  });

  it('updateNote: trimmed when given, refused when empty, absent when left out', () => {
    expect(frontMatterSchema.parse({ ...base, updateNote: '  أضيف رد الوزارة.  ' }).updateNote).toBe(
      'أضيف رد الوزارة.',
    );
    const without = frontMatterSchema.parse(base);
    expect(without.updateNote).toBeUndefined();
    expect('updateNote' in without).toBe(false);
    for (const updateNote of ['', '  ']) {
      expect(issuesOf({ ...base, updateNote }), JSON.stringify(updateNote)).toEqual([
        { path: ['updateNote'], message: 'must not be empty', code: 'too_small' },
      ]);
    }
  });
});

describe('the corrections list of the file store', () => {
  const dir = fs.mkdtempSync(path.join(root, 'store-'));
  // Published newest first: plain, once, twice. Corrected newest first: twice (1 Feb), once (5 Jan).
  writeStory(dir, 'plain', 'ar', { title: 'بلا تصحيح', publishedAt: '2023-12-20T09:00:00Z' });
  writeStory(dir, 'once', 'ar', {
    title: 'تصحيح واحد',
    publishedAt: '2023-12-15T09:00:00Z',
    corrections: [{ date: '2024-01-05', text: 'صُحّح الاسم.' }],
    updateNote: 'أضيف رد الوزارة.',
  });
  writeStory(dir, 'twice', 'ar', {
    title: 'تصحيحان',
    publishedAt: '2023-12-10T09:00:00Z',
    // The older one first: the list goes by the newest, wherever it stands in the file.
    corrections: [
      { date: '2024-01-01', text: 'صُحّح الرقم.' },
      { date: '2024-02-01T10:00:00+03:00', text: 'صُحّح التاريخ.' },
    ],
  });
  writeStory(dir, 'draft-corrected', 'ar', {
    title: 'مسودة',
    status: 'draft',
    publishedAt: '2023-12-01T09:00:00Z',
    corrections: [{ date: '2024-03-01', text: 'مسودة مصححة.' }],
  });
  writeStory(dir, 'plain', 'en', { title: 'Plain', publishedAt: '2023-12-20T09:00:00Z' });
  let store: ContentSource;
  beforeAll(async () => {
    store = openStore(dir);
    await store.ready();
  });

  it('lists the published stories with corrections, the newest correction first', async () => {
    expect(await store.problems()).toEqual([]);
    const page = await store.corrected('ar', 0, 10);
    expect(slugs(page)).toEqual(['twice', 'once']);
    expect(page.total).toBe(2);
    expect(slugs(await store.corrected('ar', 1, 10))).toEqual(['once']);
    expect(await store.corrected('ar', 0, 0)).toEqual({ items: [], total: 2 });
    // The draft is in the index, just not listed.
    expect(slugs({ items: await store.drafts() })).toEqual(['draft-corrected']);
  });

  it('keeps other editions apart', async () => {
    expect(await store.corrected('en', 0, 10)).toEqual({ items: [], total: 0 });
    expect(slugs(await store.latest('en', 0, 10))).toEqual(['plain']);
  });

  it('hands corrections back as Dates, from the index and after a restart over it', async () => {
    const expected = [
      { date: new Date('2024-01-01T12:00:00Z'), text: 'صُحّح الرقم.' },
      { date: new Date('2024-02-01T07:00:00Z'), text: 'صُحّح التاريخ.' },
    ];
    const listed = (await store.corrected('ar', 0, 1)).items[0];
    expect(listed.corrections).toEqual(expected);
    expect(listed.corrections[0].date).toBeInstanceOf(Date);
    const story = await store.story('ar', 'twice');
    expect(story?.corrections).toEqual(expected);
    expect(story?.corrections[1].date).toBeInstanceOf(Date);
    expect((await store.story('ar', 'once'))?.updateNote).toBe('أضيف رد الوزارة.');
    expect((await store.story('ar', 'plain'))?.corrections).toEqual([]);
    expect((await store.story('ar', 'plain'))?.updateNote).toBeUndefined();

    const restarted = openStore(dir, { waitForScan: false });
    const again = (await restarted.corrected('ar', 0, 10)).items;
    expect(again.map((s) => s.slug)).toEqual(['twice', 'once']);
    expect(again[0].corrections).toEqual(expected);
    expect(again[0].corrections[0].date).toBeInstanceOf(Date);
  });

  it('takes in a correction added on reload, and lets go of it when it is removed', async () => {
    writeStory(dir, 'plain', 'ar', {
      title: 'بلا تصحيح',
      publishedAt: '2023-12-20T09:00:00Z',
      corrections: [{ date: '2024-03-01', text: 'صُحّح المصدر.' }],
    });
    // Listed counts are cached: ask before the reload, so a stale total would show.
    expect((await store.corrected('ar', 0, 10)).total).toBe(2);
    const [plain] = await store.reload(['plain']);
    expect(plain).toMatchObject({ slug: 'plain', storyChanged: true, problems: [] });
    const added = await store.corrected('ar', 0, 10);
    expect(slugs(added)).toEqual(['plain', 'twice', 'once']);
    expect(added.total).toBe(3);
    expect(added.items[0].corrections).toEqual([{ date: new Date('2024-03-01T12:00:00Z'), text: 'صُحّح المصدر.' }]);

    writeStory(dir, 'plain', 'ar', { title: 'بلا تصحيح', publishedAt: '2023-12-20T09:00:00Z' });
    await store.reload(['plain']);
    const removed = await store.corrected('ar', 0, 10);
    expect(slugs(removed)).toEqual(['twice', 'once']);
    expect(removed.total).toBe(2);
    expect((await store.story('ar', 'plain'))?.corrections).toEqual([]);
  });

  it('drops a corrected story that goes back to draft, and lists the draft once it is published', async () => {
    writeStory(dir, 'once', 'ar', {
      title: 'تصحيح واحد',
      status: 'draft',
      publishedAt: '2023-12-15T09:00:00Z',
      corrections: [{ date: '2024-01-05', text: 'صُحّح الاسم.' }],
    });
    writeStory(dir, 'draft-corrected', 'ar', {
      title: 'مسودة',
      publishedAt: '2023-12-01T09:00:00Z',
      corrections: [{ date: '2024-03-01', text: 'مسودة مصححة.' }],
    });
    await store.reload(['once', 'draft-corrected']);
    const page = await store.corrected('ar', 0, 10);
    expect(slugs(page)).toEqual(['draft-corrected', 'twice']);
    expect(page.total).toBe(2);
  });
});

function summary(fields: Record<string, unknown>, slug = 'قصة-مصححة', locale: Locale = 'ar'): Story {
  return {
    ...frontMatterSchema.parse({ ...base, ...fields }),
    slug,
    locale,
    bodyHtml: '<p>نص</p>',
    sourcePath: `content/stories/${slug}/${locale}.md`,
  };
}

const corrected = summary({
  corrections: [
    { date: '2024-10-26', text: 'صُحّح اسم الوزير.' },
    { date: '2024-10-26T22:30:00Z', text: 'كان الرقم <b>خطأ</b> & صُحّح.' },
  ],
});
const uncorrected = summary({}, 'قصة-سليمة');

describe('corrections in the JSON-LD', () => {
  const image = { path: '/ar/news/x/opengraph-image?v=abc', alt: 'alt' };

  it('lists each correction as a CorrectionComment, in the order written', () => {
    const data = newsArticleJsonLd(corrected, { siteName: 'صحيفة', sectionName: 'العالم', image });
    expect(data.correction).toEqual([
      { '@type': 'CorrectionComment', text: 'صُحّح اسم الوزير.', datePublished: '2024-10-26T12:00:00.000Z' },
      { '@type': 'CorrectionComment', text: 'كان الرقم <b>خطأ</b> & صُحّح.', datePublished: '2024-10-26T22:30:00.000Z' },
    ]);
    // Serialized, the markup in a correction cannot close the script element, and reads back the same.
    const serialized = serializeJsonLd(data);
    expect(serialized).not.toMatch(/[<>&]/);
    expect(JSON.parse(serialized).correction[1].text).toBe('كان الرقم <b>خطأ</b> & صُحّح.');
  });

  it('has no correction key for a story never corrected', () => {
    const data = newsArticleJsonLd(uncorrected, { siteName: 'صحيفة', sectionName: 'العالم', image });
    expect('correction' in data).toBe(false);
    expect(JSON.parse(serializeJsonLd(data))).not.toHaveProperty('correction');
  });
});

describe('corrections in the feeds', () => {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    isArray: (name) => name === 'item',
  });
  const channel = (locale: Locale, correctionLabel: string) => ({
    title: 'صحيفة',
    description: 'أخبار',
    locale,
    pagePath: `/${locale}`,
    feedPath: `/${locale}/feed.xml`,
    sectionName: () => 'العالم',
    correctionLabel,
  });
  const line = (story: StorySummary, label: string, i: number) =>
    `${label} (${formatShortDate(story.corrections[i].date, story.locale, editionTimeZone(story.locale))}): ${story.corrections[i].text}`;

  it("carries each correction after the summary, dated in the edition's calendar and zone", () => {
    // 22:30 UTC is the next day in the edition's zone: the feed must date it there, not in UTC.
    expect(formatShortDate(corrected.corrections[1].date, 'ar', editionTimeZone('ar'))).not.toBe(
      formatShortDate(corrected.corrections[1].date, 'ar', 'UTC'),
    );
    const xml = rssFeed(channel('ar', 'تصحيح'), [corrected, uncorrected]);
    expect(XMLValidator.validate(xml)).toBe(true);
    const items = parser.parse(xml).rss.channel.item as { title: string; description: string }[];
    expect(items[0].description).toBe(
      [corrected.summary, line(corrected, 'تصحيح', 0), line(corrected, 'تصحيح', 1)].join('\n\n'),
    );
    expect(items[0].description).toContain(
      `تصحيح (${formatShortDate(new Date('2024-10-27T12:00:00Z'), 'ar', 'UTC')}): كان الرقم`,
    );
    // A story never corrected: its summary alone.
    expect(items[1].description).toBe(uncorrected.summary);
  });

  it('escapes the markup a correction holds', () => {
    const xml = rssFeed(channel('ar', 'تصحيح'), [corrected]);
    const description = /<description>([^<]*)<\/description>/g;
    const own = [...xml.matchAll(description)].map((match) => match[1]).find((text) => text.startsWith('ملخص'));
    expect(own).toContain('كان الرقم &lt;b&gt;خطأ&lt;/b&gt; &amp; صُحّح.');
    expect(xml).not.toContain('<b>');
  });

  it("uses each edition's label and calendar", () => {
    const persian = summary({ corrections: [{ date: '2024-10-26', text: 'اصلاح شد.' }] }, 'fa-story', 'fa');
    const items = parser.parse(rssFeed(channel('fa', 'اصلاحیه'), [persian])).rss.channel.item as {
      description: string;
    }[];
    expect(items[0].description).toBe(`${persian.summary}\n\n${line(persian, 'اصلاحیه', 0)}`);
    // The Persian edition's first calendar is not the Arabic edition's.
    expect(items[0].description).not.toContain(
      formatShortDate(persian.corrections[0].date, 'ar', editionTimeZone('ar')),
    );
  });
});

describe('publishing a corrected story', () => {
  const dir = fs.mkdtempSync(path.join(root, 'publish-'));
  const liveSlug = 'تغطية-مباشرة';
  const corrections = [
    '/ar/corrections',
    '/ar/corrections/page/2',
    '/ar/corrections/page/5',
    '/ar/corrections/feed.xml',
  ];
  const liteCorrections = ['/ar.lite/corrections', '/ar.lite/corrections/page/2', '/ar.lite/corrections/page/5'];

  function writeLiveStory() {
    const folder = path.join(dir, 'stories', liveSlug);
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(
      path.join(folder, 'ar.md'),
      '---\ntitle: "تغطية"\nsummary: "ملخص"\nsection: world\ntags: []\npublishedAt: "2024-10-25T08:00:00Z"\nstatus: published\nlive: live\n' +
        'corrections: [{"date": "2024-10-25T09:30:00Z", "text": "صُحّح العدد."}]\n---\nنص.',
    );
  }

  function writePost(id: string, time: string) {
    const file = path.join(dir, 'stories', liveSlug, 'live', 'ar', `${id}.md`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `---\ntime: "${time}"\n---\nخبر ${id}.`);
  }

  writeStory(dir, 'story', 'ar', { title: 'خبر', publishedAt: '2024-10-20T09:00:00Z' });
  writeLiveStory();
  writePost('p1', '2024-10-25T08:30:00Z');
  let store: ContentSource;
  beforeAll(async () => {
    store = openStore(dir);
    await store.ready();
  });

  it("refreshes the edition's corrections pages, their lite versions and its feed when a story changes", async () => {
    writeStory(dir, 'story', 'ar', {
      title: 'خبر',
      publishedAt: '2024-10-20T09:00:00Z',
      corrections: [{ date: '2024-10-21', text: 'صُحّح.' }],
    });
    const reloaded = await store.reload(['story']);
    expect(reloaded[0]).toMatchObject({ storyChanged: true, published: ['ar'] });
    const affected = await pathsAffectedBy(reloaded, store);
    for (const expected of [...corrections, ...liteCorrections]) expect(affected, expected).toContain(expected);
    // Pages past the ones a publish refreshes, a feed's "lite version", and the editions the story is not in.
    for (const untouched of [
      '/ar/corrections/page/6',
      '/ar.lite/corrections/page/6',
      '/ar.lite/corrections/feed.xml',
      '/ar/corrections/feed.xml.lite',
      '/en/corrections',
      '/en/corrections/feed.xml',
      '/fa/corrections',
    ]) {
      expect(affected, untouched).not.toContain(untouched);
    }

    // Taking the correction back out moves the list too.
    writeStory(dir, 'story', 'ar', { title: 'خبر', publishedAt: '2024-10-20T09:00:00Z' });
    const uncorrected = await store.reload(['story']);
    expect(uncorrected[0].storyChanged).toBe(true);
    const again = await pathsAffectedBy(uncorrected, store);
    for (const expected of [...corrections, ...liteCorrections]) expect(again, expected).toContain(expected);
  });

  it('leaves them alone when only a live page’s posts changed', async () => {
    writePost('p2', '2024-10-25T08:45:00Z');
    const reloaded = await store.reload([liveSlug]);
    expect(reloaded[0]).toMatchObject({ storyChanged: false, liveChanged: ['ar'], problems: [] });
    const affected = await pathsAffectedBy(reloaded, store);
    expect(affected.length).toBeGreaterThan(0);
    for (const untouched of [...corrections, ...liteCorrections]) expect(affected, untouched).not.toContain(untouched);
  });
});

describe('organizationPolicies', () => {
  it("points at the edition's about page unless the environment names an absolute URL", async () => {
    const { organizationPolicies } = await import('@/lib/site');
    const about = organizationPolicies('fa');
    expect(new URL(about.publishingPrinciples).pathname + new URL(about.publishingPrinciples).hash).toBe(
      '/fa/about#principles',
    );
    expect(new URL(about.ethicsPolicy).hash).toBe('#ethics');
    process.env.ORG_MASTHEAD_URL = 'https://newsroom.example/masthead';
    process.env.ORG_ETHICS_POLICY_URL = 'javascript:alert(1)';
    try {
      const configured = organizationPolicies('ar');
      expect(configured.masthead).toBe('https://newsroom.example/masthead');
      // Anything but an absolute http(s) URL is ignored, and the about page stands.
      expect(new URL(configured.ethicsPolicy).hash).toBe('#ethics');
    } finally {
      delete process.env.ORG_MASTHEAD_URL;
      delete process.env.ORG_ETHICS_POLICY_URL;
    }
  });
});
