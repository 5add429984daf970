/**
 * Waits for a process we just started to answer: an http(s) URL until it answers 2xx, any other URL
 * (redis://…) until its port accepts a connection. Fails as soon as the process exits instead of
 * polling a dead port until the time is up.
 */
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface WaitOptions {
  /** The process that should answer: its exit ends the wait with an error. */
  child?: ChildProcess;
  timeoutMs?: number;
  intervalMs?: number;
}

async function answers(url: URL, signal: AbortSignal): Promise<boolean> {
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    const response = await fetch(url, { signal });
    // Only the status matters; let the connection go.
    await response.body?.cancel();
    return response.ok;
  }
  // Redis and the like: asking in HTTP would only make them log an attack; a connection is enough.
  const socket = net.connect({ host: url.hostname || '127.0.0.1', port: Number(url.port) });
  try {
    await once(socket, 'connect', { signal });
    return true;
  } finally {
    socket.destroy();
  }
}

async function failOnExit(child: ChildProcess, signal: AbortSignal): Promise<never> {
  // A process that has already gone emits no second 'exit'.
  if (child.exitCode === null && child.signalCode === null) await once(child, 'exit', { signal });
  throw new Error(`process ${child.pid} exited (${child.exitCode ?? child.signalCode}) before it answered`);
}

/** Milliseconds until `target` answered. */
export async function waitForServer(
  target: string,
  { child, timeoutMs = 60_000, intervalMs = 50 }: WaitOptions = {},
): Promise<number> {
  const url = new URL(target);
  const started = performance.now();
  const deadline = AbortSignal.timeout(timeoutMs);
  const done = new AbortController();
  const signal = AbortSignal.any([deadline, done.signal]);
  const answered = (async () => {
    while (!(await answers(url, signal).catch(() => false))) await sleep(intervalMs, undefined, { signal });
    return performance.now() - started;
  })();
  try {
    return await Promise.race(child ? [answered, failOnExit(child, signal)] : [answered]);
  } catch (error) {
    throw deadline.aborted ? new Error(`${target} did not answer within ${timeoutMs} ms`) : error;
  } finally {
    // Stops whichever of the two is still waiting.
    done.abort();
  }
}
