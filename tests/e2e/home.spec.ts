import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { editions, locales } from '../../lib/locales';
import { content, storyPath } from './support';

for (const locale of locales) {
  test(`home in ${locale}: lead story, latest stories, header, footer, skip link and landmarks`, async ({ page }) => {
    const response = await page.goto(`/${locale}`);
    expect(response?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('dir', editions[locale].dir);
    const newest = content.latest(locale, 0, 2).items;
    const leadLink = page.locator('#lead-heading ~ article h3 a, section[aria-labelledby="lead-heading"] h3 a').first();
    await expect(leadLink).toHaveAttribute('href', storyPath(locale, newest[0].slug));
    await expect(page.locator('section[aria-labelledby="latest-heading"] h3 a').first()).toHaveAttribute(
      'href',
      storyPath(locale, newest[1].slug),
    );
    for (const draft of content.allDrafts()) {
      await expect(page.locator(`a[href="${storyPath(locale, draft.slug)}"]`)).toHaveCount(0);
    }
    await expect(page.getByRole('banner')).toBeVisible();
    await expect(page.getByRole('main')).toBeVisible();
    await expect(page.getByRole('contentinfo')).toBeVisible();
    const t = JSON.parse(fs.readFileSync(`messages/${locale}.json`, 'utf8'));
    await expect(page.getByRole('navigation', { name: t.site.mainNav })).toBeVisible();
    await expect(page.getByRole('navigation', { name: t.language.editions })).toBeVisible();

    await page.keyboard.press('Tab');
    const skip = page.locator('a[href="#main"]');
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.locator('#main')).toBeFocused();
  });
}

test('/ sends a reader to an edition: Arabic by default, another edition when the browser asks for its language', async ({
  playwright,
  baseURL,
}) => {
  const request = await playwright.request.newContext({ baseURL });
  const arabic = await request.get('/', { maxRedirects: 0 });
  expect(arabic.status()).toBeGreaterThanOrEqual(300);
  expect(arabic.status()).toBeLessThan(400);
  expect(new URL(arabic.headers()['location'], 'http://x').pathname).toBe('/ar');
  for (const [acceptLanguage, edition] of [
    ['en-US,en;q=0.9', 'en'],
    ['fa-IR,fa;q=0.9,en;q=0.5', 'fa'],
    ['fr-FR,fr;q=0.9', 'ar'],
  ]) {
    const reader = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { 'accept-language': acceptLanguage },
    });
    const answer = await reader.get('/', { maxRedirects: 0 });
    expect(new URL(answer.headers()['location'], 'http://x').pathname, acceptLanguage).toBe(`/${edition}`);
  }
});
