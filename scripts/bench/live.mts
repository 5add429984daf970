/**
 * npm run bench:live [-- --readers 1000 --minutes 2]: a live page under its readers, on this machine
 * (`next build` of a scratch content folder first, unless BENCH_SKIP_BUILD=1), after a warm-up of the server:
 *   render    the first (uncached) render of a 2,000-post live page's first page beside an ordinary
 *             story's and a 20-post live page's: each published through the hook, then requested; the
 *             median of a few rounds, and the page's HTML size
 *   load      1,000 simulated readers polling `/updates?after={cursor}` every 15 s (starts spread over
 *             the first 15 s, each with its own cursor and list of posts seen) while a post is
 *             published every 10 s for 2 minutes, and 2 loads a second of the live page itself: poll
 *             p50/p99, the server's CPU per poll, the load generator's own CPU, whether every reader saw
 *             every post once and in order, hook to post visible, the live page's p50/p99
 *   story     the same trickle of loads on an ordinary story page, the readers still polling, a
 *             publish of that story every 10 s: its p50/p99 for comparison
 * The scratch folder (.bench/live/) holds copies of content/stories and two generated live stories; it is
 * removed at the end. Writes artifacts/bench-live.json. Exit 1 when a target is missed.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import { formatValue, meets, targetText, type Result } from './results.mts';
import { buildUnlessSkipped, groupCpuMs, startServer, type BenchServer } from './server.mts';
import { freePort } from '../shared/free-port.ts';
import { median, percentile } from '../shared/stats.mts';

const { values } = parseArgs({
  options: { readers: { type: 'string', default: '1000' }, minutes: { type: 'string', default: '2' } },
});
const READERS = Number(values.readers);
const POLL_MS = 15_000;
const PUBLISH_EVERY_MS = 10_000;
const PUBLISHED = Math.round((Number(values.minutes) * 60_000) / PUBLISH_EVERY_MS);
const PAGE_LOADS_PER_SECOND = 2;
const STORY_PHASE_MS = 45_000;
const RENDER_ROUNDS = 5;
const BIG_POSTS = 2000;
const SMALL_POSTS = 20;
/** A post not visible this long after its hook counts as never seen by the publisher. */
const VISIBLE_TIMEOUT_MS = 10_000;

const SECRET = 'bench-live-revalidate-secret-0123456789abcdef';
const BIG = 'live-bench-2000';
const SMALL = 'live-bench-20';
const STORY = 'armenia-freezes-csto-participation';
const livePath = (slug: string) => `/ar/news/${slug}`;
const updatesPath = (slug: string, cursor?: string) => `${livePath(slug)}/updates${cursor ? `?after=${cursor}` : ''}`;

const scratch = path.resolve('.bench', 'live');
const contentDir = path.join(scratch, 'content');

// ---------------------------------------------------------------------------------------------------------
// HTTP: node:http with keep-alive agents, so the number of connections (and the generator's work) is bounded.

/** Reader polls: at most this many connections; a poll waiting for one counts the wait in its latency. */
const pollAgent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const pageAgent = new http.Agent({ keepAlive: true, maxSockets: 8 });
const controlAgent = new http.Agent({ keepAlive: true, maxSockets: 4 });

interface Answer {
  status: number;
  body: Buffer;
  /** Bytes on the wire (compressed when the server compressed). */
  wireBytes: number;
  ms: number;
  cache?: string;
}

let base = '';

function request(
  agent: http.Agent,
  pathAndQuery: string,
  { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${base}${pathAndQuery}`,
      { agent, method, headers: { 'accept-encoding': 'gzip', ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          const ms = performance.now() - started;
          try {
            const decoded = res.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(raw) : raw;
            resolve({
              status: res.statusCode!,
              body: decoded,
              wireBytes: raw.length,
              ms,
              cache: res.headers['x-nextjs-cache'] as string | undefined,
            });
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error(`${pathAndQuery}: no answer in 30 s`)));
    req.on('error', reject);
    req.end(body);
  });
}

interface UpdatesAnswer {
  status: string;
  cursor: string;
  posts: { id: string; rev: string; time: number }[];
  gap: boolean;
  window?: { id: string; rev: string }[];
}

async function publishHook(slug: string): Promise<number> {
  const started = performance.now();
  const answer = await request(controlAgent, '/api/revalidate', {
    method: 'POST',
    headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
    body: JSON.stringify({ slugs: [slug] }),
  });
  if (answer.status !== 200)
    throw new Error(`the publish hook answered ${answer.status}: ${answer.body.toString('utf8').slice(0, 300)}`);
  return performance.now() - started;
}

const progress = (message: string) =>
  console.log(`[bench:live] ${((performance.now() - runStarted) / 1000).toFixed(0)} s: ${message}`);
/** CPU time every process of this machine used so far (all cores), in ms: /proc/stat, less idle and I/O wait. */
function machineBusyMs(): number {
  const ticks = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal; Linux counts in ticks of 1/100 s.
  return (ticks.slice(0, 8).reduce((sum, tick) => sum + tick, 0) - ticks[3] - ticks[4]) * 10;
}
const sleepUntil = (at: number) => sleep(Math.max(0, at - performance.now()));

// ---------------------------------------------------------------------------------------------------------
// Content: the bundled stories, a 2,000-post live story and a 20-post one, in Arabic.

/** `time:` as the newsroom writes it: ISO with its offset. */
const isoWithOffset = (at: Date) => at.toISOString().replace('Z', '+00:00');

function liveStoryFile(title: string, publishedAt: Date): string {
  return [
    '---',
    `title: ${JSON.stringify(title)}`,
    'summary: "آخر المستجدات لحظة بلحظة من فرق الإنقاذ والسلطات المحلية."',
    'section: world',
    'tags: ["زلازل"]',
    `publishedAt: "${publishedAt.toISOString()}"`,
    'status: published',
    'live: live',
    'sources: ["صحيفة"]',
    '---',
    '- فرق الإنقاذ تعمل في ثلاث مدن.',
    '- لا تحذير من موجات بحرية.',
    '- المدارس مغلقة اليوم.',
    '',
  ].join('\n');
}

function postFile(
  n: number,
  at: Date,
  { headline, key = false, pinned = false }: { headline?: string; key?: boolean; pinned?: boolean } = {},
): string {
  const front = [
    `time: "${isoWithOffset(at)}"`,
    ...(headline ? [`headline: ${JSON.stringify(headline)}`] : []),
    ...(key ? ['key: true'] : []),
    ...(pinned ? ['pinned: true'] : []),
  ];
  const body =
    `تحديث رقم ${n} من غرفة الأخبار: قالت فرق الدفاع المدني إن عمليات البحث مستمرة في الأحياء المتضررة، ` +
    `وإن فرقًا إضافية وصلت من المدن المجاورة. [بيان الدفاع المدني](https://example.org/statement/${n}).\n\n` +
    'وأضاف المتحدث أن **الطرق الرئيسية** مفتوحة، وأن المستشفيات تعمل بطاقتها الكاملة.';
  return ['---', ...front, '---', body, ''].join('\n');
}

function writeLiveStory(slug: string, title: string, posts: number, newest: Date) {
  const folder = path.join(contentDir, 'stories', slug);
  const postsDir = path.join(folder, 'live', 'ar');
  fs.mkdirSync(postsDir, { recursive: true });
  const minute = 60_000;
  const first = new Date(newest.getTime() - (posts - 1) * minute);
  fs.writeFileSync(path.join(folder, 'ar.md'), liveStoryFile(title, first));
  for (let n = 1; n <= posts; n++) {
    const at = new Date(first.getTime() + (n - 1) * minute);
    // A key event every 50 posts (40 listed on the 2,000-post page), a headline every 10, the first pinned.
    const options = {
      headline: n % 10 === 0 ? `الدفاع المدني: انتشال ${n} ناجين` : undefined,
      key: n % 50 === 0,
      pinned: n === 1,
    };
    fs.writeFileSync(path.join(postsDir, `p${String(n).padStart(4, '0')}.md`), postFile(n, at, options));
  }
}

function makeContent() {
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.mkdirSync(contentDir, { recursive: true });
  fs.cpSync(path.resolve('content', 'stories'), path.join(contentDir, 'stories'), { recursive: true });
  // The newest generated post a few minutes ago: the page is running, and nothing is ahead of the clock.
  const newest = new Date(Date.now() - 5 * 60_000);
  writeLiveStory(BIG, 'زلزال بقوة 6.1 يضرب المنطقة: تغطية مباشرة', BIG_POSTS, newest);
  writeLiveStory(SMALL, 'عاصفة رملية تغلق المطار: تغطية مباشرة', SMALL_POSTS, newest);
}

/** A new post in the 2,000-post story, as an editor's tool would add it: the file, then the hook. */
function writeBenchPost(n: number): string {
  const id = `bench-${String(n).padStart(3, '0')}`;
  const file = path.join(contentDir, 'stories', BIG, 'live', 'ar', `${id}.md`);
  // Written beside, then renamed: a scan never reads half a file.
  fs.writeFileSync(
    `${file}.tmp`,
    postFile(BIG_POSTS + n, new Date(), { headline: n % 3 === 0 ? `عاجل: تحديث ${n}` : undefined }),
  );
  fs.renameSync(`${file}.tmp`, file);
  return id;
}

// ---------------------------------------------------------------------------------------------------------
// Phase 1: first renders.

interface RenderSample {
  ms: number;
  cache?: string;
  htmlBytes: number;
  wireBytes: number;
  hookCpuMs: number;
  renderCpuMs: number;
}

const PAGES = [BIG, SMALL, STORY];

/** Each page's first request after start: code still cold, the page perhaps prerendered by the build. */
async function firstRequests(): Promise<Map<string, { ms: number; cache?: string }>> {
  const cold = new Map<string, { ms: number; cache?: string }>();
  for (const slug of PAGES) {
    const answer = await request(pageAgent, livePath(slug));
    if (answer.status !== 200) throw new Error(`${livePath(slug)} answered ${answer.status}`);
    cold.set(slug, { ms: answer.ms, cache: answer.cache });
  }
  return cold;
}

async function renderRounds(server: BenchServer) {
  const samples = new Map<string, RenderSample[]>(PAGES.map((slug) => [slug, []]));
  // Round -1 is not counted: the render code compiled, as on a server that has been up for a while.
  for (let round = -1; round < RENDER_ROUNDS; round++) {
    for (const slug of round % 2 ? [...PAGES].reverse() : PAGES) {
      const cpu0 = groupCpuMs(server.pid);
      await publishHook(slug);
      const cpu1 = groupCpuMs(server.pid);
      const answer = await request(pageAgent, livePath(slug));
      const cpu2 = groupCpuMs(server.pid);
      if (answer.status !== 200) throw new Error(`${livePath(slug)} answered ${answer.status}`);
      if (round >= 0)
        samples.get(slug)!.push({
          ms: answer.ms,
          cache: answer.cache,
          htmlBytes: answer.body.length,
          wireBytes: answer.wireBytes,
          hookCpuMs: cpu1 - cpu0,
          renderCpuMs: cpu2 - cpu1,
        });
      // The hook's work after its answer (a CDN purge) and the render's cache write settle first.
      await sleep(300);
    }
  }
  const fresh = [...samples.values()]
    .flat()
    .filter((sample) => sample.cache !== 'HIT' && sample.cache !== 'STALE').length;
  if (fresh < PAGES.length * RENDER_ROUNDS)
    console.warn(
      `[bench:live] only ${fresh} of ${PAGES.length * RENDER_ROUNDS} requests after a publish were fresh renders (x-nextjs-cache MISS)`,
    );
  return samples;
}

/** Server CPU of one cached load of a page, from many in a row. */
async function cpuPerCachedLoad(server: BenchServer, pagePath: string, count: number): Promise<number> {
  await request(pageAgent, pagePath);
  const cpu0 = groupCpuMs(server.pid);
  for (let i = 0; i < count; i++) await request(pageAgent, pagePath);
  return (groupCpuMs(server.pid) - cpu0) / count;
}

/** `count` requests for one URL, `concurrency` at a time. */
async function repeat(
  pathAndQuery: string,
  count: number,
  concurrency: number,
  expectStatus: number,
  headers: Record<string, string> = {},
): Promise<void> {
  const first = await request(pollAgent, pathAndQuery, { headers });
  if (first.status !== expectStatus) throw new Error(`${pathAndQuery} answered ${first.status}, not ${expectStatus}`);
  let next = 1;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < count) await request(pollAgent, pathAndQuery, { headers });
    }),
  );
}

/** Server CPU per request of one URL asked `count` times, one at a time (as polls spread over 15 s arrive). */
async function cpuPerRequest(
  server: BenchServer,
  pathAndQuery: string,
  count: number,
  expectStatus: number,
  headers: Record<string, string> = {},
): Promise<number> {
  const cpu0 = groupCpuMs(server.pid);
  await repeat(pathAndQuery, count, 1, expectStatus, headers);
  return (groupCpuMs(server.pid) - cpu0) / count;
}

/**
 * A server just started costs more CPU per request than one that has answered a few thousand (V8 has not
 * compiled the code yet). Production servers run for days, so every figure is taken after this.
 */
async function warmUp(): Promise<void> {
  const cursor = (JSON.parse((await request(pollAgent, updatesPath(BIG))).body.toString('utf8')) as UpdatesAnswer)
    .cursor;
  await repeat(updatesPath(BIG, cursor), 5000, 8, 200);
  await repeat(updatesPath('no-such-live-story', cursor), 500, 8, 404);
  for (const slug of [BIG, SMALL, STORY]) await repeat(livePath(slug), 200, 4, 200);
}

// ---------------------------------------------------------------------------------------------------------
// Phases 2 and 3: readers, publisher, page loads.

interface Reader {
  cursor: string;
  /** Posts first seen, oldest first: ids not on the page when it was opened. */
  seen: string[];
  known: Set<string>;
  polls: number;
  errors: number;
  gaps: number;
  /** Answers listing a post twice. */
  doubledInAnswer: number;
  /** Posts an answer listed that the reader had already (the answer starts at the cursor's own time). */
  resent: number;
}

interface PollSample {
  ms: number;
  at: number;
}

interface PageSample {
  ms: number;
  status: number;
  cache?: string;
}

async function loadPhase(server: BenchServer) {
  // Every reader opened the page before the first publish: the cursor the page was rendered with.
  const opened = JSON.parse((await request(controlAgent, updatesPath(BIG))).body.toString('utf8')) as UpdatesAnswer;
  const onPage = new Set((opened.window ?? []).map((post) => post.id));
  const readers: Reader[] = Array.from({ length: READERS }, () => ({
    cursor: opened.cursor,
    seen: [],
    known: new Set(),
    polls: 0,
    errors: 0,
    gaps: 0,
    doubledInAnswer: 0,
    resent: 0,
  }));
  const polls: PollSample[] = [];
  const livePage: PageSample[] = [];
  const storyPage: PageSample[] = [];
  const published: { id: string; hookMs: number; visibleMs: number }[] = [];
  /** Requests of phase A (load) that were not reader polls: the publisher's hooks and its visibility checks. */
  const control = { hooks: 0, checks: 0 };
  /** When each publish hook of phase A was called. */
  const hooksAt: number[] = [];
  const phase = { aEnd: Infinity, bEnd: Infinity };

  const t0 = performance.now() + 500;
  await sleepUntil(t0);
  const cpuA0 = groupCpuMs(server.pid);
  const generatorA0 = process.cpuUsage();
  const machineA0 = machineBusyMs();

  async function poll(reader: Reader) {
    const at = performance.now();
    let answer: Answer;
    try {
      answer = await request(pollAgent, updatesPath(BIG, reader.cursor));
    } catch {
      reader.errors++;
      return;
    }
    reader.polls++;
    polls.push({ ms: answer.ms, at });
    if (answer.status !== 200) {
      reader.errors++;
      return;
    }
    const update = JSON.parse(answer.body.toString('utf8')) as UpdatesAnswer;
    reader.cursor = update.cursor;
    if (update.gap) reader.gaps++;
    const ids = update.posts.map((post) => post.id);
    if (new Set(ids).size !== ids.length) reader.doubledInAnswer++;
    // Newest first in the answer; the page puts them in above what it shows, so oldest first is reading order.
    for (const id of ids.reverse()) {
      if (onPage.has(id) || reader.known.has(id)) reader.resent++;
      else {
        reader.known.add(id);
        reader.seen.push(id);
      }
    }
  }

  const readerRuns = readers.map(async (reader, i) => {
    for (let at = t0 + (i / READERS) * POLL_MS; at < phase.bEnd; at += POLL_MS) {
      await sleepUntil(at);
      if (performance.now() >= phase.bEnd) break;
      await poll(reader);
    }
  });

  /** Loads of a page at a steady rate, each on its own, until `until()` passes. */
  async function trickle(pagePath: string, samples: PageSample[], from: number, until: () => number) {
    const loads: Promise<void>[] = [];
    for (let k = 0; from + (k * 1000) / PAGE_LOADS_PER_SECOND < until(); k++) {
      await sleepUntil(from + (k * 1000) / PAGE_LOADS_PER_SECOND);
      if (performance.now() >= until()) break;
      loads.push(
        request(pageAgent, pagePath).then(
          (answer) => void samples.push({ ms: answer.ms, status: answer.status, cache: answer.cache }),
          () => void samples.push({ ms: NaN, status: 0 }),
        ),
      );
    }
    await Promise.all(loads);
  }
  const liveLoads = trickle(livePath(BIG), livePage, t0, () => phase.aEnd);

  // The publisher: a post every 10 s, then the hook, then asks as a reader would until the post is there.
  let cursor = opened.cursor;
  let lastVisibleAt = t0;
  for (let n = 1; n <= PUBLISHED; n++) {
    await sleepUntil(t0 + n * PUBLISH_EVERY_MS);
    const id = writeBenchPost(n);
    const hookStarted = performance.now();
    hooksAt.push(hookStarted);
    const hookMs = await publishHook(BIG);
    control.hooks++;
    let visibleMs = NaN;
    for (;;) {
      const answer = await request(controlAgent, updatesPath(BIG, cursor));
      control.checks++;
      const update = JSON.parse(answer.body.toString('utf8')) as UpdatesAnswer;
      if (update.posts.some((post) => post.id === id)) {
        lastVisibleAt = performance.now();
        visibleMs = lastVisibleAt - hookStarted;
        cursor = update.cursor;
        break;
      }
      if (performance.now() - hookStarted > VISIBLE_TIMEOUT_MS) break;
      await sleep(20);
    }
    published.push({ id, hookMs, visibleMs });
  }
  // Every reader polls once more after the last post showed: then phase A ends.
  phase.aEnd = lastVisibleAt + POLL_MS + 500;
  await sleepUntil(phase.aEnd);
  const cpuA = groupCpuMs(server.pid) - cpuA0;
  const generatorA = process.cpuUsage(generatorA0);
  const machineA = machineBusyMs() - machineA0;
  const secondsA = (phase.aEnd - t0) / 1000;
  await liveLoads;

  // Phase B: the same trickle on an ordinary story, the readers still polling, the story published every 10 s.
  const tB = performance.now();
  phase.bEnd = tB + STORY_PHASE_MS;
  const storyLoads = trickle(livePath(STORY), storyPage, tB, () => phase.bEnd);
  for (let n = 1; tB + n * PUBLISH_EVERY_MS < phase.bEnd; n++) {
    await sleepUntil(tB + n * PUBLISH_EVERY_MS);
    await publishHook(STORY);
  }
  await Promise.all([storyLoads, ...readerRuns]);

  const pollsA = polls.filter((sample) => sample.at < phase.aEnd);
  const loadsA = livePage.length;
  return {
    readers,
    published,
    pollsA,
    livePage,
    storyPage,
    control,
    secondsA,
    hooksAt,
    machineCpuMs: machineA,
    cpuA,
    generatorCpuMs: (generatorA.user + generatorA.system) / 1000,
    requestsA: pollsA.length + loadsA + control.hooks + control.checks,
  };
}

// ---------------------------------------------------------------------------------------------------------
// The run.

const runStarted = performance.now();
let server: BenchServer | undefined;
let stopping = false;
const cleanUp = () => {
  stopping = true;
  server?.stop();
  fs.rmSync(scratch, { recursive: true, force: true });
};
process.on('SIGINT', () => {
  cleanUp();
  process.exit(130);
});

const results: Result[] = [];
const notes: string[] = [];
let report: Record<string, unknown> = {};
try {
  makeContent();
  const port = await freePort();
  Object.assign(process.env, {
    CONTENT_DIR: contentDir,
    CONTENT_INDEX_FILE: path.join(scratch, 'index.sqlite'),
    PRERENDER_STORIES: '3',
    SITE_URL: `http://127.0.0.1:${port}`,
  });
  const buildStarted = performance.now();
  progress(
    process.env.BENCH_SKIP_BUILD === '1'
      ? 'BENCH_SKIP_BUILD=1: the current .next build'
      : 'next build against the scratch folder',
  );
  buildUnlessSkipped();
  const buildSeconds = (performance.now() - buildStarted) / 1000;
  server = await startServer(port, { REVALIDATE_SECRET: SECRET, SHUTDOWN_DRAIN_MS: '0' });
  void server.exited.then(() => {
    if (!stopping)
      console.error(
        `[bench:live] the server (pid ${server?.pid}) ended during the run: its stderr is above; a signal from outside leaves none`,
      );
  });
  base = server.base;
  progress(`server on ${base}, pid ${server.pid}`);
  await server.waitForLine(/\[content\] index checked/, 60_000).catch(() => undefined);

  const cold = await firstRequests();
  progress('warm-up: 5,000 polls and 600 page loads');
  await warmUp();
  // Renders, then the CPU of the other kinds of request, measured alone.
  progress('first renders');
  const samples = await renderRounds(server);
  const renderMs = (slug: string) => median(samples.get(slug)!.map((sample) => sample.ms));
  const renderCpuMs = median(samples.get(BIG)!.map((sample) => sample.renderCpuMs));
  const hookCpuMs = median(samples.get(BIG)!.map((sample) => sample.hookCpuMs));
  const cachedLoadCpuMs = await cpuPerCachedLoad(server, livePath(BIG), 200);
  // Polls alone with an up-to-date cursor (the common answer: nothing new), and the same route for a story
  // that does not exist (one index lookup, then a 404): what any request through Next's route handler costs here.
  const upToDate = (JSON.parse((await request(pollAgent, updatesPath(BIG))).body.toString('utf8')) as UpdatesAnswer)
    .cursor;
  const pollAloneCpuMs = await cpuPerRequest(server, updatesPath(BIG, upToDate), 2000, 200);
  // Every request here asks for gzip, as browsers and CDNs do; without it, what Next's compression costs shows.
  const pollIdentityCpuMs = await cpuPerRequest(server, updatesPath(BIG, upToDate), 2000, 200, {
    'accept-encoding': 'identity',
  });
  const routeFloorCpuMs = await cpuPerRequest(server, updatesPath('no-such-live-story', upToDate), 2000, 404);

  progress(
    `load: ${READERS} readers, a post every ${PUBLISH_EVERY_MS / 1000} s for ${values.minutes} min, then the story page`,
  );
  const load = await loadPhase(server);

  // Readers: did each see every published post, once, in the order published?
  const order = new Map(load.published.map(({ id }, i) => [id, i]));
  let complete = 0;
  let missed = 0;
  let outOfOrder = 0;
  let strangers = 0;
  for (const reader of load.readers) {
    const positions = reader.seen.map((id) => order.get(id));
    strangers += positions.filter((position) => position === undefined).length;
    const ours = positions.filter((position) => position !== undefined);
    const readerMissed = load.published.length - new Set(ours).size;
    const inOrder = ours.every((position, i) => i === 0 || position > ours[i - 1]);
    missed += readerMissed;
    if (!inOrder) outOfOrder++;
    if (readerMissed === 0 && inOrder) complete++;
  }
  const sum = (pick: (reader: (typeof load.readers)[number]) => number) =>
    load.readers.reduce((total, reader) => total + pick(reader), 0);
  const pollMs = load.pollsA.map((sample) => sample.ms);
  const liveMs = load.livePage.filter((sample) => sample.status === 200).map((sample) => sample.ms);
  const storyMs = load.storyPage.filter((sample) => sample.status === 200).map((sample) => sample.ms);
  const visible = load.published.map((post) => post.visibleMs);
  const liveRenders = load.livePage.filter((sample) => sample.cache !== 'HIT').length;
  const liveHits = load.livePage.length - liveRenders;
  const pollsServed = load.pollsA.length + load.control.checks;
  const othersCpuMs = liveHits * cachedLoadCpuMs + liveRenders * renderCpuMs + load.control.hooks * hookCpuMs;
  const bigHtml = samples.get(BIG)!.at(-1)!;
  const storyHtml = samples.get(STORY)!.at(-1)!;
  const nearHook = (at: number) => load.hooksAt.some((hookAt) => at >= hookAt && at < hookAt + 1000);
  const quietPollMs = load.pollsA.filter((sample) => !nearHook(sample.at)).map((sample) => sample.ms);
  const busyPollMs = load.pollsA.filter((sample) => nearHook(sample.at)).map((sample) => sample.ms);

  results.push(
    { name: `polls made (${READERS} readers, ${load.secondsA.toFixed(0)} s)`, value: load.pollsA.length, unit: '' },
    {
      name: 'poll errors (non-200 or failed) and gap answers',
      value: sum((reader) => reader.errors) + sum((reader) => reader.gaps),
      unit: '',
      target: 0,
    },
    { name: 'poll latency p50', value: percentile(pollMs, 50), unit: 'ms' },
    { name: 'poll latency p99', value: percentile(pollMs, 99), unit: 'ms', target: 100 },
    {
      name: 'poll latency p99, polls not started within 1 s after a publish',
      value: percentile(quietPollMs, 99),
      unit: 'ms',
      reference: `${quietPollMs.length} of ${pollMs.length} polls; within 1 s after a hook: p99 ${percentile(busyPollMs, 99).toFixed(1)} ms`,
    },
    {
      name: 'server CPU per request, everything served in the load phase',
      value: load.cpuA / load.requestsA,
      unit: 'ms',
      reference: `${load.cpuA} ms over ${load.requestsA} requests: ${pollsServed} polls, ${load.livePage.length} page loads, ${load.control.hooks} hooks`,
    },
    {
      name: 'server CPU per poll, page loads and hooks subtracted',
      value: Math.max(0, load.cpuA - othersCpuMs) / pollsServed,
      unit: 'ms',
      target: 2,
      reference: `${liveHits} cached loads × ${cachedLoadCpuMs.toFixed(2)} ms, ${liveRenders} renders × ${renderCpuMs} ms, ${load.control.hooks} hooks × ${hookCpuMs} ms`,
    },
    {
      name: 'server CPU per poll, 2,000 polls alone (nothing new)',
      value: pollAloneCpuMs,
      unit: 'ms',
      target: 2,
      reference: `without gzip asked for: ${pollIdentityCpuMs.toFixed(2)} ms; the same route for a missing story (a lookup, then 404): ${routeFloorCpuMs.toFixed(2)} ms`,
    },
    {
      name: 'load generator CPU, share of one core',
      value: (100 * load.generatorCpuMs) / (load.secondsA * 1000),
      unit: '%',
      reference: `${(load.generatorCpuMs / 1000).toFixed(1)} s CPU in ${load.secondsA.toFixed(0)} s; server ${(load.cpuA / 1000).toFixed(1)} s = ${((100 * load.cpuA) / (load.secondsA * 1000)).toFixed(0)}%`,
    },
    {
      name: `whole machine busy in the load phase (${os.availableParallelism()} cores)`,
      value: (100 * load.machineCpuMs) / (load.secondsA * 1000 * os.availableParallelism()),
      unit: '%',
      reference: `server ${(load.cpuA / 1000).toFixed(1)} s, load generator ${(load.generatorCpuMs / 1000).toFixed(1)} s, other processes ${((load.machineCpuMs - load.cpuA - load.generatorCpuMs) / 1000).toFixed(1)} s`,
    },
    { name: 'posts published (one every 10 s)', value: load.published.length, unit: '' },
    {
      name: 'readers who saw every post, in order',
      value: (100 * complete) / READERS,
      unit: '%',
      target: -100,
      reference: `${complete} of ${READERS}`,
    },
    { name: 'posts missed (reader × post)', value: missed, unit: '', target: 0 },
    { name: 'readers who saw posts out of order', value: outOfOrder, unit: '', target: 0 },
    {
      name: 'posts shown twice (answers listing a post twice, or posts not published)',
      value: sum((reader) => reader.doubledInAnswer) + strangers,
      unit: '',
      target: 0,
      reference: `${sum((reader) => reader.resent)} already-seen posts re-sent, dropped by id as the page does`,
    },
    { name: 'hook → post visible to a poll, p50', value: median(visible), unit: 'ms' },
    {
      name: 'hook → post visible to a poll, max',
      value: Math.max(...visible),
      unit: 'ms',
      target: 3000,
      reference: `hook itself p50 ${median(load.published.map((post) => post.hookMs)).toFixed(0)} ms`,
    },
    { name: `live page (${BIG_POSTS} posts) p50 under the load`, value: percentile(liveMs, 50), unit: 'ms' },
    {
      name: `live page (${BIG_POSTS} posts) p99 under the load`,
      value: percentile(liveMs, 99),
      unit: 'ms',
      reference: `${liveMs.length} loads, ${liveRenders} not from the cache; story page p99 ${percentile(storyMs, 99).toFixed(1)} ms`,
    },
    { name: 'story page p50, same trickle, separate phase', value: percentile(storyMs, 50), unit: 'ms' },
    {
      name: 'story page p99, same trickle, separate phase',
      value: percentile(storyMs, 99),
      unit: 'ms',
      reference: `${storyMs.length} loads, a publish every 10 s`,
    },
    {
      name: `first render, ${BIG_POSTS}-post live page (median of ${RENDER_ROUNDS})`,
      value: renderMs(BIG),
      unit: 'ms',
      reference: `CPU ${renderCpuMs} ms`,
    },
    { name: `first render, ${SMALL_POSTS}-post live page`, value: renderMs(SMALL), unit: 'ms' },
    { name: 'first render, story page', value: renderMs(STORY), unit: 'ms' },
    {
      name: `${BIG_POSTS}-post page render ÷ story render`,
      value: renderMs(BIG) / renderMs(STORY),
      unit: '×',
      target: 1.5,
    },
    {
      name: `${BIG_POSTS}-post page HTML`,
      value: bigHtml.htmlBytes / 1024,
      unit: 'KB',
      reference: `${(bigHtml.wireBytes / 1024).toFixed(1)} KB gzip; story page ${(storyHtml.htmlBytes / 1024).toFixed(1)} KB, ${(storyHtml.wireBytes / 1024).toFixed(1)} KB gzip`,
    },
  );
  const errorLoads = [...load.livePage, ...load.storyPage].filter((sample) => sample.status !== 200).length;
  if (errorLoads) notes.push(`${errorLoads} page loads failed or were not 200`);
  notes.push(
    `render requests' x-nextjs-cache: ${[...samples.entries()].map(([slug, list]) => `${slug} ${list.map((sample) => sample.cache ?? '-').join(',')}`).join('; ')}`,
    `first request after start: ${[...cold.entries()].map(([slug, sample]) => `${slug} ${sample.ms.toFixed(0)} ms (${sample.cache ?? '-'})`).join('; ')}`,
    `build ${process.env.BENCH_SKIP_BUILD === '1' ? 'skipped' : `${buildSeconds.toFixed(0)} s`}; whole run ${((performance.now() - runStarted) / 1000).toFixed(0)} s`,
  );
  report = {
    at: new Date().toISOString(),
    readers: READERS,
    pollMs: POLL_MS,
    published: load.published,
    results,
    notes,
  };
} finally {
  stopping = true;
  server?.stop();
  await Promise.race([server?.exited, sleep(15_000)]);
  fs.rmSync(scratch, { recursive: true, force: true });
  for (const agent of [pollAgent, pageAgent, controlAgent]) agent.destroy();
}

const shown = (r: Result) => `${formatValue(r)}${r.unit ? ` ${r.unit}` : ''}`;
const targetOf = (r: Result) => (r.target === undefined ? '' : `${targetText(r)} ${r.unit}`.trim());

console.log(
  `\nbench:live, ${READERS} readers, a post every ${PUBLISH_EVERY_MS / 1000} s for ${values.minutes} min, ${new Date().toISOString()}\n`,
);
console.log('| measure | value | target | | notes |\n| --- | --- | --- | --- | --- |');
let missedTargets = 0;
for (const r of results) {
  if (!meets(r)) missedTargets++;
  const verdict = r.target === undefined ? '' : meets(r) ? 'ok' : 'MISSED';
  console.log(`| ${r.name} | ${shown(r)} | ${targetOf(r)} | ${verdict} | ${r.reference ?? ''} |`);
}
for (const note of notes) console.log(`\n- ${note}`);
fs.mkdirSync('artifacts', { recursive: true });
fs.writeFileSync(path.join('artifacts', 'bench-live.json'), JSON.stringify(report, null, 2));
process.exit(missedTargets ? 1 : 0);
