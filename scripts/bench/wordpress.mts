/**
 * npm run bench:wordpress [-- --posts N]: Sahifa on a WordPress with N posts (default 10,000, written
 * through WordPress's own PHP API), on this machine:
 *   first sync of every post, in seconds and posts per second;
 *   one publish, from a WordPress save (REST, as the Editor) to the changed page served: p50 and p95 of 20;
 *   a reader's p99 on story pages while a full sync runs, beside the same with none running;
 *   requests Sahifa makes to WordPress per reader page view (target 0).
 * Uses the current build (`next build` first unless BENCH_SKIP_BUILD=1); WordPress and its posts live in
 * .bench/wordpress/ and are reused by the next run with the same N. Writes artifacts/bench-wordpress.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { printResults, type Result } from './results.mts';
import { buildUnlessSkipped, startServer } from './server.mts';
import { freePort } from '../shared/free-port.ts';
import { percentile } from '../shared/stats.mts';
import { startLocalWordPress } from '../wordpress/local-wordpress.ts';
import { sections } from '../../lib/sections.ts';

const { values } = parseArgs({ options: { posts: { type: 'string', default: '10000' } } });
const POSTS = Number(values.posts);
const dir = path.resolve('.bench', 'wordpress');
const secrets = {
  revalidate: 'bench-revalidate-secret-0123456789abcdef',
  preview: 'bench-preview-secret-0123456789abcdef',
};

buildUnlessSkipped();
const sahifaPort = await freePort();
const wordpress = await startLocalWordPress({
  dir,
  sahifaUrl: `http://127.0.0.1:${sahifaPort}`,
  revalidateSecret: secrets.revalidate,
  previewSecret: secrets.preview,
  log: console.log,
});
const results: Result[] = [];
const auth = `Basic ${Buffer.from(`editor:${wordpress.appPassword.replace(/\s+/g, '')}`).toString('base64')}`;
/** `/wp/v2/posts/5&context=edit`: the route, then its query parameters. */
const rest = async (method: string, route: string, body?: unknown) =>
  (
    await fetch(
      `${wordpress.url}/?${[`rest_route=${encodeURIComponent(route.split('&')[0])}`, ...route.split('&').slice(1)].join('&')}`,
      {
        method,
        headers: { authorization: auth, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      },
    )
  ).json() as Promise<Record<string, unknown>>;
const wordpressRequests = () =>
  fs
    .readFileSync(path.join(dir, 'php.log'), 'utf8')
    .split('\n')
    .filter((line) => /\[\d{3}\]: (GET|POST)/.test(line)).length;

try {
  const marker = path.join(dir, `generated-${POSTS}`);
  if (!fs.existsSync(marker)) {
    const generated = JSON.parse(
      wordpress
        .php(path.resolve('scripts/wordpress/generate.php'), String(POSTS), sections.join(','))
        .trim()
        .split('\n')
        .pop()!,
    ) as { seconds: number };
    fs.writeFileSync(marker, JSON.stringify(generated));
    console.log(`wordpress: ${POSTS} posts written through wp_insert_post in ${generated.seconds} s`);
  }

  const indexFile = path.join(dir, `sahifa-${Date.now()}.sqlite`);
  const started = Date.now();
  // Ready as soon as it listens (/healthz); the first sync is timed from its log.
  const server = await startServer(
    sahifaPort,
    {
      CONTENT_SOURCE: 'wordpress',
      WORDPRESS_URL: wordpress.url,
      WORDPRESS_USER: 'editor',
      WORDPRESS_APP_PASSWORD: wordpress.appPassword,
      WORDPRESS_POLL_MS: '0',
      CONTENT_INDEX_FILE: indexFile,
      MEDIA_DIR: path.join(dir, 'media'),
      REVALIDATE_SECRET: secrets.revalidate,
      PREVIEW_SECRET: secrets.preview,
      LOG_FORMAT: 'json',
    },
    '/healthz',
  );
  try {
    const syncMs = await server.waitForLine(/"content\.wordpress_up"/, 1_800_000);
    const syncSeconds = Math.max(syncMs, Date.now() - started) / 1000;
    results.push({ name: `first sync of ${POSTS} posts`, value: syncSeconds, unit: 's', target: 600 });
    results.push({ name: 'first sync rate', value: Math.round(POSTS / syncSeconds), unit: 'posts/s' });

    // Reader page views: Sahifa answers from its index and asks WordPress nothing (the poll is off here).
    const pages = ['/en/news/generated-10', '/ar/news/generated-20', '/fa/news/generated-30', '/en', '/ar/feed.xml'];
    const before = wordpressRequests();
    for (let i = 0; i < 100; i++)
      await fetch(`${server.base}${pages[i % pages.length]}`).then((response) => response.arrayBuffer());
    results.push({
      name: 'requests to WordPress per reader page view',
      value: (wordpressRequests() - before) / 100,
      unit: '',
      target: 0,
    });

    // Publish: a save in WordPress to the page Sahifa serves.
    const latencies: number[] = [];
    const target = (await rest('GET', `/wp/v2/posts&sahifa_story=generated-10&context=edit`)) as unknown as {
      id: number;
      meta: { sahifa_edition: string };
    }[];
    const english = target.find((post) => post.meta.sahifa_edition === 'en')!;
    for (let i = 0; i < 20; i++) {
      const title = `Edited headline ${i} ${Date.now()}`;
      const saved = Date.now();
      await rest('POST', `/wp/v2/posts/${english.id}`, { title });
      for (;;) {
        if ((await (await fetch(`${server.base}/en/news/generated-10`)).text()).includes(title)) break;
        if (Date.now() - saved > 10_000) throw new Error('a publish did not show within 10 s');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      latencies.push(Date.now() - saved);
    }
    results.push({
      name: 'publish: WordPress save → page served, p50',
      value: percentile(latencies, 50),
      unit: 'ms',
      target: 1000,
    });
    results.push({
      name: 'publish: WordPress save → page served, p95',
      value: percentile(latencies, 95),
      unit: 'ms',
      target: 2000,
    });

    // A reader's p99 with and without a full sync running behind.
    const readFor = async (ms: number) => {
      const times: number[] = [];
      const until = Date.now() + ms;
      await Promise.all(
        Array.from({ length: 10 }, async (_, worker) => {
          for (let i = worker; Date.now() < until; i += 10) {
            const t = performance.now();
            await fetch(`${server.base}/en/news/generated-${i % Math.min(500, Math.floor(POSTS / 3))}`).then(
              (response) => response.arrayBuffer(),
            );
            times.push(performance.now() - t);
          }
        }),
      );
      return percentile(times, 99);
    };
    // A first pass renders and stores the pages, so both measured passes read cached pages.
    await readFor(10_000);
    const idle = await readFor(10_000);
    const rescan = await fetch(`${server.base}/api/revalidate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secrets.revalidate}`, 'content-type': 'application/json' },
      body: '{"all":true}',
    });
    if (rescan.status !== 202) throw new Error(`the full sync was not started: ${rescan.status}`);
    const during = await readFor(15_000);
    results.push({
      name: 'reader p99 during a full sync (10 connections)',
      value: during,
      unit: 'ms',
      target: 250,
      reference: `${idle.toFixed(1)} ms with no sync`,
    });
  } finally {
    server.stop();
  }
} finally {
  wordpress.stop();
}

console.log(`\nbench:wordpress, ${POSTS} posts, ${new Date().toISOString()}`);
const missed = printResults(results);
fs.mkdirSync('artifacts', { recursive: true });
fs.writeFileSync(
  path.join('artifacts', 'bench-wordpress.json'),
  JSON.stringify({ posts: POSTS, at: new Date().toISOString(), results }, null, 2),
);
process.exit(missed ? 1 : 0);
