import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { content, storyPath } from './support';

/**
 * Runs last (its own Playwright project): it publishes a fixture draft by editing its file and
 * calling the hook, which changes what every other test would see.
 */
// One after another: each test changes what the next one reads.
test.describe.configure({ mode: 'default' });

const SECRET = process.env.REVALIDATE_SECRET ?? '';
const CONTENT_DIR = process.env.CONTENT_DIR ?? '';
test.skip(!SECRET || !CONTENT_DIR, 'REVALIDATE_SECRET and CONTENT_DIR are set by scripts/test.sh');

const SLUG = 'publish-me';
const file = () => path.join(CONTENT_DIR, 'stories', SLUG, 'ar.md');
const auth = { authorization: `Bearer ${SECRET}` };
/** In another section than publish-me, with no tag in common: nothing a publish of it changes. */
const BYSTANDER = 'arabic-calligraphy-scripts';

async function cacheState(request: APIRequestContext, url: string) {
  const response = await request.get(url);
  return { status: response.status(), cache: response.headers()['x-nextjs-cache'], body: await response.text() };
}

async function hook(request: APIRequestContext, slugs: string[]) {
  const response = await request.post('/api/revalidate', { data: { slugs }, headers: auth });
  expect(response.status()).toBe(200);
  return response.json();
}

test('the publish hook refuses callers without the secret, and bodies it cannot use', async ({ request }) => {
  const body = { slugs: [SLUG] };
  expect((await request.post('/api/revalidate', { data: body })).status()).toBe(401);
  expect(
    (await request.post('/api/revalidate', { data: body, headers: { authorization: 'Bearer wrong' } })).status(),
  ).toBe(401);
  expect((await request.post('/api/revalidate', { data: body, headers: { authorization: SECRET } })).status()).toBe(
    401,
  );
  for (const bad of [
    'not json',
    '{}',
    '{"slugs": []}',
    '{"slugs": "publish-me"}',
    '{"slugs": ["../etc"]}',
    '{"slugs": [42]}',
  ]) {
    const response = await request.post('/api/revalidate', {
      data: bad,
      headers: { ...auth, 'content-type': 'application/json' },
    });
    expect(response.status(), bad).toBe(400);
  }
  expect((await request.get('/api/revalidate')).status()).toBe(405);
});

test('a 10 MB body and 10,000 slugs are refused quickly, and the server keeps serving', async ({ request }) => {
  const started = Date.now();
  const huge = await request.post('/api/revalidate', {
    data: 'x'.repeat(10 * 1024 * 1024),
    headers: { ...auth, 'content-type': 'application/json' },
  });
  expect(huge.status()).toBe(413);
  const many = await request.post('/api/revalidate', {
    data: { slugs: Array.from({ length: 10_000 }, (_, i) => `s${i}`) },
    headers: auth,
  });
  expect([400, 413]).toContain(many.status());
  expect(Date.now() - started).toBeLessThan(10_000);
  expect((await request.get('/ar')).status()).toBe(200);
});

test('a draft whose file turns to published appears on the site after one hook call, without a rebuild', async ({
  request,
}) => {
  const original = fs.readFileSync(file(), 'utf8');
  // Cached before the publish, and still the same cache entry after it.
  await cacheState(request, storyPath('ar', BYSTANDER));
  const bystander = await cacheState(request, storyPath('ar', BYSTANDER));
  expect(bystander.cache).toBe('HIT');
  try {
    expect((await request.get(storyPath('ar', SLUG))).status()).toBe(404);
    // The lite home, cached before: its lite version is revalidated with the page.
    expect(await (await request.get('/ar.lite')).text()).not.toContain(`${storyPath('ar', SLUG)}.lite`);
    fs.writeFileSync(file(), original.replace(/^status: draft$/m, 'status: published'));
    expect((await request.get(storyPath('ar', SLUG))).status(), 'nothing changes before the hook').toBe(404);

    const hook = await request.post('/api/revalidate', { data: { slugs: [SLUG] }, headers: auth });
    expect(hook.status()).toBe(200);
    expect((await hook.json()).stories).toEqual([{ slug: SLUG, published: ['ar'] }]);

    await expect.poll(async () => (await request.get(storyPath('ar', SLUG))).status(), { timeout: 15_000 }).toBe(200);
    await expect
      .poll(async () => (await request.get('/ar')).text(), { timeout: 15_000 })
      .toContain(storyPath('ar', SLUG));
    await expect
      .poll(async () => (await request.get('/ar.lite')).text(), { timeout: 15_000 })
      .toContain(`${storyPath('ar', SLUG)}.lite`);
    await expect
      .poll(async () => (await request.get('/ar/section/science')).text(), { timeout: 15_000 })
      .toContain(storyPath('ar', SLUG));
    await expect
      .poll(async () => (await request.get('/ar/feed.xml')).text(), { timeout: 15_000 })
      .toContain(storyPath('ar', SLUG));
    await expect
      .poll(async () => (await request.get('/ar/section/science/feed.xml')).text(), { timeout: 15_000 })
      .toContain(storyPath('ar', SLUG));
    const after = await cacheState(request, storyPath('ar', BYSTANDER));
    expect(after.cache, 'a story the publish does not touch keeps its cached page').toBe('HIT');
    expect(after.body).toBe(bystander.body);
    const image = await request.get(`${storyPath('ar', SLUG)}/opengraph-image`);
    expect(image.status()).toBe(200);

    // A new headline is a new card URL, so no platform keeps showing the old picture.
    const cardUrl = async () =>
      /property="og:image" content="([^"]+)"/.exec(await (await request.get(storyPath('ar', SLUG))).text())?.[1];
    const before = await cardUrl();
    expect(before).toMatch(/opengraph-image\?v=[0-9a-f]{12}$/);
    expect(await (await request.get(`${storyPath('ar', SLUG)}.lite`)).text()).not.toContain('(محدّث)');
    fs.writeFileSync(file(), fs.readFileSync(file(), 'utf8').replace(/^title: "(.*)"$/m, 'title: "$1 (محدّث)"'));
    expect((await request.post('/api/revalidate', { data: { slugs: [SLUG] }, headers: auth })).status()).toBe(200);
    await expect.poll(cardUrl, { timeout: 15_000 }).not.toBe(before);
    await expect
      .poll(async () => (await request.get(`${storyPath('ar', SLUG)}.lite`)).text(), { timeout: 15_000 })
      .toContain('(محدّث)');

    // A correction: under the headline, and on the corrections page cached before it.
    expect(await (await request.get('/ar/corrections')).text()).not.toContain(storyPath('ar', SLUG));
    const correction = 'صُحّح اسم المدينة.';
    fs.writeFileSync(
      file(),
      fs
        .readFileSync(file(), 'utf8')
        .replace(
          /^status: published$/m,
          `status: published\ncorrections:\n  - date: "2099-01-01"\n    text: "${correction}"`,
        ),
    );
    expect((await request.post('/api/revalidate', { data: { slugs: [SLUG] }, headers: auth })).status()).toBe(200);
    await expect
      .poll(async () => (await request.get('/ar/corrections')).text(), { timeout: 15_000 })
      .toContain(storyPath('ar', SLUG));
    await expect
      .poll(async () => (await request.get(storyPath('ar', SLUG))).text(), { timeout: 15_000 })
      .toContain(correction);
    expect((await request.get(new URL((await cardUrl())!).pathname)).status()).toBe(200);
  } finally {
    fs.writeFileSync(file(), original);
    await request.post('/api/revalidate', { data: { slugs: [SLUG] }, headers: auth });
  }
});

for (const change of ['unpublished', 'deleted'] as const) {
  test(`a story ${change} and the hook called: gone from its page, the fronts and the feeds; back when restored`, async ({
    request,
  }) => {
    const story = content.inSection('ar', 'world', 0, 100).items.find((s) => s.slug.startsWith('archive-'))!;
    const folder = path.join(CONTENT_DIR, 'stories', story.slug);
    const storyFile = path.join(folder, 'ar.md');
    const original = fs.readFileSync(storyFile, 'utf8');
    const url = storyPath('ar', story.slug);
    const listed = async () =>
      (await request.get('/ar/section/world'))
        .text()
        .then(
          async (front) =>
            front +
            (await (await request.get('/ar/section/world/page/2')).text()) +
            (await (await request.get('/ar/feed.xml')).text()),
        );
    expect((await request.get(url)).status()).toBe(200);
    expect(await listed()).toContain(url);
    try {
      if (change === 'unpublished')
        fs.writeFileSync(storyFile, original.replace(/^status: published$/m, 'status: draft'));
      else fs.renameSync(folder, `${folder}.away`);
      const answer = await hook(request, [story.slug]);
      // Unpublishing the Arabic file leaves the story's other editions published; deleting the folder leaves none.
      const stillPublished =
        change === 'deleted' ? [] : content.localesOf(story.slug).filter((locale) => locale !== 'ar');
      expect(answer.stories).toEqual([{ slug: story.slug, published: stillPublished }]);
      await expect.poll(async () => (await request.get(url)).status(), { timeout: 15_000 }).toBe(404);
      await expect.poll(listed, { timeout: 15_000 }).not.toContain(url);
    } finally {
      if (change === 'deleted') fs.renameSync(`${folder}.away`, folder);
      fs.writeFileSync(storyFile, original);
      await hook(request, [story.slug]);
    }
    await expect.poll(async () => (await request.get(url)).status(), { timeout: 15_000 }).toBe(200);
    await expect.poll(listed, { timeout: 15_000 }).toContain(url);
  });
}

test('a story re-rendered after a publish is byte for byte the page the build made', async ({ request }) => {
  const built = content.allPublished('ar')[0];
  const url = storyPath('ar', built.slug);
  const before = await cacheState(request, url);
  expect(before.status).toBe(200);
  await hook(request, [built.slug]);
  // The next request renders it again (MISS or STALE), then the cache holds the new render.
  expect((await cacheState(request, url)).cache).not.toBe('HIT');
  await expect.poll(async () => (await cacheState(request, url)).cache, { timeout: 15_000 }).toBe('HIT');
  expect((await cacheState(request, url)).body).toBe(before.body);
});

test('a half-written file named to the hook keeps the last good version on the site and is reported', async ({
  request,
}) => {
  const story = content.allPublished('ar').find((s) => s.slug === BYSTANDER)!;
  const storyFile = path.join(CONTENT_DIR, 'stories', BYSTANDER, 'ar.md');
  const original = fs.readFileSync(storyFile, 'utf8');
  try {
    fs.writeFileSync(storyFile, original.slice(0, 40));
    const answer = await hook(request, [BYSTANDER]);
    expect(answer.stories).toEqual([{ slug: BYSTANDER, published: content.localesOf(BYSTANDER) }]);
    expect(answer.problems.join('\n')).toContain(`${BYSTANDER}/ar.md`);
    const page = await request.get(storyPath('ar', BYSTANDER));
    expect(page.status()).toBe(200);
    expect(await page.text()).toContain(story.title);
  } finally {
    fs.writeFileSync(storyFile, original);
    await hook(request, [BYSTANDER]);
  }
});
