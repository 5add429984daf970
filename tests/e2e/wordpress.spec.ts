import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import {
  importStories,
  missingPackages,
  startLocalWordPress,
  type LocalWordPress,
} from '../../scripts/wordpress/local-wordpress';
import { freePort } from '../../scripts/shared/free-port';
import { events, startRedis, startSahifa, stop, until, type Proc } from './processes';
import { saveScreenshot } from './support';

/**
 * Editors in WordPress: Debian's WordPress 6.1 on a private MariaDB with Sahifa's plugin, and a server of
 * this build reading it (CONTENT_SOURCE=wordpress). Posts are written through WordPress's REST API as the
 * Editor, the Preview button is pressed in a browser logged in through wp-login.php, and every change
 * must reach Sahifa's pages through the plugin's hook within 2 s. Runs last, on its own.
 */
test.describe.configure({ mode: 'serial' });
const REVALIDATE_SECRET = process.env.REVALIDATE_SECRET ?? '';
const PREVIEW_SECRET = process.env.PREVIEW_SECRET ?? '';
test.skip(
  !REVALIDATE_SECRET || !PREVIEW_SECRET || missingPackages().length > 0,
  'scripts/test.sh sets the secrets and installs wordpress, mariadb-server and php',
);

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-wordpress-'));
let wordpress: LocalWordPress;
let sahifa: { base: string; proc: Proc };
/** A second server of the fleet, sharing Redis with the first: WordPress calls only the first. */
let second: { base: string; proc: Proc };
let redis: Proc | undefined;
let world = 0;
let picture = 0;

async function rest<T = Record<string, unknown>>(
  method: string,
  route: string,
  body?: unknown,
  as: 'editor' | 'admin' = 'editor',
): Promise<T> {
  // `/wp/v2/posts/5&context=edit`: the route, then its query parameters.
  const [routePath, ...query] = route.split('&');
  const response = await fetch(
    `${wordpress.url}/?${[`rest_route=${encodeURIComponent(routePath)}`, ...query].join('&')}`,
    {
      method,
      headers: {
        authorization: `Basic ${Buffer.from(`${as}:${(as === 'admin' ? wordpress.adminAppPassword : wordpress.appPassword).replace(/\s+/g, '')}`).toString('base64')}`,
        'content-type': 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    },
  );
  const json = (await response.json()) as T;
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

const page = (url: string) => fetch(`${sahifa.base}${url}`, { redirect: 'manual' });
const html = async (url: string) => (await page(url)).text();
const storyUrl = (locale: string, key: string) => `/${locale}/news/${encodeURIComponent(key)}`;

/** A post as an editor writes it, published unless told otherwise. */
function newPost(key: string, locale: string, fields: Record<string, unknown> = {}) {
  return rest<{ id: number; slug: string }>('POST', '/wp/v2/posts', {
    title: `${key} (${locale})`,
    excerpt: `Summary of ${key}`,
    content: `<!-- wp:paragraph --><p>The text of ${key}.</p><!-- /wp:paragraph -->`,
    status: 'publish',
    categories: [world],
    meta: { sahifa_edition: locale, sahifa_story: key },
    ...fields,
  });
}

/**
 * Milliseconds until the check passes, polled every 50 ms; fails after 2 s (the bound a WordPress save must reach the
 * page within) or `limitMs`.
 */
async function within(check: () => Promise<boolean>, limitMs = 2000) {
  return (await until(check, (ok) => ok, limitMs)).ms;
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const sahifaPort = await freePort();
  wordpress = await startLocalWordPress({
    dir: path.join(scratch, 'wordpress'),
    sahifaUrl: `http://127.0.0.1:${sahifaPort}`,
    revalidateSecret: REVALIDATE_SECRET,
    previewSecret: PREVIEW_SECRET,
  });
  // Two bundled stories, every edition, with their pictures: what a newsroom's archive would hold.
  const bundled = path.join(scratch, 'bundled');
  for (const key of ['armenia-freezes-csto-participation', 'how-tides-work'])
    fs.cpSync(path.join('content', 'stories', key), path.join(bundled, 'stories', key), { recursive: true });
  const posts = importStories(wordpress, bundled, 'public');
  expect(Object.keys(posts)).toHaveLength(6);
  world = (await rest<{ id: number }[]>('GET', '/wp/v2/categories&slug=world'))[0]?.id ?? 0;
  picture = (await rest<{ featured_media: number }>('GET', `/wp/v2/posts/${posts['how-tides-work/en']}&context=edit`))
    .featured_media;
  const started = await startRedis();
  redis = started.proc;
  const env = (name: string) => ({
    CONTENT_SOURCE: 'wordpress',
    WORDPRESS_URL: wordpress.url,
    WORDPRESS_USER: 'editor',
    WORDPRESS_APP_PASSWORD: wordpress.appPassword,
    WORDPRESS_POLL_MS: '1000',
    REDIS_URL: started.url,
    CONTENT_INDEX_FILE: path.join(scratch, `${name}.sqlite`),
    MEDIA_DIR: path.join(scratch, `${name}-media`),
  });
  const [first, other] = await Promise.all([startSahifa(env('a'), sahifaPort), startSahifa(env('b'))]);
  await Promise.all([first.ready, other.ready]);
  sahifa = first;
  second = other;
  for (const server of [sahifa, second])
    await until(
      async () => events(server.proc).map((event) => event.event),
      (said) => said.includes('publish.redis_up') && said.includes('cache.redis_up'),
      20_000,
    );
  await until(
    async () => events(sahifa.proc, 'content.wordpress_up').length,
    (n) => n > 0,
    20_000,
  );
});

test.afterAll(async () => {
  if (sahifa) {
    fs.mkdirSync('test-results', { recursive: true });
    fs.writeFileSync(path.join('test-results', 'wordpress-sahifa.log'), sahifa.proc.log.join('\n'));
    stop(sahifa.proc);
  }
  if (second) stop(second.proc);
  stop(redis);
  wordpress?.stop();
  // MariaDB writes its files until it has stopped.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  fs.rmSync(scratch, { recursive: true, force: true, maxRetries: 5, retryDelay: 500 });
});

test('the first sync takes in the archive: every edition, its picture copied to Sahifa, and no request to WordPress for a reader', async () => {
  const tides = await html(storyUrl('en', 'how-tides-work'));
  expect(tides).toContain('Tides');
  const requestsBefore = fs.readFileSync(path.join(wordpress.dir, 'php.log'), 'utf8').split('\n').length;
  for (const url of [
    storyUrl('fa', 'how-tides-work'),
    storyUrl('ar', 'armenia-freezes-csto-participation'),
    '/ar',
    '/en/feed.xml',
  ])
    expect((await page(url)).status, url).toBe(200);
  const requestsAfter = fs.readFileSync(path.join(wordpress.dir, 'php.log'), 'utf8').split('\n').length;
  // WordPress's own server logs a line per request it answers (the poll's are the only ones expected).
  expect(requestsAfter - requestsBefore).toBeLessThanOrEqual(4);
  expect(fs.readdirSync(path.join(scratch, 'a-media')).length).toBeGreaterThanOrEqual(2);
});

test('a published Arabic post (Arabic slug) is served with every part of the story page, its card and its feed entry, within 2 s', async () => {
  const key = 'خبر-من-ووردبريس';
  const saved = Date.now();
  const post = await rest<{ id: number; slug: string }>('POST', '/wp/v2/posts', {
    title: 'خبر كتبه محرر في ووردبريس',
    excerpt: 'خلاصة الخبر كما كتبها المحرر',
    content:
      '<!-- wp:paragraph --><p>الفقرة الأولى من الخبر.</p><!-- /wp:paragraph --><!-- wp:heading --><h2 class="wp-block-heading">عنوان فرعي</h2><!-- /wp:heading -->',
    slug: key,
    status: 'publish',
    categories: [world],
    featured_media: picture,
    meta: { sahifa_edition: 'ar', sahifa_sources: 'وكالات', sahifa_authors: 'مراسل صحيفة' },
  });
  expect(decodeURIComponent(post.slug)).toBe(key);
  const ms = await within(async () => (await page(storyUrl('ar', key))).status === 200, 2000 - (Date.now() - saved));
  console.log(`WordPress save → Sahifa page: ${Date.now() - saved} ms (${ms} ms after the save answered)`);
  const story = await html(storyUrl('ar', key));
  expect(story).toContain('<h1');
  expect(story).toContain('خبر كتبه محرر في ووردبريس');
  expect(story).toContain('خلاصة الخبر كما كتبها المحرر');
  expect(story).toContain('<h2>عنوان فرعي</h2>');
  expect(story).toContain('%2Fimages%2Fwp%2F');
  expect(story).toContain('وكالات');
  expect(story).toContain('مراسل صحيفة');
  const card = await page(`${storyUrl('ar', key)}/opengraph-image`);
  expect(card.status).toBe(200);
  expect(card.headers.get('content-type')).toBe('image/png');
  await within(async () => (await html('/ar/feed.xml')).includes('خبر كتبه محرر في ووردبريس'));
  expect(await html('/ar')).toContain(storyUrl('ar', key));
});

test('with REDIS_URL, a publish from WordPress reaches both servers within 2 s, though WordPress calls only one', async () => {
  const key = 'for-the-whole-fleet';
  const saved = Date.now();
  await newPost(key, 'en', { title: 'One save, every server' });
  await within(
    async () => (await fetch(`${second.base}${storyUrl('en', key)}`)).status === 200,
    2000 - (Date.now() - saved),
  );
  await within(
    async () => (await (await fetch(`${second.base}/en`)).text()).includes(storyUrl('en', key)),
    2000 - (Date.now() - saved),
  );
  console.log(`WordPress save → the other server's story and home page: ${Date.now() - saved} ms`);
});

test('the en and fa editions of one story link to each other', async () => {
  const key = 'one-story-three-editions';
  await newPost(key, 'en');
  // With an embed block as the editor inserts it: WordPress cannot fetch YouTube from here, so it renders the address.
  const embed =
    '<!-- wp:embed {"url":"https://www.youtube.com/watch?v=dQw4w9WgXcQ","type":"video","providerNameSlug":"youtube"} -->' +
    '<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube"><div class="wp-block-embed__wrapper">\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n</div></figure><!-- /wp:embed -->';
  await newPost(key, 'fa', {
    title: 'یک خبر در سه ویرایش',
    content: `<!-- wp:paragraph --><p>متن خبر.</p><!-- /wp:paragraph -->${embed}`,
  });
  await within(
    async () => (await page(storyUrl('fa', key))).status === 200 && (await page(storyUrl('en', key))).status === 200,
  );
  const en = await html(storyUrl('en', key));
  expect(en).toMatch(
    new RegExp(`<link rel="alternate" hrefLang="fa" href="[^"]*${storyUrl('fa', key).replace(/[/.]/g, '\\$&')}"`),
  );
  const fa = await html(storyUrl('fa', key));
  expect(fa).toMatch(
    new RegExp(`<link rel="alternate" hrefLang="en" href="[^"]*${storyUrl('en', key).replace(/[/.]/g, '\\$&')}"`),
  );
  expect(fa).toContain('<figure class="embed" data-embed="youtube"');
  expect(fa).toContain('data-embed-load="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"');
  expect(fa).not.toContain('<iframe');
});

test('an edit is on the page within 2 s of the save; trash makes it a 404 and takes it off the lists', async () => {
  const key = 'edit-then-trash';
  const { id } = await newPost(key, 'en');
  await within(async () => (await page(storyUrl('en', key))).status === 200);
  const saved = Date.now();
  await rest('POST', `/wp/v2/posts/${id}`, { title: 'An edited headline' });
  await within(
    async () => (await html(storyUrl('en', key))).includes('An edited headline'),
    2000 - (Date.now() - saved),
  );
  console.log(`edit → page changed: ${Date.now() - saved} ms`);
  await within(async () => (await html('/en')).includes(storyUrl('en', key)));
  await rest('DELETE', `/wp/v2/posts/${id}`);
  await within(async () => (await page(storyUrl('en', key))).status === 404);
  await within(
    async () =>
      !(await html('/en')).includes(storyUrl('en', key)) &&
      !(await html('/en/feed.xml')).includes('An edited headline'),
  );
});

test('a live page: each live post published on its own reaches both servers within 2 s, in order; a trashed one leaves', async () => {
  const key = 'live-from-wordpress';
  const { id: story } = await newPost(key, 'ar', {
    meta: { sahifa_edition: 'ar', sahifa_story: key, sahifa_live: 'live' },
  });
  await within(async () => (await html(storyUrl('ar', key))).includes('data-live-badge'));
  const livePost = (title: string, text: string, meta: Record<string, boolean> = {}) =>
    rest<{ id: number }>('POST', '/wp/v2/sahifa_live_posts', {
      title,
      content: `<!-- wp:paragraph --><p>${text}</p><!-- /wp:paragraph -->`,
      status: 'publish',
      parent: story,
      meta,
    });
  const first = await livePost('', 'أول منشور من ووردبريس.');
  await within(async () => (await html(storyUrl('ar', key))).includes(`data-post-id="wp-${first.id}"`));
  const saved = Date.now();
  const second_ = await livePost('حدث مهم من ووردبريس', 'ثاني منشور.', { sahifa_live_key: true });
  await within(async () => {
    const page = await html(storyUrl('ar', key));
    return (
      page.indexOf(`data-post-id="wp-${second_.id}"`) !== -1 &&
      page.indexOf(`id="post-wp-${second_.id}"`) < page.indexOf(`id="post-wp-${first.id}"`)
    );
  }, 2000);
  console.log(`live post → on the page: ${Date.now() - saved} ms`);
  // The other server of the fleet, which WordPress never called, answers its polls with it too.
  await within(async () => {
    const answer = (await (await fetch(`${second.base}${storyUrl('ar', key)}/updates?after=1.00000000`)).json()) as {
      window?: { id: string }[];
    };
    return answer.window?.[0]?.id === `wp-${second_.id}`;
  });
  expect(await html(storyUrl('ar', key))).toContain('حدث مهم من ووردبريس');
  await rest('DELETE', `/wp/v2/sahifa_live_posts/${first.id}`);
  await within(async () => !(await html(storyUrl('ar', key))).includes(`data-post-id="wp-${first.id}"`));
});

test('a scheduled post is served within 2 s of WP-cron publishing it', async () => {
  const key = 'scheduled-for-later';
  // WordPress schedules only what is a minute or more ahead.
  const { id } = await newPost(key, 'en', {
    status: 'future',
    date_gmt: new Date(Date.now() + 3_600_000).toISOString().slice(0, 19),
  });
  expect((await rest<{ status: string }>('GET', `/wp/v2/posts/${id}&context=edit`)).status).toBe('future');
  expect((await page(storyUrl('en', key))).status).toBe(404);
  // An hour passes: the post's time and its cron event are moved to the past, nothing else changes.
  fs.writeFileSync(
    path.join(scratch, 'time-passes.php'),
    `<?php require $argv[1] . '/wp-load.php'; global $wpdb; $past = gmdate('Y-m-d H:i:s', time() - 5);
    $wpdb->update($wpdb->posts, array('post_date_gmt' => $past, 'post_date' => $past), array('ID' => ${id})); clean_post_cache(${id});
    wp_clear_scheduled_hook('publish_future_post', array(${id})); wp_schedule_single_event(time() - 1, 'publish_future_post', array(${id}));`,
  );
  wordpress.php(path.join(scratch, 'time-passes.php'));
  const before = await rest<{ modified_gmt: string }>('GET', `/wp/v2/posts/${id}&context=edit`);
  const cron = Date.now();
  // What a visit to WordPress (or the system's cron) does when the time has come.
  await fetch(`${wordpress.url}/wp-cron.php?doing_wp_cron=${(Date.now() / 1000).toFixed(4)}`);
  await until(
    async () => (await rest<{ status: string }>('GET', `/wp/v2/posts/${id}&context=edit`)).status,
    (status) => status === 'publish',
    5000,
  );
  // WP-cron leaves `modified` as it was: a poll of modified_after would never see this publication.
  expect((await rest<{ modified_gmt: string }>('GET', `/wp/v2/posts/${id}&context=edit`)).modified_gmt).toBe(
    before.modified_gmt,
  );
  await within(async () => (await page(storyUrl('en', key))).status === 200, 2000);
  console.log(`WP-cron → page served: ${Date.now() - cron} ms`);
});

test('a draft is a 404 to the public and opens from the Preview button for a logged-in editor', async ({ browser }) => {
  const { id } = await newPost('a-draft-in-wordpress', 'ar', { status: 'draft', title: 'مسودة لم تنشر بعد', slug: '' });
  expect((await page(storyUrl('ar', `wp-${id}`))).status).toBe(404);
  expect((await page(storyUrl('ar', 'a-draft-in-wordpress'))).status).toBe(404);
  const context = await browser.newContext();
  const tab = await context.newPage();
  await tab.goto(`${wordpress.url}/wp-login.php`);
  await tab.fill('#user_login', 'editor');
  await tab.fill('#user_pass', wordpress.editorPassword);
  await tab.click('#wp-submit');
  await tab.waitForURL(/wp-admin/);
  await tab.goto(`${wordpress.url}/?p=${id}&preview=true`);
  await tab.waitForURL(new RegExp(`${sahifa.base.replace(/[/.:]/g, '\\$&')}/ar/news/wp-${id}`));
  await expect(tab.locator('h1')).toHaveText('مسودة لم تنشر بعد');
  await expect(tab.locator('[data-preview-banner]')).toBeVisible();
  // The "when shared" panel shows the draft's own card, drawn for this editor's session.
  const card = tab.locator('[data-share-preview] figure[data-platform="x"] img');
  await expect(card).toHaveAttribute('src', new RegExp(`/ar/news/wp-${id}/opengraph-image`));
  const cardResponse = await tab.request.get(new URL((await card.getAttribute('src'))!, sahifa.base).toString());
  expect(cardResponse.status()).toBe(200);
  expect(cardResponse.headers()['content-type']).toBe('image/png');
  await saveScreenshot(tab, 'wordpress-preview-ar', false);
  // Anyone not logged in gets WordPress's own answer, never a link to the draft.
  const stranger = await fetch(`${wordpress.url}/?p=${id}&preview=true`, { redirect: 'manual' });
  expect(stranger.headers.get('location') ?? '').not.toContain('/api/preview');
  await context.close();
});

test('the XSS corpus posted by an administrator reaches no reader', async ({ browser }) => {
  const key = 'xss-from-wordpress';
  const payloads = [
    "<script>window.__xss=1;alert('script')</script>",
    '<img src=x onerror="window.__xss=1">',
    '<svg onload="window.__xss=1"></svg>',
    '<iframe src="javascript:window.__xss=1"></iframe>',
    '<a href="javascript:window.__xss=1">link</a>',
    '<p onclick="window.__xss=1" style="position:fixed">styled</p>',
    '<details open ontoggle="window.__xss=1"><summary>x</summary></details>',
    '<style>body{display:none}</style>',
    '<form action="javascript:window.__xss=1"><button>go</button></form>',
  ];
  const created = await rest<{ id: number }>(
    'POST',
    '/wp/v2/posts',
    {
      title: key,
      content: `<p>Readable text.</p>${payloads.join('\n')}`,
      status: 'publish',
      categories: [world],
      meta: { sahifa_edition: 'en', sahifa_story: key },
    },
    'admin',
  );
  // WordPress keeps an administrator's markup as written (unfiltered_html): Sahifa is the only filter.
  const stored = await rest<{ content: { raw: string } }>(
    'GET',
    `/wp/v2/posts/${created.id}&context=edit`,
    undefined,
    'admin',
  );
  expect(stored.content.raw).toContain("<script>window.__xss=1;alert('script')</script>");
  await within(async () => (await page(storyUrl('en', key))).status === 200);
  const context = await browser.newContext();
  const tab = await context.newPage();
  const dialogs: string[] = [];
  tab.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await tab.goto(`${sahifa.base}${storyUrl('en', key)}`);
  await expect(tab.locator('article').first()).toContainText('Readable text.');
  expect(await tab.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  const body = await tab.locator('.story-body').first().innerHTML();
  expect(body).not.toMatch(/<script|<iframe|<svg|onerror|onclick|ontoggle|javascript:/i);
  await context.close();
});

test('WordPress stopped: every published page still 200; a change made meanwhile is caught up when it returns', async () => {
  const key = 'while-wordpress-was-down';
  const { id } = await newPost(key, 'en');
  await within(async () => (await page(storyUrl('en', key))).status === 200);
  wordpress.stopWeb();
  for (const url of [storyUrl('en', key), storyUrl('en', 'how-tides-work'), '/en', '/en/feed.xml'])
    expect((await page(url)).status, url).toBe(200);
  // An edit while WordPress's web server is down (its database still up): the hook's call back fails.
  fs.writeFileSync(
    path.join(scratch, 'edit.php'),
    `<?php require $argv[1] . '/wp-load.php'; wp_update_post(array('ID' => ${id}, 'post_title' => 'Changed while WordPress was down'));`,
  );
  wordpress.php(path.join(scratch, 'edit.php'));
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect((await page(storyUrl('en', key))).status).toBe(200);
  expect(events(sahifa.proc, 'content.wordpress_down').length).toBeGreaterThan(0);
  await wordpress.startWeb();
  await within(async () => (await html(storyUrl('en', key))).includes('Changed while WordPress was down'), 15_000);
  expect(events(sahifa.proc, 'content.wordpress_up').length).toBeGreaterThanOrEqual(2);
});

test('a post Sahifa cannot use is one log line naming the post and field, and everything else serves', async () => {
  const { id } = await rest<{ id: number }>('POST', '/wp/v2/posts', {
    title: 'No section',
    content: '<p>x</p>',
    status: 'publish',
    meta: { sahifa_story: 'no-section', sahifa_edition: 'en' },
  });
  await until(
    async () =>
      events(sahifa.proc, 'content.problem').filter((event) => event.postId === id && event.field === 'categories')
        .length,
    (n) => n > 0,
    3000,
  );
  expect((await page(storyUrl('en', 'no-section'))).status).toBe(404);
  expect((await page('/en')).status).toBe(200);
});
