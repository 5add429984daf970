/**
 * A warning that anyone on the internet can cause (a refused preview link) is logged once per reason
 * per minute, with how many were left out since: a stranger hammering an endpoint must not be able to
 * flood the log, and the operator still sees that it happened and how often. Reasons are a fixed set,
 * so the map stays small.
 */
import { log } from './ops/log.mjs';

interface ThrottleOptions {
  windowMs?: number;
  now?: () => number;
  write?: (line: string, fields: { reason: string; leftOut: number }) => void;
}

export function throttledWarning(
  event: string,
  prefix: string,
  {
    windowMs = 60_000,
    now = Date.now,
    write = (line, fields) => log().warn(event, line, fields),
  }: ThrottleOptions = {},
) {
  const lastLogged = new Map<string, { at: number; leftOut: number }>();
  return (reason: string) => {
    const last = lastLogged.get(reason);
    if (last && now() - last.at < windowMs) {
      last.leftOut++;
      return;
    }
    const leftOut = last?.leftOut ?? 0;
    write(`${prefix}: ${reason}${leftOut ? ` (${leftOut} more since the last such line)` : ''}`, { reason, leftOut });
    lastLogged.set(reason, { at: now(), leftOut: 0 });
  };
}
