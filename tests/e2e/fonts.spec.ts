import { expect, test, type Page } from '@playwright/test';
import { REFERENCE_SLUG, storyPath } from './support';

/** The font files a page fetches (next/font names them after their source file) and the faces in use. */
async function fontsOf(page: Page, path: string) {
  const files: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'font') files.push(new URL(request.url()).pathname.split('/').pop()!);
  });
  await page.goto(path, { waitUntil: 'networkidle' });
  await page.evaluate(() => document.fonts.ready);
  const loaded = await page.evaluate(() =>
    [...document.fonts].filter((face) => face.status === 'loaded').map((face) => face.family.replace(/['"]/g, '')),
  );
  return { files, loaded };
}

test('the Arabic story fetches the Arabic core faces, never the extended files', async ({ page }) => {
  const { files } = await fontsOf(page, storyPath('ar', REFERENCE_SLUG));
  expect(files.some((file) => file.startsWith('noto_naskh_arabic_400_core'))).toBe(true);
  expect(files.some((file) => file.startsWith('noto_kufi_arabic_700_core'))).toBe(true);
  expect(files.filter((file) => /arabic_arabic|edition_names/.test(file))).toEqual([]);
});

test('the Persian story fetches Vazirmatn and no Noto Arabic face', async ({ page }) => {
  const { files, loaded } = await fontsOf(page, storyPath('fa', REFERENCE_SLUG));
  expect(files.some((file) => file.startsWith('vazirmatn_arabic_400'))).toBe(true);
  expect(files.filter((file) => /noto_(naskh|kufi)_arabic/.test(file))).toEqual([]);
  expect(loaded.join(' ')).toMatch(/vazirmatn/i);
});

test('the English story fetches no Arabic face, only the letters of its edition switcher', async ({ page }) => {
  const { files, loaded } = await fontsOf(page, storyPath('en', REFERENCE_SLUG));
  expect(files.filter((file) => /arabic/.test(file))).toEqual([]);
  expect(files.filter((file) => file.startsWith('edition_names'))).toHaveLength(1);
  expect(loaded).toContain('editionNames');
  // The switcher is drawn in that face: every letter of "العربية" and "فارسی" is in it.
  for (const edition of ['ar', 'fa']) {
    const fits = await page.locator(`header a[hreflang="${edition}"]`).evaluate(async (link) => {
      const family = getComputedStyle(link).fontFamily.split(',')[0].trim();
      return document.fonts.check(`16px ${family}`, link.textContent);
    });
    expect(fits, edition).toBe(true);
  }
});

test('a stored page answers a conditional GET with 304 and no body, and a changed tag with the page', async ({
  request,
}) => {
  const path = storyPath('ar', REFERENCE_SLUG);
  const first = await request.get(path);
  const etag = first.headers()['etag'];
  expect(etag).toMatch(/^W\/"[\w-]{27}"$/);
  const again = await request.get(path);
  expect(again.headers()['etag']).toBe(etag);
  const unchanged = await request.get(path, { headers: { 'if-none-match': etag } });
  expect(unchanged.status()).toBe(304);
  expect((await unchanged.body()).length).toBe(0);
  expect(unchanged.headers()['etag']).toBe(etag);
  expect(unchanged.headers()['cache-control']).toBe(first.headers()['cache-control']);
  const changed = await request.get(path, { headers: { 'if-none-match': 'W/"an-older-version"' } });
  expect(changed.status()).toBe(200);
  expect((await changed.text()).length).toBe((await first.text()).length);
  const forced = await request.get(path, { headers: { 'if-none-match': etag, 'cache-control': 'no-cache' } });
  expect(forced.status()).toBe(200);
});
