import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { content, storyPath } from './support';

/**
 * An archive larger than a build: the newest PRERENDER_STORIES stories per edition are built, the
 * rest render on their first request and are cached then; unknown URLs leave nothing behind.
 */
const PRERENDERED = Number(process.env.PRERENDER_STORIES ?? 200);
const DIST = path.join(process.cwd(), '.next');

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

async function get(request: APIRequestContext, url: string) {
  const response = await request.get(url, { maxRedirects: 0 });
  return { status: response.status(), cache: response.headers()['x-nextjs-cache'], body: await response.text() };
}

test('a story older than the prerendered ones renders on its first request, then comes from the cache unchanged', async ({
  request,
}) => {
  const stories = content.allPublished('ar');
  test.skip(stories.length <= PRERENDERED, 'every story is prerendered in this build');
  const oldest = stories.at(-1)!;
  const first = await get(request, storyPath('ar', oldest.slug));
  expect(first.status).toBe(200);
  expect(first.body).toContain(oldest.title.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
  const again = await get(request, storyPath('ar', oldest.slug));
  expect(again.cache).toBe('HIT');
  expect(again.body).toBe(first.body);
  const card = await request.get(`${storyPath('ar', oldest.slug)}/opengraph-image`);
  expect(card.status()).toBe(200);
  expect(card.headers()['content-type']).toBe('image/png');
});

test('only the newest stories are in the build', async () => {
  const built = (locale: string, file: string) =>
    fs.existsSync(path.join(DIST, 'server', 'app', locale, 'news', `${file}.html`));
  const stories = content.allPublished('ar');
  for (const story of stories.slice(0, Math.min(PRERENDERED, stories.length)))
    expect(built('ar', story.slug) || built('ar', encodeURIComponent(story.slug)), story.slug).toBe(true);
  for (const story of stories.slice(PRERENDERED))
    expect(built('ar', story.slug) || built('ar', encodeURIComponent(story.slug)), story.slug).toBe(false);
});

test('a scan of unknown story, card, section and page URLs is answered 404 and grows no cache', async ({ request }) => {
  const run = Math.random().toString(36).slice(2, 8);
  const scanned = [];
  for (let i = 0; i < 150; i++) {
    const token = `scan-${run}-${i}`;
    scanned.push(
      `/ar/news/${token}`,
      `/en/news/${token}/opengraph-image`,
      `/ar/section/${token}`,
      `/en/section/world/page/${700000 + i}`,
    );
  }
  for (let i = 0; i < scanned.length; i += 20) {
    const statuses = await Promise.all(
      scanned.slice(i, i + 20).map(async (url) => (await request.get(url, { maxRedirects: 0 })).status()),
    );
    for (const [j, status] of statuses.entries()) expect(status, scanned[i + j]).toBe(404);
  }
  // A 404 is still the full localized page, with no cache of it kept.
  const miss = await get(request, scanned[0]);
  expect(miss.body).toContain('dir="rtl"');
  expect(miss.cache).not.toBe('HIT');
  // Other tests render real pages meanwhile, so look for the scan's own URLs among the files.
  const written = filesUnder(path.join(DIST, 'server')).filter(
    (file) => file.includes(`scan-${run}`) || /page\/7\d{5}/.test(file),
  );
  expect(written, 'files the scan left in the cache').toEqual([]);
});
