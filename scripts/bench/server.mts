/** A production server for the benchmarks: `next start` in its own process group on 127.0.0.1. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';

export interface BenchServer {
  base: string;
  pid: number;
  /** Milliseconds from spawn until `readyPath` answered 200. */
  startupMs: number;
  stop(): void;
}

export async function startServer(port: number, env: NodeJS.ProcessEnv = {}, readyPath = '/ar'): Promise<BenchServer> {
  const base = `http://127.0.0.1:${port}`;
  if (await fetch(`${base}/`).then(() => true, () => false)) throw new Error(`port ${port} is in use`);
  const started = performance.now();
  const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
    env: { ...process.env, ...env },
  });
  const stop = () => {
    try {
      process.kill(-server.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  for (;;) {
    if (await fetch(`${base}${readyPath}`).then((r) => r.ok, () => false)) break;
    if (server.exitCode !== null || performance.now() - started > 120_000) {
      stop();
      throw new Error(`the server on port ${port} did not start`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { base, pid: server.pid!, startupMs: performance.now() - started, stop };
}

/** Resident memory of every process in the server's group, in MB. */
export function groupRssMb(pid: number): number {
  let kb = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const pgid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      if (pgid !== pid) continue;
      kb += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // the process ended while we looked
    }
  }
  return kb / 1024;
}
