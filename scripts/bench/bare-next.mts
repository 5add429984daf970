/**
 * The reference for Sahifa's figures: a bare Next app (scripts/bench/bare-next/, Next's defaults), built
 * by the bench into .bench/bare-next with, for each Sahifa URL measured, a static page of the seed
 * story's text of the same HTML size (a feed gets a static route handler of the same size, as a feed is
 * one in Next), served by `next start` next to Sahifa and measured in the same run, the same way.
 *
 * Throughput: both servers are measured in turns (measureInTurns), each figure with the server's CPU
 * time per request, which bursts of other work on the machine move less than requests/s.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Result } from './results.mts';
import { BARE_NEXT_DIR, startServer, type BenchServer } from './server.mts';
import { BROWSER_ENCODING, measureInTurns, type Measured } from './throughput.mts';

const TEMPLATE = 'scripts/bench/bare-next';
/** The reference story's text, as the repository keeps it for the tests. */
const SEED_FILE = path.resolve('tests', 'fixtures', 'reference-seed.txt');

/** A Sahifa URL and the bare app's URL of the same size and kind. */
export interface Counterpart {
  path: string;
  size: number;
  barePath: string;
  kind: 'bare Next page' | 'bare Next route handler';
}

/** Fetches each of Sahifa's URLs for its size and kind. */
export async function counterparts(
  sahifa: BenchServer,
  paths: Record<string, string>,
): Promise<Record<string, Counterpart>> {
  const found: Record<string, Counterpart> = {};
  for (const [name, urlPath] of Object.entries(paths)) {
    const response = await fetch(`${sahifa.base}${urlPath}`);
    const size = (await response.arrayBuffer()).byteLength;
    const isFeed = /xml/.test(response.headers.get('content-type') ?? '');
    found[name] = {
      path: urlPath,
      size,
      barePath: isFeed ? `/feed/${size}` : `/${size}`,
      kind: isFeed ? 'bare Next route handler' : 'bare Next page',
    };
  }
  return found;
}

/** Builds the bare app with the counterparts' pages and feeds, and starts it on `port`. */
export async function startBareNext(port: number, wanted: Record<string, Counterpart>): Promise<BenchServer> {
  const sizes = (kind: Counterpart['kind']) =>
    [
      ...new Set(
        Object.values(wanted)
          .filter((c) => c.kind === kind)
          .map((c) => c.size),
      ),
    ].join(',');
  fs.rmSync(BARE_NEXT_DIR, { recursive: true, force: true });
  fs.cpSync(TEMPLATE, BARE_NEXT_DIR, { recursive: true });
  execFileSync(process.execPath, ['node_modules/next/dist/bin/next', 'build', BARE_NEXT_DIR], {
    stdio: 'ignore',
    env: {
      ...process.env,
      BARE_SEED_FILE: SEED_FILE,
      BARE_PAGE_SIZES: sizes('bare Next page'),
      BARE_FEED_SIZES: sizes('bare Next route handler'),
    },
  });
  return startServer(port, {}, Object.values(wanted)[0].barePath, 'bare-next');
}

const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

/** The body's bytes as they come over the wire (fetch would decompress them). */
export function sentBytes(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        let bytes = 0;
        response.on('data', (chunk: Buffer) => (bytes += chunk.length));
        response.on('end', () => resolve(bytes));
      })
      .on('error', reject);
  });
}

/**
 * Each of Sahifa's URLs against its counterpart, as browsers ask (compressed) and with no Accept-Encoding: requests/s,
 * latency, CPU per request, and the ratios.
 */
export async function benchAgainstBareNext(
  sahifa: BenchServer,
  bare: BenchServer,
  pages: Record<string, Counterpart>,
): Promise<Result[]> {
  const results: Result[] = [];
  for (const [name, page] of Object.entries(pages)) {
    const urls = { ours: `${sahifa.base}${page.path}`, bare: `${bare.base}${page.barePath}` };
    for (const [asked, headers] of [
      ['gzip, deflate, br', BROWSER_ENCODING],
      ['no Accept-Encoding', {}],
    ] as const) {
      const [oursBytes, bareBytes] = [await sentBytes(urls.ours, headers), await sentBytes(urls.bare, headers)];
      let ours: Measured, theirs: Measured;
      try {
        [ours, theirs] = await measureInTurns([
          { server: sahifa, url: urls.ours, headers },
          { server: bare, url: urls.bare, headers },
        ]);
      } catch (error) {
        // One page failing leaves the others' figures.
        results.push({
          name: `${name}, ${asked} (failed: ${(error as Error).message.slice(0, 80)})`,
          value: Number.NaN,
          unit: '',
          target: 0,
        });
        continue;
      }
      const label = `${name} (${kb(page.size)}, ${asked}: ${kb(oursBytes)} sent)`;
      const generator = `wrk ${Math.round(ours.generatorCpuPercent)}% / ${Math.round(theirs.generatorCpuPercent)}% of a core`;
      results.push(
        {
          name: `${label}, requests/s`,
          value: ours.requestsPerSecond,
          unit: 'req/s',
          reference: `${page.kind} (${kb(bareBytes)} sent): ${Math.round(theirs.requestsPerSecond)}; ${generator}`,
        },
        {
          name: `${name}, ${asked}, latency p50 (p99)`,
          value: ours.p50,
          unit: `ms (${ours.p99} ms)`,
          reference: `${theirs.p50} (${theirs.p99}) ms`,
        },
        {
          name: `${name}, ${asked}, server CPU per request`,
          value: ours.cpuMsPerRequest,
          unit: 'ms',
          reference: `${theirs.cpuMsPerRequest.toFixed(2)} ms`,
        },
        {
          name: `${name}, ${asked}, CPU per request ÷ ${page.kind}`,
          value: ours.cpuMsPerRequest / theirs.cpuMsPerRequest,
          unit: '×',
          target: 1.1,
        },
        {
          name: `${name}, ${asked}, requests/s ÷ ${page.kind}`,
          value: ours.requestsPerSecond / theirs.requestsPerSecond,
          unit: '×',
          target: -0.9,
        },
      );
    }
  }
  return results;
}
