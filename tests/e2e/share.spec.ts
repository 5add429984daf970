import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { REFERENCE_SLUG, content, saveScreenshot, storyPath } from './support';

const labels = {
  ar: { share: 'شارك القصة', close: 'إغلاق', copied: 'تم نسخ الرابط', whatsapp: 'شارك عبر واتساب', telegram: 'شارك عبر تيليغرام' },
  en: { share: 'Share the story', close: 'Close', copied: 'Link copied', whatsapp: 'Share on WhatsApp', telegram: 'Share on Telegram' },
};

/** Headless Chromium may or may not offer the Web Share API; these tests decide which path they test. */
async function withoutWebShare(page: Page) {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'share', { value: undefined, configurable: true });
    Object.defineProperty(Navigator.prototype, 'canShare', { value: undefined, configurable: true });
  });
}

async function canonicalOf(page: Page) {
  return (await page.locator('link[rel="canonical"]').getAttribute('href'))!;
}

function tracked(canonical: string, source: string, medium = 'social') {
  return `${canonical}?utm_source=${source}&utm_medium=${medium}`;
}

async function openDialog(page: Page) {
  const trigger = page.locator('[data-share] summary').first();
  await trigger.click();
  const dialog = page.locator('dialog[open]');
  await expect(dialog).toBeVisible();
  return { trigger, dialog };
}

for (const locale of ['ar', 'en'] as const) {
  const story = () => content.story(locale, REFERENCE_SLUG)!;

  test(`${locale}: every share link matches its platform's format, with the canonical URL, its source and the title`, async ({ page }) => {
    await page.goto(storyPath(locale, REFERENCE_SLUG));
    const canonical = await canonicalOf(page);
    const links = page.locator('[data-share]').first().locator('details a[data-platform]');
    const hrefs = Object.fromEntries(
      await links.evaluateAll((as) => as.map((a) => [a.getAttribute('data-platform'), a.getAttribute('href')!])),
    ) as Record<string, string>;
    const query = (href: string) => Object.fromEntries(new URL(href).searchParams);
    const { title, summary } = story();
    expect(new URL(hrefs.whatsapp).origin + new URL(hrefs.whatsapp).pathname).toBe('https://wa.me/');
    expect(query(hrefs.whatsapp)).toEqual({ text: `${title}\n${tracked(canonical, 'whatsapp')}` });
    expect(hrefs.telegram.startsWith('https://t.me/share/url?')).toBe(true);
    expect(query(hrefs.telegram)).toEqual({ url: tracked(canonical, 'telegram'), text: title });
    expect(hrefs.x.startsWith('https://x.com/intent/tweet?')).toBe(true);
    expect(query(hrefs.x)).toEqual({ url: tracked(canonical, 'x'), text: title });
    expect(hrefs.facebook.startsWith('https://www.facebook.com/sharer/sharer.php?')).toBe(true);
    expect(query(hrefs.facebook)).toEqual({ u: tracked(canonical, 'facebook') });
    expect(hrefs.linkedin.startsWith('https://www.linkedin.com/sharing/share-offsite/?')).toBe(true);
    expect(query(hrefs.linkedin)).toEqual({ url: tracked(canonical, 'linkedin') });
    const mail = new URLSearchParams(hrefs.email.slice('mailto:?'.length));
    expect(mail.get('subject')).toBe(title);
    expect(mail.get('body')).toBe(`${summary}\n\n${tracked(canonical, 'email', 'email')}`);
    expect(canonical).not.toContain('utm_');
  });

  test(`${locale}: with JavaScript off, WhatsApp and Telegram are one tap and the rest open without script`, async ({ browser, baseURL }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
    const page = await context.newPage();
    await page.goto(storyPath(locale, REFERENCE_SLUG));
    const share = page.locator('[data-share]').first();
    await expect(share.getByRole('link', { name: labels[locale].whatsapp }).last()).toBeVisible();
    await expect(share.getByRole('link', { name: labels[locale].telegram }).last()).toBeVisible();
    await expect(share.getByRole('link', { name: labels[locale].whatsapp }).last()).toHaveAttribute('href', /^https:\/\/wa\.me\/\?text=/);
    await share.locator('summary').click();
    for (const platform of ['whatsapp', 'telegram', 'x', 'facebook', 'linkedin', 'email']) {
      await expect(share.locator(`details a[data-platform="${platform}"]`)).toBeVisible();
    }
    await expect(share.locator('details input[readonly]')).toHaveValue(/utm_source=copy_link/);
    await expect(page.locator('dialog')).toHaveCount(0);
    await context.close();
  });

  test(`${locale}: the dialog keeps keyboard focus inside, closes on Esc and gives focus back`, async ({ page }) => {
    await withoutWebShare(page);
    await page.goto(storyPath(locale, REFERENCE_SLUG));
    const trigger = page.locator('[data-share] summary').first();
    await trigger.focus();
    await page.keyboard.press('Enter');
    const dialog = page.locator('dialog[open]');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('heading')).toHaveText(labels[locale].share);
    const stops = await dialog.locator('a[href], button, input').count();
    for (let i = 0; i < stops * 2 + 1; i++) {
      await page.keyboard.press(i % 3 === 2 ? 'Shift+Tab' : 'Tab');
      expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect(page.locator('dialog[open]')).toHaveCount(0);
    await expect(trigger).toBeFocused();

    await trigger.press('Enter');
    await page.locator('dialog[open]').getByRole('button', { name: labels[locale].close }).click();
    await expect(page.locator('dialog[open]')).toHaveCount(0);
    await expect(trigger).toBeFocused();
  });

  test(`${locale}: copy link writes the tracked canonical URL and says so politely`, async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await withoutWebShare(page);
    await page.goto(storyPath(locale, REFERENCE_SLUG));
    const canonical = await canonicalOf(page);
    const { dialog } = await openDialog(page);
    await dialog.getByRole('button', { name: locale === 'ar' ? 'نسخ الرابط' : 'Copy link' }).click();
    const status = dialog.getByRole('status');
    await expect(status).toHaveText(labels[locale].copied);
    await expect(status).toHaveAttribute('aria-live', 'polite');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(tracked(canonical, 'copy_link'));
  });

  test(`${locale}: where the clipboard is refused, the URL is selected in a read-only field`, async ({ page }) => {
    await withoutWebShare(page);
    await page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'clipboard', {
        value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
        configurable: true,
      });
    });
    await page.goto(storyPath(locale, REFERENCE_SLUG));
    const canonical = await canonicalOf(page);
    const { dialog } = await openDialog(page);
    await dialog.getByRole('button', { name: locale === 'ar' ? 'نسخ الرابط' : 'Copy link' }).click();
    const field = dialog.locator('input[readonly]');
    await expect(field).toBeFocused();
    expect(await field.evaluate((input: HTMLInputElement) => input.value.slice(input.selectionStart!, input.selectionEnd!))).toBe(tracked(canonical, 'copy_link'));
    await expect(dialog.getByRole('status')).not.toHaveText('');
  });

  test(`${locale}: where the Web Share API can share, the device's sheet gets title, summary and URL`, async ({ page }) => {
    await page.addInitScript(() => {
      const shared: unknown[] = [];
      (window as unknown as { __shared: unknown[] }).__shared = shared;
      Object.defineProperty(Navigator.prototype, 'canShare', { value: () => true, configurable: true });
      Object.defineProperty(Navigator.prototype, 'share', { value: (data: unknown) => (shared.push(data), Promise.resolve()), configurable: true });
    });
    await page.goto(storyPath(locale, REFERENCE_SLUG));
    const canonical = await canonicalOf(page);
    await page.locator('[data-share] summary').first().click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __shared: unknown[] }).__shared)).toEqual([
      { title: story().title, text: story().summary, url: tracked(canonical, 'native') },
    ]);
    await expect(page.locator('dialog[open]')).toHaveCount(0);
    await expect(page.locator('[data-share] details[open]')).toHaveCount(0);
  });

  test(`${locale}: the open dialog has no axe violations, and is saved as a picture at 390px`, async ({ page }) => {
    await withoutWebShare(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(storyPath(locale, REFERENCE_SLUG));
    await openDialog(page);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.evaluate(() => document.fonts.ready);
    await saveScreenshot(page, `share-dialog-${locale}-390`, false);
  });
}

test('the share control is the only client component on the story page', async ({ request }) => {
  const html = await (await request.get(storyPath('ar', REFERENCE_SLUG))).text();
  // The RSC payload names each client component it references: I[moduleId,[chunks],"ExportName"].
  const clientExports = new Set([...html.matchAll(/I\[\d+,\[[^\]]*\],\\"([^"\\]+)\\"/g)].map((m) => m[1]));
  // Next's own router plumbing is always there; everything else is ours.
  const framework = /^(default|\$\w+|OutletBoundary|MetadataBoundary|ViewportBoundary|RootLayoutBoundary|IconMark)$/;
  expect([...clientExports].filter((name) => !framework.test(name))).toEqual(['ShareControl']);
});

test('an unknown story has no share control', async ({ page }) => {
  const response = await page.goto(storyPath('ar', 'no-such-story'));
  expect(response?.status()).toBe(404);
  await expect(page.locator('[data-share]')).toHaveCount(0);
});
