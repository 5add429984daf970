/**
 * The soak: a long mixed load on one production server, to show that under sustained traffic nothing
 * fails and memory stays flat.
 *
 *   mix       what the live site links to (home pages, sitemaps, story pages of both editions and their
 *             share images, section fronts and their page 2, feeds), plus generated unknown URLs (a fresh
 *             random slug per request, so each one is a real 404 render) and refused preview links, drawn
 *             in fixed proportions (KINDS below)
 *   warm-up   every URL once (then the live heap after a full GC), then rounds of SOAK_WARMUP_SECONDS
 *             (10) of the mix, at least two, until the server's RSS levels off (at most
 *             SOAK_WARMUP_MAX_SECONDS, 60): code loaded, caches filled, heap grown to its working
 *             size. Its mean RSS over the last 20 s is the baseline
 *   soak      SOAK_SECONDS (60) at SOAK_CONNECTIONS (50) with autocannon, the server's RSS every 2 s
 *   targets   0 errors (socket errors, timeouts, requests dropped, 5xx, any status not expected for the
 *             URL's kind), and RSS growth ≤ 10%: the mean RSS of the last 20 s against the baseline
 *
 * `npm run bench` runs it last, against the server of its page measures. Alone (`npm run bench:soak`)
 * it builds unless BENCH_SKIP_BUILD=1, serves on SOAK_PORT (3500) and writes artifacts/bench-soak.json;
 * exit 1 when a target is missed.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon, { type RawRequest } from 'autocannon';
import { XMLParser } from 'fast-xml-parser';
import { parse as parseHtml } from 'node-html-parser';
import { printResults, type Result } from './results.mts';
import {
  buildUnlessSkipped,
  groupRssMb,
  heapProbeEnv,
  liveHeapMb,
  startServer,
  type BenchServer,
  type ServerEnv,
} from './server.mts';
import { percentile } from '../shared/stats.mts';

const SOAK_SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 50);
const WARMUP_SECONDS = Number(process.env.SOAK_WARMUP_SECONDS ?? 10);
/**
 * V8 grows the heap to its working size over the first few thousand requests (with this mix on the
 * shared 2-core machine, 20 to 40 s: the RSS climbs from about 190 to 260–320 MB); measured from before
 * that, the soak would report the heap growing up as growth. So the warm-up goes on, round after
 * round, until the RSS levels off.
 */
const WARMUP_MAX_SECONDS = Number(process.env.SOAK_WARMUP_MAX_SECONDS ?? 60);
/** A warm-up round whose mean RSS is at most this much above the round's before has levelled off. */
const LEVELLED_OFF_RISE = 0.03;
const RSS_EVERY_MS = 2000;
const GROWTH_TARGET_PERCENT = 10;
/** Growth is judged on the mean of the last samples, not one: RSS saws up and down with each collection. */
const GROWTH_WINDOW_SECONDS = 20;
/**
 * On a large archive, this many story pages (spread over the sitemaps) stand for all: each costs a fetch to discover
 * its card.
 */
const MAX_STORIES = 200;
const HOME_PAGES = ['/ar', '/en'];

type Kind = 'story' | 'card' | 'home' | 'section' | 'feed' | 'sitemap' | 'notFound' | 'refusal';

interface KindRule {
  label: string;
  /** Share of the requests, out of 100. */
  weight: number;
  expected: string;
  accepts(status: number): boolean;
}

const isOk = (status: number) => status === 200;

/**
 * Mostly readers on story pages; scrapers fetching cards; fronts, feeds and sitemaps polled by readers,
 * aggregators and crawlers; a steady share of scans (unknown URLs, each a full 404 render, the costliest
 * request here) and of forged or stale preview links.
 */
const KINDS: Record<Kind, KindRule> = {
  story: { label: 'story pages', weight: 35, expected: '200', accepts: isOk },
  card: { label: 'share images (og:image)', weight: 12, expected: '200', accepts: isOk },
  home: { label: 'home pages', weight: 10, expected: '200', accepts: isOk },
  section: { label: 'section fronts and page 2', weight: 10, expected: '200', accepts: isOk },
  feed: { label: 'feeds', weight: 8, expected: '200', accepts: isOk },
  sitemap: { label: 'sitemaps', weight: 5, expected: '200', accepts: isOk },
  notFound: { label: 'unknown URLs', weight: 15, expected: '404', accepts: (status) => status === 404 },
  refusal: {
    label: 'refused preview links',
    weight: 5,
    expected: '4xx',
    accepts: (status) => status >= 400 && status < 500,
  },
};
const KIND_NAMES = Object.keys(KINDS) as Kind[];

type DiscoveredKind = Exclude<Kind, 'notFound' | 'refusal'>;

/** The site as a crawler finds it: every URL of each kind, as a path on the server under test. */
interface Site {
  paths: Record<DiscoveredKind, string[]>;
  locales: string[];
  /** Section names (`world`), for unknown page numbers of real sections. */
  sections: string[];
  /** Real story slugs, for preview links that name a real story but are not signed for it. */
  slugs: string[];
  /** Section fronts that link a page 2 (a section of at most one page has none). */
  secondPages: number;
}

const xml = new XMLParser({ isArray: (name) => name === 'url' || name === 'sitemap' });

/**
 * URLs in pages, feeds and sitemaps are absolute from SITE_URL, which need not be this server: keep the
 * path and query. `new URL` also percent-encodes Arabic slugs, as they must be on the request line.
 */
function localPath(href: string, base: string): string {
  const url = new URL(href, base);
  return url.pathname + url.search;
}

async function fetchText(base: string, urlPath: string): Promise<string> {
  const response = await fetch(`${base}${urlPath}`, { redirect: 'manual' });
  if (response.status !== 200) throw new Error(`discovery: ${urlPath} answered ${response.status}`);
  return response.text();
}

function kindOfPath(urlPath: string): DiscoveredKind | undefined {
  const pathname = urlPath.split('?')[0];
  if (pathname.endsWith('/feed.xml')) return 'feed';
  if (/^\/[a-z]{2}$/.test(pathname)) return 'home';
  if (/^\/[a-z]{2}\/section\/[^/]+(\/page\/2)?$/.test(pathname)) return 'section';
  if (/^\/[a-z]{2}\/news\/[^/]+$/.test(pathname)) return 'story';
  return undefined;
}

/** Every `n`-th of `items`, so a capped list still spans old and new. */
function spread<T>(items: T[], count: number): T[] {
  if (items.length <= count) return items;
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)]);
}

/**
 * Reads the live site the way a crawler would: robots.txt and the sitemaps, the home pages, then the pages they lead
 * to.
 */
async function discoverSite(base: string): Promise<Site> {
  const found: Record<DiscoveredKind, Set<string>> = {
    story: new Set(),
    card: new Set(),
    home: new Set(),
    section: new Set(),
    feed: new Set(),
    sitemap: new Set(),
  };
  const add = (href: string) => {
    const urlPath = localPath(href, base);
    const kind = kindOfPath(urlPath);
    if (kind) found[kind].add(urlPath);
  };

  // Sitemaps: the index and whatever robots.txt names (the news sitemap), then the files of each index.
  const robots = await fetchText(base, '/robots.txt');
  const sitemapQueue = [
    '/sitemap.xml',
    ...[...robots.matchAll(/^Sitemap:\s*(\S+)/gim)].map((m) => localPath(m[1], base)),
  ];
  while (sitemapQueue.length) {
    const sitemapPath = sitemapQueue.shift()!;
    if (found.sitemap.has(sitemapPath)) continue;
    found.sitemap.add(sitemapPath);
    const document = xml.parse(await fetchText(base, sitemapPath));
    for (const entry of document.sitemapindex?.sitemap ?? []) sitemapQueue.push(localPath(String(entry.loc), base));
    for (const entry of document.urlset?.url ?? []) add(String(entry.loc));
  }

  // Home pages: their links (navigation, stories) and the feed they announce in <head>.
  for (const home of HOME_PAGES) {
    found.home.add(home);
    const page = parseHtml(await fetchText(base, home));
    for (const link of page.querySelectorAll('a[href], link[rel="alternate"][type="application/rss+xml"]'))
      add(link.getAttribute('href')!);
  }

  // Section fronts: their page 2 when they have one, and their own feed.
  let secondPages = 0;
  for (const front of [...found.section]) {
    const page = parseHtml(await fetchText(base, front));
    for (const link of page.querySelectorAll('link[rel="alternate"][type="application/rss+xml"]'))
      add(link.getAttribute('href')!);
    const secondPage = page
      .querySelectorAll('a[href]')
      .map((a) => localPath(a.getAttribute('href')!, base))
      .find((href) => href === `${front}/page/2`);
    if (secondPage) {
      found.section.add(secondPage);
      secondPages++;
    }
  }

  // Story pages (a spread of them on a large archive) and the share image each one announces to scrapers.
  const stories = spread([...found.story], MAX_STORIES);
  for (const story of stories) {
    const page = parseHtml(await fetchText(base, story));
    const card = page.querySelector('meta[property="og:image"]')?.getAttribute('content');
    if (card) found.card.add(localPath(card, base));
  }

  const paths = Object.fromEntries(Object.entries(found).map(([kind, set]) => [kind, [...set]])) as Record<
    DiscoveredKind,
    string[]
  >;
  paths.story = stories;
  for (const kind of Object.keys(paths) as DiscoveredKind[]) {
    // A kind the site no longer links to is a broken site, not a smaller mix.
    if (!paths[kind].length) throw new Error(`discovery: the site links no ${KINDS[kind].label}`);
  }
  return {
    paths,
    locales: HOME_PAGES.map((home) => home.slice(1)),
    sections: [...new Set(paths.section.map((front) => front.split('/')[3]))],
    slugs: [...new Set(stories.map((story) => decodeURIComponent(story.split('/')[3])))],
    secondPages,
  };
}

const randomToken = () => randomBytes(6).toString('hex');
const pick = <T,>(items: T[], i: number) => items[i % items.length];

/** A URL nobody published, new on every call, in turn: a story, a section, a page past a section's end, any path. */
function unknownPath(site: Site, i: number): string {
  const locale = pick(site.locales, i);
  const shapes = [
    () => `/${locale}/news/soak-${randomToken()}`,
    () => `/${locale}/section/soak-${randomToken()}`,
    () => `/${locale}/section/${pick(site.sections, i >> 2)}/page/${100_000 + Math.floor(Math.random() * 900_000)}`,
    () => `/${locale}/soak-${randomToken()}/${randomToken()}`,
  ];
  return shapes[i % shapes.length]();
}

/**
 * A preview link the route must refuse (app/api/preview/route.ts checks slug, locale, expiry and an
 * HMAC signature): no query at all, no signature, a forged signature, an expired and forged one.
 */
function refusedPreviewPath(site: Site, i: number): string {
  const now = Math.floor(Date.now() / 1000);
  const target = { slug: pick(site.slugs, i >> 2), locale: pick(site.locales, i) };
  const forged = randomBytes(32).toString('hex');
  const variants = [
    () => '/api/preview',
    () => `/api/preview?${new URLSearchParams(target)}`,
    () => `/api/preview?${new URLSearchParams({ ...target, exp: String(now + 3600), sig: forged })}`,
    () => `/api/preview?${new URLSearchParams({ ...target, exp: String(now - 3600), sig: forged })}`,
  ];
  return variants[i % variants.length]();
}

/**
 * The order of kinds over one cycle of 100 requests, each kind as often as its weight and spread evenly
 * (smooth weighted round robin), so every stretch of the run, warm-up included, sees the same mix.
 */
function kindCycle(): Kind[] {
  const total = KIND_NAMES.reduce((sum, kind) => sum + KINDS[kind].weight, 0);
  const credit = new Map(KIND_NAMES.map((kind) => [kind, 0]));
  const cycle: Kind[] = [];
  for (let i = 0; i < total; i++) {
    for (const kind of KIND_NAMES) credit.set(kind, credit.get(kind)! + KINDS[kind].weight);
    const chosen = KIND_NAMES.reduce((best, kind) => (credit.get(kind)! > credit.get(best)! ? kind : best));
    credit.set(chosen, credit.get(chosen)! - total);
    cycle.push(chosen);
  }
  return cycle;
}

interface Planned {
  kind: Kind;
  path: string;
}

/** The request stream: kinds in cycle order; within a kind, its URLs in turn or a freshly generated one. */
function requestPlan(site: Site): () => Planned {
  const cycle = kindCycle();
  const turns = new Map(KIND_NAMES.map((kind) => [kind, 0]));
  let position = 0;
  return () => {
    const kind = cycle[position++ % cycle.length];
    const turn = turns.get(kind)!;
    turns.set(kind, turn + 1);
    if (kind === 'notFound') return { kind, path: unknownPath(site, turn) };
    if (kind === 'refusal') return { kind, path: refusedPreviewPath(site, turn) };
    return { kind, path: pick(site.paths[kind], turn) };
  };
}

/** autocannon gives up on a request after this long (its default) and counts a timeout. */
const REQUEST_TIMEOUT_SECONDS = 10;

/**
 * Every request from sending to its answer: statuses and latencies per kind, answers not expected, requests never
 * answered.
 */
class Tally {
  private readonly byKind = new Map(
    KIND_NAMES.map((kind) => [kind, { statuses: new Map<string, number>(), latenciesMs: [] as number[] }]),
  );
  private readonly inFlight = new Map<number, Planned & { sentAt: number }>();
  private lastId = 0;
  unexpectedCount = 0;
  fiveHundreds = 0;
  readonly unexpectedExamples: string[] = [];
  readonly neverAnswered: string[] = [];

  sent(request: Planned): number {
    this.inFlight.set(++this.lastId, { ...request, sentAt: performance.now() });
    return this.lastId;
  }

  /**
   * `status` is undefined when autocannon could not read the answer: its HTTP parser is not reset when
   * it reconnects after a timeout, so the next answer on that connection can come out garbled. Counted
   * as unexpected (a clean run has none), though it is the echo of a timeout already counted.
   */
  answered(id: number, status: number | undefined) {
    const request = this.inFlight.get(id);
    if (!request) return;
    this.inFlight.delete(id);
    const shown = status === undefined ? 'unreadable' : String(status);
    const { statuses, latenciesMs } = this.byKind.get(request.kind)!;
    statuses.set(shown, (statuses.get(shown) ?? 0) + 1);
    latenciesMs.push(performance.now() - request.sentAt);
    if (status !== undefined && KINDS[request.kind].accepts(status)) return;
    this.unexpectedCount++;
    if (status !== undefined && status >= 500) this.fiveHundreds++;
    if (this.unexpectedExamples.length < 20)
      this.unexpectedExamples.push(
        `${shown} ${request.path} (${KINDS[request.kind].label}, expected ${KINDS[request.kind].expected})`,
      );
  }

  /**
   * At the end of a load run: a request still unanswered and sent longer ago than autocannon waits was
   * never answered (timed out, or lost with its connection); the others were in flight at the stop.
   */
  closeRun() {
    const timedOutBefore = performance.now() - REQUEST_TIMEOUT_SECONDS * 1000;
    for (const request of this.inFlight.values()) {
      if (request.sentAt <= timedOutBefore) this.neverAnswered.push(`${request.path} (${KINDS[request.kind].label})`);
    }
    this.inFlight.clear();
  }

  requests(kind: Kind): number {
    return this.byKind.get(kind)!.latenciesMs.length;
  }

  latencyText(kind: Kind): string {
    const { latenciesMs } = this.byKind.get(kind)!;
    return `${percentile(latenciesMs, 50).toFixed(0)} / ${percentile(latenciesMs, 99).toFixed(0)} ms`;
  }

  statusText(kind: Kind): string {
    return (
      [...this.byKind.get(kind)!.statuses]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([status, n]) => `${status} ×${n}`)
        .join(', ') || 'none'
    );
  }
}

/** autocannon's per-request state (it ships no types): one per connection, holding the request in flight. */
interface RequestContext {
  id: number;
}

/**
 * The mix through autocannon. Each connection sends its next request only once the previous one is
 * answered, and `onResponse` runs before the next `setupRequest`, so the context names the request
 * the response belongs to.
 */
async function loadMix(base: string, next: () => Planned, seconds: number, tally: Tally) {
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: REQUEST_TIMEOUT_SECONDS,
    // What browsers and CDNs send: responses are compressed, as in production, and compression's memory is part of the
    // soak.
    headers: { 'accept-encoding': 'gzip, deflate, br' },
    requests: [
      {
        setupRequest: (request: RawRequest, context: RequestContext) => {
          const planned = next();
          context.id = tally.sent(planned);
          return { ...request, path: planned.path };
        },
        onResponse: (status: number | undefined, _body: string, context: RequestContext) =>
          tally.answered(context.id, status),
      },
    ],
  });
  tally.closeRun();
  return result;
}

/** Every discovered URL once (and a few generated ones), a few at a time: code loaded, pages in the cache. */
async function visitEveryUrlOnce(base: string, site: Site, tally: Tally) {
  const visits: Planned[] = (Object.keys(site.paths) as DiscoveredKind[]).flatMap((kind) =>
    site.paths[kind].map((urlPath) => ({ kind, path: urlPath })),
  );
  for (let i = 0; i < 8; i++)
    visits.push(
      { kind: 'notFound', path: unknownPath(site, i) },
      { kind: 'refusal', path: refusedPreviewPath(site, i) },
    );
  const worker = async () => {
    for (let visit = visits.shift(); visit; visit = visits.shift()) {
      const id = tally.sent(visit);
      const response = await fetch(`${base}${visit.path}`, {
        redirect: 'manual',
        headers: { 'accept-encoding': 'gzip, deflate, br' },
      });
      await response.arrayBuffer();
      tally.answered(id, response.status);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
}

interface RssSample {
  atSeconds: number;
  mb: number;
}

/** The server group's resident memory now and every `everyMs` until stopped (and once more then). */
function sampleRss(pid: number, everyMs: number) {
  const started = performance.now();
  const samples: RssSample[] = [];
  const elapsedSeconds = () => (performance.now() - started) / 1000;
  const take = () => samples.push({ atSeconds: elapsedSeconds(), mb: groupRssMb(pid) });
  take();
  const timer = setInterval(take, everyMs);
  return {
    samples,
    elapsedSeconds,
    stop(): RssSample[] {
      clearInterval(timer);
      take();
      return samples;
    },
  };
}

const meanMb = (samples: RssSample[]) => samples.reduce((sum, sample) => sum + sample.mb, 0) / samples.length;

/** Mean RSS of the samples taken in the last `seconds` of a run. */
function meanOfLast(samples: RssSample[], seconds: number): number {
  const from = samples.at(-1)!.atSeconds - seconds;
  return meanMb(samples.filter((sample) => sample.atSeconds >= from));
}

/**
 * Rounds of the mix until the RSS levels off: a round's mean RSS at most LEVELLED_OFF_RISE above the
 * round's before (or the cap). The baseline is the mean RSS of the warm-up's last GROWTH_WINDOW_SECONDS,
 * the same window as the soak's end: one sample could fall on a peak or a trough of the RSS, which
 * saws by tens of MB as the heap grows and is collected.
 */
async function warmUp(server: BenchServer, next: () => Planned, tally: Tally) {
  const rss = sampleRss(server.pid, RSS_EVERY_MS);
  const roundMeans: number[] = [];
  let requests = 0;
  let levelledOff = false;
  while (!levelledOff && roundMeans.length * WARMUP_SECONDS < WARMUP_MAX_SECONDS) {
    const roundStart = rss.elapsedSeconds();
    requests += (await loadMix(server.base, next, WARMUP_SECONDS, tally)).requests.total;
    roundMeans.push(meanMb(rss.samples.filter((sample) => sample.atSeconds >= roundStart)));
    levelledOff = roundMeans.length >= 2 && roundMeans.at(-1)! <= roundMeans.at(-2)! * (1 + LEVELLED_OFF_RISE);
  }
  const samples = rss.stop();
  return {
    seconds: roundMeans.length * WARMUP_SECONDS,
    requests,
    samples,
    levelledOff,
    baselineMb: meanOfLast(samples, GROWTH_WINDOW_SECONDS),
  };
}

/**
 * What the server under test needs for the soak: a preview secret, so forged links meet the signature check, and the
 * heap probe.
 */
export function soakServerEnv(heapProbeFile: string): ServerEnv {
  return { PREVIEW_SECRET: randomBytes(32).toString('hex'), ...heapProbeEnv(heapProbeFile) };
}

export function tempHeapProbeFile(): string {
  return path.join(os.tmpdir(), `sahifa-heap-probe-${process.pid}.json`);
}

export interface SoakOptions {
  /**
   * The file of the server's heap probe (started with `soakServerEnv` or `heapProbeEnv`); without it live heap is not
   * measured.
   */
  heapProbeFile?: string;
}

/** The soak against a running server; prints the mix and the memory trace, returns the figures. */
export async function benchSoak(server: BenchServer, options: SoakOptions = {}): Promise<Result[]> {
  const site = await discoverSite(server.base);
  const next = requestPlan(site);

  const warmTally = new Tally();
  await visitEveryUrlOnce(server.base, site, warmTally);
  // Live memory once every URL has been served: code loaded, caches filled. Measured before the burst,
  // since the probe's full collection shrinks the heap and the soak must not start from a shrunk one.
  const heapStartMb = options.heapProbeFile ? await liveHeapMb(server, options.heapProbeFile) : undefined;
  const warmup = await warmUp(server, next, warmTally);

  const tally = new Tally();
  const rss = sampleRss(server.pid, RSS_EVERY_MS);
  const run = await loadMix(server.base, next, SOAK_SECONDS, tally);
  const samples = rss.stop();
  const heapEndMb = options.heapProbeFile ? await liveHeapMb(server, options.heapProbeFile) : undefined;

  const window = Math.min(GROWTH_WINDOW_SECONDS, samples.at(-1)!.atSeconds);
  const lastMeanMb = meanOfLast(samples, window);
  const baselineMb = warmup.baselineMb;
  const growthPercent = ((lastMeanMb - baselineMb) / baselineMb) * 100;
  const timeouts: number = run.timeouts;
  const socketErrors: number = run.errors - timeouts;
  // Each connection has at most one request in flight when the run stops; any more sent and never
  // answered were dropped by the server (autocannon reconnects when a connection closes, silently).
  const dropped = Math.max(0, run.requests.sent - run.requests.total - run.errors - CONNECTIONS);
  const errors = socketErrors + timeouts + dropped + tally.unexpectedCount;

  const levelled = warmup.levelledOff ? 'RSS levelled off' : `RSS still rising after the ${WARMUP_MAX_SECONDS} s cap`;
  console.log(
    `\nsoak: ${SOAK_SECONDS} s at ${CONNECTIONS} connections after a ${warmup.seconds} s warm-up (${warmup.requests} requests, ${warmTally.unexpectedCount} unexpected answers, ${levelled})`,
  );
  console.log('kind                          weight  URLs        requests  p50 / p99 latency  statuses (expected)');
  for (const kind of KIND_NAMES) {
    const rule = KINDS[kind];
    const urls = kind === 'notFound' || kind === 'refusal' ? 'new each' : String(site.paths[kind].length);
    console.log(
      `${rule.label.padEnd(30)}${`${rule.weight}%`.padStart(6)}  ${urls.padEnd(10)}${String(tally.requests(kind)).padStart(10)}  ${tally.latencyText(kind).padStart(17)}  ${tally.statusText(kind)} (${rule.expected})`,
    );
  }
  console.log(`section fronts linking a page 2: ${site.secondPages}`);
  console.log(
    `requests sent ${run.requests.sent}, answered ${run.requests.total}; errors: ${socketErrors} socket errors, ${timeouts} timeouts, ${dropped} dropped requests, ${tally.fiveHundreds} 5xx, ${tally.unexpectedCount - tally.fiveHundreds} other unexpected or unreadable answers`,
  );
  const problems = [
    ...warmTally.unexpectedExamples.map((e) => `warm-up: ${e}`),
    ...warmTally.neverAnswered.map((e) => `warm-up: never answered: ${e}`),
    ...tally.unexpectedExamples,
    ...tally.neverAnswered.map((e) => `never answered: ${e}`),
  ];
  for (const problem of problems.slice(0, 30)) console.log(`  ${problem}`);
  const trace = (series: RssSample[]) => series.map((sample) => sample.mb.toFixed(0)).join(' ');
  console.log(
    `server RSS (MB) every ${RSS_EVERY_MS / 1000} s, warm-up: ${trace(warmup.samples)}; soak: ${trace(samples)}\n`,
  );

  const results: Result[] = [
    {
      name: `soak, requests answered (${SOAK_SECONDS} s, ${CONNECTIONS} connections)`,
      value: run.requests.total,
      unit: 'requests',
    },
    { name: 'soak, throughput', value: run.requests.average, unit: 'req/s' },
    { name: 'soak, errors (socket, timeout, dropped, unexpected status)', value: errors, unit: 'errors', target: 0 },
    { name: 'soak, latency p50', value: run.latency.p50, unit: 'ms' },
    { name: 'soak, latency p99', value: run.latency.p99, unit: 'ms' },
    {
      name: `soak, server RSS mean of the warm-up's last ${GROWTH_WINDOW_SECONDS} s (baseline)`,
      value: baselineMb,
      unit: 'MB',
    },
    { name: 'soak, server RSS peak', value: Math.max(...samples.map((s) => s.mb)), unit: 'MB' },
    { name: 'soak, server RSS at the end', value: samples.at(-1)!.mb, unit: 'MB' },
    { name: `soak, server RSS mean of the last ${window.toFixed(0)} s`, value: lastMeanMb, unit: 'MB' },
    { name: 'soak, RSS growth after the warm-up', value: growthPercent, unit: '%', target: GROWTH_TARGET_PERCENT },
  ];
  if (heapStartMb !== undefined && heapEndMb !== undefined) {
    results.push(
      { name: 'soak, live heap + buffers after GC, after every URL once', value: heapStartMb, unit: 'MB' },
      { name: 'soak, live heap + buffers after GC, at the end', value: heapEndMb, unit: 'MB' },
    );
  }
  return results;
}

async function main() {
  buildUnlessSkipped();
  const heapFile = tempHeapProbeFile();
  const server = await startServer(Number(process.env.SOAK_PORT ?? 3500), soakServerEnv(heapFile));
  let results: Result[];
  try {
    results = await benchSoak(server, { heapProbeFile: heapFile });
  } finally {
    server.stop();
    fs.rmSync(heapFile, { force: true });
  }
  const missed = printResults(results);
  fs.mkdirSync('artifacts', { recursive: true });
  fs.writeFileSync(
    'artifacts/bench-soak.json',
    JSON.stringify(
      { date: new Date().toISOString(), seconds: SOAK_SECONDS, connections: CONNECTIONS, results },
      null,
      2,
    ),
  );
  process.exit(missed ? 1 : 0);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
