import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { waitForServer } from '../wait-for-server';
import { freePort, run, startSahifa, stop, type Proc } from './processes';
import { contentDir, storyPath } from './support';

/**
 * Many servers, one newsroom: a real redis-server and two server processes of this build on
 * their own ports, each with its own story index, sharing REDIS_URL. Runs last (its own project).
 */
test.describe.configure({ mode: 'default' });

const SECRET = process.env.REVALIDATE_SECRET ?? '';
test.skip(!SECRET || !process.env.CONTENT_DIR || !fs.existsSync('/usr/bin/redis-server'), 'scripts/test.sh sets the secrets and installs redis-server');

const SLUG = 'publish-me';
const storyFile = () => path.join(contentDir, 'stories', SLUG, 'ar.md');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-cluster-'));

async function until<T>(check: () => Promise<T>, accept: (value: T) => boolean, timeoutMs: number): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  for (;;) {
    const value = await check().catch(() => undefined as T);
    if (accept(value)) return { value, ms: Date.now() - started };
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms (last: ${String(value).slice(0, 200)})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

let redisPort = 0;
let redis: Proc | undefined;
const servers: { base: string; proc: Proc }[] = [];

function startRedis() {
  redis = run('/usr/bin/redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--notify-keyspace-events', 'Exe']);
}

const status = async (url: string) => (await fetch(url, { redirect: 'manual' })).status;
const text = async (url: string) => (await fetch(url)).text();
const hook = (base: string, slugs: string[]) =>
  fetch(`${base}/api/revalidate`, { method: 'POST', headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' }, body: JSON.stringify({ slugs }) });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  redisPort = await freePort();
  startRedis();
  await waitForServer(`redis://127.0.0.1:${redisPort}`, { child: redis!.child, timeoutMs: 10_000 });
  const started = await Promise.all(
    ['a', 'b'].map((name) => startSahifa({ REDIS_URL: `redis://127.0.0.1:${redisPort}`, CONTENT_INDEX_FILE: path.join(scratch, `${name}.sqlite`), SAHIFA_LOG_RENDERS: '1' })),
  );
  for (const { base, proc, ready } of started) {
    await ready;
    servers.push({ base, proc });
    await until(
      async () => proc.log.join('\n'),
      (log) => log.includes('[cache] Redis reachable') && log.includes('[publish] Redis reachable'),
      10_000,
    );
  }
});

test.afterAll(async () => {
  for (const { proc } of servers) stop(proc);
  stop(redis);
  fs.rmSync(scratch, { recursive: true, force: true });
});

test('a story published through one server is served by the other within 2 s, rendered once for both', async () => {
  const [a, b] = servers;
  const original = fs.readFileSync(storyFile(), 'utf8');
  try {
    expect(await status(`${b.base}${storyPath('ar', SLUG)}`)).toBe(404);
    // Both servers have the home page cached before the publish.
    await text(`${a.base}/ar`);
    await text(`${b.base}/ar`);
    fs.writeFileSync(storyFile(), original.replace(/^status: draft$/m, 'status: published'));
    const renders = () => servers.flatMap(({ proc }) => proc.log.filter((line) => line === '[render] /ar'));
    const before = renders().length;

    const answer = await (await hook(a.base, [SLUG])).json();
    expect(answer.fleet).toEqual({ servers: 1, answered: 1 });
    const story = await until(
      () => status(`${b.base}${storyPath('ar', SLUG)}`),
      (s) => s === 200,
      2000,
    );
    const home = await until(
      () => text(`${b.base}/ar`),
      (html) => html.includes(storyPath('ar', SLUG)),
      2000,
    );
    await until(
      () => text(`${b.base}/ar/feed.xml`),
      (xml) => xml.includes(storyPath('ar', SLUG)),
      2000,
    );
    expect(await status(`${b.base}${storyPath('ar', SLUG)}/opengraph-image`)).toBe(200);
    expect(await text(`${a.base}/ar`)).toContain(storyPath('ar', SLUG));
    console.log(`publish through A: story on B after ${story.ms} ms, home on B after ${home.ms} ms`);
    expect(renders().length - before, 'renders of /ar across both servers after the publish').toBe(1);

    fs.writeFileSync(storyFile(), original);
    expect((await hook(b.base, [SLUG])).status).toBe(200);
    await until(
      () => status(`${a.base}${storyPath('ar', SLUG)}`),
      (s) => s === 404,
      2000,
    );
    await until(
      () => text(`${a.base}/ar`),
      (html) => !html.includes(storyPath('ar', SLUG)),
      2000,
    );
  } finally {
    fs.writeFileSync(storyFile(), original);
  }
});

test('with Redis gone both servers keep answering from what they have, say so once, and share again when it returns', async () => {
  const pages = ['/ar', '/en', storyPath('ar', 'armenia-freezes-csto-participation'), '/ar/feed.xml'];
  for (const { base } of servers) for (const page of pages) expect(await status(`${base}${page}`)).toBe(200);

  // What each server says from here on: a busy start may have said "unreachable at start" already.
  const logSince = servers.map(({ proc }) => proc.log.length);
  const saidSince = (i: number) => servers[i].proc.log.slice(logSince[i]);
  stop(redis);
  for (const i of servers.keys())
    await until(
      async () => saidSince(i).join('\n'),
      (log) => log.includes('[cache] Redis unreachable'),
      5000,
    );
  for (let round = 0; round < 3; round++) {
    for (const { base } of servers) {
      for (const page of pages) {
        const started = Date.now();
        expect(await status(`${base}${page}`), `${base}${page} with Redis down`).toBe(200);
        expect(Date.now() - started).toBeLessThan(2000);
      }
    }
  }
  for (const i of servers.keys())
    expect(
      // The state change itself; a cache instance Next creates late may add its own "unreachable at start".
      saidSince(i).filter((line) => line.startsWith('[cache] Redis unreachable:')),
      'one line per state change',
    ).toHaveLength(1);

  startRedis();
  for (const { proc } of servers)
    await until(
      async () => proc.log.filter((line) => line.includes('[publish] Redis reachable')).length,
      (n) => n >= 2,
      15_000,
    );
  const [a, b] = servers;
  const original = fs.readFileSync(storyFile(), 'utf8');
  try {
    fs.writeFileSync(storyFile(), original.replace(/^status: draft$/m, 'status: published'));
    const answer = await (await hook(b.base, [SLUG])).json();
    expect(answer.fleet).toEqual({ servers: 1, answered: 1 });
    await until(
      () => status(`${a.base}${storyPath('ar', SLUG)}`),
      (s) => s === 200,
      2000,
    );
    await until(
      () => text(`${a.base}/ar`),
      (html) => html.includes(storyPath('ar', SLUG)),
      2000,
    );
  } finally {
    fs.writeFileSync(storyFile(), original);
    await hook(b.base, [SLUG]);
  }
});

test('a server started while Redis is down serves at once, and joins the others when Redis comes up', async () => {
  stop(redis);
  const { base, proc: late, ready } = await startSahifa({ REDIS_URL: `redis://127.0.0.1:${redisPort}`, CONTENT_INDEX_FILE: path.join(scratch, 'late.sqlite') });
  try {
    await ready;
    expect(await status(`${base}${storyPath('ar', 'armenia-freezes-csto-participation')}`)).toBe(200);
    await until(
      async () => late.log.join('\n'),
      (log) => log.includes('[publish] Redis unreachable at start'),
      10_000,
    );

    startRedis();
    await until(
      async () => late.log.join('\n'),
      (log) => log.includes('[publish] Redis reachable') && log.includes('[cache] Redis reachable'),
      20_000,
    );
    for (const { proc } of servers)
      await until(
        async () => proc.log.filter((line) => line.includes('[publish] Redis reachable')).length,
        (n) => n >= 3,
        20_000,
      );
    const [a] = servers;
    const original = fs.readFileSync(storyFile(), 'utf8');
    try {
      fs.writeFileSync(storyFile(), original.replace(/^status: draft$/m, 'status: published'));
      const answer = await (await hook(base, [SLUG])).json();
      expect(answer.fleet).toEqual({ servers: 2, answered: 2 });
      await until(
        () => status(`${a.base}${storyPath('ar', SLUG)}`),
        (s) => s === 200,
        2000,
      );
    } finally {
      fs.writeFileSync(storyFile(), original);
      await hook(base, [SLUG]);
    }
  } finally {
    stop(late);
  }
});
