import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { formatShortDate } from '../../lib/dates';
import { litePath } from '../../lib/http/lite.mjs';
import { locales, type Locale } from '../../lib/locales';
import { editionTimeZone } from '../../lib/site';
import { REFERENCE_SLUG, content, fold, storyPath } from './support';

/**
 * Corrections as readers, crawlers and feed readers meet them. The fixture `corrected-story` has two
 * corrections (one a date, one a date-time) and an update note in every edition; `broken-correction-date`
 * has a correction dated before the story and is refused (tests/e2e/not-found.spec.ts reads the report).
 */
const SLUG = 'corrected-story';
const messages = (locale: Locale) => JSON.parse(fs.readFileSync(`messages/${locale}.json`, 'utf8')).corrections;

for (const locale of locales) {
  const story = () => content.story(locale, SLUG)!;
  const newestFirst = () => [...story().corrections].sort((a, b) => b.date.getTime() - a.date.getTime());

  test(`${locale}: a corrected story shows its corrections under the headline, newest first and dated, then its update note; its JSON-LD has them as CorrectionComment`, async ({
    page,
  }) => {
    const t = messages(locale);
    await page.goto(storyPath(locale, SLUG));
    const notice = page.locator('[data-corrections]');
    await expect(notice).toBeVisible();
    expect(await page.locator('h1 + [data-corrections]').count(), 'right under the headline').toBe(1);
    const lines = (await notice.locator('p').allInnerTexts()).map(fold);
    const expected = newestFirst().map((c) =>
      fold(`${t.correction} ${formatShortDate(c.date, locale, editionTimeZone(locale))}${t.separator}${c.text}`),
    );
    expect(lines).toEqual([...expected, fold(`${t.update}${t.separator}${story().updateNote}`)]);
    await expect(notice.locator('time').first()).toHaveAttribute('datetime', newestFirst()[0].date.toISOString());
    // Its JSON-LD carries each correction as a CorrectionComment.
    const blocks = (await page.locator('script[type="application/ld+json"]').allTextContents()).map(
      (text) => JSON.parse(text) as Record<string, unknown>,
    );
    const article = blocks.find((data) => data['@type'] === 'NewsArticle')!;
    expect(article.correction).toEqual(
      story().corrections.map((c) => ({
        '@type': 'CorrectionComment',
        text: c.text,
        datePublished: c.date.toISOString(),
      })),
    );
    // A story without corrections has no notice.
    await page.goto(storyPath(locale, REFERENCE_SLUG));
    await expect(page.locator('[data-corrections]')).toHaveCount(0);
  });

  test(`${locale}: the corrections page lists corrected stories with their corrections, in the full and the lite page, and has its feed`, async ({
    page,
    request,
  }) => {
    const t = messages(locale);
    for (const path of [`/${locale}/corrections`, litePath(`/${locale}/corrections`)]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expect(page.locator('h1')).toHaveText(t.title);
      const item = page.locator('main li', { has: page.locator(`a[href^="${storyPath(locale, SLUG)}"]`) });
      await expect(item).toHaveCount(1);
      for (const correction of story().corrections) await expect(item).toContainText(correction.text);
      // Only corrected stories are listed.
      await expect(page.locator(`main a[href^="${storyPath(locale, REFERENCE_SLUG)}"]`)).toHaveCount(0);
    }
    const feed = await request.get(`/${locale}/corrections/feed.xml`);
    expect(feed.status()).toBe(200);
    const xml = await feed.text();
    expect(xml).toContain(`<title>${t.feedTitle}</title>`);
    const item =
      [...xml.matchAll(/<item>[\s\S]*?<\/item>/g)]
        .map((m) => m[0])
        .find((entry) => entry.includes(`/news/${SLUG}</link>`)) ?? '';
    expect(item, 'the corrected story is in the feed').not.toBe('');
    for (const correction of story().corrections)
      expect(item).toContain(
        `${t.correction} (${formatShortDate(correction.date, locale, editionTimeZone(locale))}): ${correction.text}`,
      );
  });
}

test('the corrections page: /page/1 is the list itself, a page past the end is the 404, an unknown edition the 404', async ({
  request,
}) => {
  const first = await request.get('/ar/corrections/page/1', { maxRedirects: 0 });
  expect(first.status()).toBe(308);
  expect(first.headers().location).toBe('/ar/corrections');
  for (const path of ['/ar/corrections/page/99', '/ar/corrections/page/x', '/fr/corrections']) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
});

for (const locale of locales) {
  test(`${locale}: the about page holds the newsroom's policies; NewsMediaOrganization points at them, and a story's publisher names it`, async ({
    page,
  }) => {
    const t = JSON.parse(fs.readFileSync(`messages/${locale}.json`, 'utf8')).about;
    const organization = async () => {
      const blocks = (await page.locator('script[type="application/ld+json"]').allTextContents()).map(
        (text) => JSON.parse(text) as Record<string, unknown>,
      );
      return blocks.find((data) => data['@type'] === 'NewsMediaOrganization');
    };
    const response = await page.goto(`/${locale}/about`);
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1')).toHaveText(t.title);
    const about = new URL(`/${locale}/about`, page.url()).href;
    for (const part of ['principles', 'corrections', 'masthead', 'ethics'])
      await expect(page.locator(`#${part} h2`)).toHaveText(t[part]);
    await expect(page.locator('#corrections a')).toHaveAttribute('href', `/${locale}/corrections`);
    const fromAbout = await organization();
    expect(fromAbout).toMatchObject({
      publishingPrinciples: `${about}#principles`,
      correctionsPolicy: `${about}#corrections`,
      masthead: `${about}#masthead`,
      ethicsPolicy: `${about}#ethics`,
    });
    await page.goto(`/${locale}`);
    expect(await organization()).toEqual(fromAbout);
    await expect(page.locator('footer a', { hasText: t.title })).toHaveAttribute('href', `/${locale}/about`);
    await page.goto(storyPath(locale, REFERENCE_SLUG));
    const blocks = (await page.locator('script[type="application/ld+json"]').allTextContents()).map(
      (text) => JSON.parse(text) as Record<string, unknown>,
    );
    const article = blocks.find((data) => data['@type'] === 'NewsArticle') as { publisher: Record<string, unknown> };
    expect(article.publisher['@id']).toBe(fromAbout!['@id']);
    expect(article.publisher.name).toBe(fromAbout!.name);
  });
}
