/** One page's requests/s and latency under a steady load, the same way for every comparison in the bench. */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import autocannon from 'autocannon';
import { groupCpuMs, type BenchServer } from './server.mts';
import { medianBy } from '../shared/stats.mts';

const CONNECTIONS = 10;
const SECONDS = 8;

export interface Throughput {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
}

/** `seconds` at 10 connections; any error, timeout or answer other than 2xx makes the figure worthless. */
export async function measureThroughput(
  url: string,
  { headers = {}, seconds = SECONDS }: { headers?: Record<string, string>; seconds?: number } = {},
): Promise<Throughput> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers });
  if (result.non2xx || result.errors || result.timeouts)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
  };
}

export interface Measured extends Throughput {
  /** CPU time (every process of the server's group) per request answered. */
  cpuMsPerRequest: number;
  /** The load generator's own CPU, as a share of one core: near 100% it, not the server, would set the pace. */
  generatorCpuPercent: number;
}

export interface Side {
  server: BenchServer;
  url: string;
  headers?: Record<string, string>;
}

/** What a browser sends: the page compressed the way a reader gets it. */
export const BROWSER_ENCODING = { 'Accept-Encoding': 'gzip, deflate, br' };

const WRK_THREADS = 2;
const WRK_CONNECTIONS = 50;
/** wrk's default of 2 s counts a request queued behind 50 others on a busy machine as failed. */
const WRK_TIMEOUT = '10s';
const ROUNDS = 5;
const ROUND_SECONDS = 5;

/** wrk (C, Debian's), installed when missing where we may (root on Debian). */
function ensureWrk() {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
  } catch (error) {
    // wrk --version exits 1 after printing; only a missing binary is ENOENT.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return;
    if (process.getuid?.() !== 0) throw new Error('wrk is missing: apt-get install wrk', { cause: error });
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'wrk'], { stdio: 'ignore' });
  }
}

/** CPU ms a process has used so far (user and system), from /proc; undefined once it has ended. */
function processCpuMs(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/**
 * `seconds` of wrk (2 threads, 50 connections) with its own CPU; any error, timeout or non-2xx answer makes the figure
 * worthless.
 */
export async function measureWithWrk(
  url: string,
  { headers = {}, seconds = ROUND_SECONDS }: { headers?: Record<string, string>; seconds?: number } = {},
): Promise<Throughput & { generatorCpuMs: number }> {
  ensureWrk();
  const args = [
    '-t',
    String(WRK_THREADS),
    '-c',
    String(WRK_CONNECTIONS),
    '-d',
    `${seconds}s`,
    '--timeout',
    WRK_TIMEOUT,
    '--latency',
    ...Object.entries(headers).flatMap(([name, value]) => ['-H', `${name}: ${value}`]),
    url,
  ];
  const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  // wrk's CPU, read until it exits (the last reading is at most 100 ms short).
  let generatorCpuMs = 0;
  const sampler = setInterval(() => (generatorCpuMs = processCpuMs(child.pid!) ?? generatorCpuMs), 100);
  await new Promise((resolve) => child.on('close', resolve));
  clearInterval(sampler);
  const number = (pattern: RegExp) => Number(pattern.exec(output)?.[1] ?? Number.NaN);
  const ms = (pattern: RegExp) => {
    const [, value, unit] = pattern.exec(output) ?? [];
    return Number(value) * (unit === 'us' ? 0.001 : unit === 's' ? 1000 : 1);
  };
  const failures = number(/Non-2xx or 3xx responses: (\d+)/) || 0;
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  if (failures || (errors && errors.slice(1).some(Number)))
    throw new Error(`${url}: ${failures} non-2xx, ${errors?.[0] ?? ''}`);
  return {
    requestsPerSecond: number(/Requests\/sec:\s+([\d.]+)/),
    p50: ms(/50%\s+([\d.]+)(us|ms|s)/),
    p99: ms(/99%\s+([\d.]+)(us|ms|s)/),
    requests: number(/(\d+) requests in/),
    generatorCpuMs,
  };
}

/**
 * Servers running side by side, measured in turns with wrk: five rounds, the order reversed every round,
 * and the median round of each counts. On a shared 2-core machine a burst of other work moves one 5-second
 * figure by 30%; turns spread it over every side, so comparisons hold where single runs did not. wrk is C:
 * autocannon, in Node on the same two cores, saturated near 750 requests/s and hid the servers' difference.
 */
export async function measureInTurns(sides: Side[]): Promise<Measured[]> {
  // Warm-up: code compiled, the page in memory and compressed, on every side.
  for (const { url, headers } of sides) await measureWithWrk(url, { headers, seconds: 2 });
  const rounds: Measured[][] = sides.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    const order = sides.map((_, i) => i);
    if (round % 2) order.reverse();
    for (const i of order) {
      const { server, url, headers } = sides[i];
      const cpuBefore = groupCpuMs(server.pid);
      const { generatorCpuMs, ...throughput } = await measureWithWrk(url, { headers });
      rounds[i].push({
        ...throughput,
        cpuMsPerRequest: (groupCpuMs(server.pid) - cpuBefore) / throughput.requests,
        generatorCpuPercent: generatorCpuMs / (ROUND_SECONDS * 10),
      });
    }
  }
  return rounds.map((measured) => medianBy(measured, (round) => round.cpuMsPerRequest));
}
