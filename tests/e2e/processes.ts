/**
 * More servers of this build, for tests that need their own (many servers, a failing store): each on a
 * free port, in its own process group, its output kept for the test to read.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { waitForServer } from '../wait-for-server';

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface Proc {
  child: ChildProcess;
  log: string[];
}

export function run(command: string, args: string[], env: Record<string, string> = {}): Proc {
  const child = spawn(command, args, { env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const log: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) stream.on('data', (chunk: Buffer) => log.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
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

/** A server of this build on a free port; `ready` resolves once it answers. */
export async function startSahifa(env: Record<string, string>): Promise<{ base: string; proc: Proc; ready: Promise<number> }> {
  const port = await freePort();
  const proc = run(process.execPath, ['server.mjs', '--port', String(port), '--hostname', '127.0.0.1'], env);
  const base = `http://127.0.0.1:${port}`;
  return { base, proc, ready: waitForServer(`${base}/ar`, { child: proc.child }) };
}
