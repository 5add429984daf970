import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { editions, locales } from '../../lib/locales';
import { REFERENCE_SLUG, content, fold, outOfOrder, saveScreenshot, seedLines, storyPath } from './support';

const CREDIT_SUFFIX = ' - الأناضول';

test.describe('the reference story in Arabic', () => {
  test('renders every part of the seed, in order, right to left', async ({ page }) => {
    const response = await page.goto(storyPath('ar', REFERENCE_SLUG));
    expect(response?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');

    const [dateLine, headline] = seedLines;
    const altLine = seedLines[4];
    const captionLine = seedLines[5];
    const summary = seedLines[6];
    const continueAt = seedLines.indexOf('تابع القراءة');
    const bodyParagraphs = seedLines.slice(7, continueAt);
    const sourcesLine = `${seedLines[continueAt + 1]} ${seedLines[continueAt + 2]}`;

    await expect(page.locator('h1')).toHaveText(headline);
    await expect(page.locator('time').first()).toHaveText(dateLine);
    await expect(page.locator('time').first()).toHaveAttribute('datetime', /^2024-10-25T/);

    const hero = page.locator('figure img').first();
    await expect(hero).toHaveAttribute('alt', altLine.slice(0, -CREDIT_SUFFIX.length));
    expect(Number(await hero.getAttribute('width'))).toBeGreaterThan(0);
    expect(Number(await hero.getAttribute('height'))).toBeGreaterThan(0);
    expect(await hero.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await expect(page.locator('figcaption')).toHaveText(captionLine);

    await expect(page.locator('.story-body h2')).toHaveText('اتساع الهوة بين موسكو ويريفان');
    const text = await page.locator('main').innerText();
    expect(
      outOfOrder(text, [dateLine, headline, captionLine, summary, ...bodyParagraphs, 'تابع القراءة', sourcesLine]),
    ).toEqual([]);
  });

  test('continues reading with related stories: newest first, never itself, never a draft', async ({ page }) => {
    await page.goto(storyPath('ar', REFERENCE_SLUG));
    const related = page.locator('aside[aria-labelledby="continue-reading"] article');
    expect(await related.count()).toBeGreaterThan(0);
    const hrefs = await related
      .locator('h3 a')
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
    expect(hrefs).not.toContain(storyPath('ar', REFERENCE_SLUG));
    for (const draft of content.allDrafts()) expect(hrefs).not.toContain(storyPath('ar', draft.slug));
    const dates = await related
      .locator('time')
      .evaluateAll((times) => times.map((t) => Date.parse(t.getAttribute('datetime')!)));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
  });

  test('the edition switcher offers the English and the Persian translations, each named in its own language', async ({
    page,
  }) => {
    await page.goto(storyPath('ar', REFERENCE_SLUG));
    await expect(page.locator('header a[hreflang]')).toHaveText(['English', 'فارسی']);
    await expect(page.locator('header a[hreflang="fa"]')).toHaveAttribute('href', storyPath('fa', REFERENCE_SLUG));
    await page.locator('header a[hreflang="en"]').click();
    await expect(page).toHaveURL(new RegExp(`/en/news/${REFERENCE_SLUG}$`));
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  });
});

test.describe('the reference story in English', () => {
  test('is the translation, left to right, with the English date line', async ({ page }) => {
    const response = await page.goto(storyPath('en', REFERENCE_SLUG));
    expect(response?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    const story = content.story('en', REFERENCE_SLUG)!;
    await expect(page.locator('h1')).toHaveText(story.title);
    await expect(page.locator('time').first()).toHaveText('Friday 25 October 2024');
    await expect(page.locator('figcaption')).toContainText('Anadolu');
    await expect(page.locator('.story-body h2')).toHaveCount(1);
    const text = await page.locator('main').innerText();
    expect(
      outOfOrder(text, [
        'Friday 25 October 2024',
        story.title,
        story.summary,
        'Continue reading',
        `Sources: ${story.sources.join(', ')}`,
      ]),
    ).toEqual([]);
    await page.locator('header a[hreflang="ar"]').click();
    await expect(page).toHaveURL(new RegExp(`/ar/news/${REFERENCE_SLUG}$`));
  });
});

test.describe('the reference story in Persian', () => {
  test('is the translation, right to left, with the Solar Hijri and Gregorian date line in Persian digits', async ({
    page,
  }) => {
    const response = await page.goto(storyPath('fa', REFERENCE_SLUG));
    expect(response?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fa');
    const story = content.story('fa', REFERENCE_SLUG)!;
    await expect(page.locator('h1')).toHaveText(story.title);
    // ۴ آبان ۱۴۰۳ is 25 October 2024; the Gregorian date keeps its own order inside the line.
    await expect(page.locator('time').first()).toHaveText('جمعه ۴ آبان ۱۴۰۳ / \u206825 October 2024\u2069');
    await expect(page.locator('figcaption')).toContainText(story.image!.credit!);
    await expect(page.locator('.story-body h2')).toHaveCount(1);
    expect(await page.locator('.story-body p').count()).toBe(
      content.story('en', REFERENCE_SLUG)!.bodyHtml.match(/<p>/g)!.length,
    );
    const text = await page.locator('main').innerText();
    expect(outOfOrder(text, [story.title, story.summary, story.sources[0]])).toEqual([]);
    await expect(page.locator('header a[hreflang]')).toHaveText(['العربية', 'English']);
    await page.locator('header a[hreflang="ar"]').click();
    await expect(page).toHaveURL(new RegExp(`/ar/news/${REFERENCE_SLUG}$`));
  });
});

test('the edition switcher offers only the editions a story exists in', async ({ page }) => {
  const arabicOnly = content.allPublished('ar').find((story) => content.localesOf(story.slug).length === 1);
  test.skip(!arabicOnly, 'every story has more than one edition');
  await page.goto(storyPath('ar', arabicOnly!.slug));
  await expect(page.locator('header a[hreflang]')).toHaveCount(0);
  for (const locale of locales) {
    await page.goto(`/${locale}`);
    await expect(page.locator('header a[hreflang]')).toHaveText(
      locales.filter((l) => l !== locale).map((l) => editions[l].ownName),
    );
  }
});

test('an Arabic slug serves, percent-encoded in its links', async ({ page, request }) => {
  const arabicSlug = content.allPublished('ar').find((story) => /[\u0600-\u06FF]/.test(story.slug));
  expect(arabicSlug, 'the sample content has a story with an Arabic slug').toBeTruthy();
  const response = await request.get(storyPath('ar', arabicSlug!.slug));
  expect(response.status()).toBe(200);
  await page.goto('/ar');
  const hrefs = await page.locator('main a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(hrefs).toContain(storyPath('ar', arabicSlug!.slug));
});

for (const locale of locales) {
  test(`story and home pages in ${locale} have no axe violations`, async ({ page }) => {
    // Two full axe runs: on CI's two busy workers they took up to 32 s.
    test.slow();
    for (const path of [`/${locale}`, storyPath(locale, REFERENCE_SLUG)]) {
      await page.goto(path);
      const results = await new AxeBuilder({ page }).analyze();
      expect(
        results.violations.map((v) => `${path}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      ).toEqual([]);
    }
  });

  for (const width of [390, 1280]) {
    // The home page's are discovery.spec.ts's.
    test(`screenshot of the story in ${locale} at ${width}px, with nothing wider than the screen`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      const path = storyPath(locale, REFERENCE_SLUG);
      await page.goto(path);
      await page.evaluate(() => document.fonts.ready);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
      await saveScreenshot(page, `story-${locale}-${width}`);
    });
  }
}

/** Each Arabic-script edition's body face, and the faces it must not fetch. */
const bodyFaces = [
  { locale: 'ar', face: /naskh/i, notFetched: /vazirmatn/i },
  { locale: 'fa', face: /vazirmatn/i, notFetched: /naskh|kufi/i },
] as const;
for (const { locale, face, notFetched } of bodyFaces) {
  test(`${locale} body text is ${face.source}, at least 18px with line height at least 1.7, never letter-spaced`, async ({
    page,
  }) => {
    await page.goto(storyPath(locale, REFERENCE_SLUG));
    const style = await page
      .locator('.story-body p')
      .first()
      .evaluate((p) => {
        const s = getComputedStyle(p);
        return {
          size: parseFloat(s.fontSize),
          lineHeight: parseFloat(s.lineHeight),
          letterSpacing: s.letterSpacing,
          family: s.fontFamily,
        };
      });
    expect(style.size).toBeGreaterThanOrEqual(18);
    expect(style.lineHeight / style.size).toBeGreaterThanOrEqual(1.7);
    expect(['normal', '0px']).toContain(style.letterSpacing);
    expect(style.family).toMatch(face);
    const fontsLoaded = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family);
    });
    expect(fontsLoaded.join(' ')).toMatch(face);
    expect(fontsLoaded.join(' ')).not.toMatch(notFetched);
  });
}

test('the story text is the one in the content store', async ({ page }) => {
  const story = content.story('ar', REFERENCE_SLUG)!;
  await page.goto(storyPath('ar', REFERENCE_SLUG));
  const paragraphs = await page.locator('.story-body p').allInnerTexts();
  expect(paragraphs.length).toBeGreaterThan(10);
  const storeText = story.bodyHtml
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
  for (const paragraph of paragraphs) expect(fold(storeText)).toContain(fold(paragraph));
});
