/**
 * The reference for Sahifa's throughput: a bare Next app (scripts/bench/bare-next/, Next's defaults, a
 * static page of the seed story's text for each page measured, of the same HTML size), built by the bench
 * into .bench/bare-next and served by `next start`, measured in the same run and the same way.
 *
 * Both servers run side by side and are measured in turns, three rounds each, the median round counting:
 * on a shared 2-core machine a burst of other work moves one 5-second figure by 30%, and turns spread
 * it over both. Each figure comes with the server's CPU time per request (every process of its group),
 * which such bursts move less than requests/s.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Result } from './results.mts';
import { BARE_NEXT_DIR, groupCpuMs, startServer, type BenchServer } from './server.mts';
import { measureThroughput, type Throughput } from './throughput.mts';

const TEMPLATE = 'scripts/bench/bare-next';
const SEED_DIR = path.resolve('..', 'shared', 'seeds');
const ROUNDS = 3;
const ROUND_SECONDS = 5;

interface Measured extends Throughput {
  cpuMsPerRequest: number;
}

/** Builds the bare app with one page of each of these HTML sizes, at `/<bytes>`, and a feed of each feed size at `/feed/<bytes>`. */
function buildBareNext(pageSizes: number[], feedSizes: number[]): void {
  const seedFile = fs.readdirSync(SEED_DIR).map((file) => path.join(SEED_DIR, file)).find((file) => file.endsWith('.txt'));
  if (!seedFile) throw new Error(`no seed story in ${SEED_DIR}`);
  fs.rmSync(BARE_NEXT_DIR, { recursive: true, force: true });
  fs.cpSync(TEMPLATE, BARE_NEXT_DIR, { recursive: true });
  execFileSync(process.execPath, ['node_modules/next/dist/bin/next', 'build', BARE_NEXT_DIR], {
    stdio: 'ignore',
    env: { ...process.env, BARE_SEED_FILE: seedFile, BARE_PAGE_SIZES: pageSizes.join(','), BARE_FEED_SIZES: feedSizes.join(',') },
  });
}

async function measureRound(server: BenchServer, url: string): Promise<Measured> {
  const cpuBefore = groupCpuMs(server.pid);
  const throughput = await measureThroughput(url, { seconds: ROUND_SECONDS });
  return { ...throughput, cpuMsPerRequest: (groupCpuMs(server.pid) - cpuBefore) / throughput.requests };
}

const medianRound = (rounds: Measured[]) => [...rounds].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)[rounds.length >> 1];

/**
 * Sahifa's story page, home, a section front and a feed, each against the bare page of its size, on
 * `sahifa` (the bench's server.mjs); the bare app is started on `port`.
 */
export async function benchAgainstBareNext(sahifa: BenchServer, port: number, paths: Record<string, string>): Promise<Result[]> {
  // A page is compared with a bare page, a feed (a route handler, which Next serves through web streams)
  // with a bare route handler: each of the same size.
  const references: Record<string, { size: number; path: string; kind: string }> = {};
  for (const [name, urlPath] of Object.entries(paths)) {
    const response = await fetch(`${sahifa.base}${urlPath}`);
    const size = (await response.arrayBuffer()).byteLength;
    const isFeed = /xml/.test(response.headers.get('content-type') ?? '');
    references[name] = { size, path: isFeed ? `/feed/${size}` : `/${size}`, kind: isFeed ? 'bare Next route handler' : 'bare Next page' };
  }
  const sizesOf = (kind: string) => Object.values(references).filter((r) => r.kind === kind).map((r) => r.size);
  buildBareNext(sizesOf('bare Next page'), sizesOf('bare Next route handler'));
  const bare = await startServer(port, {}, Object.values(references)[0].path, 'bare-next');
  const results: Result[] = [];
  try {
    for (const [name, urlPath] of Object.entries(paths)) {
      const reference = references[name];
      const urls = { ours: `${sahifa.base}${urlPath}`, bare: `${bare.base}${reference.path}` };
      const bareBytes = (await (await fetch(urls.bare)).arrayBuffer()).byteLength;
      // Warm-up: code compiled, the page in memory, on both.
      await measureThroughput(urls.ours, { seconds: 2 });
      await measureThroughput(urls.bare, { seconds: 2 });
      const rounds: { ours: Measured[]; bare: Measured[] } = { ours: [], bare: [] };
      for (let round = 0; round < ROUNDS; round++) {
        rounds.ours.push(await measureRound(sahifa, urls.ours));
        rounds.bare.push(await measureRound(bare, urls.bare));
      }
      const ours = medianRound(rounds.ours);
      const theirs = medianRound(rounds.bare);
      const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;
      results.push(
        { name: `${name} (${kb(reference.size)}), requests/s`, value: ours.requestsPerSecond, unit: 'req/s', reference: `${reference.kind} (${kb(bareBytes)}): ${Math.round(theirs.requestsPerSecond)}` },
        { name: `${name}, latency p50 (p99)`, value: ours.p50, unit: `ms (${ours.p99} ms)`, reference: `${theirs.p50} (${theirs.p99}) ms` },
        { name: `${name}, server CPU per request`, value: ours.cpuMsPerRequest, unit: 'ms', reference: `${theirs.cpuMsPerRequest.toFixed(2)} ms` },
        { name: `${name} ÷ ${reference.kind}, requests/s`, value: ours.requestsPerSecond / theirs.requestsPerSecond, unit: '×', target: -0.9 },
      );
    }
  } finally {
    bare.stop();
    await bare.exited;
  }
  return results;
}
