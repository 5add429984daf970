import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { locales, type Locale } from '../../lib/locales';
import { pngSize } from './png';
import { content, contentDir, saveScreenshot, storyPath } from './support';

/**
 * Live pages as readers, crawlers and scrapers meet them, without publishing anything (live-publish.spec.ts
 * publishes). The fixtures: `live-earthquake` runs (25 posts in Arabic, one file that fails, 4 in English
 * with two of the same minute, 3 in Persian); `live-ended-vote` has ended.
 */
const LIVE = 'live-earthquake';
const ENDED = 'live-ended-vote';
const BADGE: Record<Locale, string> = { ar: 'مباشر', en: 'LIVE', fa: 'زنده' };

/** The post files of a fixture that are valid (the one named bad-time fails on purpose). */
function postIds(slug: string, locale: Locale): string[] {
  const folder = path.join(contentDir, 'stories', slug, 'live', locale);
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.md') && name !== 'bad-time.md')
    .map((name) => name.slice(0, -3));
}

async function streamIds(page: Page): Promise<string[]> {
  return page
    .locator('#live-posts > li:not([hidden]) > article')
    .evaluateAll((articles) => articles.map((a) => a.getAttribute('data-post-id')!));
}

async function jsonLd(page: Page) {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks
    .map((text) => JSON.parse(text) as Record<string, unknown>)
    .find((data) => data['@type'] === 'LiveBlogPosting');
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  for (const locale of locales) {
    test(`the ${locale} live page is complete: badge, key points, pinned post, key events, newest posts first, pages`, async ({
      page,
    }) => {
      const ids = postIds(LIVE, locale);
      const response = await page.goto(storyPath(locale, LIVE));
      expect(response?.status()).toBe(200);
      await expect(page.locator('[data-live-badge]').first()).toHaveText(BADGE[locale]);
      await expect(page.locator('#key-points')).toBeVisible();
      await expect(page.locator('#pinned-post + article')).toHaveAttribute('data-post-id', '001-update');

      const shown = await streamIds(page);
      expect(shown).toHaveLength(Math.min(ids.length, 20));
      // Newest first, by each post's own <time datetime>; posts of the same minute in a fixed order.
      const times = await page
        .locator('#live-posts time')
        .evaluateAll((els) => els.map((el) => Date.parse(el.getAttribute('datetime')!)));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      const again = await page.goto(storyPath(locale, LIVE)).then(() => streamIds(page));
      expect(again).toEqual(shown);

      // Each post: an absolute time, a permanent link and a share link of its own.
      const first = page.locator('#live-posts > li > article').first();
      await expect(first.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
      await expect(first.locator('[data-slot="permalink"]')).toHaveAttribute('href', new RegExp(`/post/${shown[0]}$`));
      const share = (await first.locator('[data-slot="share"]').getAttribute('href'))!;
      expect(share).toBe(`${storyPath(locale, LIVE)}/share/whatsapp?post=${shown[0]}`);
      const redirect = await page.request.get(share, { maxRedirects: 0 });
      expect(redirect.status()).toBe(302);
      expect(decodeURIComponent(redirect.headers().location)).toMatch(
        new RegExp(`^https://wa\\.me/\\?text=.+/${locale}/news/${LIVE}/post/${shown[0]}\\?utm_source=whatsapp`, 's'),
      );

      // Key events link to their posts: an anchor on this page, or the permanent link that finds the page.
      const events = page.locator('#key-events + ol a');
      const keyPosts = ids.filter((id) =>
        /^key: true$/m.test(
          fs.readFileSync(path.join(contentDir, 'stories', LIVE, 'live', locale, `${id}.md`), 'utf8'),
        ),
      );
      await expect(events).toHaveCount(keyPosts.length);
      for (const href of await events.evaluateAll((links) => links.map((a) => a.getAttribute('href')!))) {
        if (href.startsWith('#')) expect(await page.locator(href).count()).toBe(1);
        else {
          await page.goto(href);
          const anchor = new URL(page.url()).hash;
          expect(anchor).toMatch(/^#post-/);
          await expect(page.locator(anchor)).toHaveCount(1);
          await page.goBack();
        }
      }

      await expect(page.getByText(/\d|[٠-٩۰-۹]/).filter({ hasText: /generated|أُعدّت|ساخته شد/ })).toHaveCount(1);
      await expect(page.locator('#live-post-template')).toHaveCount(1);
      if (ids.length > 20) {
        await page.locator('nav a[rel="next"]').click();
        expect(new URL(page.url()).pathname).toBe(`${storyPath(locale, LIVE)}/page/2`);
        const older = await streamIds(page);
        expect(older).toHaveLength(ids.length - 20);
        expect(older.filter((id) => shown.includes(id))).toEqual([]);
        await expect(page.locator('#key-points')).toHaveCount(0);
        await expect(page.locator('#live-post-template'), 'older pages do not poll').toHaveCount(0);
      }
    });

    test(`the ${locale} live page carries LiveBlogPosting JSON-LD, and an ended one says so`, async ({ page }) => {
      const story = content.story(locale, LIVE)!;
      await page.goto(storyPath(locale, LIVE));
      const live = (await jsonLd(page))!;
      expect(live).toBeDefined();
      expect(live.coverageStartTime).toBe(story.publishedAt.toISOString());
      expect(live.coverageEndTime).toBeUndefined();
      for (const field of [
        'headline',
        'datePublished',
        'dateModified',
        'author',
        'publisher',
        'image',
        'url',
        'inLanguage',
      ])
        expect(live[field], field).toBeTruthy();
      const updates = live.liveBlogUpdate as Record<string, string>[];
      expect(updates.length).toBe(Math.min(postIds(LIVE, locale).length, 20));
      for (const update of updates) {
        expect(update['@type']).toBe('BlogPosting');
        expect(update.headline).toBeTruthy();
        expect(new Date(update.datePublished).toISOString()).toBe(update.datePublished);
        expect(update.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/${locale}/news/${LIVE}/post/[a-z0-9-]+$`));
        expect(update.articleBody).not.toMatch(/<|&amp;/);
      }

      await page.goto(storyPath(locale, ENDED));
      await expect(page.locator('[data-live-badge]')).toHaveCount(0);
      await expect(page.getByRole('note')).toBeVisible();
      await expect(page.locator('#live-post-template'), 'an ended page does not poll').toHaveCount(0);
      const ended = (await jsonLd(page))!;
      expect(ended.coverageEndTime).toBe((ended.liveBlogUpdate as { datePublished: string }[])[0].datePublished);
    });
  }
});

for (const locale of locales) {
  test(`${locale}: cards of a running live page carry the badge in home and section lists; an ended one's do not`, async ({
    page,
  }) => {
    for (const list of [`/${locale}`, `/${locale}/section/world`]) {
      await page.goto(list);
      const liveCard = page.locator('article', { has: page.locator(`a[href="${storyPath(locale, LIVE)}"]`) }).first();
      await expect(liveCard.locator('[data-live-badge]'), list).toHaveText(BADGE[locale]);
      const endedCard = page.locator('article', { has: page.locator(`a[href="${storyPath(locale, ENDED)}"]`) });
      if (await endedCard.count()) await expect(endedCard.first().locator('[data-live-badge]'), list).toHaveCount(0);
    }
  });

  test(`${locale}: the live page has no axe violations and fits a phone`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 900 });
    await page.goto(storyPath(locale, LIVE));
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await saveScreenshot(page, `live-${locale}-390`, true, 'live');
  });

  test(`${locale}: the share card of a running live page carries the badge; the ended page's card does not`, async ({
    request,
  }) => {
    const cards: Record<string, Buffer> = {};
    for (const slug of [LIVE, ENDED]) {
      const html = await (await request.get(storyPath(locale, slug))).text();
      const image = /<meta property="og:image" content="([^"]+)"/.exec(html)![1].replace(/&amp;/g, '&');
      const response = await request.get(new URL(image).pathname + new URL(image).search);
      expect(response.status()).toBe(200);
      cards[slug] = await response.body();
      expect(pngSize(cards[slug])).toEqual({ width: 1200, height: 630 });
      fs.mkdirSync('artifacts/live', { recursive: true });
      fs.writeFileSync(`artifacts/live/card-${locale}-${slug}.png`, cards[slug]);
    }
    // The badge is drawn in the accent colour at the start of the footer line: red pixels there only on the live card.
    const redAtFooterStart = async (png: Buffer) => {
      const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
      const x = locale === 'en' ? 80 : 1120;
      const at = (info.width * 575 + x) * 3;
      return data[at] > 130 && data[at + 1] < 60;
    };
    expect(await redAtFooterStart(cards[LIVE])).toBe(true);
    expect(await redAtFooterStart(cards[ENDED])).toBe(false);
  });
}

test('a post file that fails is reported with its path and field while the other posts show', async ({ request }) => {
  expect(content.problems).toContainEqual(
    expect.objectContaining({ path: expect.stringContaining(`${LIVE}/live/ar/bad-time.md`), field: 'time' }),
  );
  const html = await (await request.get(storyPath('ar', LIVE))).text();
  expect(html).toContain('data-post-id="025-update"');
  expect(html).not.toContain('bad-time');
});

test('the poll refuses cursors and ids this site never wrote, and answers only live pages', async ({ request }) => {
  const base = `${storyPath('ar', LIVE)}/updates`;
  const current = await (await request.get(base)).json();
  expect(current.cursor).toMatch(/^[0-9a-z]+\.[0-9a-f]{8}$/);
  const same = await request.get(`${base}?after=${current.cursor}`);
  expect(same.status()).toBe(200);
  expect(same.headers()['cache-control']).toMatch(/public.*s-maxage=\d/);
  expect(await same.json()).toMatchObject({ status: 'live', cursor: current.cursor, posts: [] });
  for (const bad of [
    'zzz',
    'x'.repeat(2000),
    '1.GGGGGGGG',
    `${(Date.now() + 3 * 86400_000).toString(36)}.00000000`,
    '%00',
    '-1.00000000',
  ]) {
    const response = await request.get(`${base}?after=${encodeURIComponent(bad)}`);
    expect(response.status(), bad.slice(0, 40)).toBe(400);
  }
  for (const bad of ['../x', 'A', Array.from({ length: 21 }, (_, i) => `p${i}`).join(',')])
    expect((await request.get(`${base}?posts=${encodeURIComponent(bad)}`)).status()).toBe(400);
  // A cursor that looks right but was forged gets the whole window back: nothing breaks.
  const forged = await request.get(`${base}?after=1.00000000`);
  expect(forged.status()).toBe(200);
  expect((await forged.json()).window.length).toBeGreaterThan(0);
  expect(
    (await request.get(`${storyPath('ar', content.allPublished('ar').find((s) => !s.live)!.slug)}/updates`)).status(),
  ).toBe(404);
  expect((await request.get(`${storyPath('ar', LIVE)}/post/no-such-post`, { maxRedirects: 0 })).status()).toBe(404);
  expect((await request.get(`${storyPath('ar', LIVE)}/page/99`)).status()).toBe(404);
  expect((await request.get(`${storyPath('ar', ENDED)}/page/2`)).status()).toBe(404);
});

test('the live feed lists the newest posts with their permanent links', async ({ request }) => {
  const response = await request.get(`${storyPath('ar', LIVE)}/feed.xml`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/rss+xml');
  const xml = await response.text();
  const links = [...xml.matchAll(/<item><title>[^<]*<\/title><link>([^<]+)<\/link>/g)].map((m) => m[1]);
  expect(links).toHaveLength(postIds(LIVE, 'ar').length);
  expect(links[0]).toMatch(/\/ar\/news\/live-earthquake\/post\/025-update$/);
  const page = await (await request.get(storyPath('ar', LIVE))).text();
  expect(page).toContain(`href="http://127.0.0.1:${new URL(links[0]).port}/ar/news/live-earthquake/feed.xml"`);
});
