import fs from 'node:fs';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { formatNumber } from '../../lib/dates';
import { editions, locales } from '../../lib/locales';
import { sections } from '../../lib/sections';
import { content, saveScreenshot, storyPath } from './support';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['item', 'url', 'sitemap', 'xhtml:link'].includes(name),
});
const PAGE_SIZE = 10;

async function fetchXml(request: APIRequestContext, path: string) {
  const response = await request.get(path, { maxRedirects: 0 });
  expect(response.status(), path).toBe(200);
  const text = await response.text();
  const valid = XMLValidator.validate(text);
  expect(valid, `${path} is well-formed XML`).toBe(true);
  return { response, text, xml: parser.parse(text) };
}

const checked = new Map<string, number>();
/** Every URL listed answers 200 (each one fetched once per run). */
async function expectResolves(request: APIRequestContext, url: string, baseURL: string) {
  expect(url.startsWith(`${baseURL}/`), `${url} is absolute on ${baseURL}`).toBe(true);
  if (!checked.has(url)) checked.set(url, (await request.get(url, { maxRedirects: 0 })).status());
  expect(checked.get(url), url).toBe(200);
}

function draftsIn(text: string) {
  return content
    .allDrafts()
    .filter((draft) => text.includes(encodeURIComponent(draft.slug)) || text.includes(draft.title));
}

for (const locale of locales) {
  const feeds = [`/${locale}/feed.xml`, ...sections.map((s) => `/${locale}/section/${s}/feed.xml`)];

  test(`${locale}: every RSS feed is valid RSS 2.0 with dates, permalinks, summaries and pictures`, async ({
    request,
    baseURL,
  }) => {
    for (const path of feeds) {
      const { response, text, xml } = await fetchXml(request, path);
      expect(response.headers()['content-type']).toContain('application/rss+xml');
      expect(xml.rss['@version']).toBe('2.0');
      const channel = xml.rss.channel;
      for (const field of ['title', 'link', 'description'])
        expect(String(channel[field] ?? ''), `${path} channel.${field}`).not.toBe('');
      expect(channel.language).toBe(editions[locale].feedLanguage);
      await expectResolves(request, channel.link, baseURL!);
      const items = channel.item ?? [];
      if (path === `/${locale}/feed.xml`) expect(items.length).toBeGreaterThan(0);
      let previous = Infinity;
      for (const item of items) {
        expect(String(item.title)).not.toBe('');
        expect(String(item.description)).not.toBe('');
        expect(item.guid['@isPermaLink']).toBe('true');
        expect(item.guid['#text']).toBe(item.link);
        expect(item.pubDate).toMatch(
          /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/,
        );
        const date = Date.parse(item.pubDate);
        expect(Number.isNaN(date)).toBe(false);
        expect(date).toBeLessThanOrEqual(previous);
        previous = date;
        await expectResolves(request, item.link, baseURL!);
        if (item['media:content']) await expectResolves(request, item['media:content']['@url'], baseURL!);
      }
      expect(draftsIn(text), path).toEqual([]);
    }
  });

  test(`${locale}: each page links its feed`, async ({ request }) => {
    // A live page links its own feed instead (live.spec.ts).
    const story = content.allPublished(locale).find((candidate) => !candidate.live)!;
    for (const [path, feed] of [
      [`/${locale}`, `/${locale}/feed.xml`],
      [`/${locale}/section/science`, `/${locale}/section/science/feed.xml`],
      [storyPath(locale, story.slug), `/${locale}/feed.xml`],
    ]) {
      const html = await (await request.get(path)).text();
      const head = html.slice(0, html.indexOf('</head>'));
      expect(head, path).toMatch(
        new RegExp(`<link rel="alternate" type="application/rss\\+xml"[^>]*href="[^"]*${feed.replace(/\//g, '\\/')}"`),
      );
    }
  });
}

test('a headline full of <, & and ]]> still makes a valid feed that says it right', async ({ request }) => {
  const tricky = content.allPublished('ar').find((story) => story.title.includes(']]>'));
  test.skip(!tricky, 'the fixture with a hostile headline is part of the scripts/test.sh build');
  const { xml } = await fetchXml(request, `/ar/section/${tricky!.section}/feed.xml`);
  const item = xml.rss.channel.item.find((i: { link: string }) => i.link.endsWith(storyPath('ar', tricky!.slug)));
  expect(item.title).toBe(tricky!.title);
});

test('the sitemap index lists files that hold every published story with lastmod and hreflang, the fronts, tags and authors, and no draft', async ({
  request,
  baseURL,
}) => {
  const index = await fetchXml(request, '/sitemap.xml');
  const files: string[] = index.xml.sitemapindex.sitemap.map((s: { loc: string }) => s.loc);
  const lists = ['stories', 'tags', 'authors'].flatMap((kind) => locales.map((locale) => `${kind}-${locale}-1`));
  expect(files).toEqual(['fronts', ...lists].map((name) => `${baseURL}/sitemaps/${name}.xml`));
  const parts = await Promise.all(files.map((file) => fetchXml(request, new URL(file).pathname)));
  const text = parts.map((part) => part.text).join('');
  const urls: { loc: string; lastmod?: string; 'xhtml:link'?: { '@hreflang': string; '@href': string }[] }[] =
    parts.flatMap((part) => part.xml.urlset.url);
  const locs = urls.map((u) => u.loc);
  for (const locale of locales) {
    expect(locs).toContain(`${baseURL}/${locale}`);
    for (const section of sections) expect(locs).toContain(`${baseURL}/${locale}/section/${section}`);
    for (const story of content.allPublished(locale)) {
      const entry = urls.find((u) => u.loc === `${baseURL}${storyPath(locale, story.slug)}`);
      expect(entry, story.slug).toBeTruthy();
      expect(Date.parse(entry!.lastmod!)).toBe((story.updatedAt ?? story.publishedAt).getTime());
      const editionsOfStory = content.localesOf(story.slug);
      if (editionsOfStory.length > 1) {
        expect(entry!['xhtml:link']!.map((l) => l['@hreflang']).sort()).toEqual(
          [...editionsOfStory, 'x-default'].sort(),
        );
      }
    }
  }
  for (const loc of locs) {
    expect(loc).not.toMatch(/[\u0600-\u06FF]/);
    await expectResolves(request, loc, baseURL!);
  }
  expect(draftsIn(text)).toEqual([]);
});

test('the news sitemap is a valid Google News sitemap of the last 48 hours', async ({ request, baseURL }) => {
  const { text, xml } = await fetchXml(request, '/news-sitemap.xml');
  expect(xml.urlset['@xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
  const now = Date.now();
  const expected = locales.flatMap((locale) =>
    content
      .allPublished(locale)
      .filter((s) => s.publishedAt.getTime() <= now && s.publishedAt.getTime() >= now - 48 * 3600 * 1000),
  );
  const urls = xml.urlset.url ?? [];
  expect(urls.length).toBe(expected.length);
  for (const url of urls) {
    const news = url['news:news'];
    const language = news['news:publication']['news:language'];
    expect(locales).toContain(language);
    expect(news['news:publication']['news:name']).toBe(
      JSON.parse(fs.readFileSync(`messages/${language}.json`, 'utf8')).site.name,
    );
    expect(Number.isNaN(Date.parse(news['news:publication_date']))).toBe(false);
    expect(String(news['news:title'])).not.toBe('');
    await expectResolves(request, url.loc, baseURL!);
  }
  expect(draftsIn(text)).toEqual([]);
});

test('robots.txt points at both sitemaps', async ({ request, baseURL }) => {
  const text = await (await request.get('/robots.txt')).text();
  expect(text).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
  expect(text).toContain(`Sitemap: ${baseURL}/news-sitemap.xml`);
  expect(text).toMatch(/Disallow: \/api\//);
});

test.describe('section fronts', () => {
  for (const locale of locales) {
    test(`${locale}: every section lists its stories newest first, named in the edition's language`, async ({
      page,
    }) => {
      for (const section of sections) {
        const response = await page.goto(`/${locale}/section/${section}`);
        expect(response?.status()).toBe(200);
        const expected = content.inSection(locale, section, 0, PAGE_SIZE).items.map((s) => storyPath(locale, s.slug));
        const listed = await page
          .locator('main article h2 a')
          .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
        expect(listed).toEqual(expected);
        const navLink = page.locator(`header nav a[href="/${locale}/section/${section}"]`);
        await expect(navLink).toHaveText((await page.locator('h1').innerText()).split('\n')[0].trim());
      }
    });
  }

  for (const locale of locales) {
    test(`${locale}: pagination a crawler can follow, and its edges`, async ({ page, request }) => {
      const total = content.inSection(locale, 'world', 0, 0).total;
      const pages = Math.ceil(total / PAGE_SIZE);
      test.skip(pages < 2, 'the archive fixtures fill a second page in the scripts/test.sh build');
      await page.goto(`/${locale}/section/world`);
      const next = page.locator('nav a[rel="next"]');
      await expect(next).toHaveAttribute('href', `/${locale}/section/world/page/2`);
      await expect(page.locator('nav a[rel="prev"]')).toHaveCount(0);
      await next.click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/section/world/page/2$`));
      const second = content
        .inSection(locale, 'world', PAGE_SIZE, PAGE_SIZE)
        .items.map((s) => storyPath(locale, s.slug));
      expect(
        await page.locator('main article h2 a').evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
      ).toEqual(second);
      await expect(page.locator('nav a[rel="prev"]')).toHaveAttribute('href', `/${locale}/section/world`);
      await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
        'href',
        new RegExp(`/${locale}/section/world/page/2$`),
      );
      await expect(page.locator(`nav a[aria-current="page"]`)).toHaveText(formatNumber(2, locale));

      expect((await request.get(`/${locale}/section/world/page/${pages + 1}`)).status()).toBe(404);
      const first = await request.get(`/${locale}/section/world/page/1`, { maxRedirects: 0 });
      expect(first.status()).toBe(308);
      expect(first.headers()['location']).toBe(`/${locale}/section/world`);
      for (const bad of [
        `/${locale}/section/world/page/0`,
        `/${locale}/section/world/page/-1`,
        `/${locale}/section/world/page/abc`,
        `/${locale}/section/world/page/99999`,
        `/${locale}/section/sports`,
        `/${locale}/section/%00`,
        `/${locale}/section/%00/page/2`,
      ]) {
        expect((await request.get(bad, { maxRedirects: 0 })).status(), bad).toBe(404);
      }
      for (const query of ['?page=0', '?page=-1', '?page=abc', '?page=99999']) {
        const response = await request.get(`/${locale}/section/world${query}`);
        expect(response.status(), query).toBe(200);
        expect(await response.text()).toContain(
          storyPath(locale, content.inSection(locale, 'world', 0, 1).items[0].slug),
        );
      }
    });
  }
});

test.describe('the home page reads like a front page', () => {
  for (const locale of locales) {
    test(`${locale}: a block per section with its own stories, the top never repeated, and no draft`, async ({
      page,
    }) => {
      await page.goto(`/${locale}`);
      const blocks = page.locator('[data-home-section]');
      const withStories = sections.filter((s) => content.inSection(locale, s, 0, 1).total > 0);
      expect(await blocks.evaluateAll((els) => els.map((el) => el.getAttribute('data-home-section')))).toEqual(
        withStories,
      );
      for (const section of withStories) {
        const ofSection = content.inSection(locale, section, 0, 100).items.map((s) => storyPath(locale, s.slug));
        const listed = await page
          .locator(`[data-home-section="${section}"] article h3 a`)
          .evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
        expect(listed.length).toBeGreaterThan(0);
        expect(
          listed.every((href) => ofSection.includes(href)),
          section,
        ).toBe(true);
        expect(new Set(listed).size).toBe(listed.length);
      }
      const top = await page
        .locator('section[aria-labelledby="lead-heading"] h3 a, section[aria-labelledby="latest-heading"] h3 a')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      expect(top).toEqual(content.latest(locale, 0, 6).items.map((s) => storyPath(locale, s.slug)));
      expect(draftsIn(await page.content())).toEqual([]);
    });

    // The whole page on a phone; on a desktop the first screen, where the grid is (a tall full-page capture at
    // 1280 px was the suite's slowest step).
    for (const width of [390, 1280]) {
      test(`${locale}: screenshots of home and a section front at ${width}px`, async ({ page }) => {
        await page.setViewportSize({ width, height: 900 });
        for (const [name, path] of [
          ['front-home', `/${locale}`],
          ['front-section', `/${locale}/section/world`],
        ]) {
          await page.goto(path);
          await page.evaluate(() => document.fonts.ready);
          expect(
            await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
          ).toBeLessThanOrEqual(0);
          await saveScreenshot(page, `${name}-${locale}-${width}`, width < 1280);
        }
      });
    }
  }
});
