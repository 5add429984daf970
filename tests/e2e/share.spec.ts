import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import { locales, type Locale } from '../../lib/locales';
import { REFERENCE_SLUG, content, saveScreenshot, storyPath } from './support';

/** The share control's words in an edition, as its messages file has them. */
function labelsOf(locale: Locale) {
  const { share } = JSON.parse(fs.readFileSync(`messages/${locale}.json`, 'utf8'));
  return {
    share: share.button,
    close: share.close,
    copy: share.copy,
    copied: share.copied,
    whatsapp: share.labels.whatsapp,
    telegram: share.labels.telegram,
  };
}
const labels = Object.fromEntries(locales.map((locale) => [locale, labelsOf(locale)])) as Record<
  Locale,
  ReturnType<typeof labelsOf>
>;

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

for (const locale of locales) {
  const story = () => content.story(locale, REFERENCE_SLUG)!;

  test(`${locale}: every share link reaches its platform's form, with the canonical URL, its source and the title`, async ({
    page,
    request,
  }) => {
    await page.goto(storyPath(locale, REFERENCE_SLUG));
    const canonical = await canonicalOf(page);
    const links = page.locator('[data-share]').first().locator('details a[data-platform]');
    const hrefs = Object.fromEntries(
      await links.evaluateAll((as) => as.map((a) => [a.getAttribute('data-platform'), a.getAttribute('href')!])),
    ) as Record<string, string>;
    const { title } = story();
    // Web platforms: a short link to the story's share redirect, which answers with the platform's form.
    const targets: Record<string, string> = {};
    for (const platform of ['whatsapp', 'telegram', 'x', 'facebook', 'linkedin', 'email']) {
      expect(hrefs[platform]).toBe(`${storyPath(locale, REFERENCE_SLUG)}/share/${platform}`);
      const response = await request.get(hrefs[platform], { maxRedirects: 0 });
      expect(response.status(), platform).toBe(302);
      expect(response.headers()['cache-control']).toBe('public, max-age=300');
      expect(response.headers()['x-robots-tag']).toBe('noindex');
      targets[platform] = response.headers()['location'];
    }
    const query = (href: string) => Object.fromEntries(new URL(href).searchParams);
    expect(new URL(targets.whatsapp).origin + new URL(targets.whatsapp).pathname).toBe('https://wa.me/');
    expect(query(targets.whatsapp)).toEqual({ text: `${title}\n${tracked(canonical, 'whatsapp')}` });
    expect(targets.telegram.startsWith('https://t.me/share/url?')).toBe(true);
    expect(query(targets.telegram)).toEqual({ url: tracked(canonical, 'telegram'), text: title });
    expect(targets.x.startsWith('https://x.com/intent/tweet?')).toBe(true);
    expect(query(targets.x)).toEqual({ url: tracked(canonical, 'x'), text: title });
    expect(targets.facebook.startsWith('https://www.facebook.com/sharer/sharer.php?')).toBe(true);
    expect(query(targets.facebook)).toEqual({ u: tracked(canonical, 'facebook') });
    expect(targets.linkedin.startsWith('https://www.linkedin.com/sharing/share-offsite/?')).toBe(true);
    expect(query(targets.linkedin)).toEqual({ url: tracked(canonical, 'linkedin') });
    // Email opens the mail app with the headline and the tracked URL.
    expect(targets.email.startsWith('mailto:?')).toBe(true);
    const mail = new URLSearchParams(targets.email.slice('mailto:?'.length));
    expect(mail.get('subject')).toBe(title);
    expect(mail.get('body')).toBe(tracked(canonical, 'email', 'email'));
    expect(canonical).not.toContain('utm_');
  });

  test(`${locale}: the share control further down opens the same sheet, and without JavaScript leads to the first one`, async ({
    page,
    browser,
    baseURL,
  }) => {
    await withoutWebShare(page);
    await page.goto(storyPath(locale, REFERENCE_SLUG));
    const later = page.locator('[data-share]').nth(1);
    await expect(later.locator('details')).toHaveCount(0);
    await later.getByRole('link', { name: labels[locale].share }).click();
    await expect(page.locator('dialog[open]')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(later.getByRole('link', { name: labels[locale].share })).toBeFocused();

    const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
    const plain = await context.newPage();
    await plain.goto(storyPath(locale, REFERENCE_SLUG));
    await plain.locator('[data-share]').nth(1).getByRole('link', { name: labels[locale].share }).click();
    await expect(plain).toHaveURL(/#share$/);
    await expect(plain.locator('[data-share]').first().locator('details#share')).toBeInViewport();
    await context.close();
  });

  test(`${locale}: the share redirect answers 404 for what is not a published story's platform`, async ({
    request,
  }) => {
    for (const path of [
      `${storyPath(locale, REFERENCE_SLUG)}/share/myspace`,
      `${storyPath(locale, 'no-such-story')}/share/whatsapp`,
      `${storyPath(locale, 'draft-city-rooftop-gardens')}/share/whatsapp`,
    ]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(404);
    }
  });

  test(`${locale}: with JavaScript off, WhatsApp and Telegram are one tap and the rest open without script`, async ({
    browser,
    baseURL,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
    const page = await context.newPage();
    await page.goto(storyPath(locale, REFERENCE_SLUG));
    const share = page.locator('[data-share]').first();
    await expect(share.getByRole('link', { name: labels[locale].whatsapp }).last()).toBeVisible();
    await expect(share.getByRole('link', { name: labels[locale].telegram }).last()).toBeVisible();
    await expect(share.getByRole('link', { name: labels[locale].whatsapp }).last()).toHaveAttribute(
      'href',
      `${storyPath(locale, REFERENCE_SLUG)}/share/whatsapp`,
    );
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
    await dialog.getByRole('button', { name: labels[locale].copy }).click();
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
    await dialog.getByRole('button', { name: labels[locale].copy }).click();
    const field = dialog.locator('input[readonly]');
    await expect(field).toBeFocused();
    expect(
      await field.evaluate((input: HTMLInputElement) => input.value.slice(input.selectionStart!, input.selectionEnd!)),
    ).toBe(tracked(canonical, 'copy_link'));
    await expect(dialog.getByRole('status')).not.toHaveText('');
  });

  test(`${locale}: where the Web Share API can share, the device's sheet gets title, summary and URL`, async ({
    page,
  }) => {
    await page.addInitScript(() => {
      const shared: unknown[] = [];
      (window as unknown as { __shared: unknown[] }).__shared = shared;
      Object.defineProperty(Navigator.prototype, 'canShare', { value: () => true, configurable: true });
      Object.defineProperty(Navigator.prototype, 'share', {
        value: (data: unknown) => (shared.push(data), Promise.resolve()),
        configurable: true,
      });
    });
    await page.goto(storyPath(locale, REFERENCE_SLUG));
    const canonical = await canonicalOf(page);
    await page.locator('[data-share] summary').first().click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __shared: unknown[] }).__shared))
      .toEqual([{ title: story().title, text: story().summary, url: tracked(canonical, 'native') }]);
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
