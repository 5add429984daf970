/**
 * More servers of this build, for tests that need their own (many servers, a failing store): each on a
 * free port, in its own process group, its output kept for the test to read.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../../scripts/shared/free-port';
import { waitForServer } from '../../scripts/shared/wait-for-server';

export interface Proc {
  child: ChildProcess;
  log: string[];
}

export function run(command: string, args: string[], env: Record<string, string> = {}): Proc {
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  for (const stream of [child.stdout, child.stderr])
    stream.on('data', (chunk: Buffer) => log.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
  return { child, log };
}

export function stop(proc: Proc | undefined) {
  if (!proc?.child.pid) return;
  try {
    process.kill(-proc.child.pid, 'SIGKILL');
  } catch {
    // gone already
  }
}

/** A server of this build on a free port, logging JSON lines; `ready` resolves once it answers. */
export async function startSahifa(
  env: Record<string, string>,
  port?: number,
): Promise<{ base: string; proc: Proc; ready: Promise<number> }> {
  port ??= await freePort();
  const proc = run(process.execPath, ['server.mjs', '--port', String(port), '--hostname', '127.0.0.1'], {
    LOG_FORMAT: 'json',
    ...env,
  });
  const base = `http://127.0.0.1:${port}`;
  return { base, proc, ready: waitForServer(`${base}/ar`, { child: proc.child }) };
}

export interface LogEvent {
  level: string;
  time: string;
  event: string;
  msg: string;
  [field: string]: unknown;
}

/** The events a server started by startSahifa logged (from line `from` on), by name. */
export function events(proc: Proc, name?: string, from = 0): LogEvent[] {
  return proc.log
    .slice(from)
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogEvent)
    .filter((event) => !name || event.event === name);
}

/** Polls `check` every 50 ms until `accept` takes its value; fails after `timeoutMs`. */
export async function until<T>(
  check: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs: number,
): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  for (;;) {
    const value = await check().catch(() => undefined as T);
    if (accept(value)) return { value, ms: Date.now() - started };
    if (Date.now() - started > timeoutMs)
      throw new Error(`not within ${timeoutMs} ms (last: ${String(value).slice(0, 200)})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A redis-server on `port` started as a newsroom's is, with nothing kept on disk; `extraArgs` after. Not waited for. */
export function runRedis(port: number, extraArgs: string[] = []): Proc {
  return run('/usr/bin/redis-server', [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    ...extraArgs,
  ]);
}

/** A Redis of a test's own on a free port, once it answers, and its URL. */
export async function startRedis(): Promise<{ proc: Proc; url: string }> {
  const port = await freePort();
  const proc = runRedis(port);
  const url = `redis://127.0.0.1:${port}`;
  await waitForServer(url, { child: proc.child, timeoutMs: 10_000 });
  return { proc, url };
}
