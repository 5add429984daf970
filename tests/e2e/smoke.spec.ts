import { expect, test } from '@playwright/test';
import { parse } from 'node-html-parser';
import { editions, locales, type Locale } from '../../lib/locales';
import { pngSize } from './png';
import { REFERENCE_SLUG, content, storyPath } from './support';

/**
 * The smoke test: a reader's, a scraper's and a load balancer's first requests, each through a different part of the
 * server (the content index and its search table, the page renderer, the share-card drawer, the lite pages, the front
 * door). It runs with the whole suite and, alone, on every other supported Node line after a production build made
 * on that line (scripts/test.sh).
 */

const searchWord: Record<Locale, string> = { ar: 'أرمينيا', en: 'Armenia', fa: 'ارمنستان' };

for (const locale of locales) {
  test(`${locale}: the home page, the reference story, its share card, its lite page and a search answer`, async ({
    request,
  }) => {
    const story = content.story(locale, REFERENCE_SLUG)!;
    const storyHref = storyPath(locale, REFERENCE_SLUG);

    const home = await request.get(`/${locale}`);
    expect(home.status()).toBe(200);
    const homeHtml = parse(await home.text());
    expect(homeHtml.querySelector('html')!.getAttribute('dir')).toBe(editions[locale].dir);
    expect(homeHtml.querySelectorAll(`a[href="${storyHref}"]`).length).toBeGreaterThan(0);

    const page = await request.get(storyHref);
    expect(page.status()).toBe(200);
    const html = parse(await page.text());
    expect(html.querySelector('html')!.getAttribute('lang')).toBe(locale);
    expect(html.querySelector('h1')!.text.trim()).toBe(story.title);
    const cardUrl = html.querySelector('meta[property="og:image"]')!.getAttribute('content')!;

    const card = await request.get(new URL(cardUrl).pathname + new URL(cardUrl).search);
    expect(card.status()).toBe(200);
    expect(card.headers()['content-type']).toBe('image/png');
    expect(pngSize(await card.body())).toEqual({ width: 1200, height: 630 });

    const lite = await request.get(`${storyHref}.lite`);
    expect(lite.status()).toBe(200);
    const liteHtml = await lite.text();
    expect(parse(liteHtml).querySelector('h1')!.text.trim()).toBe(story.title);
    expect(liteHtml).not.toContain('<script');

    const search = await request.get(`/${locale}/search?q=${encodeURIComponent(searchWord[locale])}`);
    expect(search.status()).toBe(200);
    expect(await search.text()).toContain(`href="${storyHref}"`);
  });
}

test('an unknown story is a 404, a malformed request a 400, and the server says it is ready', async ({ request }) => {
  expect((await request.get('/ar/news/no-such-story-anywhere')).status()).toBe(404);
  expect((await request.get('/ar/news/%E0%A4%A')).status()).toBe(400);
  const ready = await request.get('/readyz');
  expect(ready.status()).toBe(200);
});

test('ar: the reference story renders right to left in a browser without an error', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(storyPath('ar', REFERENCE_SLUG));
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('h1')).toHaveText(content.story('ar', REFERENCE_SLUG)!.title);
  expect(errors).toEqual([]);
});
