/**
 * npm run bench:search [-- --stories 100000 --out /tmp/sahifa-scale]
 *
 * Search at archive scale, in one run on this machine, each figure beside a reference measured in the
 * same run:
 *   index      the first scan of the synthetic archive into a new index, search included, beside the
 *              time the analyzer alone takes over the same text; the size of every table on disk
 *   publish    one new story through `reload`, as the publish hook does (incremental: one row each)
 *   queries    p50 / p95 / max of the store's search per kind of query (Arabic spelling variants,
 *              common and rare words, many words, words that never meet, a deep page), beside a
 *              section front's list from the same index
 *   HTTP       /ar/search and /en/search, one request at a time, p50 / p95, beside a section front;
 *              then 10 s at 10 connections; the server's memory before and after
 * Reuses the archive of `npm run bench:scale` (same generator, same seed) when it is there.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { DatabaseSync } from 'node:sqlite';
import { createFileStore } from '../../lib/content/file-store/index.ts';
import { parseStoryFile } from '../../lib/content/parse.ts';
import { indexText } from '../../lib/search/analyze.ts';
import { parseQuery, SEARCH_COUNT_CAP } from '../../lib/search/query.ts';
import { printResults, type Result } from './results.mts';
import { buildUnlessSkipped, groupRssMb, startServer } from './server.mts';
import { median, percentile } from '../shared/stats.mts';

const PAGE_SIZE = 10;
const TARGET_P95_MS = 50;
const PORT = 3320;

/** What readers type, by kind: each kind is timed on its own, and all together for the p95. */
const QUERIES: Record<string, { locale: 'ar' | 'en'; q: string; offset?: number }[]> = {
  'Arabic spelling variants': ['أرمينيا', 'ارمينيا', 'أَرْمِينِيَا', 'أرمـينيا', 'والأرمينية', 'بروسيا'].map((q) => ({
    locale: 'ar',
    q,
  })),
  'common words (in most stories)': [
    { locale: 'ar', q: 'في' },
    { locale: 'ar', q: 'من' },
    { locale: 'en', q: 'the' },
    { locale: 'en', q: 'and' },
  ],
  'rare words and names': [
    { locale: 'ar', q: 'باشينيان' },
    { locale: 'ar', q: 'ملف 17' },
    { locale: 'en', q: 'Pashinyan' },
    { locale: 'en', q: 'Elbrus' },
  ],
  'eight words': [
    { locale: 'ar', q: 'أرمينيا روسيا منظمة معاهدة الأمن الجماعي يريفان موسكو' },
    { locale: 'en', q: 'Armenia Russia alliance Yerevan Moscow treaty security organisation' },
  ],
  'common words that never meet': [
    { locale: 'ar', q: 'أرمينيا القهوة' },
    { locale: 'en', q: 'Armenia coffee' },
  ],
  'a deep page (results 991–1,000)': [
    { locale: 'ar', q: 'في', offset: SEARCH_COUNT_CAP - PAGE_SIZE },
    { locale: 'en', q: 'the', offset: SEARCH_COUNT_CAP - PAGE_SIZE },
  ],
};

function tableSizesMb(indexFile: string): Record<string, number> {
  const db = new DatabaseSync(indexFile, { readOnly: true });
  const rows = db.prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name').all() as {
    name: string;
    bytes: number;
  }[];
  db.close();
  const sizes: Record<string, number> = {};
  for (const { name, bytes } of rows) {
    // An FTS5 table's shadow tables (search_ar_data, _idx, _docsize, _config) count as the table.
    const table =
      /^search_[a-z]+/.exec(name)?.[0] ??
      (name.startsWith('sqlite_autoindex_') || name.startsWith('stories_')
        ? 'stories'
        : name.startsWith('story_labels')
          ? 'story_labels'
          : name);
    sizes[table] = (sizes[table] ?? 0) + bytes / 1048576;
  }
  return sizes;
}

/** The analyzer's own time over every published story's text: what search adds to a scan at most. */
function analyzerSeconds(archive: string): number {
  const started = performance.now();
  for (const slug of fs.readdirSync(path.join(archive, 'stories'))) {
    for (const locale of ['ar', 'en'] as const) {
      const file = path.join(archive, 'stories', slug, `${locale}.md`);
      if (!fs.existsSync(file)) continue;
      const { story } = parseStoryFile(fs.readFileSync(file, 'utf8'), { slug, locale, file });
      if (story) indexText([story.title, story.summary, ...story.tags, story.body].join('\n'));
    }
  }
  return (performance.now() - started) / 1000;
}

async function timeRepeatedly(run: () => Promise<unknown>, times: number): Promise<number[]> {
  const took: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await run();
    took.push(performance.now() - started);
  }
  return took;
}

export async function benchSearch({ stories = 100_000, archive = '/tmp/sahifa-scale' } = {}): Promise<Result[]> {
  const results: Result[] = [];
  if (!fs.existsSync(path.join(archive, 'stories')) || fs.readdirSync(path.join(archive, 'stories')).length < stories) {
    execFileSync('npx', ['tsx', 'scripts/content-generate.mts', '--stories', String(stories), '--out', archive], {
      stdio: 'inherit',
    });
    fs.cpSync(path.join('content', 'stories'), path.join(archive, 'stories'), { recursive: true });
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-search-'));
  const indexFile = path.join(work, 'index.sqlite');
  try {
    // The first scan, into a new index, search included.
    const scanStarted = performance.now();
    const store = createFileStore({ dir: archive, indexFile, waitForScan: true, info: () => {}, log: () => {} });
    await store.ready();
    const scanSeconds = (performance.now() - scanStarted) / 1000;
    const analyzer = analyzerSeconds(archive);
    results.push({
      name: `index: first scan of ${stories.toLocaleString('en')} stories, search included`,
      value: scanSeconds,
      unit: 's',
      reference: `analyzer alone ${analyzer.toFixed(1)} s`,
    });
    const sizes = tableSizesMb(indexFile);
    const search = Object.entries(sizes).filter(([name]) => name.startsWith('search_'));
    const searchMb = search.reduce((sum, [, mb]) => sum + mb, 0);
    results.push({
      name: 'index: search tables on disk (FTS5, every edition)',
      value: searchMb,
      unit: 'MB',
      reference: `${search.map(([name, mb]) => `${name} ${mb.toFixed(0)}`).join(', ')}; stories table ${sizes.stories.toFixed(0)} MB, labels ${sizes.story_labels.toFixed(0)} MB`,
    });

    // Publishing one story: its rows, its labels and its search row, nothing else.
    const slug = `bench-search-${Date.now()}`;
    fs.mkdirSync(path.join(archive, 'stories', slug));
    const write = (n: number) =>
      fs.writeFileSync(
        path.join(archive, 'stories', slug, 'ar.md'),
        `---\ntitle: "خبر للقياس ${n}"\nsummary: "قصة تنشر أثناء القياس."\nsection: world\ntags: ["قياس"]\npublishedAt: "2026-11-29T09:00:00Z"\nstatus: published\n---\nنص الخبر عن أرمينيا رقم ${n}.\n`,
      );
    let edition = 0;
    const publishTimes = await timeRepeatedly(async () => {
      write(++edition);
      await store.reload([slug]);
    }, 20);
    const found = await store.search('ar', parseQuery(`القياس ${edition}`).words, 0, PAGE_SIZE);
    if (!found.items.some((item) => item.slug === slug))
      throw new Error('the story published during the bench is not found');
    fs.rmSync(path.join(archive, 'stories', slug), { recursive: true });
    await store.reload([slug]);
    results.push({
      name: 'publish: one story re-read and re-indexed (reload), median of 20',
      value: median(publishTimes),
      unit: 'ms',
    });

    // Queries against the store, as the search page makes them.
    const all: number[] = [];
    for (const [kind, queries] of Object.entries(QUERIES)) {
      const times: number[] = [];
      for (const { locale, q, offset = 0 } of queries) {
        const words = parseQuery(q).words;
        times.push(...(await timeRepeatedly(() => store.search(locale, words, offset, PAGE_SIZE), 50)));
      }
      all.push(...times);
      results.push({
        name: `query p95: ${kind}`,
        value: percentile(times, 95),
        unit: 'ms',
        target: TARGET_P95_MS,
        reference: `p50 ${percentile(times, 50).toFixed(2)}, max ${Math.max(...times).toFixed(1)}`,
      });
    }
    const list = await timeRepeatedly(() => store.inSection('ar', 'world', 0, PAGE_SIZE), 200);
    results.push({
      name: 'query p95: every kind together',
      value: percentile(all, 95),
      unit: 'ms',
      target: TARGET_P95_MS,
      reference: `a section front's list from the same index: p95 ${percentile(list, 95).toFixed(2)} ms`,
    });
    // The server reads the index just built (and checks it against the folder behind its first requests).
    results.push(...(await benchSearchPages(archive, indexFile, stories)));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return results;
}

/** The search page itself, served by server.mjs over the archive, beside a section front of the same server. */
async function benchSearchPages(archive: string, indexFile: string, stories: number): Promise<Result[]> {
  const results: Result[] = [];
  const server = await startServer(PORT, { CONTENT_DIR: archive, CONTENT_INDEX_FILE: indexFile });
  try {
    await server.waitForLine(/\[content\] index checked/, 600_000);
    const urls = Object.values(QUERIES)
      .flat()
      .map(
        ({ locale, q, offset }) =>
          `${server.base}/${locale}/search?q=${encodeURIComponent(q)}${offset ? `&page=${offset / PAGE_SIZE + 1}` : ''}`,
      );
    const get = async (url: string) => {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    };
    for (const url of urls) await get(url);
    const rssBefore = groupRssMb(server.pid);
    const pageTimes: number[] = [];
    for (let round = 0; round < 10; round++)
      for (const url of urls) pageTimes.push(...(await timeRepeatedly(() => get(url), 1)));
    const front = await timeRepeatedly(() => get(`${server.base}/ar/section/world`), 200);
    results.push({
      name: `search page p95 at ${stories.toLocaleString('en')} stories, one at a time`,
      value: percentile(pageTimes, 95),
      unit: 'ms',
      target: TARGET_P95_MS,
      reference: `p50 ${percentile(pageTimes, 50).toFixed(1)}; section front p95 ${percentile(front, 95).toFixed(1)} ms`,
    });
    const paths = urls.map((url) => new URL(url).pathname + new URL(url).search);
    let sent = 0;
    const loaded = await autocannon({
      url: urls[0],
      connections: 10,
      duration: 10,
      requests: [{ setupRequest: (request) => ({ ...request, path: paths[sent++ % paths.length] }) }],
    });
    results.push({
      name: 'search pages under 10 connections: requests/s',
      value: loaded.requests.average,
      unit: 'req/s',
      reference: `p50 ${loaded.latency.p50} ms, p97.5 ${loaded.latency.p97_5} ms, ${loaded.errors + loaded.non2xx} errors`,
    });
    results.push({
      name: 'server RSS after the search load',
      value: groupRssMb(server.pid),
      unit: 'MB',
      reference: `before ${rssBefore.toFixed(0)} MB`,
    });
  } finally {
    server.stop();
    await server.exited;
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { stories: { type: 'string', default: '100000' }, out: { type: 'string', default: '/tmp/sahifa-scale' } },
  });
  buildUnlessSkipped();
  const results = await benchSearch({ stories: Number(values.stories), archive: path.resolve(values.out) });
  const missed = printResults(results);
  fs.mkdirSync('artifacts', { recursive: true });
  fs.writeFileSync('artifacts/bench-search.json', JSON.stringify({ date: new Date().toISOString(), results }, null, 2));
  process.exit(missed ? 1 : 0);
}
