/**
 * What the front door and the security headers cost (docs/adr/0004): the story page's requests/s from
 * the same build served by `next start` (no checks, no headers, Next's own page cache: server.mjs installs
 * Sahifa's, docs/adr/0005) and by server.mjs, side by side and in turns (measureInTurns); and, for the
 * record, what a nonce-based policy would cost: a nonce changes every response, so every page would
 * render per request. Draft Mode (Next's bypass cookie) renders the page per request without changing
 * what it shows, so it stands in for that.
 */
import fs from 'node:fs';
import type { Result } from './results.mts';
import { startServer } from './server.mts';
import { measureInTurns, measureThroughput, type Throughput } from './throughput.mts';

export async function benchFrontDoor(port: number, storyPath: string): Promise<Result[]> {
  const plain = await startServer(port, {}, '/ar', 'next-start');
  const door = await startServer(port + 10, {}, '/ar', 'server');
  try {
    const [withoutDoor, withDoor] = await measureInTurns([
      { server: plain, url: `${plain.base}${storyPath}` },
      { server: door, url: `${door.base}${storyPath}` },
    ]);
    // Next's Draft Mode cookie carries the build's preview id; with it, the page renders on every request.
    const { previewModeId } = JSON.parse(fs.readFileSync('.next/prerender-manifest.json', 'utf8')).preview;
    const headers = { cookie: `__prerender_bypass=${previewModeId}` };
    await measureThroughput(`${door.base}${storyPath}`, { headers, seconds: 2 });
    const perRequest = await measureThroughput(`${door.base}${storyPath}`, { headers });
    const row = (name: string, t: Throughput): Result[] => [
      { name: `story page, ${name}, requests/s`, value: t.requestsPerSecond, unit: 'req/s' },
      { name: `story page, ${name}, latency p50 (p99)`, value: t.p50, unit: `ms (${t.p99} ms)` },
    ];
    return [
      ...row("next start (no front door, no headers, Next's own page cache)", withoutDoor),
      ...row('server.mjs (front door and headers)', withDoor),
      {
        name: 'story page, server.mjs ÷ next start',
        value: withDoor.requestsPerSecond / withoutDoor.requestsPerSecond,
        unit: '×',
        target: -0.9,
      },
      ...row('rendered per request (what a CSP nonce needs)', perRequest),
      {
        name: 'story page, rendered per request ÷ served static',
        value: perRequest.requestsPerSecond / withDoor.requestsPerSecond,
        unit: '×',
      },
    ];
  } finally {
    plain.stop();
    door.stop();
    await Promise.all([plain.exited, door.exited]);
  }
}
