/**
 * The reference for Sahifa's throughput: a bare Next app (scripts/bench/bare-next/, Next's defaults, a
 * static page of the seed story's text for each page measured, of the same HTML size), built by the bench
 * into .bench/bare-next and served by `next start`, measured in the same run and the same way.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Result } from './results.mts';
import { BARE_NEXT_DIR, startServer, type BenchServer } from './server.mts';
import { measureThroughput, type Throughput } from './throughput.mts';

const TEMPLATE = 'scripts/bench/bare-next';
const SEED_DIR = path.resolve('..', 'shared', 'seeds');

async function measure(url: string): Promise<Throughput> {
  await measureThroughput(url, { seconds: 2 }); // warm-up
  return measureThroughput(url);
}

/** Builds the bare app with one page of each of these HTML sizes, at `/<bytes>`. */
function buildBareNext(pageSizes: number[]): void {
  const seedFile = fs.readdirSync(SEED_DIR).map((file) => path.join(SEED_DIR, file)).find((file) => file.endsWith('.txt'));
  if (!seedFile) throw new Error(`no seed story in ${SEED_DIR}`);
  fs.rmSync(BARE_NEXT_DIR, { recursive: true, force: true });
  fs.cpSync(TEMPLATE, BARE_NEXT_DIR, { recursive: true });
  execFileSync(process.execPath, ['node_modules/next/dist/bin/next', 'build', BARE_NEXT_DIR], {
    stdio: 'ignore',
    env: { ...process.env, BARE_SEED_FILE: seedFile, BARE_PAGE_SIZES: pageSizes.join(',') },
  });
}

/**
 * Sahifa's story page, home, a section front and a feed, each against the bare page, on `sahifa` (the
 * bench's server.mjs); the bare app is started on `port`.
 */
export async function benchAgainstBareNext(sahifa: BenchServer, port: number, paths: Record<string, string>): Promise<Result[]> {
  const sizes: Record<string, number> = {};
  for (const [name, urlPath] of Object.entries(paths)) sizes[name] = (await (await fetch(`${sahifa.base}${urlPath}`)).arrayBuffer()).byteLength;
  buildBareNext(Object.values(sizes));
  const references: Record<string, { bytes: number; throughput: Throughput }> = {};
  const bare = await startServer(port, {}, `/${Object.values(sizes)[0]}`, 'bare-next');
  try {
    for (const [name, bytes] of Object.entries(sizes)) {
      const url = `${bare.base}/${bytes}`;
      references[name] = { bytes: (await (await fetch(url)).arrayBuffer()).byteLength, throughput: await measure(url) };
    }
  } finally {
    bare.stop();
    await bare.exited;
  }
  const results: Result[] = [];
  for (const [name, urlPath] of Object.entries(paths)) {
    const ours = await measure(`${sahifa.base}${urlPath}`);
    const reference = references[name];
    const kb = (bytes: number) => Math.round(bytes / 1024);
    results.push(
      { name: `${name} (${kb(sizes[name])} KB), requests/s; bare Next (${kb(reference.bytes)} KB): ${Math.round(reference.throughput.requestsPerSecond)}`, value: ours.requestsPerSecond, unit: 'req/s' },
      { name: `${name}, latency p50 (p99); bare Next: ${reference.throughput.p50} (${reference.throughput.p99}) ms`, value: ours.p50, unit: `ms (${ours.p99} ms)` },
      { name: `${name} ÷ bare Next, requests/s`, value: ours.requestsPerSecond / reference.throughput.requestsPerSecond, unit: '×', target: -0.9 },
    );
  }
  return results;
}
