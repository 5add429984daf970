/**
 * npm run bench:scale [-- --stories 100000 --out /tmp/sahifa-scale]
 *
 * Sahifa at archive scale against the bundled content, in one run on this machine:
 *   generate   the synthetic archive (npm run content:generate)
 *   build      `next build` time, .next size, peak memory
 *   start      spawn until the first page answers; server memory idle and after a mixed load
 *   latency    story, home and section p50 at the bundled 21 stories and at N (target ratio ≤ 1.2)
 *   publish    a new story through the hook while readers load pages: hook time, time until it is
 *              served and on the home page (≤ 1 s), the readers' p99 meanwhile; a 100-slug hook (≤ 2 s)
 *   404 scan   10,000 unknown story, section and page URLs: disk and memory growth (≤ 20 MB), and
 *              the p50 of a real page during the scan
 * Writes artifacts/bench-scale.json. Exit 1 when a target is missed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { groupRssMb, heapProbeEnv, liveHeapMb, startServer, type BenchServer } from './server.mts';

const { values } = parseArgs({
  options: {
    stories: { type: 'string', default: '100000' },
    out: { type: 'string', default: '/tmp/sahifa-scale' },
    'reuse-archive': { type: 'boolean', default: false },
  },
});
const STORIES = Number(values.stories);
const ARCHIVE = path.resolve(values.out);
const PORT = 3300;
const SECRET = 'bench-publish-secret';
const REFERENCE_STORY = '/ar/news/armenia-freezes-csto-participation';

interface Row {
  name: string;
  small?: number;
  large: number;
  unit: string;
  target?: string;
  ok?: boolean;
}
const rows: Row[] = [];

function duMb(dir: string): number {
  return Number(execFileSync('du', ['-sk', dir], { encoding: 'utf8' }).split('\t')[0]) / 1024;
}

const HEAP_FILE = path.resolve('artifacts', 'heap-probe.json');

function indexMb(): number {
  const dir = path.join('.next', 'cache', 'sahifa');
  return fs.existsSync(dir)
    ? fs.readdirSync(dir).reduce((sum, file) => sum + fs.statSync(path.join(dir, file)).size, 0) / 1048576
    : 0;
}

function build(contentDir: string): { seconds: number; peakMb: number; distMb: number } {
  const started = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', '%M', 'node', 'node_modules/next/dist/bin/next', 'build'], {
    env: { ...process.env, CONTENT_DIR: contentDir, REVALIDATE_SECRET: SECRET },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`next build failed:\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`);
  const peakKb = Number(run.stderr.trim().split('\n').pop());
  // The build output, without Next's build cache and the story indexes kept there.
  return {
    seconds: (performance.now() - started) / 1000,
    peakMb: peakKb / 1024,
    distMb: duMb('.next') - duMb(path.join('.next', 'cache')),
  };
}

async function load(url: string | string[], seconds: number, connections: number) {
  const urls = Array.isArray(url) ? url : [url];
  let i = 0;
  const result = await autocannon({
    url: urls[0],
    connections,
    duration: seconds,
    requests: [{ setupRequest: (request) => ({ ...request, path: new URL(urls[i++ % urls.length]).pathname }) }],
  });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    errors: result.errors + result.non2xx,
  };
}

/** What a reader mix looks like: stories old and new, home, sections, feeds, cards. */
function mixedUrls(base: string, slugs: string[]): string[] {
  const urls = [
    `${base}/ar`,
    `${base}/en`,
    `${base}/ar/section/world`,
    `${base}/en/section/science`,
    `${base}/ar/feed.xml`,
    `${base}${REFERENCE_STORY}`,
  ];
  for (const slug of slugs)
    urls.push(
      `${base}/ar/news/${encodeURIComponent(slug)}`,
      `${base}/ar/news/${encodeURIComponent(slug)}/opengraph-image`,
    );
  return urls;
}

/** Published Arabic stories spread over the archive. */
function sampleSlugs(contentDir: string, count: number): string[] {
  const folders = fs.readdirSync(path.join(contentDir, 'stories'));
  const picked: string[] = [];
  for (let i = 0; picked.length < count && i < folders.length * 2; i++) {
    const slug = folders[Math.floor((i * folders.length) / count) % folders.length];
    const file = path.join(contentDir, 'stories', slug, 'ar.md');
    if (!picked.includes(slug) && fs.existsSync(file) && /^status: "?published"?$/m.test(fs.readFileSync(file, 'utf8')))
      picked.push(slug);
  }
  return picked;
}

interface SiteFigures {
  build: ReturnType<typeof build>;
  startupMs: number;
  indexCheckedMs: number;
  rssIdle: number;
  rssLoaded: number;
  heapIdle: number;
  heapLoaded: number;
  story: number;
  home: number;
  section: number;
  server: BenchServer;
}

async function measureSite(contentDir: string): Promise<SiteFigures> {
  // A first build: the story index is made from nothing (later builds reuse it and only read changes).
  fs.rmSync(path.join('.next', 'cache', 'sahifa'), { recursive: true, force: true });
  const built = build(contentDir);
  const server = await startServer(PORT, {
    CONTENT_DIR: contentDir,
    REVALIDATE_SECRET: SECRET,
    ...heapProbeEnv(HEAP_FILE),
  });
  const startupMs = server.startupMs;
  // The start-up comparison of the index with the folder runs behind the first requests; measure after it.
  const indexCheckedMs = await server.waitForLine(/\[content\] index checked/, 300_000);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const rssIdle = groupRssMb(server.pid);
  const heapIdle = await liveHeapMb(server, HEAP_FILE);
  await load(mixedUrls(server.base, sampleSlugs(contentDir, 200)), 20, 20);
  const rssLoaded = groupRssMb(server.pid);
  const heapLoaded = await liveHeapMb(server, HEAP_FILE);
  const story = (await load(`${server.base}${REFERENCE_STORY}`, 8, 10)).p50;
  const home = (await load(`${server.base}/ar`, 8, 10)).p50;
  const section = (await load(`${server.base}/ar/section/world`, 8, 10)).p50;
  return {
    build: built,
    startupMs,
    indexCheckedMs,
    rssIdle,
    rssLoaded,
    heapIdle,
    heapLoaded,
    story,
    home,
    section,
    server,
  };
}

async function hookCall(base: string, slugs: string[]) {
  const started = performance.now();
  const response = await fetch(`${base}/api/revalidate`, {
    method: 'POST',
    headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
    body: JSON.stringify({ slugs }),
  });
  if (!response.ok) throw new Error(`hook answered ${response.status}`);
  return performance.now() - started;
}

async function measurePublish(server: BenchServer, contentDir: string) {
  const slug = `bench-breaking-${Date.now()}`;
  const folder = path.join(contentDir, 'stories', slug);
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(
    path.join(folder, 'ar.md'),
    `---\ntitle: "خبر عاجل للقياس"\nsummary: "قصة تنشر أثناء القياس."\nsection: world\ntags: ["قياس"]\npublishedAt: "${new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')}"\nstatus: published\n---\nنص الخبر.\n`,
  );
  const readers = load(mixedUrls(server.base, sampleSlugs(contentDir, 100)), 10, 10);
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const started = performance.now();
  const hookMs = await hookCall(server.base, [slug]);
  /** Milliseconds from the hook call until `check` first holds, asking every 25 ms as a reader would. */
  const until = async (check: () => Promise<boolean>) => {
    while (!(await check())) {
      if (performance.now() - started > 30_000) throw new Error('the published story never showed');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return performance.now() - started;
  };
  const [servedMs, homeMs] = await Promise.all([
    until(async () => (await fetch(`${server.base}/ar/news/${slug}`)).status === 200),
    until(async () => (await (await fetch(`${server.base}/ar`)).text()).includes(`/ar/news/${slug}`)),
  ]);
  const during = await readers;
  const hundred = await hookCall(server.base, sampleSlugs(contentDir, 100));
  fs.rmSync(folder, { recursive: true });
  await hookCall(server.base, [slug]);
  return { hookMs, servedMs, homeMs, readersP99: during.p99, readersErrors: during.errors, hundred };
}

async function measureScan(server: BenchServer) {
  const unknownUrl = (i: number) => {
    const token = `scan-${i}-${(i * 2654435761) % 1_000_003}`;
    return [
      `${server.base}/ar/news/${token}`,
      `${server.base}/en/section/${token}`,
      `${server.base}/ar/section/world/page/${5000 + i}`,
    ][i % 3];
  };
  // A first 300 unknown URLs load the 404 routes' code: what is left is the cost per URL.
  for (let i = 0; i < 300; i += 30)
    await Promise.all(
      Array.from({ length: 30 }, (_, j) => fetch(unknownUrl(100_000 + i + j)).then((r) => r.arrayBuffer())),
    );
  const serverDir = path.join('.next', 'server');
  const diskBefore = duMb(serverDir);
  const rssBefore = groupRssMb(server.pid);
  const heapBefore = await liveHeapMb(server, HEAP_FILE);
  const unknown = Array.from({ length: 10_000 }, (_, i) => unknownUrl(i));
  let sent = 0;
  const scan = autocannon({
    url: unknown[0],
    connections: 50,
    amount: unknown.length,
    requests: [
      { setupRequest: (request) => ({ ...request, path: new URL(unknown[sent++ % unknown.length]).pathname }) },
    ],
  });
  const real = load(`${server.base}${REFERENCE_STORY}`, 8, 2);
  const [scanned, during] = await Promise.all([scan, real]);
  return {
    rps: scanned.requests.average,
    statuses: scanned.statusCodeStats,
    diskGrowth: duMb(serverDir) - diskBefore,
    rssGrowth: groupRssMb(server.pid) - rssBefore,
    heapGrowth: (await liveHeapMb(server, HEAP_FILE)) - heapBefore,
    realP50: during.p50,
  };
}

const generateStarted = performance.now();
// --reuse-archive: the archive of an earlier run (same seed, so the same stories) saves the generation.
const reuse = values['reuse-archive'] && fs.existsSync(path.join(ARCHIVE, 'stories'));
if (!reuse)
  execFileSync('npx', ['tsx', 'scripts/content-generate.mts', '--stories', String(STORIES), '--out', ARCHIVE], {
    stdio: 'inherit',
  });
const generateSeconds = reuse ? Number.NaN : (performance.now() - generateStarted) / 1000;
// The generated archive beside the bundled stories, so the reference story is in both runs.
fs.cpSync(path.join('content', 'stories'), path.join(ARCHIVE, 'stories'), { recursive: true });

const small = await measureSite(path.resolve('content'));
small.server.stop();
const large = await measureSite(ARCHIVE);
let publish;
let scan;
try {
  publish = await measurePublish(large.server, ARCHIVE);
  scan = await measureScan(large.server);
} finally {
  large.server.stop();
}

const pair = (name: string, a: number, b: number, unit: string, target?: [string, boolean]) =>
  rows.push({ name, small: a, large: b, unit, target: target?.[0], ok: target?.[1] });
rows.push({ name: `generate ${STORIES} stories`, large: generateSeconds, unit: 's' });
pair('next build', small.build.seconds, large.build.seconds, 's', ['≤ 300', large.build.seconds <= 300]);
pair('next build, peak memory', small.build.peakMb, large.build.peakMb, 'MB');
pair('.next size (build output)', small.build.distMb, large.build.distMb, 'MB');
rows.push({ name: 'story index (SQLite, in .next/cache)', large: indexMb(), unit: 'MB' });
pair('start-up until the first page', small.startupMs / 1000, large.startupMs / 1000, 's', [
  '≤ 10',
  large.startupMs <= 10_000,
]);
pair(
  'start-up: index checked against the folder (behind requests)',
  small.indexCheckedMs / 1000,
  large.indexCheckedMs / 1000,
  's',
);
pair('server RSS, idle', small.rssIdle, large.rssIdle, 'MB');
pair('server RSS, after a 20 s mixed load', small.rssLoaded, large.rssLoaded, 'MB', ['≤ 400', large.rssLoaded <= 400]);
pair('server live heap + buffers after GC, idle', small.heapIdle, large.heapIdle, 'MB');
pair('server live heap + buffers after GC, after the load', small.heapLoaded, large.heapLoaded, 'MB');
for (const [name, a, b] of [
  ['story page p50', small.story, large.story],
  ['home p50', small.home, large.home],
  ['section front p50', small.section, large.section],
] as const) {
  pair(`${name} (ratio ${(b / Math.max(a, 0.5)).toFixed(2)})`, a, b, 'ms', ['≤ 1.2×', b <= Math.max(a, 1) * 1.2]);
}
rows.push({ name: 'publish: hook answered', large: publish.hookMs, unit: 'ms' });
rows.push({
  name: 'publish: new story served',
  large: publish.servedMs,
  unit: 'ms',
  target: '≤ 1000',
  ok: publish.servedMs <= 1000,
});
rows.push({
  name: 'publish: new story on the home page',
  large: publish.homeMs,
  unit: 'ms',
  target: '≤ 1000',
  ok: publish.homeMs <= 1000,
});
rows.push({
  name: `publish: readers' p99 meanwhile (${publish.readersErrors} errors)`,
  large: publish.readersP99,
  unit: 'ms',
});
rows.push({
  name: 'publish: hook naming 100 stories',
  large: publish.hundred,
  unit: 'ms',
  target: '≤ 2000',
  ok: publish.hundred <= 2000,
});
rows.push({
  name: '404 scan (10,000 URLs): disk growth',
  large: scan.diskGrowth,
  unit: 'MB',
  target: '≤ 20',
  ok: scan.diskGrowth <= 20,
});
rows.push({
  name: '404 scan: live heap + buffers growth (after GC)',
  large: scan.heapGrowth,
  unit: 'MB',
  target: '≤ 20',
  ok: scan.heapGrowth <= 20,
});
rows.push({
  name: '404 scan: server RSS growth (garbage not yet collected included)',
  large: scan.rssGrowth,
  unit: 'MB',
});
rows.push({
  name: `404 scan: real story p50 meanwhile (${scan.rps.toFixed(0)} 404s/s)`,
  small: small.story,
  large: scan.realP50,
  unit: 'ms',
});

const fmt = (value: number | undefined) => (value === undefined ? '' : value.toFixed(value < 10 ? 2 : 0));
console.log(`\n| measure | 21 stories | ${STORIES} stories | target |\n| --- | --- | --- | --- |`);
for (const row of rows)
  console.log(
    `| ${row.name} | ${fmt(row.small)} ${row.small === undefined ? '' : row.unit} | ${fmt(row.large)} ${row.unit} | ${row.target ? `${row.target} ${row.ok ? 'ok' : 'MISSED'}` : ''} |`,
  );
console.log(`404 scan statuses: ${JSON.stringify(scan.statuses)}`);
fs.mkdirSync('artifacts', { recursive: true });
fs.writeFileSync(
  'artifacts/bench-scale.json',
  JSON.stringify({ date: new Date().toISOString(), stories: STORIES, rows, scanStatuses: scan.statuses }, null, 2),
);
process.exit(rows.some((row) => row.ok === false) ? 1 : 0);
