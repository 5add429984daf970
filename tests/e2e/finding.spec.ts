import fs from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { labelKey } from '../../lib/content/labels';
import { locales, type Locale } from '../../lib/locales';
import { content, REFERENCE_SLUG, saveScreenshot, storyPath } from './support';

/**
 * Readers finding stories: tag chips and bylines lead to their pages and feeds, and the search in
 * every page's header works without JavaScript, in every edition, whatever a reader types.
 */
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['item', 'url', 'xhtml:link'].includes(name),
});
const PAGE_SIZE = 10;

/** A tag's or author's address, as a browser's URL and a request have it (percent-encoded)… */
const labelPath = (locale: Locale, kind: 'tag' | 'author', name: string) =>
  `/${locale}/${kind}/${encodeURIComponent(labelKey(name))}`;
/** …and as the page links it: keys are letters, digits and hyphens, written as they are. */
const labelHref = (locale: Locale, kind: 'tag' | 'author', name: string) => `/${locale}/${kind}/${labelKey(name)}`;

/** The published stories of an edition carrying a tag or author, newest first, as the snapshot has them. */
function carrying(locale: Locale, kind: 'tag' | 'author', name: string) {
  const key = labelKey(name);
  return content
    .allPublished(locale)
    .filter((story) => (kind === 'tag' ? story.tags : (story.authors ?? [])).some((n) => labelKey(n) === key));
}

/** Per edition: a word of the reference story's headline, and a word nearly every story has (ten results a page). */
const probes: Record<Locale, { name: string; common: string }> = {
  ar: { name: 'أرمينيا', common: 'في' },
  en: { name: 'Armenia', common: 'the' },
  fa: { name: 'ارمنستان', common: 'در' },
};
const messages = (locale: Locale) => JSON.parse(fs.readFileSync(`messages/${locale}.json`, 'utf8'));

async function storyLinks(page: Page) {
  return page.locator('main h2 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
}

for (const locale of locales) {
  const reference = content.story(locale, REFERENCE_SLUG)!;

  test(`${locale}: a tag chip leads to the tag's page, newest first, and on to its feed`, async ({ page, request }) => {
    await page.goto(storyPath(locale, REFERENCE_SLUG));
    const tag = reference.tags[0];
    const chip = page.locator('article footer a[rel="tag"]', { hasText: tag });
    await expect(chip).toHaveAttribute('href', labelHref(locale, 'tag', tag));
    await chip.click();
    await expect(page).toHaveURL(new RegExp(`${labelPath(locale, 'tag', tag)}$`));
    await expect(page.locator('h1')).toContainText(tag);
    const expected = carrying(locale, 'tag', tag).slice(0, PAGE_SIZE);
    expect(await storyLinks(page)).toEqual(expected.map((story) => storyPath(locale, story.slug)));
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
      'href',
      new RegExp(`${labelPath(locale, 'tag', tag)}$`),
    );
    const feedHref = await page.locator('link[rel="alternate"][type="application/rss+xml"]').getAttribute('href');
    expect(feedHref).toMatch(new RegExp(`${labelPath(locale, 'tag', tag)}/feed.xml$`));

    const feed = await request.get(new URL(feedHref!).pathname);
    expect(feed.status()).toBe(200);
    const text = await feed.text();
    expect(XMLValidator.validate(text)).toBe(true);
    const items = parser.parse(text).rss.channel.item as { link: string }[];
    expect(items.map((item) => new URL(item.link).pathname)).toEqual(
      carrying(locale, 'tag', tag).map((story) => storyPath(locale, story.slug)),
    );
    await saveScreenshot(page, `tag-${locale}`);
  });

  test(`${locale}: a byline leads to the author's page`, async ({ page }) => {
    const story = content.allPublished(locale).find((s) => s.authors?.length && !s.slug.startsWith('edge-'))!;
    const author = story.authors![0];
    await page.goto(storyPath(locale, story.slug));
    const byline = page.locator('article header a[rel="author"]', { hasText: author });
    await expect(byline).toHaveAttribute('href', labelHref(locale, 'author', author));
    await byline.click();
    await expect(page.locator('h1')).toContainText(author);
    expect(await storyLinks(page)).toEqual(
      carrying(locale, 'author', author)
        .slice(0, PAGE_SIZE)
        .map((s) => storyPath(locale, s.slug)),
    );
    expect((await page.request.get(`${labelPath(locale, 'author', author)}/feed.xml`)).status()).toBe(200);
  });

  test(`${locale}: unknown tags and authors are the edition's 404; other spellings of a name lead to its one address`, async ({
    request,
  }) => {
    for (const path of [
      `/${locale}/tag/no-such-tag`,
      `/${locale}/author/nobody-at-all`,
      `/${locale}/tag/no-such-tag/feed.xml`,
      `/${locale}/topic/x`,
      `/${locale}/tag/🔥`,
    ]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(404);
    }
    // A segment that does not decode is refused before any route runs.
    expect((await request.get(`/${locale}/tag/%E0%A4%A`)).status()).toBe(400);
    const missing = await request.get(`/${locale}/tag/no-such-tag`);
    expect(await missing.text()).toContain(`lang="${locale}"`);
    const tag = reference.tags[0];
    const shouted = await request.get(`/${locale}/tag/${encodeURIComponent(` ${tag.toUpperCase()} `)}`, {
      maxRedirects: 0,
    });
    expect(shouted.status()).toBe(308);
    expect(shouted.headers().location).toBe(labelPath(locale, 'tag', tag));
    // Answered before any page renders: nothing of it is stored.
    expect(shouted.headers()['x-nextjs-cache']).toBeUndefined();
    expect((await request.get(`${labelPath(locale, 'tag', tag)}/page/1`, { maxRedirects: 0 })).status()).toBe(308);
  });

  test(`${locale}: the search form in the header works without JavaScript and marks what it found`, async ({
    browser,
    baseURL,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
    const page = await context.newPage();
    await page.goto(`/${locale}`);
    const query = probes[locale].name;
    const field = page.locator('header form[role="search"] input[name="q"]');
    await field.fill(query);
    await field.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/${locale}/search\\?q=`));
    await expect(page.locator('main ol a').first()).toBeVisible();
    expect(await page.locator('main ol a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toContain(
      storyPath(locale, REFERENCE_SLUG),
    );
    await expect(page.locator('main ol mark').first()).toHaveText(query);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
    await expect(page.locator('main input[name="q"]')).toHaveValue(query);
    await context.close();
  });

  test(`${locale}: search pages through its results, newest first`, async ({ page }) => {
    const query = probes[locale].common;
    await page.goto(`/${locale}/search?q=${encodeURIComponent(query)}`);
    test.skip((await page.locator('nav a[rel="next"]').count()) === 0, 'fewer stories than two pages in this build');
    const first = await page
      .locator('main ol time')
      .evaluateAll((times) => times.map((t) => t.getAttribute('datetime')!));
    expect(first.length).toBe(PAGE_SIZE);
    expect([...first].sort().reverse()).toEqual(first);
    await page.locator('nav a[rel="next"]').click();
    await expect(page).toHaveURL(/[?&]page=2/);
    const second = await page
      .locator('main ol time')
      .evaluateAll((times) => times.map((t) => t.getAttribute('datetime')!));
    expect(second.length).toBeGreaterThan(0);
    expect(second[0] <= first.at(-1)!).toBe(true);
    await saveScreenshot(page, `search-${locale}`);
  });
}

test('ar: every spelling of Armenia and Russia finds the reference story', async ({ request }) => {
  for (const query of [
    'أرمينيا',
    'ارمينيا',
    'أَرْمِينِيَا',
    'أرمـينيا',
    'والأرمينية',
    'بروسيا',
    'وروسيا',
    'روسيا',
    'منظمه معاهده',
    'باشينيان ٢٠٢٣',
    'فرانس 24',
  ]) {
    const response = await request.get(`/ar/search?q=${encodeURIComponent(query)}`);
    expect(response.status(), query).toBe(200);
    expect(await response.text(), query).toContain(`href="${storyPath('ar', REFERENCE_SLUG)}"`);
  }
});

test('en: case, accents and plurals find the reference story', async ({ request }) => {
  for (const query of ['ARMENIA', 'alliances', 'Pashinyán', 'freeze', 'csto']) {
    const response = await request.get(`/en/search?q=${encodeURIComponent(query)}`);
    expect(response.status(), query).toBe(200);
    expect(await response.text(), query).toContain(`href="${storyPath('en', REFERENCE_SLUG)}"`);
  }
});

test('fa: Persian spellings, half spaces, Arabic-keyboard letters and either digits find the reference story', async ({
  request,
}) => {
  for (const query of [
    'ارمنستان',
    'روسیه',
    'روسيه',
    'بین\u200cالمللی',
    'بینالمللی',
    'پاشینیان ۲۰۲۳',
    'پاشينيان 2023',
    'ارمنستانِ',
  ]) {
    const response = await request.get(`/fa/search?q=${encodeURIComponent(query)}`);
    expect(response.status(), query).toBe(200);
    expect(await response.text(), query).toContain(`href="${storyPath('fa', REFERENCE_SLUG)}"`);
  }
});

test('ar: Latin words inside Arabic text match', async ({ request }) => {
  const response = await request.get(`/ar/search?q=${encodeURIComponent('WI-FI شبكات')}`);
  expect(await response.text()).toContain(`href="${storyPath('ar', 'wifi-6-explained')}"`);
});

test('an edition searches its own stories only', async ({ request }) => {
  const arabicOnly = await request.get(`/en/search?q=${encodeURIComponent('أرمينيا')}`);
  expect(await arabicOnly.text()).not.toContain(`href="${storyPath('en', REFERENCE_SLUG)}"`);
});

/** What a hostile or careless query gets: a page, never an error, never its markup back unescaped. */
async function expectProperPage(request: APIRequestContext, locale: Locale, query: string) {
  const response = await request.get(`/${locale}/search?q=${encodeURIComponent(query)}`);
  expect(response.status(), JSON.stringify(query.slice(0, 40))).toBe(200);
  const html = await response.text();
  expect(html).toContain(`lang="${locale}"`);
  expect(html).not.toContain('<script>alert');
  expect(html).not.toContain('<img src=x');
  return html;
}

test('bad queries get a proper page: empty, blank, 1,000 characters, bidi overrides, emoji, markup', async ({
  request,
}) => {
  for (const locale of locales) {
    await expectProperPage(request, locale, '');
    await expectProperPage(request, locale, '   \t  ');
    // A thousand characters: searched for their first 200, and the reader told so.
    const long = await expectProperPage(request, locale, 'Armenia '.repeat(125));
    expect(long).toContain(messages(locale).search.truncated.split(':')[0]);
    // A thousand Arabic characters are 6 KB of URL, more than the server reads: a 414 that says why, in both languages.
    const tooLong = await request.get(`/${locale}/search?q=${encodeURIComponent('أرمينيا '.repeat(125))}`);
    expect(tooLong.status()).toBe(414);
    expect(await tooLong.text()).toContain('This address is longer than any address on this site.');
    await expectProperPage(request, locale, '\u202Eأرمينيا\u202C \u2066x\u2069');
    await expectProperPage(request, locale, '🔥🎉');
    const markup = await expectProperPage(request, locale, '<script>alert(1)</script><img src=x onerror=alert(2)>');
    expect(markup).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  }
  // Repeated and odd parameters, and a page far past the end.
  for (const path of [
    '/ar/search?q=a&q=b',
    '/ar/search?page=-1',
    `/ar/search?q=${encodeURIComponent('أرمينيا')}&page=999999`,
    '/en/search?q=%',
    '/en/search?q=the&page=abc',
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBeLessThan(500);
  }
  // A page past the results shows the last page.
  const past = await request.get(`/ar/search?q=${encodeURIComponent('أرمينيا')}&page=999999`);
  expect(await past.text()).toContain(`href="${storyPath('ar', REFERENCE_SLUG)}"`);
});

test('a tag written alike in several editions links them with hreflang; the sitemap lists every edition’s tag and author pages', async ({
  request,
  baseURL,
}) => {
  // Wi-Fi is written the same in both editions.
  const page = await request.get('/ar/tag/wi-fi');
  expect(page.status()).toBe(200);
  const html = await page.text();
  expect(html).toContain(`<link rel="alternate" hrefLang="en" href="${baseURL}/en/tag/wi-fi"/>`);
  // A tag of one edition only has no alternate.
  const alone = await (await request.get(labelPath('ar', 'tag', 'أرشيف'))).text();
  expect(alone).not.toContain('<link rel="alternate" hrefLang="en"');

  const index = await (await request.get('/sitemap.xml')).text();
  for (const locale of locales)
    for (const kind of ['tags', 'authors']) expect(index).toContain(`/sitemaps/${kind}-${locale}-1.xml`);
  const tags = await (await request.get('/sitemaps/tags-ar-1.xml')).text();
  expect(XMLValidator.validate(tags)).toBe(true);
  const urls = (parser.parse(tags).urlset.url as { loc: string }[]).map((url) => url.loc);
  for (const tag of content.story('ar', REFERENCE_SLUG)!.tags)
    expect(urls).toContain(`${baseURL}${labelPath('ar', 'tag', tag)}`);
  // A draft's tags are not there.
  expect(urls).not.toContain(`${baseURL}${labelPath('ar', 'tag', 'زراعة منزلية')}`);
});

for (const [locale, tag] of [
  ['ar', 'أرشيف'],
  ['en', 'Archive'],
  ['fa', 'بایگانی'],
] as const) {
  test(`${locale}: a tag with more stories than a page paginates like a section front`, async ({ page }) => {
    const stories = carrying(locale, 'tag', tag);
    test.skip(stories.length <= PAGE_SIZE, 'the archive fixtures are not in this build');
    await page.goto(labelPath(locale, 'tag', tag));
    await page.locator('nav a[rel="next"]').click();
    await expect(page).toHaveURL(new RegExp(`${labelPath(locale, 'tag', tag)}/page/2$`));
    expect(await storyLinks(page)).toEqual(
      stories.slice(PAGE_SIZE, 2 * PAGE_SIZE).map((story) => storyPath(locale, story.slug)),
    );
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
      'href',
      new RegExp(`${labelPath(locale, 'tag', tag)}/page/2$`),
    );
    expect(
      (
        await page.request.get(`${labelPath(locale, 'tag', tag)}/page/${Math.ceil(stories.length / PAGE_SIZE) + 1}`)
      ).status(),
    ).toBe(404);
  });
}
