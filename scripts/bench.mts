/**
 * npm run bench: Sahifa's speed and size numbers, measured on this machine, checked against targets.
 * Results go to stdout and artifacts/bench.json. Exit 1 when a target is missed.
 *
 *   share image   the reference story's card, PNG, 30 renders: cold (a fresh process each) and warm
 *   JavaScript    gzip bytes the story page loads, and the share control's own part of it
 *   throughput    requests per second for the story page, home, the share image and `/` (the proxy)
 *   lighthouse    the reference story in both editions, Lighthouse's mobile run: scores, LCP, TBT, CLS
 *   soak          60 s at 50 connections over a mix of the site's URLs, 404s and refused preview links:
 *                 errors and memory growth after the warm-up (scripts/bench/soak.mts)
 *   bare Next     story page, home, a section front and a feed against a bare Next app serving a static
 *                 page of the story page's size, built from scripts/bench/bare-next/ (≥ 0.9× each)
 *   front door    the story page's requests/s from server.mjs against `next start` of the same build, and
 *                 rendered per request, as a CSP nonce would need (scripts/bench/front-door.mts)
 *
 * The page measures run against a production build on 127.0.0.1: `next build` first, unless
 * BENCH_SKIP_BUILD=1 says the current .next build is the one to measure.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import zlib from 'node:zlib';
import autocannon from 'autocannon';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumFlags, chromiumPath } from '../tests/chromium.ts';
import { printResults, type Result } from './bench/results.mts';
import { buildUnlessSkipped, startServer, type BenchServer } from './bench/server.mts';
import { benchAgainstBareNext } from './bench/bare-next.mts';
import { benchFrontDoor } from './bench/front-door.mts';
import { benchSoak, soakServerEnv, tempHeapProbeFile } from './bench/soak.mts';

const RENDERS = 30;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function shareImageRenders(extraArgs: string[]): { ms: number; bytes: number }[] {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/bench/share-image.mts', ...extraArgs], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!);
}

function benchShareImage(): Result[] {
  const warm = shareImageRenders(['--renders', String(RENDERS), '--warmup', '5']);
  const cold: number[] = [];
  for (let i = 0; i < RENDERS; i++) cold.push(shareImageRenders(['--renders', '1', '--warmup', '0'])[0].ms);
  return [
    { name: 'share image, warm render (median of 30)', value: median(warm.map((r) => r.ms)), unit: 'ms', target: 60 },
    { name: 'share image, cold render (median of 30 fresh processes)', value: median(cold), unit: 'ms' },
    { name: 'share image, PNG size', value: warm[0].bytes / 1024, unit: 'KB', target: 300 },
  ];
}

const PORT = 3200;
const BASE = `http://127.0.0.1:${PORT}`;
const STORY = '/ar/news/armenia-freezes-csto-participation';

const HEAP_PROBE_FILE = tempHeapProbeFile();

async function withServer<T>(run: (server: BenchServer) => Promise<T>): Promise<T> {
  buildUnlessSkipped();
  // What the soak needs (a preview secret, the heap probe) changes nothing for the public pages measured before it.
  const server = await startServer(PORT, soakServerEnv(HEAP_PROBE_FILE));
  try {
    return await run(server);
  } finally {
    server.stop();
    // The front-door measures start servers of their own next: this one's shutdown must not weigh on them.
    await server.exited;
    fs.rmSync(HEAP_PROBE_FILE, { force: true });
  }
}

async function benchJavaScript(): Promise<Result[]> {
  const html = await (await fetch(`${BASE}${STORY}`)).text();
  // Scripts a modern browser runs: `noModule` polyfills are skipped by every browser that has modules.
  const tags = [...html.matchAll(/<script[^>]*>/g)].map((m) => m[0]).filter((tag) => !/noModule/i.test(tag));
  const sources = [...new Set(tags.flatMap((tag) => /src="([^"]+\.js)"/.exec(tag)?.[1] ?? []))];
  let total = 0;
  let share = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(`${BASE}${src}`)).arrayBuffer());
    const gzipped = zlib.gzipSync(body, { level: 9 }).length;
    total += gzipped;
    // The island's chunk is the one holding its markup hook; Next's runtime and React are the rest.
    if (body.includes('data-share')) share += gzipped;
  }
  return [
    { name: 'story page JavaScript, all scripts (gzip)', value: total / 1024, unit: 'KB' },
    { name: 'share control JavaScript, its own chunk (gzip)', value: share / 1024, unit: 'KB', target: 5 },
  ];
}

async function requestsPerSecond(path: string, expectStatus: number): Promise<number> {
  const result = await autocannon({ url: `${BASE}${path}`, connections: 20, duration: 8, followRedirect: false });
  const expected = result.statusCodeStats?.[String(expectStatus) as '200']?.count ?? 0;
  if (expected < result.requests.total * 0.99) throw new Error(`${path}: expected status ${expectStatus}`);
  return result.requests.average;
}

async function benchThroughput(): Promise<Result[]> {
  const measures: [string, string, number][] = [
    ['story page (static)', STORY, 200],
    ['home page (static)', '/ar', 200],
    ['share image (prerendered PNG)', `${STORY}/opengraph-image`, 200],
    ['/ through the locale proxy (redirect)', '/', 307],
  ];
  const results: Result[] = [];
  for (const [name, path, status] of measures) {
    await requestsPerSecond(path, status);
    results.push({ name: `throughput, ${name}`, value: await requestsPerSecond(path, status), unit: 'req/s' });
  }
  return results;
}

const LIGHTHOUSE_RUNS = 3;

async function benchLighthouse(): Promise<Result[]> {
  const chrome = await chromeLauncher.launch({ chromePath: chromiumPath, chromeFlags: ['--headless=new', ...chromiumFlags] });
  const results: Result[] = [];
  try {
    for (const locale of ['ar', 'en']) {
      // Lighthouse's simulated mobile run varies from run to run on a shared machine: take the median of three.
      const runs = [];
      for (let i = 0; i < LIGHTHOUSE_RUNS; i++) {
        const run = await lighthouse(`${BASE}/${locale}/news/armenia-freezes-csto-participation`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
        });
        runs.push(run!.lhr);
      }
      const score = (id: string) => median(runs.map((lhr) => Math.round((lhr.categories[id].score ?? 0) * 100)));
      const metric = (id: string) => median(runs.map((lhr) => lhr.audits[id].numericValue!));
      results.push(
        { name: `lighthouse ${locale} story, performance (mobile, median of 3)`, value: score('performance'), unit: '/100', target: -90 },
        { name: `lighthouse ${locale} story, accessibility`, value: score('accessibility'), unit: '/100', target: -100 },
        { name: `lighthouse ${locale} story, best practices`, value: score('best-practices'), unit: '/100' },
        { name: `lighthouse ${locale} story, SEO`, value: score('seo'), unit: '/100', target: -90 },
        { name: `lighthouse ${locale} story, largest contentful paint`, value: metric('largest-contentful-paint'), unit: 'ms', target: 2500 },
        { name: `lighthouse ${locale} story, total blocking time`, value: metric('total-blocking-time'), unit: 'ms', target: 200 },
        { name: `lighthouse ${locale} story, cumulative layout shift`, value: metric('cumulative-layout-shift'), unit: '', target: 0.1 },
      );
    }
  } finally {
    chrome.kill();
  }
  return results;
}

/** A measure that fails is reported as a missed row, and the others still run. */
async function measured(name: string, run: () => Promise<Result[]> | Result[]): Promise<Result[]> {
  try {
    return await run();
  } catch (error) {
    console.error(`${name} failed:`, error);
    return [{ name: `${name} (failed: ${(error as Error).message.slice(0, 80)})`, value: Number.NaN, unit: '', target: 0 }];
  }
}

const results = [
  ...(await measured('share image', benchShareImage)),
  ...(await withServer(async (server) => [
    ...(await measured('JavaScript', benchJavaScript)),
    ...(await measured('throughput', benchThroughput)),
    ...(await measured('bare Next', () =>
      benchAgainstBareNext(server, PORT + 2, { 'story page': STORY, home: '/ar', 'section front': '/ar/section/world', feed: '/ar/feed.xml' }),
    )),
    ...(await measured('lighthouse', benchLighthouse)),
    // The soak goes last: its load would otherwise weigh on the Lighthouse runs.
    ...(await measured('soak', () => benchSoak(server, { heapProbeFile: HEAP_PROBE_FILE }))),
  ])),
  // Servers of its own, one after the other, on the next port.
  ...(await measured('front door', () => benchFrontDoor(PORT + 1, STORY))),
];
const missed = printResults(results);
fs.mkdirSync('artifacts', { recursive: true });
fs.writeFileSync('artifacts/bench.json', JSON.stringify({ date: new Date().toISOString(), results }, null, 2));
process.exit(missed ? 1 : 0);
