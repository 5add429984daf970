/**
 * Embeds that track no one until asked: a story quoting posts of five platforms shows quote cards and links,
 * fetches nothing from any platform until a button is clicked, then the platform's frame, in every edition.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { EMBED_FRAME_ORIGINS } from '@/lib/embed-origins.mjs';
import { locales } from '@/lib/locales';
import { saveScreenshot, storyPath } from './support';

const SLUG = 'social-embeds';
const PROVIDERS = ['youtube', 'x', 'instagram', 'tiktok', 'facebook'];

/** Every request the page makes to an origin other than the site's. */
function elsewhere(page: Page, site: string): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).origin !== site) seen.push(request.url());
  });
  return seen;
}

for (const locale of locales) {
  test(`${locale}: quoted posts are cards with links, nothing loads from a platform before its button is clicked, then its frame does`, async ({
    page,
    baseURL,
  }) => {
    const site = new URL(baseURL!).origin;
    const requests = elsewhere(page, site);
    // The machine has no way out: the platform's frame is answered here, so the test sees it arrive.
    await page.route(`${EMBED_FRAME_ORIGINS.youtube}/**`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<p>video</p>' }),
    );
    const response = await page.goto(storyPath(locale, SLUG));
    await page.waitForLoadState('networkidle');

    const figures = page.locator('figure[data-embed]');
    expect(await figures.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-embed')))).toEqual(
      PROVIDERS,
    );
    await expect(page.locator('iframe')).toHaveCount(0);
    expect(requests, 'no request to another origin before a click').toEqual([]);

    // The page's own policy allows frames from exactly these five; unknown platforms and bad addresses stay links.
    const policies = response!.headers()['content-security-policy'];
    expect(policies).toContain(`frame-src ${Object.values(EMBED_FRAME_ORIGINS).sort().join(' ')}`);
    const body = page.locator('.story-body');
    await expect(body.locator('a[href="https://example.com/not-a-platform"]')).toHaveCount(1);
    expect(await body.innerHTML()).not.toContain('javascript:');
    await expect(body.locator('a[href^="https://x.com/AJArabic/status/1849763201234567890?ref="]')).toHaveCount(1);

    // A keyboard can skip an embed: the link before it leads to its end.
    const youtube = figures.first();
    await youtube.locator('.embed-skip').focus();
    await page.keyboard.press('Enter');
    await expect(youtube.locator('.embed-end')).toBeFocused();
    await saveScreenshot(page, `story-${locale}-before`, false, 'embeds');

    const button = youtube.locator('button[data-embed-load]');
    await expect(button).toBeVisible();
    await button.click();
    const frame = youtube.locator('iframe');
    await expect(frame).toHaveAttribute('src', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    await expect
      .poll(() => requests.filter((url) => url.startsWith(EMBED_FRAME_ORIGINS.youtube)).length)
      .toBeGreaterThan(0);
    expect(
      requests.every((url) => url.startsWith(EMBED_FRAME_ORIGINS.youtube)),
      requests.join('\n'),
    ).toBe(true);
    await expect(page.locator('iframe')).toHaveCount(1);
  });
}

test('without JavaScript and on the lite page, an embed is its card and link, with no button', async ({
  browser,
  request,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(storyPath('ar', SLUG));
  const card = page.locator('figure[data-embed="x"] blockquote');
  await expect(card).toContainText('@AJArabic');
  await expect(card.locator('a')).toHaveAttribute('href', 'https://x.com/AJArabic/status/1849763201234567890');
  await expect(page.locator('button[data-embed-load]').first()).toBeHidden();
  await context.close();

  const lite = await (await request.get(`${storyPath('fa', SLUG)}.lite`)).text();
  expect(lite.match(/<figure class="embed"/g)).toHaveLength(5);
  expect(lite).not.toContain('data-embed-load');
  expect(lite).toContain('href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"');
});

test('a story without embeds allows no frame and loads no embed script; the embed page has no axe violations', async ({
  page,
  request,
}) => {
  const plain = await request.get(storyPath('ar', 'armenia-freezes-csto-participation'));
  expect(plain.headers()['content-security-policy']).toContain("frame-src 'none'");
  // Client components are named in the page's RSC payload: the embed one is there only where embeds are.
  expect(await plain.text()).not.toContain('EmbedLoader');
  expect(await (await request.get(storyPath('ar', SLUG))).text()).toContain('EmbedLoader');
  await page.goto(storyPath('ar', SLUG));
  const results = await new AxeBuilder({ page }).include('article').analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);
});
