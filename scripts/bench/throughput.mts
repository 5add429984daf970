/** One page's requests/s and latency under a steady load, the same way for every comparison in the bench. */
import autocannon from 'autocannon';

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
