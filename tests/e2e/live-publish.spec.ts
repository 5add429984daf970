import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { editions, locales, type Locale } from '../../lib/locales';
import { contentDir, saveScreenshot, storyPath } from './support';

/**
 * A live page open in a browser while posts are published, edited, deleted, and the page ends. Its own
 * project, after the publish tests: it writes post files into the content folder and calls the hook. The
 * server under test polls every LIVE_POLL_MS (scripts/test.sh sets 2 s rather than 15).
 */
const SECRET = process.env.REVALIDATE_SECRET ?? '';
test.skip(!SECRET || !process.env.CONTENT_DIR, 'REVALIDATE_SECRET and CONTENT_DIR are set by scripts/test.sh');

const LIVE = 'live-earthquake';
const NOW_WORD: Record<Locale, RegExp> = { ar: /الآن/, en: /now/, fa: /اکنون/ };
/** One new post, as the button counts it in each edition (Arabic names one without a digit). */
const SHOW_NEW: Record<Locale, string> = { ar: 'منشور جديد', en: '1 new post', fa: '۱ پست تازه' };
const postsDir = (locale: Locale) => path.join(contentDir, 'stories', LIVE, 'live', locale);
const storyFile = (locale: Locale) => path.join(contentDir, 'stories', LIVE, `${locale}.md`);

async function hook(request: APIRequestContext) {
  const response = await request.post('/api/revalidate', {
    data: { slugs: [LIVE] },
    headers: { authorization: `Bearer ${SECRET}` },
  });
  expect(response.status()).toBe(200);
  return (await response.json()) as { revalidated: string[] };
}

function writePost(locale: Locale, id: string, text: string, headline?: string) {
  const lines = [
    '---',
    `time: "${new Date().toISOString()}"`,
    ...(headline ? [`headline: "${headline}"`] : []),
    '---',
    text,
    '',
  ];
  fs.writeFileSync(path.join(postsDir(locale), `${id}.md`), lines.join('\n'));
}

/** Once the island has hydrated, its effect has taken the page's title: polling runs from there. */
async function openLivePage(page: Page, locale: Locale) {
  await page.goto(storyPath(locale, LIVE));
  await page.waitForLoadState('networkidle');
}

const firstInStream = (page: Page) => page.locator('#live-posts > li:not([hidden]) > article').first();

// One after another: the hook re-reads the whole live story, and one test ends it.
test.describe.configure({ mode: 'default' });

for (const locale of locales) {
  test(`${locale}: a post published while the page is open appears at the top; further down, a button and "(n)" in the title, the scroll kept`, async ({
    page,
    request,
  }) => {
    const atTop = `e2e-${locale}-top`;
    const below = `e2e-${locale}-below`;
    try {
      await openLivePage(page, locale);
      const title = await page.title();

      writePost(locale, atTop, `Published during the test (${locale}).`, `E2E ${locale} at the top`);
      const { revalidated } = await hook(request);
      expect(revalidated, 'a post alone refreshes the live page, not the home page').not.toContain(`/${locale}`);
      expect(revalidated).toContain(storyPath(locale, LIVE));
      await expect(firstInStream(page)).toHaveAttribute('data-post-id', atTop, { timeout: 20_000 });
      await expect(firstInStream(page).locator('[data-slot="relative"]')).toHaveText(NOW_WORD[locale]);
      await expect(firstInStream(page).locator('h3')).toHaveText(`E2E ${locale} at the top`);
      await expect(page.locator('[data-live-announcement]')).toHaveText(/\S/);

      // Down at the page's foot, a new post waits behind a button: nothing the reader sees moves.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      const anchor = page.locator('#live-posts > li > article').last();
      const before = { y: await page.evaluate(() => window.scrollY), top: (await anchor.boundingBox())!.y };
      writePost(locale, below, `Published while the reader was further down (${locale}).`);
      await hook(request);
      const button = page.locator('button[data-live-show]');
      await expect(button).toBeVisible({ timeout: 20_000 });
      await expect(button).toHaveText(new RegExp(SHOW_NEW[locale]));
      expect(await page.title()).toBe(`(${new Intl.NumberFormat(editions[locale].numbers).format(1)}) ${title}`);
      expect(await page.evaluate(() => window.scrollY)).toBe(before.y);
      expect((await anchor.boundingBox())!.y).toBe(before.top);
      await expect(page.locator(`#post-${below}`)).toHaveCount(0);
      await saveScreenshot(page, `live-${locale}-new-posts-button`, false, 'live');

      await button.click();
      await expect(firstInStream(page)).toHaveAttribute('data-post-id', below);
      await expect(page.locator(`#post-${below}`)).toBeFocused();
      expect(await page.title()).toBe(title);
    } finally {
      for (const id of [atTop, below]) fs.rmSync(path.join(postsDir(locale), `${id}.md`), { force: true });
      await hook(request);
    }
  });
}

test('ar: an edited post changes in place and a deleted one disappears from the open page', async ({
  page,
  request,
}) => {
  const edited = path.join(postsDir('ar'), '025-update.md');
  const deleted = path.join(postsDir('ar'), '024-update.md');
  const originals = { edited: fs.readFileSync(edited, 'utf8'), deleted: fs.readFileSync(deleted, 'utf8') };
  try {
    await openLivePage(page, 'ar');
    await expect(page.locator('#post-024-update')).toBeVisible();
    fs.writeFileSync(edited, `${originals.edited.trimEnd()}\n\nتصحيح أثناء الاختبار.\n`);
    fs.rmSync(deleted);
    await hook(request);
    await expect(page.locator('#post-025-update')).toContainText('تصحيح أثناء الاختبار.', { timeout: 20_000 });
    await expect(page.locator('#post-024-update')).toBeHidden({ timeout: 20_000 });
    expect((await request.get(`${storyPath('ar', LIVE)}/post/024-update`, { maxRedirects: 0 })).status()).toBe(404);
  } finally {
    fs.writeFileSync(edited, originals.edited);
    fs.writeFileSync(deleted, originals.deleted);
    await hook(request);
  }
});

test('ar: the open page catches up after the network drops, with no post twice', async ({ page, context, request }) => {
  const id = 'e2e-ar-offline';
  try {
    await openLivePage(page, 'ar');
    await context.setOffline(true);
    writePost('ar', id, 'نُشر والقارئ بلا اتصال.');
    await hook(request);
    await page.waitForTimeout(5000);
    await context.setOffline(false);
    await expect(firstInStream(page)).toHaveAttribute('data-post-id', id, { timeout: 30_000 });
    const ids = await page
      .locator('#live-posts article')
      .evaluateAll((articles) => articles.map((a) => a.getAttribute('data-post-id')));
    expect(new Set(ids).size).toBe(ids.length);
  } finally {
    fs.rmSync(path.join(postsDir('ar'), `${id}.md`), { force: true });
    await hook(request);
  }
});

test('ar: when the live page ends, the open page drops its badge and stops; the page stays as an archive', async ({
  page,
  request,
}) => {
  const original = fs.readFileSync(storyFile('ar'), 'utf8');
  try {
    await openLivePage(page, 'ar');
    await expect(page.locator('main [data-live-badge]')).toBeVisible();
    fs.writeFileSync(storyFile('ar'), original.replace(/^live: live$/m, 'live: ended'));
    const { revalidated } = await hook(request);
    expect(revalidated, 'the badge leaves the lists too').toContain('/ar');
    await expect(page.locator('main [data-live-badge]')).toBeHidden({ timeout: 20_000 });
    const polls: string[] = [];
    page.on('request', (r) => (r.url().includes('/updates') ? polls.push(r.url()) : undefined));
    await page.waitForTimeout(5000);
    expect(polls, 'no poll after the end').toEqual([]);
    await page.reload();
    await expect(page.getByRole('note')).toBeVisible();
    await expect(page.locator('#live-posts article').first()).toBeVisible();
  } finally {
    fs.writeFileSync(storyFile('ar'), original);
    await hook(request);
  }
});
