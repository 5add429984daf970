import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { storyPath } from './support';

/**
 * Runs last (its own Playwright project): it publishes a fixture draft by editing its file and
 * calling the hook, which changes what every other test would see.
 */
const SECRET = process.env.REVALIDATE_SECRET ?? '';
const CONTENT_DIR = process.env.CONTENT_DIR ?? '';
test.skip(!SECRET || !CONTENT_DIR, 'REVALIDATE_SECRET and CONTENT_DIR are set by scripts/test.sh');

const SLUG = 'publish-me';
const file = () => path.join(CONTENT_DIR, 'stories', SLUG, 'ar.md');
const auth = { authorization: `Bearer ${SECRET}` };

test('the publish hook refuses callers without the secret, and bodies it cannot use', async ({ request }) => {
  const body = { slugs: [SLUG] };
  expect((await request.post('/api/revalidate', { data: body })).status()).toBe(401);
  expect((await request.post('/api/revalidate', { data: body, headers: { authorization: 'Bearer wrong' } })).status()).toBe(401);
  expect((await request.post('/api/revalidate', { data: body, headers: { authorization: SECRET } })).status()).toBe(401);
  for (const bad of ['not json', '{}', '{"slugs": []}', '{"slugs": "publish-me"}', '{"slugs": ["../etc"]}', '{"slugs": [42]}']) {
    const response = await request.post('/api/revalidate', { data: bad, headers: { ...auth, 'content-type': 'application/json' } });
    expect(response.status(), bad).toBe(400);
  }
  expect((await request.get('/api/revalidate')).status()).toBe(405);
});

test('a 10 MB body and 10,000 slugs are refused quickly, and the server keeps serving', async ({ request }) => {
  const started = Date.now();
  const huge = await request.post('/api/revalidate', { data: 'x'.repeat(10 * 1024 * 1024), headers: { ...auth, 'content-type': 'application/json' } });
  expect(huge.status()).toBe(413);
  const many = await request.post('/api/revalidate', { data: { slugs: Array.from({ length: 10_000 }, (_, i) => `s${i}`) }, headers: auth });
  expect([400, 413]).toContain(many.status());
  expect(Date.now() - started).toBeLessThan(10_000);
  expect((await request.get('/ar')).status()).toBe(200);
});

test('a draft whose file turns to published appears on the site after one hook call, without a rebuild', async ({ request }) => {
  const original = fs.readFileSync(file(), 'utf8');
  try {
    expect((await request.get(storyPath('ar', SLUG))).status()).toBe(404);
    fs.writeFileSync(file(), original.replace(/^status: draft$/m, 'status: published'));
    expect((await request.get(storyPath('ar', SLUG))).status(), 'nothing changes before the hook').toBe(404);

    const hook = await request.post('/api/revalidate', { data: { slugs: [SLUG] }, headers: auth });
    expect(hook.status()).toBe(200);
    expect((await hook.json()).stories).toEqual([{ slug: SLUG, published: ['ar'] }]);

    await expect.poll(async () => (await request.get(storyPath('ar', SLUG))).status(), { timeout: 15_000 }).toBe(200);
    await expect.poll(async () => (await request.get('/ar')).text(), { timeout: 15_000 }).toContain(storyPath('ar', SLUG));
    await expect.poll(async () => (await request.get('/ar/section/science')).text(), { timeout: 15_000 }).toContain(storyPath('ar', SLUG));
    const image = await request.get(`${storyPath('ar', SLUG)}/opengraph-image`);
    expect(image.status()).toBe(200);

    // A new headline is a new card URL, so no platform keeps showing the old picture.
    const cardUrl = async () => /property="og:image" content="([^"]+)"/.exec(await (await request.get(storyPath('ar', SLUG))).text())?.[1];
    const before = await cardUrl();
    expect(before).toMatch(/opengraph-image\?v=[0-9a-f]{12}$/);
    fs.writeFileSync(file(), fs.readFileSync(file(), 'utf8').replace(/^title: "(.*)"$/m, 'title: "$1 (محدّث)"'));
    expect((await request.post('/api/revalidate', { data: { slugs: [SLUG] }, headers: auth })).status()).toBe(200);
    await expect.poll(cardUrl, { timeout: 15_000 }).not.toBe(before);
    expect((await request.get(new URL((await cardUrl())!).pathname)).status()).toBe(200);
  } finally {
    fs.writeFileSync(file(), original);
    await request.post('/api/revalidate', { data: { slugs: [SLUG] }, headers: auth });
  }
});
