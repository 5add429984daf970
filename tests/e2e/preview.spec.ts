import fs from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { Locale } from '../../lib/locales';
import { previewQuery, type PreviewTarget } from '../../lib/preview';
import { sections } from '../../lib/sections';
import { REFERENCE_SLUG, content, storyPath } from './support';

const SECRET = process.env.PREVIEW_SECRET ?? '';
test.skip(!SECRET, 'PREVIEW_SECRET is set by scripts/test.sh for the server under test');

const now = () => Math.floor(Date.now() / 1000);
const messages = (locale: Locale) => JSON.parse(fs.readFileSync(`messages/${locale}.json`, 'utf8'));
// Tests running in parallel must not see each other's edits: these two drafts belong to the tests that change them.
const PUBLISHED_BY_TEST = 'publish-me';
const EDITED_BY_TEST = 'edit-me';
const drafts = content.allDrafts().filter((draft) => ![PUBLISHED_BY_TEST, EDITED_BY_TEST].includes(draft.slug));
const arabicDraft = drafts.find((draft) => draft.locale === 'ar')!;

function link(target: Partial<PreviewTarget> = {}, secret = SECRET) {
  const full: PreviewTarget = { slug: arabicDraft.slug, locale: 'ar', expiresAt: now() + 3600, ...target };
  return `/api/preview?${previewQuery(full, secret)}`;
}

async function startPreview(page: Page, target: Partial<PreviewTarget> = {}) {
  const response = await page.goto(link(target));
  expect(response?.status()).toBe(200);
  return response!;
}

test.describe('an editor previews a draft', () => {
  for (const draft of drafts) {
    test(`${draft.locale}/${draft.slug}: link, banner, the page as it will go live, the share panel, exit`, async ({
      page,
      context,
    }) => {
      await startPreview(page, { slug: draft.slug, locale: draft.locale });
      await expect(page).toHaveURL(new RegExp(`${storyPath(draft.locale, draft.slug)}$`));
      const banner = page.locator('[data-preview-banner]');
      await expect(banner).toBeVisible();
      await expect(banner).toContainText(messages(draft.locale).preview.banner);
      await expect(page.locator('h1')).toHaveText(draft.title);
      await expect(page.locator('[data-share]').first()).toBeVisible();
      await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);

      const ogImage = (await page.locator('meta[property="og:image"]').getAttribute('content'))!;
      const panel = page.locator('[data-share-preview]');
      await expect(panel.locator('figure')).toHaveCount(3);
      for (const platform of ['x', 'facebook', 'whatsapp']) {
        const card = panel.locator(`figure[data-platform="${platform}"]`);
        await expect(card).toContainText(draft.title);
        const img = card.locator('img');
        expect(
          new URL((await img.getAttribute('src'))!, 'http://x').pathname +
            new URL((await img.getAttribute('src'))!, 'http://x').search,
        ).toBe(new URL(ogImage).pathname + new URL(ogImage).search);
        await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(1200);
      }

      const cookies = await context.cookies();
      for (const name of ['__prerender_bypass', 'sahifa_preview']) {
        const cookie = cookies.find((c) => c.name === name)!;
        expect(cookie, name).toBeTruthy();
        expect(cookie.httpOnly).toBe(true);
        expect(cookie.sameSite).toBe('Lax');
        expect(cookie.secure).toBe(false);
        expect(cookie.expires).toBeGreaterThan(now());
      }

      await banner.getByRole('link', { name: messages(draft.locale).preview.exit }).click();
      await expect(page).toHaveURL(new RegExp(`/${draft.locale}$`));
      expect(
        (await context.cookies()).filter((c) => ['__prerender_bypass', 'sahifa_preview'].includes(c.name)),
      ).toEqual([]);
      expect((await page.goto(storyPath(draft.locale, draft.slug)))?.status()).toBe(404);
    });
  }

  test('an edit to the draft file shows on reload', async ({ page }) => {
    test.skip(!process.env.CONTENT_DIR, 'needs the content folder of the server under test');
    const draft = content.allDrafts().find((story) => story.slug === EDITED_BY_TEST)!;
    const file = `${process.env.CONTENT_DIR}/stories/${draft.slug}/ar.md`;
    const original = fs.readFileSync(file, 'utf8');
    try {
      await startPreview(page, { slug: draft.slug });
      await expect(page.locator('h1')).toHaveText(draft.title);
      const edited = `${draft.title} (مُعدّل)`;
      fs.writeFileSync(file, original.replace(/^title: .*$/m, `title: ${JSON.stringify(edited)}`));
      await page.reload();
      await expect(page.locator('h1')).toHaveText(edited);
    } finally {
      fs.writeFileSync(file, original);
    }
  });

  test('the editors list shows every draft with a working link, and the content problems', async ({ page }) => {
    await startPreview(page);
    await page.goto('/ar/preview');
    for (const draft of content.allDrafts())
      await expect(page.locator(`[data-draft="${draft.slug}"]`).first()).toBeVisible();
    const problems = page.locator('[data-problems]');
    for (const problem of content.problems)
      await expect(problems).toContainText(`${problem.field}: ${problem.message}`);
    const href = (await page
      .locator(`[data-draft="${arabicDraft.slug}"][lang="ar"] a`, { hasText: 'افتح المعاينة' })
      .getAttribute('href'))!;
    expect(href).toMatch(/^\/api\/preview\?slug=/);
    // The list's links end with the session that shows them: a session cannot renew itself.
    const session = (await page.context().cookies()).find((c) => c.name === 'sahifa_preview')!;
    expect(Number(new URLSearchParams(href.split('?')[1]).get('exp'))).toBe(Number(session.value.split('.')[0]));
    await page.goto(href);
    await expect(page.locator('h1')).toHaveText(arabicDraft.title);
  });

  test('everything served in preview is private, uncached and not indexed', async ({ page, context }) => {
    await startPreview(page);
    const request = context.request;
    const ogImage = (await page.locator('meta[property="og:image"]').getAttribute('content'))!;
    for (const url of [
      storyPath('ar', arabicDraft.slug),
      new URL(ogImage).pathname + new URL(ogImage).search,
      '/ar/preview',
      storyPath('ar', REFERENCE_SLUG),
      '/ar',
    ]) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(200);
      expect(response.headers()['cache-control'], url).toMatch(/private/);
      expect(response.headers()['cache-control'], url).toMatch(/no-store/);
      expect(response.headers()['x-robots-tag'], url).toBe('noindex');
    }
    expect((await request.get(storyPath('ar', 'no-such-story-at-all'))).status()).toBe(404);
  });
});

test.describe('nothing leaks without a valid preview session', () => {
  /** A 404 as a reader sees it: status, caching and text, with the requested path taken out of the body. */
  /**
   * The page's HTML and its RSC payload. The payload's rows are compared as a set: React streams them
   * as each part resolves, so their order varies from one render to the next, whatever the page; so does where the
   * stream is cut into script chunks, so the empty rows a cut leaves are not compared.
   */
  async function notFoundShape(request: APIRequestContext, path: string, requestedSlug: string) {
    const response = await request.get(path, { maxRedirects: 0 });
    const body = (await response.text())
      .replaceAll(encodeURIComponent(requestedSlug), 'SLUG')
      .replaceAll(requestedSlug, 'SLUG');
    const flight = /<script>self\.__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)<\/script>/g;
    const rows = [...body.matchAll(flight)]
      .flatMap((match) => (JSON.parse(match[1]) as string).split('\n'))
      .filter(Boolean)
      .sort();
    return {
      status: response.status(),
      cacheControl: response.headers()['cache-control'],
      contentType: response.headers()['content-type'],
      body: body.replace(flight, ''),
      rows,
    };
  }

  test('a draft, its share image and the editors list answer exactly like things that do not exist', async ({
    request,
  }) => {
    const missing = 'no-such-story-at-all';
    for (const draft of drafts) {
      const page = await notFoundShape(request, storyPath(draft.locale, draft.slug), draft.slug);
      const unknown = await notFoundShape(request, storyPath(draft.locale, missing), missing);
      expect(page.status).toBe(404);
      expect(page).toEqual(unknown);
      expect(page.body).not.toContain(draft.title);
      expect(page.body).not.toContain(draft.summary);

      const image = await request.get(`${storyPath(draft.locale, draft.slug)}/opengraph-image`);
      const unknownImage = await request.get(`${storyPath(draft.locale, missing)}/opengraph-image`);
      expect(image.status()).toBe(404);
      expect(image.status()).toBe(unknownImage.status());
      expect(image.headers()['content-type']).toBe(unknownImage.headers()['content-type']);
      expect(await image.text()).toBe(await unknownImage.text());
    }
    const list = await notFoundShape(request, '/ar/preview', 'preview');
    const unknownPage = await notFoundShape(request, '/ar/no-such-page', 'no-such-page');
    expect(list.status).toBe(404);
    expect(list).toEqual(unknownPage);
    const unknownStory = await notFoundShape(request, storyPath('ar', missing), missing);
    expect({ ...list, body: undefined, rows: undefined }).toEqual({
      ...unknownStory,
      body: undefined,
      rows: undefined,
    });
  });

  test('Draft Mode alone, or a forged or expired session, shows nothing', async ({ page, context, baseURL }) => {
    await startPreview(page);
    const bypass = (await context.cookies()).find((c) => c.name === '__prerender_bypass')!;
    for (const session of [
      undefined,
      'garbage',
      `${now() - 10}.${'0'.repeat(64)}`,
      `${now() + 3600}.${'a'.repeat(64)}`,
    ]) {
      await context.clearCookies();
      await context.addCookies([{ name: bypass.name, value: bypass.value, url: baseURL! }]);
      if (session) await context.addCookies([{ name: 'sahifa_preview', value: session, url: baseURL! }]);
      const response = await page.goto(storyPath('ar', arabicDraft.slug));
      expect(response?.status(), String(session)).toBe(404);
      await expect(page.locator('body')).not.toContainText(arabicDraft.title);
      expect((await page.goto('/ar/preview'))?.status()).toBe(404);
    }
  });

  test('drafts are absent from home, sections and related stories', async ({ request }) => {
    const pages = ['/ar', '/en', ...sections.flatMap((s) => [`/ar/section/${s}`, `/en/section/${s}`])];
    pages.push(...content.allPublished('ar').map((story) => storyPath('ar', story.slug)));
    for (const path of pages) {
      const html = await (await request.get(path)).text();
      for (const draft of content.allDrafts()) {
        expect(html, `${path} mentions ${draft.slug}`).not.toContain(encodeURIComponent(draft.slug));
        expect(html, `${path} mentions ${draft.slug}`).not.toContain(draft.title);
      }
    }
  });
});

test.describe('bad preview links are refused cleanly', () => {
  const good = () => link();
  const replace = (url: string, key: string, value: string) =>
    url.replace(new RegExp(`${key}=[^&]*`), `${key}=${value}`);

  test('expired, tampered, foreign, malformed, published or unknown: 401, one short page, no session', async ({
    request,
  }) => {
    const published = content.allPublished('ar')[0];
    const cases: Record<string, string> = {
      expired: link({ expiresAt: now() - 1 }),
      'tampered slug': replace(good(), 'slug', encodeURIComponent(REFERENCE_SLUG)),
      'tampered expiry': replace(good(), 'exp', String(now() + 7200)),
      'wrong secret': link({}, 'not-the-secret'),
      'missing parameter': good().replace(/&sig=[^&]*/, ''),
      'repeated parameter': `${good()}&slug=${arabicDraft.slug}`,
      // Under the server's URL limit (longer gets 414 before the route, tests/e2e/security.spec.ts).
      'oversized parameter': replace(good(), 'slug', 'a'.repeat(3000)),
      'non-UTF-8 slug': replace(good(), 'slug', '%FF%FE%FD'),
      'published story': link({ slug: published.slug }),
      'unknown draft': link({ slug: 'no-such-draft' }),
      'no parameters': '/api/preview',
    };
    const bodies = new Set<string>();
    for (const [name, url] of Object.entries(cases)) {
      const response = await request.get(url, { maxRedirects: 0 });
      expect(response.status(), name).toBe(401);
      expect(response.headers()['set-cookie'], name).toBeUndefined();
      expect(response.headers()['location'], name).toBeUndefined();
      expect(response.headers()['cache-control'], name).toBe('private, no-store');
      const body = await response.text();
      expect(body, name).toContain('رابط المعاينة غير صالح');
      expect(body, name).not.toMatch(/at \w+ \(|Error:|node_modules/);
      bodies.add(body);
    }
    expect(bodies.size, 'the same page whatever the reason').toBe(1);
  });

  test('the refusal page speaks the language of the link', async ({ request }) => {
    for (const url of [link({ locale: 'en', expiresAt: now() - 1 }), replace(good(), 'locale', 'en')]) {
      const response = await request.get(url, { maxRedirects: 0 });
      expect(response.status()).toBe(401);
      expect(await response.text()).toContain('This preview link is not valid');
    }
  });

  test('a redirect target smuggled into the link is ignored', async ({ request }) => {
    for (const extra of [
      'next=//evil.example',
      'redirect=https%3A%2F%2Fevil.example%2F',
      'url=%2F%2Fevil.example',
      'next=%2Fen%2Fnews%2Fx',
    ]) {
      const response = await request.get(`${good()}&${extra}`, { maxRedirects: 0 });
      expect(response.status(), extra).toBe(303);
      expect(response.headers()['location'], extra).toBe(storyPath('ar', arabicDraft.slug));
    }
  });

  test('refusals are logged, and the secret never is', async ({ request }) => {
    const log = process.env.E2E_SERVER_LOG;
    test.skip(!log || !fs.existsSync(log), 'run through scripts/test.sh to read the server log');
    await request.get(link({ expiresAt: now() - 1 }));
    await expect.poll(() => fs.readFileSync(log!, 'utf8')).toContain('[preview] refused a link: expired');
    expect(fs.readFileSync(log!, 'utf8')).not.toContain(SECRET);
  });
});
