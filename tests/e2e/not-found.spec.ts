import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { parse } from 'node-html-parser';
import { editions, locales, type Locale } from '../../lib/locales';
import { content, storyPath } from './support';

/** In the browser, scripts running: the 404 must survive hydration. */
const badPaths: [string, Locale][] = [
  ['/fr/news/x', 'ar'],
  ['/pt-BR', 'ar'],
  ['/faq', 'ar'],
  ...locales.flatMap((locale): [string, Locale][] => [
    [`/${locale}/news/no-such-story`, locale],
    [`/${locale}/no/such/page`, locale],
  ]),
];

/**
 * Odd spellings a scanner tries: the same 404 page, read from the answer (the browser adds nothing the tests above do
 * not check).
 */
const oddPaths: [string, Locale][] = [
  ['/fa/news/%D8%AF%D8%A7%D8%B3%D8%AA%D8%A7%D9%86-%D9%86%DB%8C%D8%B3%D8%AA', 'fa'],
  [`/ar/news/${encodeURIComponent('قصة-لا-وجود-لها')}`, 'ar'],
  ['/ar/news/a..b', 'ar'],
  ['/ar/news/%2e%2e%2fpackage.json', 'ar'],
  ['/ar/news/..%2f..%2f..%2fetc%2fpasswd', 'ar'],
  ['/en/news/%2e%2e%2f%2e%2e%2fnext.config.ts', 'en'],
  ['/ar/news/%00', 'ar'],
  ['/ar/news/story%00.md', 'ar'],
  [`/ar/news/${'a'.repeat(2000)}`, 'ar'],
];

const notFoundTitle = (locale: Locale): string =>
  JSON.parse(fs.readFileSync(`messages/${locale}.json`, 'utf8')).notFound.title;

for (const [path, locale] of badPaths) {
  test(`${path.slice(0, 60)} is the ${locale} 404 page`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expect(page.locator('h1')).toHaveText(notFoundTitle(locale));
    await expect(page.locator(`header a[href="/${locale}"]`).first()).toBeVisible();
    expect(await response!.text()).not.toMatch(/root:x:0:0|"name":\s*"sahifa"|at [A-Za-z]+ \(/);
  });
}

for (const [path, locale] of oddPaths) {
  test(`${path.slice(0, 60)} is the ${locale} 404 page`, async ({ request }) => {
    const response = await request.get(path);
    expect(response.status()).toBe(404);
    const html = await response.text();
    const document = parse(html);
    expect(document.querySelector('html')?.getAttribute('lang')).toBe(locale);
    expect(document.querySelector('main h1')?.text).toBe(notFoundTitle(locale));
    expect(document.querySelector(`header a[href="/${locale}"]`)).not.toBeNull();
    expect(html).not.toMatch(/root:x:0:0|"name":\s*"sahifa"|at [A-Za-z]+ \(/);
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  const pages: [string, Locale][] = locales.flatMap((locale): [string, Locale][] => [
    [`/${locale}/news/no-such-story`, locale],
    [`/${locale}/section/no-such-section`, locale],
    [`/${locale}/section/science/page/999`, locale],
    [`/${locale}/no/such/page`, locale],
  ]);
  for (const [path, locale] of pages) {
    test(`${path} is the ${locale} 404 page in the HTML itself`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expect(page.locator('html')).toHaveAttribute('dir', editions[locale].dir);
      await expect(page).toHaveTitle(notFoundTitle(locale));
      await expect(page.locator('meta[name="robots"]').first()).toHaveAttribute('content', /noindex/);
      await expect(page.locator('main h1')).toHaveText(notFoundTitle(locale));
      await expect(page.locator(`main a[href="/${locale}"]`)).toBeVisible();
      await expect(page.locator('footer')).toBeVisible();
    });
  }
});

test('drafts are not public', async ({ request }) => {
  const drafts = content.allDrafts();
  expect(drafts.length).toBeGreaterThan(0);
  for (const draft of drafts) {
    expect((await request.get(storyPath(draft.locale, draft.slug))).status()).toBe(404);
  }
});

test('a malformed content file is reported with path and field, and every other story still serves', async ({
  request,
}) => {
  for (const slug of ['broken-missing-title', 'broken-impossible-date', 'broken-correction-date']) {
    expect((await request.get(storyPath('ar', slug))).status()).toBe(404);
  }
  for (const locale of locales) {
    for (const story of content.allPublished(locale))
      expect((await request.get(storyPath(locale, story.slug))).status(), `${locale} ${story.slug}`).toBe(200);
  }
  const logs = [process.env.E2E_SERVER_LOG, process.env.E2E_BUILD_LOG].filter(
    (file): file is string => !!file && fs.existsSync(file),
  );
  test.skip(logs.length === 0, 'run through scripts/test.sh to check the server log');
  for (const file of logs) {
    const log = fs.readFileSync(file, 'utf8');
    expect(log, file).toMatch(/stories\/broken-missing-title\/ar\.md: title:/);
    expect(log, file).toMatch(/stories\/broken-impossible-date\/ar\.md: publishedAt:/);
    expect(log, file).toMatch(
      /stories\/broken-correction-date\/ar\.md: corrections\.0\.date: is before the day of publishedAt/,
    );
  }
});
