/** One page's requests/s and latency under a steady load, the same way for every comparison in the bench. */
import autocannon from 'autocannon';
import { groupCpuMs, type BenchServer } from './server.mts';

const CONNECTIONS = 10;
const SECONDS = 8;

export interface Throughput {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
}

/** `seconds` at 10 connections; any error, timeout or answer other than 2xx makes the figure worthless. */
export async function measureThroughput(url: string, { headers = {}, seconds = SECONDS }: { headers?: Record<string, string>; seconds?: number } = {}): Promise<Throughput> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers });
  if (result.non2xx || result.errors || result.timeouts) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  return { requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, requests: result.requests.total };
}

export interface Measured extends Throughput {
  /** CPU time (every process of the server's group) per request answered. */
  cpuMsPerRequest: number;
}

export interface Side {
  server: BenchServer;
  url: string;
  headers?: Record<string, string>;
}

const ROUNDS = 5;
const ROUND_SECONDS = 5;

/**
 * Servers running side by side, measured in turns: five rounds, the order reversed every round, and the
 * median round of each counts. On a shared 2-core machine a burst of other work moves one 5-second
 * figure by 30%; turns spread it over every side, so comparisons hold where single runs did not.
 */
export async function measureInTurns(sides: Side[]): Promise<Measured[]> {
  // Warm-up: code compiled, the page in memory, on every side.
  for (const { url, headers } of sides) await measureThroughput(url, { headers, seconds: 2 });
  const rounds: Measured[][] = sides.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    const order = sides.map((_, i) => i);
    if (round % 2) order.reverse();
    for (const i of order) {
      const { server, url, headers } = sides[i];
      const cpuBefore = groupCpuMs(server.pid);
      const throughput = await measureThroughput(url, { headers, seconds: ROUND_SECONDS });
      rounds[i].push({ ...throughput, cpuMsPerRequest: (groupCpuMs(server.pid) - cpuBefore) / throughput.requests });
    }
  }
  return rounds.map((measured) => [...measured].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)[measured.length >> 1]);
}
