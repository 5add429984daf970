/**
 * npm run bench:cluster: what Redis costs per request and what a second server gives, in one run on
 * this machine, against the current build (`next build` first unless BENCH_SKIP_BUILD=1):
 *   one server, no REDIS_URL          story page and home: requests/s, p50, p99
 *   one server with REDIS_URL          the same (the cost of the shared cache per request)
 *   two servers sharing one Redis      the same, load split over both
 * Starts Debian's redis-server on a free port. Writes artifacts/bench-cluster.json.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { freePort } from '../shared/free-port.ts';
import { waitForServer } from '../shared/wait-for-server.ts';
import { startServer, type BenchServer } from './server.mts';

const STORY = '/ar/news/armenia-freezes-csto-participation';
const CONNECTIONS = 20;
const SECONDS = 8;

/** Load spread over the servers' bases, CONNECTIONS in all; requests/s summed, latencies of the first. */
async function measure(bases: string[], pagePath: string) {
  const share = Math.max(1, Math.round(CONNECTIONS / bases.length));
  const warm = bases.map((base) => autocannon({ url: `${base}${pagePath}`, connections: share, duration: 2 }));
  await Promise.all(warm);
  const runs = await Promise.all(
    bases.map((base) => autocannon({ url: `${base}${pagePath}`, connections: share, duration: SECONDS })),
  );
  return {
    rps: runs.reduce((sum, run) => sum + run.requests.average, 0),
    p50: runs[0].latency.p50,
    p99: runs[0].latency.p99,
    errors: runs.reduce((n, run) => n + run.errors + run.non2xx, 0),
  };
}

if (process.env.BENCH_SKIP_BUILD !== '1') execFileSync('npx', ['next', 'build'], { stdio: 'ignore' });
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-bench-cluster-'));
const redisPort = await freePort();
const redis = spawn(
  'redis-server',
  ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
  { stdio: 'ignore' },
);
const REDIS_URL = `redis://127.0.0.1:${redisPort}`;

const setups: [string, { redis: boolean; servers: number }][] = [
  ['one server, no Redis', { redis: false, servers: 1 }],
  ['one server, REDIS_URL', { redis: true, servers: 1 }],
  ['two servers, one Redis', { redis: true, servers: 2 }],
];
const rows: { setup: string; page: string; rps: number; p50: number; p99: number; errors: number }[] = [];
try {
  // Before any server is given REDIS_URL, so a Redis that fails to start is reported as such.
  await waitForServer(REDIS_URL, { child: redis, timeoutMs: 10_000 });
  for (const [setup, { redis: withRedis, servers: count }] of setups) {
    const servers: BenchServer[] = [];
    try {
      for (let i = 0; i < count; i++) {
        const env = withRedis ? { REDIS_URL, CONTENT_INDEX_FILE: path.join(scratch, `${i}.sqlite`) } : {};
        servers.push(await startServer(await freePort(), env));
      }
      if (withRedis)
        await Promise.all(servers.map((server) => server.waitForLine(/\[cache\] Redis reachable/, 20_000)));
      for (const [page, pagePath] of [
        ['story page', STORY],
        ['home', '/ar'],
      ]) {
        rows.push({
          setup,
          page,
          ...(await measure(
            servers.map((server) => server.base),
            pagePath,
          )),
        });
      }
    } finally {
      for (const server of servers) server.stop();
    }
  }
} finally {
  redis.kill();
  fs.rmSync(scratch, { recursive: true, force: true });
}

console.log(`\n| setup | page | requests/s | p50 | p99 | errors |\n| --- | --- | --- | --- | --- | --- |`);
for (const row of rows)
  console.log(`| ${row.setup} | ${row.page} | ${row.rps.toFixed(0)} | ${row.p50} ms | ${row.p99} ms | ${row.errors} |`);
fs.mkdirSync('artifacts', { recursive: true });
fs.writeFileSync(
  'artifacts/bench-cluster.json',
  JSON.stringify({ date: new Date().toISOString(), connections: CONNECTIONS, seconds: SECONDS, rows }, null, 2),
);
