import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { editions, locales } from '../../lib/locales';
import { startSahifa, stop, type Proc } from './processes';
import { REFERENCE_SLUG, saveScreenshot, storyPath } from './support';

/**
 * A page that throws on the server: a server of this build whose story index fails while the file
 * tests/e2e/faults/story-index-fails.cjs watches for exists, as a disk error would. Readers get their
 * edition's error page with status 500, in full without JavaScript; pages already cached keep serving;
 * and the site recovers when the fault is gone.
 */
test.describe.configure({ mode: 'default' });

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-fault-'));
const faultFile = path.join(scratch, 'index-fails');
let server: { base: string; proc: Proc } | undefined;

const messages = (locale: string) => JSON.parse(fs.readFileSync(`messages/${locale}.json`, 'utf8'));
const searchPath = (locale: string) => `/${locale}/search?q=${encodeURIComponent('test')}`;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  const started = await startSahifa({
    CONTENT_INDEX_FILE: path.join(scratch, 'index.sqlite'),
    SAHIFA_FAULT_FILE: faultFile,
    NODE_OPTIONS: `--require ${path.resolve('tests/e2e/faults/story-index-fails.cjs')}`,
  });
  await started.ready;
  server = started;
  // Cached before the fault: these must keep serving through it.
  for (const locale of locales)
    expect((await fetch(`${server.base}${storyPath(locale, REFERENCE_SLUG)}`)).status).toBe(200);
  fs.writeFileSync(faultFile, '');
});

test.afterAll(() => {
  stop(server?.proc);
  fs.rmSync(scratch, { recursive: true, force: true });
});

for (const locale of locales) {
  test(`${locale}: a page that fails on the server is the edition's error page, 500, without JavaScript`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 412, height: 900 } });
    const page = await context.newPage();
    const response = await page.goto(`${server!.base}${searchPath(locale)}`);
    expect(response!.status()).toBe(500);
    expect(response!.headers()['cache-control']).toContain('no-store');
    const t = messages(locale);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expect(page.locator('html')).toHaveAttribute('dir', editions[locale].dir);
    await expect(page.locator('h1')).toHaveText(t.errors.serverTitle);
    await expect(page.locator('main')).toContainText(t.errors.serverBody);
    await expect(page).toHaveTitle(t.errors.serverTitle);
    // The edition's own header: its name, its sections, and the other editions.
    await expect(page.locator('header').getByRole('link', { name: t.site.name })).toHaveAttribute('href', `/${locale}`);
    await expect(page.getByRole('navigation', { name: t.site.mainNav }).getByRole('link')).toHaveCount(
      Object.keys(t.sections).length,
    );
    for (const other of locales.filter((l) => l !== locale))
      await expect(page.locator(`header a[hreflang="${other}"]`)).toHaveText(editions[other].ownName);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
    // "Try again" is this very address.
    expect(await page.getByRole('link', { name: t.errors.retry }).evaluate((a) => (a as HTMLAnchorElement).href)).toBe(
      `${server!.base}${searchPath(locale)}`,
    );
    if (locale !== 'en') await saveScreenshot(page, `server-error-${locale}`, false);
    await context.close();
  });

  test(`${locale}: the story cached before the fault still serves, and a HEAD of a failing page is a bodiless 500`, async () => {
    expect((await fetch(`${server!.base}${storyPath(locale, REFERENCE_SLUG)}`)).status).toBe(200);
    const head = await fetch(`${server!.base}${searchPath(locale)}`, { method: 'HEAD' });
    expect(head.status).toBe(500);
    expect(await head.text()).toBe('');
  });
}

test('the error page at its own address answers as what it is: 500, never cached', async () => {
  for (const locale of locales) {
    const response = await fetch(`${server!.base}/${locale}/server-error`);
    expect(response.status).toBe(500);
    expect(response.headers.get('cache-control')).toContain('no-store');
    expect(await response.text()).toContain(`<html lang="${locale}"`);
  }
});

test('the site recovers as soon as the store does', async () => {
  fs.rmSync(faultFile, { force: true });
  for (const locale of locales) expect((await fetch(`${server!.base}${searchPath(locale)}`)).status).toBe(200);
  fs.writeFileSync(faultFile, '');
});
