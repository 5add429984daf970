import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { expect, test, type APIResponse, type Page } from '@playwright/test';
import { parse } from 'node-html-parser';
import { previewQuery } from '../../lib/preview';
import { locales, type Locale } from '../../lib/locales';
import { sections } from '../../lib/sections';
import { REFERENCE_SLUG, content, storyPath } from './support';

/** Every kind of response the site makes, each must carry the security headers. */
function responseKinds(locale: Locale) {
  const story = content.latest(locale).items[0];
  return {
    home: `/${locale}`,
    section: `/${locale}/section/${sections[0]}`,
    story: storyPath(locale, story.slug),
    notFound: `/${locale}/news/no-such-story-${Date.now()}`,
    feed: `/${locale}/feed.xml`,
    shareImage: `${storyPath(locale, story.slug)}/opengraph-image`,
    sitemapIndex: '/sitemap.xml',
    sitemap: '/sitemaps/fronts.xml',
    robots: '/robots.txt',
    previewRefused: `/api/preview?slug=${story.slug}&locale=${locale}&exp=1&sig=bad`,
    publishHookRefused: '/api/revalidate',
    badEscape: `/${locale}/news/%AF%4E`,
  };
}

function policies(response: APIResponse): string[] {
  return response
    .headersArray()
    .filter((header) => header.name.toLowerCase() === 'content-security-policy')
    .map((header) => header.value);
}

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name, values]),
  );
}

test.describe('security headers', () => {
  for (const locale of locales) {
    for (const [kind, path] of Object.entries(responseKinds(locale))) {
      test(`${locale} ${kind}: a strict Content-Security-Policy and the usual headers`, async ({ request }) => {
        const method = kind === 'publishHookRefused' ? 'post' : 'get';
        const response = await request[method](path, { maxRedirects: 0 });
        expect(response.status(), path).toBeLessThan(500);
        const [baseline] = policies(response);
        expect(baseline, `${path} has a policy`).toBeTruthy();
        const policy = directives(baseline);
        expect(policy.get('default-src')).toEqual(["'self'"]);
        expect(policy.get('object-src')).toEqual(["'none'"]);
        expect(policy.get('base-uri')).toEqual(["'none'"]);
        expect(policy.get('form-action')).toEqual(["'self'"]);
        expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
        const scripts = policy.get('script-src')!;
        expect(scripts).toContain("'self'");
        for (const forbidden of ["'unsafe-eval'", '*', 'data:', 'http:', 'https:']) expect(scripts).not.toContain(forbidden);
        expect(policy.get('style-src')!.filter((source) => !source.startsWith("'sha256-"))).toEqual(["'self'"]);
        expect(baseline).not.toMatch(/(^|\s)\*(\s|;|$)/);

        const headers = response.headers();
        expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
        expect(headers['permissions-policy']).toMatch(/camera=\(\)/);
        expect(headers['x-content-type-options']).toBe('nosniff');
        expect(headers['x-frame-options']).toBe('DENY');
        // The suite serves plain http: HSTS is for https only.
        expect(headers['strict-transport-security']).toBeUndefined();
      });
    }
  }

  test('a page from the cache allows exactly its own inline scripts, by hash', async ({ request }) => {
    for (const locale of locales) {
      const path = storyPath(locale, content.latest(locale).items[0].slug);
      await request.get(path);
      const response = await request.get(path);
      expect(response.headers()['x-nextjs-cache']).toMatch(/HIT|STALE/);
      const pagePolicy = policies(response).find((policy) => !policy.includes('default-src'));
      expect(pagePolicy, `${path} carries its own script policy`).toBeTruthy();
      const listed = directives(pagePolicy!).get('script-src')!;
      expect(listed).not.toContain("'unsafe-inline'");
      const inline = parse(await response.text())
        .querySelectorAll('script:not([src])')
        .filter((script) => !/json/.test(script.getAttribute('type') ?? ''))
        .map((script) => `'sha256-${createHash('sha256').update(script.rawText).digest('base64')}'`);
      expect(inline.length).toBeGreaterThan(0);
      expect(new Set(listed.filter((source) => source.startsWith("'sha256-")))).toEqual(new Set(inline));
    }
  });
});

/** Violations the page reports, collected from the document's own event and from the console. */
async function watchViolations(page: Page) {
  const console: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.defineProperty(window, '__cspViolations', { value: seen });
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return async () => [...console, ...(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations))];
}

test.describe('pages work in Chromium under the policy', () => {
  for (const locale of locales) {
    const kinds = responseKinds(locale);
    for (const kind of ['home', 'section', 'story', 'notFound'] as const) {
      test(`${locale} ${kind}: no violation, scripts run`, async ({ page }) => {
        const violations = await watchViolations(page);
        await page.goto(kinds[kind]);
        await page.waitForLoadState('networkidle');
        // Hydration ran: React has attached to the document (the app router sets this global).
        expect(await page.evaluate(() => 'next' in window)).toBe(true);
        expect(await violations()).toEqual([]);
      });
    }

    test(`${locale}: the share dialog opens and copies under the policy`, async ({ page }) => {
      const violations = await watchViolations(page);
      await page.addInitScript(() => {
        Object.defineProperty(Navigator.prototype, 'share', { value: undefined, configurable: true });
      });
      await page.goto(storyPath(locale, REFERENCE_SLUG));
      await page.locator('[data-share] summary').first().click();
      await expect(page.locator('dialog[open]')).toBeVisible();
      expect(await violations()).toEqual([]);
    });
  }

  test('the editors’ preview, with its share panel, under the policy', async ({ page }) => {
    test.skip(!process.env.PREVIEW_SECRET, 'PREVIEW_SECRET is set by scripts/test.sh');
    const draft = content.allDrafts().find((story) => !['publish-me', 'edit-me'].includes(story.slug))!;
    const violations = await watchViolations(page);
    const query = previewQuery({ slug: draft.slug, locale: draft.locale, expiresAt: Math.floor(Date.now() / 1000) + 600 }, process.env.PREVIEW_SECRET!);
    const response = await page.goto(`/api/preview?${query}`);
    expect(response?.status()).toBe(200);
    await expect(page.locator('[data-preview-banner]')).toBeVisible();
    const panelImages = page.locator('[data-share-preview] img');
    await expect(panelImages.first()).toBeVisible();
    expect(await panelImages.first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await violations()).toEqual([]);
  });
});

test.describe('requests no page could serve get a 4xx', () => {
  for (const path of ['/ar/news/%AF%4E', '/%', '/en/news/%E0%A4%A', '/ar/%FF', '/ar/news/%C0%AF', '/_next/static/%FF', '/api/preview/%ED%A0%80']) {
    test(`a path that does not decode, ${path}: 400 in every edition's words`, async ({ request }) => {
      const response = await request.get(path);
      expect(response.status()).toBe(400);
      expect(response.headers()['content-type']).toMatch(/^text\/plain/);
      const body = await response.text();
      for (const locale of locales) expect(body).toContain(JSON.parse(fs.readFileSync(`messages/${locale}.json`, 'utf8')).errors.badRequest);
    });
  }

  const methods = [
    { path: '/ar', allowed: ['GET', 'HEAD'] },
    { path: '/en/feed.xml', allowed: ['GET', 'HEAD'] },
    { path: `${storyPath('ar', REFERENCE_SLUG)}/opengraph-image`, allowed: ['GET', 'HEAD'] },
    { path: '/api/preview', allowed: ['GET', 'HEAD'] },
    { path: '/api/revalidate', allowed: ['POST'] },
  ];
  for (const { path, allowed } of methods) {
    test(`${path}: other methods than ${allowed.join(', ')} get 405 with Allow, the allowed ones reach the route`, async ({ request }) => {
      for (const method of ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND']) {
        const response = await request.fetch(path, { method, maxRedirects: 0 });
        if (allowed.includes(method)) {
          expect(response.status(), `${method} ${path}`).not.toBe(405);
          expect(response.status(), `${method} ${path}`).toBeLessThan(500);
        } else {
          expect(response.status(), `${method} ${path}`).toBe(405);
          expect(response.headers().allow).toBe(allowed.join(', '));
        }
      }
    });
  }

  test('an overlong URL gets 414, an oversized header 431', async ({ request }) => {
    expect((await request.get(`/ar/news/${'a'.repeat(5000)}`)).status()).toBe(414);
    expect((await request.get('/ar', { headers: { cookie: `c=${'x'.repeat(20_000)}` } })).status()).toBe(431);
  });
});

test.describe('the cache cannot be poisoned or made to render on demand', () => {
  for (const locale of locales) {
    test(`${locale}: forged Host and X-Forwarded-* headers change no URL in a page, a feed or a redirect`, async ({ request, baseURL }) => {
      const forged = { 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'https', Forwarded: 'host=evil.example' };
      const story = storyPath(locale, content.latest(locale).items[0].slug);
      for (const path of [story, `/${locale}`, `/${locale}/feed.xml`, '/sitemap.xml']) {
        const response = await request.get(path, { headers: forged });
        expect(response.status(), path).toBe(200);
        const body = await response.text();
        expect(body, path).not.toContain('evil.example');
        expect(body, path).toContain(new URL(baseURL!).host);
      }
      const redirect = await request.get(`/${locale}/section/${sections[0]}/page/1`, { headers: forged, maxRedirects: 0 });
      expect(redirect.status()).toBe(308);
      expect(redirect.headers().location).toBe(`/${locale}/section/${sections[0]}`);
    });
  }

  test('a share image asked for with any query string comes from the cache, not a new render', async ({ request }) => {
    const card = `${storyPath('ar', REFERENCE_SLUG)}/opengraph-image`;
    await request.get(card);
    for (let i = 0; i < 10; i++) {
      const response = await request.get(`${card}?v=${Math.random().toString(36).slice(2)}&w=${i}`);
      expect(response.status()).toBe(200);
      expect(response.headers()['x-nextjs-cache']).toMatch(/HIT|STALE/);
    }
  });
});
