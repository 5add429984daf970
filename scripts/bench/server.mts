/**
 * A production server for the benchmarks: server.mjs, as `npm start` runs it, in its own process group on 127.0.0.1.
 */
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { waitForServer } from '../shared/wait-for-server.ts';

export interface BenchServer {
  base: string;
  pid: number;
  /** Milliseconds from spawn until `readyPath` answered 200. */
  startupMs: number;
  /** Milliseconds from spawn until the server printed a line matching `pattern`. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<number>;
  stop(): void;
  /** Resolves once the server's process has exited and its port answers no more. */
  exited: Promise<void>;
}

/** `next build`, unless BENCH_SKIP_BUILD=1 says the current .next build is the one to measure. */
export function buildUnlessSkipped(): void {
  if (process.env.BENCH_SKIP_BUILD !== '1') execFileSync('npx', ['next', 'build'], { stdio: 'ignore' });
}

/** As `npm run serve` runs it (scripts/serve.sh): two malloc arenas, so native memory is given back. */
const SERVE_ENV = { MALLOC_ARENA_MAX: '2' };

/**
 * `server` is Sahifa's (server.mjs); `next-start` the same build without its front door; `bare-next` the
 * reference app that scripts/bench/bare-next.mts builds, for comparison.
 */
export type ServerEntry = 'server' | 'next-start' | 'bare-next';

export const BARE_NEXT_DIR = '.bench/bare-next';

/**
 * Variables added to the server's environment, over this process's own. Not `NodeJS.ProcessEnv`, whose NODE_ENV
 * Next's types make required: the benches add a few variables, never NODE_ENV.
 */
export type ServerEnv = Record<string, string | undefined>;

const ENTRY_ARGS: Record<ServerEntry, (port: number) => string[]> = {
  server: (port) => ['server.mjs', '--port', String(port), '--hostname', '127.0.0.1'],
  'next-start': (port) => ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'],
  'bare-next': (port) => [
    'node_modules/next/dist/bin/next',
    'start',
    BARE_NEXT_DIR,
    '-p',
    String(port),
    '-H',
    '127.0.0.1',
  ],
};

export async function startServer(
  port: number,
  env: ServerEnv = {},
  readyPath = '/ar',
  entry: ServerEntry = 'server',
): Promise<BenchServer> {
  const base = `http://127.0.0.1:${port}`;
  if (
    await fetch(`${base}/`).then(
      () => true,
      () => false,
    )
  )
    throw new Error(`port ${port} is in use`);
  const started = performance.now();
  const server = spawn(process.execPath, ENTRY_ARGS[entry](port), {
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
    env: { ...process.env, ...SERVE_ENV, ...env },
  });
  const printed: { line: string; at: number }[] = [];
  let pending = '';
  server.stdout.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString('utf8')).split('\n');
    pending = lines.pop()!;
    for (const line of lines) printed.push({ line, at: performance.now() - started });
  });
  const waitForLine = async (pattern: RegExp, timeoutMs: number) => {
    for (const deadline = performance.now() + timeoutMs; performance.now() < deadline; await sleep(100)) {
      const found = printed.find((entry) => pattern.test(entry.line));
      if (found) return found.at;
    }
    throw new Error(`the server did not print ${pattern} within ${timeoutMs} ms`);
  };
  const stop = () => {
    try {
      process.kill(-server.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  try {
    await waitForServer(`${base}${readyPath}`, { child: server, timeoutMs: 120_000 });
  } catch (error) {
    stop();
    throw new Error(`the server on port ${port} did not start`, { cause: error });
  }
  const exited = once(server, 'exit').then(async () => {
    while (
      await fetch(`${base}/`).then(
        () => true,
        () => false,
      )
    )
      await sleep(50);
  });
  return { base, pid: server.pid!, startupMs: performance.now() - started, waitForLine, stop, exited };
}

/** The fields of /proc/<pid>/stat after the command name, or undefined once the process has ended. */
function statFields(pid: string): string[] | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** Every live process of a process group, with its stat fields (field 2 is the group). */
function processesInGroup(group: number): { pid: string; stat: string[] }[] {
  return fs.readdirSync('/proc').flatMap((pid) => {
    const stat = /^\d+$/.test(pid) ? statFields(pid) : undefined;
    return stat && Number(stat[2]) === group ? [{ pid, stat }] : [];
  });
}

/** Resident memory of every process in the server's group, in MB. */
export function groupRssMb(pid: number): number {
  let kb = 0;
  for (const member of processesInGroup(pid)) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${member.pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // the process ended while we looked
    }
  }
  return kb / 1024;
}

/** CPU time (user and system) used so far by every process in the server's group, in ms. */
export function groupCpuMs(pid: number): number {
  const ticks = processesInGroup(pid).reduce((sum, { stat }) => sum + Number(stat[11]) + Number(stat[12]), 0);
  // Linux counts in clock ticks of 1/100 s.
  return ticks * 10;
}

const PROBE = fileURLToPath(new URL('./heap-probe.cjs', import.meta.url));

/** Node options that let `liveHeapMb` ask the server for its heap after a full collection. */
export function heapProbeEnv(file: string): ServerEnv {
  return { NODE_OPTIONS: `--expose-gc --require ${PROBE}`, HEAP_PROBE_FILE: file };
}

/** The server's live heap and native buffers after a full collection, in MB. */
export async function liveHeapMb(server: BenchServer, file: string): Promise<number> {
  fs.rmSync(file, { force: true });
  const nodePid = processesInGroup(server.pid).find(
    ({ pid }) => pid !== String(server.pid) && /next-server|node/.test(readComm(pid)),
  )?.pid;
  process.kill(Number(nodePid ?? server.pid), 'SIGUSR2');
  for (let i = 0; i < 100 && !fs.existsSync(file); i++) await sleep(50);
  const { heapUsed, external } = JSON.parse(fs.readFileSync(file, 'utf8'));
  return (heapUsed + external) / 1048576;
}

function readComm(pid: string): string {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, 'utf8');
  } catch {
    return '';
  }
}
