/**
 * npm run bench: Sahifa's speed and size numbers, measured on this machine, checked against targets.
 * Results go to stdout and artifacts/bench.json. Exit 1 when a target is missed.
 *
 *   share image   the reference story's card, PNG, 30 renders: cold (a fresh process each) and warm
 *   page weight   the reference story's HTML in every edition (and its RSC payload), full and lite, as
 *                 written and as sent; the gzip bytes of JavaScript it loads (the share control's own
 *                 part), beside a bare Next page's
 *   throughput    requests per second for the share image and `/` (the proxy)
 *   lighthouse    the reference story in every edition, full and lite, Lighthouse's mobile run, median
 *                 of 3: scores, FCP, LCP, TBT, CLS, font bytes; beside the bare Next page of the same size
 *   soak          60 s at 50 connections over a mix of the site's URLs, 404s and refused preview links:
 *                 errors and memory growth after the warm-up (scripts/bench/soak.mts)
 *   bare Next     story page, home, a section front and a feed against a bare Next app serving a static
 *                 page (a feed: a route handler) of the same size, built from scripts/bench/bare-next/
 *                 and running next to Sahifa for the whole run, loaded by wrk in turns, compressed as
 *                 browsers ask and uncompressed: CPU per request ≤ 1.1×, requests/s ≥ 0.9× each
 *   front door    the story page's requests/s from server.mjs against `next start` of the same build, and
 *                 rendered per request, as a CSP nonce would need (scripts/bench/front-door.mts)
 *   search        at 100,000 stories: index build and size, a publish, query p95 by kind of query beside
 *                 a section list, the search page's p95 and the server's memory (scripts/bench/search.mts)
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
import { litePath } from '../lib/http/lite.mjs';
import { defaultLocale, editions, locales, type Locale } from '../lib/locales.ts';
import { printResults, type Result } from './bench/results.mts';
import { buildUnlessSkipped, startServer, type BenchServer } from './bench/server.mts';
import { benchAgainstBareNext, counterparts, sentBytes, startBareNext, type Counterpart } from './bench/bare-next.mts';
import { BROWSER_ENCODING } from './bench/throughput.mts';
import { benchFrontDoor } from './bench/front-door.mts';
import { benchSearch } from './bench/search.mts';
import { benchSoak, soakServerEnv, tempHeapProbeFile } from './bench/soak.mts';
import { chromiumFlags, chromiumPath } from './shared/chromium.ts';
import { median } from './shared/stats.mts';

const RENDERS = 30;

function shareImageRenders(extraArgs: string[]): { ms: number; bytes: number }[] {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/bench/share-image.mts', ...extraArgs], {
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').pop()!);
}

function benchShareImage(): Result[] {
  const warm = shareImageRenders(['--renders', String(RENDERS), '--warmup', '5']);
  const cold: number[] = [];
  for (let i = 0; i < RENDERS; i++) cold.push(shareImageRenders(['--renders', '1', '--warmup', '0'])[0].ms);
  const banded = shareImageRenders(['--renders', String(RENDERS), '--warmup', '5', '--band']);
  const plainMs = median(warm.map((r) => r.ms));
  return [
    { name: 'share image, warm render (median of 30)', value: plainMs, unit: 'ms', target: 60 },
    { name: 'share image, cold render (median of 30 fresh processes)', value: median(cold), unit: 'ms' },
    { name: 'share image, PNG size', value: warm[0].bytes / 1024, unit: 'KB', target: 300 },
    {
      name: 'share image of an old story (age band), warm render (median of 30)',
      value: median(banded.map((r) => r.ms)),
      unit: 'ms',
      target: 60,
      reference: `card without the band: ${plainMs.toFixed(1)} ms`,
    },
  ];
}

const PORT = 3200;
const BASE = `http://127.0.0.1:${PORT}`;
const storyIn = (locale: Locale) => `/${locale}/news/armenia-freezes-csto-participation`;
const STORY = storyIn(defaultLocale);
export const REPRODUCE =
  'npm run bench (BENCH_SKIP_BUILD=1 measures the current .next build; the soak alone: npm run bench:soak; search alone: npm run bench:search)';
/**
 * The archive search is measured at: 100,000 stories, the scale the site is built for, unless BENCH_SEARCH_STORIES says
 * otherwise.
 */
const SEARCH_STORIES = Number(process.env.BENCH_SEARCH_STORIES ?? 100_000);

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

/** Gzip bytes of the scripts a modern browser runs on a page, and those of the share control's chunk. */
async function scriptBytes(base: string, path: string): Promise<{ total: number; share: number }> {
  const html = await (await fetch(`${base}${path}`)).text();
  // `noModule` polyfills are skipped by every browser that has modules.
  const tags = [...html.matchAll(/<script[^>]*>/g)].map((m) => m[0]).filter((tag) => !/noModule/i.test(tag));
  const sources = [...new Set(tags.flatMap((tag) => /src="([^"]+\.js)"/.exec(tag)?.[1] ?? []))];
  let total = 0;
  let share = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(`${base}${src}`)).arrayBuffer());
    const gzipped = zlib.gzipSync(body, { level: 9 }).length;
    total += gzipped;
    // The island's chunk is the one holding its markup hook; Next's runtime and React are the rest.
    if (body.includes('data-share')) share += gzipped;
  }
  return { total, share };
}

async function benchPageWeight(bare: BenchServer, reference: Counterpart): Promise<Result[]> {
  const results: Result[] = [];
  for (const locale of locales) {
    const html = await (await fetch(`${BASE}${storyIn(locale)}`)).text();
    const payload = [...html.matchAll(/<script>self\.__next_f\.push[\s\S]*?<\/script>/g)].reduce(
      (sum, m) => sum + Buffer.byteLength(m[0]),
      0,
    );
    const liteHtml = await (await fetch(`${BASE}${litePath(storyIn(locale))}`)).text();
    results.push(
      { name: `${locale} story HTML, uncompressed`, value: Buffer.byteLength(html) / 1024, unit: 'KB', target: 60 },
      { name: `${locale} story HTML, of which the inline RSC payload`, value: payload / 1024, unit: 'KB' },
      {
        name: `${locale} story HTML as browsers get it (brotli)`,
        value: (await sentBytes(`${BASE}${storyIn(locale)}`, BROWSER_ENCODING)) / 1024,
        unit: 'KB',
      },
      {
        name: `${locale} lite story HTML, uncompressed`,
        value: Buffer.byteLength(liteHtml) / 1024,
        unit: 'KB',
        reference: `scripts: ${(liteHtml.match(/<script\b/g) ?? []).length}`,
      },
      {
        name: `${locale} lite story HTML as browsers get it (brotli)`,
        value: (await sentBytes(`${BASE}${litePath(storyIn(locale))}`, BROWSER_ENCODING)) / 1024,
        unit: 'KB',
      },
    );
  }
  const ours = await scriptBytes(BASE, STORY);
  const theirs = await scriptBytes(bare.base, reference.barePath);
  return [
    ...results,
    {
      name: 'story page JavaScript, all scripts (gzip)',
      value: ours.total / 1024,
      unit: 'KB',
      target: 120,
      reference: `bare Next page: ${(theirs.total / 1024).toFixed(1)} KB`,
    },
    { name: 'share control JavaScript, its own chunk (gzip)', value: ours.share / 1024, unit: 'KB', target: 5 },
  ];
}

async function requestsPerSecond(path: string, expectStatus: number): Promise<number> {
  // autocannon never follows a redirect, so a 307 is counted as itself.
  const result = await autocannon({ url: `${BASE}${path}`, connections: 20, duration: 8 });
  const expected = result.statusCodeStats[String(expectStatus)]?.count ?? 0;
  if (expected < result.requests.total * 0.99) throw new Error(`${path}: expected status ${expectStatus}`);
  return result.requests.average;
}

async function benchThroughput(): Promise<Result[]> {
  // Pages and feeds are measured against bare Next (scripts/bench/bare-next.mts).
  const measures: [string, string, number][] = [
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

interface PageAudit {
  scores: Record<'performance' | 'accessibility' | 'best-practices' | 'seo', number>;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  fontKb: number;
  /** Arabic faces other than the language switch's few letters. */
  arabicFontFiles: number;
  benchmarkIndex: number;
}

/** Lighthouse's simulated mobile run, three times: the median of each figure (runs vary on a shared machine). */
type LighthouseReport = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];

async function auditPage(port: number, url: string): Promise<PageAudit> {
  const runs: LighthouseReport[] = [];
  for (let i = 0; i < LIGHTHOUSE_RUNS; i++) {
    const run = await lighthouse(url, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    });
    runs.push(run!.lhr);
  }
  const of = (value: (lhr: LighthouseReport) => number) => median(runs.map(value));
  const fonts = (lhr: LighthouseReport) =>
    (
      (
        lhr.audits['network-requests'].details as {
          items?: { url: string; resourceType?: string; transferSize?: number }[];
        }
      )?.items ?? []
    ).filter((r) => r.resourceType === 'Font');
  return {
    scores: Object.fromEntries(
      (['performance', 'accessibility', 'best-practices', 'seo'] as const).map((id) => [
        id,
        of((lhr) => Math.round((lhr.categories[id].score ?? 0) * 100)),
      ]),
    ) as PageAudit['scores'],
    fcp: of((lhr) => lhr.audits['first-contentful-paint'].numericValue!),
    lcp: of((lhr) => lhr.audits['largest-contentful-paint'].numericValue!),
    tbt: of((lhr) => lhr.audits['total-blocking-time'].numericValue!),
    cls: of((lhr) => lhr.audits['cumulative-layout-shift'].numericValue!),
    fontKb: of((lhr) => fonts(lhr).reduce((sum, r) => sum + (r.transferSize ?? 0), 0) / 1024),
    arabicFontFiles: of((lhr) => fonts(lhr).filter((r) => /arabic/.test(r.url)).length),
    benchmarkIndex: of((lhr) => lhr.environment.benchmarkIndex),
  };
}

async function benchLighthouse(bare: BenchServer, references: Record<Locale, Counterpart>): Promise<Result[]> {
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath,
    chromeFlags: ['--headless=new', ...chromiumFlags],
  });
  const results: Result[] = [];
  try {
    for (const locale of locales) {
      const ours = await auditPage(chrome.port, `${BASE}${storyIn(locale)}`);
      const lite = await auditPage(chrome.port, `${BASE}${litePath(storyIn(locale))}`);
      const theirs = await auditPage(chrome.port, `${bare.base}${references[locale].barePath}`);
      const name = `lighthouse ${locale} story`;
      const ref = (text: string | number) => `bare Next page: ${text}`;
      const beside = (full: string | number, bareValue: string | number) =>
        `full page: ${full}; bare Next page: ${bareValue}`;
      results.push(
        {
          name: `${name}, performance (mobile, median of 3)`,
          value: ours.scores.performance,
          unit: '/100',
          target: -100,
          reference: ref(theirs.scores.performance),
        },
        {
          name: `${name}, performance ÷ the bare Next page's`,
          value: ours.scores.performance / theirs.scores.performance,
          unit: '×',
          target: -1,
        },
        {
          name: `${name}, accessibility`,
          value: ours.scores.accessibility,
          unit: '/100',
          target: -100,
          reference: ref(theirs.scores.accessibility),
        },
        {
          name: `${name}, best practices`,
          value: ours.scores['best-practices'],
          unit: '/100',
          target: -100,
          reference: ref(theirs.scores['best-practices']),
        },
        { name: `${name}, SEO`, value: ours.scores.seo, unit: '/100', target: -100, reference: ref(theirs.scores.seo) },
        {
          name: `${name}, first contentful paint`,
          value: ours.fcp,
          unit: 'ms',
          reference: ref(`${Math.round(theirs.fcp)} ms`),
        },
        {
          name: `${name}, largest contentful paint`,
          value: ours.lcp,
          unit: 'ms',
          target: 1800,
          reference: ref(`${Math.round(theirs.lcp)} ms`),
        },
        {
          name: `${name}, total blocking time`,
          value: ours.tbt,
          unit: 'ms',
          target: 100,
          reference: ref(`${Math.round(theirs.tbt)} ms`),
        },
        {
          name: `${name}, cumulative layout shift`,
          value: ours.cls,
          unit: '',
          target: 0.005,
          reference: ref(theirs.cls.toFixed(3)),
        },
        {
          name: `${name}, fonts fetched`,
          value: ours.fontKb,
          unit: 'KB',
          reference: ref(`${theirs.fontKb.toFixed(1)} KB`),
        },
      );
      if (editions[locale].script !== 'Arab')
        results.push({
          name: `${name}, Arabic faces fetched (beyond the edition switcher's)`,
          value: ours.arabicFontFiles,
          unit: 'files',
          target: 0,
        });
      const liteName = `lighthouse ${locale} lite story`;
      for (const category of ['performance', 'accessibility', 'best-practices', 'seo'] as const) {
        results.push({
          name: `${liteName}, ${category}`,
          value: lite.scores[category],
          unit: '/100',
          target: -100,
          reference: beside(ours.scores[category], theirs.scores[category]),
        });
      }
      results.push(
        {
          name: `${liteName}, largest contentful paint`,
          value: lite.lcp,
          unit: 'ms',
          target: 1000,
          reference: beside(`${Math.round(ours.lcp)} ms`, `${Math.round(theirs.lcp)} ms`),
        },
        {
          name: `${liteName}, total blocking time`,
          value: lite.tbt,
          unit: 'ms',
          target: 0,
          reference: beside(`${Math.round(ours.tbt)} ms`, `${Math.round(theirs.tbt)} ms`),
        },
        {
          name: `${liteName}, cumulative layout shift`,
          value: lite.cls,
          unit: '',
          target: 0.005,
          reference: beside(ours.cls.toFixed(3), theirs.cls.toFixed(3)),
        },
        { name: `${liteName}, fonts fetched`, value: lite.fontKb, unit: 'KB', target: 0 },
        { name: `${name}, Lighthouse's benchmark index of this machine`, value: ours.benchmarkIndex, unit: '' },
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
    return [
      { name: `${name} (failed: ${(error as Error).message.slice(0, 80)})`, value: Number.NaN, unit: '', target: 0 },
    ];
  }
}

const BARE_PORT = PORT + 2;

const results = [
  ...(await measured('share image', benchShareImage)),
  ...(await withServer(async (server) => {
    const pages = await counterparts(server, {
      ...Object.fromEntries(locales.map((locale) => [`${locale} story page`, storyIn(locale)])),
      home: '/ar',
      'section front': '/ar/section/world',
      feed: '/ar/feed.xml',
    });
    const bare = await startBareNext(BARE_PORT, pages);
    try {
      return [
        ...(await measured('page weight', () => benchPageWeight(bare, pages['ar story page']))),
        ...(await measured('bare Next', () =>
          benchAgainstBareNext(server, bare, {
            'story page': pages['ar story page'],
            home: pages.home,
            'section front': pages['section front'],
            feed: pages.feed,
          }),
        )),
        // After the comparisons: 16 s of `/` through the proxy leave this server about 15% slower per
        // request for a while (1.18 → 1.37 ms of CPU a story page, measured), which is not the pages' cost.
        ...(await measured('throughput', benchThroughput)),
        ...(await measured('lighthouse', () =>
          benchLighthouse(
            bare,
            Object.fromEntries(locales.map((locale) => [locale, pages[`${locale} story page`]])) as Record<
              Locale,
              Counterpart
            >,
          ),
        )),
        // The soak goes last: its load would otherwise weigh on the Lighthouse runs.
        ...(await measured('soak', () => benchSoak(server, { heapProbeFile: HEAP_PROBE_FILE }))),
      ];
    } finally {
      bare.stop();
      await bare.exited;
    }
  })),
  // Servers of its own, one after the other, on the next port.
  ...(await measured('front door', () => benchFrontDoor(PORT + 1, STORY))),
  // The archive of `npm run bench:scale` (made here when missing), its index, and a server over it.
  ...(await measured('search', () => benchSearch({ stories: SEARCH_STORIES }))),
];
console.log(`reproduce: ${REPRODUCE}`);
const missed = printResults(results);
fs.mkdirSync('artifacts', { recursive: true });
fs.writeFileSync(
  'artifacts/bench.json',
  JSON.stringify({ date: new Date().toISOString(), command: REPRODUCE, results }, null, 2),
);
process.exit(missed ? 1 : 0);
