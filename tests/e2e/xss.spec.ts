/**
 * The XSS corpus fixture (tests/fixtures/stories/edge-xss-corpus) in a real browser: its payloads
 * would set window.__xss or open a dialog if any of them ran. Its headline carries markup-looking
 * text and an unclosed right-to-left override, which must stay inside the headline.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { locales } from '../../lib/locales';
import { content, saveScreenshot, storyPath } from './support';

const SLUG = 'edge-xss-corpus';
const EMBEDDING_OR_OVERRIDE = /[\u202A-\u202E]/;
const HEADLINE_MARKUP = '<img src=x onerror=alert(1)>';
/** Payloads of the body that must be there to read, as typed, in every edition. */
const BODY_SHOWS = [
  "<script>window.__xss = 1; alert('script')</script>",
  '<svg onload=',
  '<iframe src="javascript:',
  'vbscript:',
  '<script>alert(1)</script>',
];

/** Whether every isolate in `text` is closed, and none is closed that was not opened. */
function balancedIsolates(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (/[\u2066-\u2068]/.test(ch)) depth++;
    else if (ch === '\u2069' && --depth < 0) return false;
  }
  return depth === 0;
}

for (const locale of locales) {
  test(`${locale}: the XSS corpus story runs nothing, injects nothing and still reads`, async ({ page, request }) => {
    const story = content.story(locale, SLUG);
    test.skip(!story, `no ${locale} edition of ${SLUG}: the fixture is part of the scripts/test.sh build`);
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      await dialog.dismiss();
    });
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));

    const response = await page.goto(storyPath(locale, SLUG));
    expect(response?.status()).toBe(200);
    await page.waitForLoadState('networkidle');
    const body = page.locator('.story-body');
    // Pointer handlers get their chance too.
    for (const link of await body.locator('a').all()) await link.hover();
    // Scrolling through the page loads anything lazy, and the picture is a reader's check that it still reads.
    await saveScreenshot(page, locale, true, 'xss');

    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(errors).toEqual([]);

    await expect(body.locator('script')).toHaveCount(0);
    await expect(
      body.locator('iframe, object, embed, svg, math, style, img, form, link, meta, base, template, noscript'),
    ).toHaveCount(0);
    const handlers = await page.evaluate(() =>
      [...document.querySelectorAll('*')].flatMap((element) =>
        element
          .getAttributeNames()
          .filter((name) => /^on/i.test(name))
          .map((name) => `${element.localName}[${name}]`),
      ),
    );
    expect(handlers).toEqual([]);
    const links = await body.locator('a[href]').evaluateAll((anchors) =>
      anchors.map((a) => ({
        written: a.getAttribute('href')!,
        protocol: (a as HTMLAnchorElement).protocol,
        origin: (a as HTMLAnchorElement).origin,
      })),
    );
    expect(links.length).toBeGreaterThan(0);
    const origin = new URL(page.url()).origin;
    for (const link of links) {
      expect(['https:', 'http:', 'mailto:'], link.written).toContain(link.protocol);
      // Off the site only through a full address the writer typed, never a path that turns out to be another host.
      if (link.protocol !== 'mailto:' && link.origin !== origin) expect(link.written).toMatch(/^https?:\/\//i);
    }
    const text = await body.innerText();
    for (const piece of BODY_SHOWS) expect(text).toContain(piece);

    const headline = page.locator('h1');
    await expect(headline).toBeVisible();
    const headlineText = (await headline.textContent())!;
    expect(headlineText).toBe(story!.title);
    expect(headlineText).toContain(HEADLINE_MARKUP);
    expect(headlineText).not.toMatch(EMBEDDING_OR_OVERRIDE);
    expect(balancedIsolates(headlineText)).toBe(true);

    const title = await page.title();
    expect(title).toContain(story!.title);
    expect(title).not.toMatch(EMBEDDING_OR_OVERRIDE);
    expect(balancedIsolates(title)).toBe(true);
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', story!.title);

    const jsonLd = page.locator('script[type="application/ld+json"]');
    await expect(jsonLd).toHaveCount(1);
    expect(JSON.parse((await jsonLd.textContent())!).headline).toBe(story!.title);

    // The share card, for a look at the headline drawn with its override contained.
    const card = await request.get((await page.locator('meta[property="og:image"]').getAttribute('content'))!);
    expect(card.status()).toBe(200);
    fs.writeFileSync(path.join(process.cwd(), 'artifacts', 'xss', `${locale}-card.png`), await card.body());
  });
}
