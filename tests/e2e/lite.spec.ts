import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { LITE_BUDGET_BYTES, litePath } from '../../lib/http/lite.mjs';
import { labelKey } from '../../lib/content/label-key.mjs';
import { locales, type Locale } from '../../lib/locales';
import { previewQuery } from '../../lib/preview';
import { REFERENCE_SLUG, content, fold, saveScreenshot, storyPath } from './support';

/**
 * Lite pages (`.lite` after any reader page's path): the same words as the full page with no script at all,
 * within their budgets, linking to lite pages, and never a 5xx or a preview's content whatever is asked.
 */
const messages = (locale: Locale) => JSON.parse(fs.readFileSync(`messages/${locale}.json`, 'utf8'));
const LIVE = 'live-earthquake';
/** The BBC's budgets: a front carries more headlines, a live page more posts. */
const HOME_BUDGET_BYTES = 55_000;
const LIVE_BUDGET_BYTES = 75_000;

function readerPages(locale: Locale) {
  const reference = content.story(locale, REFERENCE_SLUG)!;
  const tag = labelKey(reference.tags[0]);
  const searchWord = reference.title.split(/\s+/).find((word) => word.length > 4)!;
  return {
    story: { path: storyPath(locale, REFERENCE_SLUG), budget: LITE_BUDGET_BYTES },
    home: { path: `/${locale}`, budget: HOME_BUDGET_BYTES },
    section: { path: `/${locale}/section/${reference.section}`, budget: LITE_BUDGET_BYTES },
    tag: { path: `/${locale}/tag/${tag}`, budget: LITE_BUDGET_BYTES },
    search: { path: `/${locale}/search?q=${encodeURIComponent(searchWord)}`, budget: LITE_BUDGET_BYTES },
    live: { path: storyPath(locale, LIVE), budget: LIVE_BUDGET_BYTES },
  };
}

/** Loads a page with the browser's cache off and totals what came over the wire, per resource type. */
async function transferred(page: Page, url: string, waitUntil: 'load' | 'networkidle') {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const types = new Map<string, string>();
  const totals = { all: 0, script: 0, requests: 0, byType: {} as Record<string, number> };
  cdp.on('Network.responseReceived', (event) => types.set(event.requestId, event.type));
  cdp.on('Network.loadingFinished', (event) => {
    const type = types.get(event.requestId) ?? 'Other';
    totals.all += event.encodedDataLength;
    totals.requests += 1;
    totals.byType[type] = (totals.byType[type] ?? 0) + event.encodedDataLength;
    if (type === 'Script') totals.script += event.encodedDataLength;
  });
  const response = await page.goto(url, { waitUntil });
  expect(response?.status(), url).toBe(200);
  await cdp.detach();
  return totals;
}

for (const locale of locales) {
  test(`${locale}: every lite page is within its budget with no script, the full story and home beside theirs`, async ({
    page,
  }, testInfo) => {
    test.slow();
    const rows: string[] = [];
    for (const [kind, { path: full, budget }] of Object.entries(readerPages(locale))) {
      // A lite page until the network is quiet (its site icon comes after load); the full page at load, which
      // waits for every script (async ones included), picture and font it asks for: enough to show it is heavier.
      // The full page only for the story and the home page: the others are the same shell around a list.
      const lite = await transferred(page, litePath(full), 'networkidle');
      const whole = kind === 'story' || kind === 'home' ? await transferred(page, full, 'load') : undefined;
      rows.push(
        `${locale} ${kind.padEnd(8)} lite ${String(lite.all).padStart(6)} B (${lite.requests} requests, script ${lite.script} B; budget ${budget})` +
          (whole
            ? `   full ${String(whole.all).padStart(7)} B (${whole.requests} requests, script ${whole.script} B)`
            : ''),
      );
      expect(lite.script, `${kind}: script bytes`).toBe(0);
      expect(lite.all, `${kind}: ${JSON.stringify(lite.byType)}`).toBeLessThanOrEqual(budget);
      if (whole) expect(lite.all, `${kind}: lite is lighter than full`).toBeLessThan(whole.all);
    }
    console.log(rows.join('\n'));
    await testInfo.attach(`budgets-${locale}`, { body: rows.join('\n'), contentType: 'text/plain' });
  });

  test(`${locale}: lite pages have no script element, a policy that allows none, their full page as canonical, and lead to lite pages`, async ({
    page,
    request,
  }) => {
    const t = messages(locale).lite;
    for (const { path: full } of Object.values(readerPages(locale))) {
      const lite = litePath(full);
      const response = await request.get(lite);
      expect(response.status(), lite).toBe(200);
      const html = await response.text();
      expect(html, lite).not.toMatch(/<script\b|rel="(?:preload|modulepreload)"/);
      expect(response.headers()['content-security-policy'], lite).toMatch(/script-src 'none'/);
      // Kept by caches like the full page; results pages are rendered per request, like the full ones.
      if (!full.includes('/search')) expect(response.headers()['cache-control'], lite).toMatch(/s-maxage/);

      await page.goto(lite);
      await expect(page.locator('html')).toHaveClass('lite');
      const canonical = full.split('?')[0];
      if (!full.includes('search'))
        await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
          'href',
          new URL(canonical, page.url()).href,
        );
      const notice = page.locator('header [role="note"]');
      await expect(notice).toContainText(t.notice.split('{')[0].trim());
      await expect(notice.locator('a')).toHaveAttribute('href', full);
      // Every link to a page of the site stays lite: all but the notice's, pictures and the share redirects.
      const links = await page
        .locator('body a[href^="/"]:not([role="note"] a)')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      const pageLinks = links.filter((href) => !/^\/images\/|\/share\/[a-z]+(?:\?post=[a-z0-9-]+)?$/.test(href));
      expect(pageLinks.length, lite).toBeGreaterThan(5);
      expect(
        pageLinks.filter((href) => !/\.lite(?:[?#]|$)/.test(href)),
        lite,
      ).toEqual([]);
      await expect(page.locator('form[role="search"]').first()).toHaveAttribute('action', `/${locale}/search.lite`);
    }
  });

  // The lite forms of the components (the notice, the picture's link, pages without thumbnails or island);
  // the rest is the full pages' markup, which story.spec.ts and live.spec.ts check with axe.
  test(`${locale}: the lite story and live page have no axe violations and fit a phone; the story's screenshot at 390 px`, async ({
    page,
  }) => {
    test.slow();
    await page.setViewportSize({ width: 390, height: 844 });
    for (const [name, full] of [
      ['story', storyPath(locale, REFERENCE_SLUG)],
      ['live', storyPath(locale, LIVE)],
    ]) {
      await page.goto(litePath(full));
      const results = await new AxeBuilder({ page }).analyze();
      expect(
        results.violations.map((v) => `${full}.lite: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      ).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${full}.lite is wider than the screen`).toBeLessThanOrEqual(0);
      if (name === 'story') await saveScreenshot(page, `${name}-${locale}-390`, true, 'lite');
    }
  });

  test(`${locale}: the full page links to its lite version, and a live page's lite version does not poll`, async ({
    page,
    request,
  }) => {
    for (const full of [storyPath(locale, REFERENCE_SLUG), `/${locale}`, `/${locale}/search?q=x`]) {
      await page.goto(full);
      await expect(page.locator('header a', { hasText: messages(locale).lite.link })).toHaveAttribute(
        'href',
        litePath(full),
      );
    }
    const live = litePath(storyPath(locale, LIVE));
    await page.goto(live);
    await expect(page.locator('#live-posts > li').first()).toBeVisible();
    await expect(page.locator('#live-post-template')).toHaveCount(0);
    const permalink = await page.locator('#live-posts [data-slot="permalink"]').first().getAttribute('href');
    expect(permalink).toMatch(/\/post\/[a-z0-9-]+\.lite$/);
    const redirect = await request.get(permalink!, { maxRedirects: 0 });
    expect(redirect.status()).toBe(307);
    expect(new URL(redirect.headers().location).pathname).toMatch(
      new RegExp(`^${storyPath(locale, LIVE).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:/page/\\d+)?\\.lite$`),
    );
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const locale of locales) {
    test(`${locale}: a lite story has the full story's words in the same order, its picture behind a link that says its size`, async ({
      page,
    }) => {
      // The full page as the server sends it: its share dialog is added by JavaScript.
      const words = async (url: string) => {
        await page.goto(url);
        return page
          .locator('main :is(h1, h2, h3, p, li, time, figcaption)')
          .evaluateAll((els) => els.map((el) => el.textContent.replace(/\s+/g, ' ').trim()).filter(Boolean));
      };
      const story = storyPath(locale, REFERENCE_SLUG);
      const lite = await words(litePath(story));
      const full = await words(story);
      expect(lite).toEqual(full);
      const picture = page.locator('main figure a[href^="/images/"]');
      await page.goto(litePath(story));
      await expect(picture).toHaveCount(1);
      const bytes = fs.statSync(path.join('public', decodeURIComponent((await picture.getAttribute('href'))!))).size;
      const size = new Intl.NumberFormat(locale === 'fa' ? 'fa-u-nu-arabext' : `${locale}-u-nu-latn`, {
        style: 'unit',
        unit: 'kilobyte',
        unitDisplay: 'long',
        maximumFractionDigits: 0,
      }).format(Math.round(bytes / 1000));
      await expect(picture).toContainText(size);
      await expect(page.locator('img')).toHaveCount(0);
    });
  }
});

test('lite addresses written otherwise: one spelling, a lite 404 for no page, never a 5xx', async ({ request }) => {
  const story = storyPath('ar', REFERENCE_SLUG);
  const expectations: [string, number, string?][] = [
    [`${story}.LITE`, 308, `${story}.lite`],
    [`/ar.lite${story.slice(3)}`, 308, `${story}.lite`],
    ['/en/tag/Armenia.lite', 308, '/en/tag/armenia.lite'],
    [`${story}.lite/`, 308, `${story}.lite`],
    [`${story}.lite.lite`, 404],
    ['/ar/news/no-such-story.lite', 404],
    ['/fr/news/x.lite', 404],
    ['/zz.lite', 404],
    ['/.lite', 404],
    ['/ar/preview.lite', 404],
    [`${story}/feed.xml.lite`, 404],
    // A slug that ends in the suffix's letters, without the dot, is a slug like any other.
    ['/en/news/edge-satellite', 200],
    ['/en/news/edge-satellite.lite', 200],
  ];
  for (const [url, status, location] of expectations) {
    const response = await request.get(url, { maxRedirects: 0 });
    expect(response.status(), url).toBe(status);
    if (location) expect(new URL(response.headers().location, 'http://x').pathname, url).toBe(location);
    // A feed has no lite version: its own plain 404.
    if (status === 404 && !url.includes('.xml')) {
      const html = await response.text();
      expect(html, url).toContain('class="lite"');
      expect(html, url).not.toContain('<script');
    }
  }
});

test('Save-Data: on gets the same cacheable full page, which links to its lite version (no redirect, no Vary)', async ({
  request,
}) => {
  const story = storyPath('en', REFERENCE_SLUG);
  const response = await request.get(story, { headers: { 'Save-Data': 'on' }, maxRedirects: 0 });
  expect(response.status()).toBe(200);
  expect(response.headers().vary ?? '').not.toMatch(/save-data/i);
  expect(await response.text()).toContain(`href="${litePath(story)}"`);
});

test('a preview session never reaches a lite page: drafts are 404, published stories the public page', async ({
  page,
}) => {
  const secret = process.env.PREVIEW_SECRET;
  test.skip(!secret, 'PREVIEW_SECRET is set by scripts/test.sh for the server under test');
  const draft = content.allDrafts().find((d) => d.locale === 'ar' && !['publish-me', 'edit-me'].includes(d.slug))!;
  const start = await page.goto(
    `/api/preview?${previewQuery({ slug: draft.slug, locale: 'ar', expiresAt: Math.floor(Date.now() / 1000) + 600 }, secret!)}`,
  );
  expect(start?.status()).toBe(200);
  await expect(page.locator('[data-preview-banner]')).toBeVisible();
  const draftLite = await page.goto(litePath(storyPath('ar', draft.slug)));
  expect(draftLite?.status()).toBe(404);
  const published = await page.goto(litePath(storyPath('ar', REFERENCE_SLUG)));
  expect(published?.status()).toBe(200);
  expect(published?.headers()['cache-control']).toMatch(/s-maxage/);
  expect(published?.headers()['x-robots-tag']).toBeUndefined();
  await expect(page.locator('[data-preview-banner]')).toHaveCount(0);
  expect(fold(await page.locator('h1').innerText())).toBe(fold(content.story('ar', REFERENCE_SLUG)!.title));
});
