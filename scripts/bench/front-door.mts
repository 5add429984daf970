/**
 * What the front door and the security headers cost (docs/adr/0004): the story page's requests/s from
 * the same build served by `next start` (no checks, no headers) and by server.mjs, and, for the record,
 * what a nonce-based policy would cost: a nonce changes every response, so every page would render per
 * request. Draft Mode (Next's bypass cookie) renders the page per request without changing what it
 * shows, so it stands in for that.
 *
 * Both servers are measured twice, alternately, and each keeps its better run, so a passing burst of
 * other work on the machine does not decide the comparison.
 */
import fs from 'node:fs';
import type { Result } from './results.mts';
import { startServer, type ServerEntry } from './server.mts';
import { measureThroughput, type Throughput } from './throughput.mts';

const ROUNDS = 2;

async function measureOn(entry: ServerEntry, port: number, path: string, headers?: Record<string, string>): Promise<Throughput> {
  const server = await startServer(port, {}, '/ar', entry);
  try {
    const url = `${server.base}${path}`;
    await measureThroughput(url, { headers }); // warm-up: code loaded, the page in memory
    return await measureThroughput(url, { headers });
  } finally {
    // The next server takes the same port: this one must be gone, or it would answer in its place.
    server.stop();
    await server.exited;
  }
}

const better = (a: Throughput | undefined, b: Throughput) => (a && a.requestsPerSecond >= b.requestsPerSecond ? a : b);

export async function benchFrontDoor(port: number, storyPath: string): Promise<Result[]> {
  let plain: Throughput | undefined;
  let door: Throughput | undefined;
  for (let round = 0; round < ROUNDS; round++) {
    plain = better(plain, await measureOn('next-start', port, storyPath));
    door = better(door, await measureOn('server', port, storyPath));
  }
  // Next's Draft Mode cookie carries the build's preview id; with it, the page renders on every request.
  const { previewModeId } = JSON.parse(fs.readFileSync('.next/prerender-manifest.json', 'utf8')).preview;
  const perRequest = await measureOn('server', port, storyPath, { cookie: `__prerender_bypass=${previewModeId}` });
  const row = (name: string, t: Throughput): Result[] => [
    { name: `story page, ${name}, requests/s`, value: t.requestsPerSecond, unit: 'req/s' },
    { name: `story page, ${name}, latency p50 (p99)`, value: t.p50, unit: `ms (${t.p99} ms)` },
  ];
  return [
    ...row('next start (no front door, no headers)', plain!),
    ...row('server.mjs (front door and headers)', door!),
    { name: 'story page, server.mjs ÷ next start', value: door!.requestsPerSecond / plain!.requestsPerSecond, unit: '×', target: -0.9 },
    ...row('rendered per request (what a CSP nonce needs)', perRequest),
    { name: 'story page, rendered per request ÷ served static', value: perRequest.requestsPerSecond / door!.requestsPerSecond, unit: '×' },
  ];
}
