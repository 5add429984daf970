/**
 * A warning that anyone on the internet can cause (a refused preview link) is logged once per reason
 * per minute, with how many were left out since: a stranger hammering an endpoint must not be able to
 * flood the log, and the operator still sees that it happened and how often. Reasons are a fixed set,
 * so the map stays small.
 */
export function throttledWarning(prefix: string, windowMs = 60_000, now: () => number = Date.now) {
  const lastLogged = new Map<string, { at: number; leftOut: number }>();
  return (reason: string) => {
    const last = lastLogged.get(reason);
    if (last && now() - last.at < windowMs) {
      last.leftOut++;
      return;
    }
    const leftOut = last?.leftOut ? ` (${last.leftOut} more since the last such line)` : '';
    console.warn(`${prefix}: ${reason}${leftOut}`);
    lastLogged.set(reason, { at: now(), leftOut: 0 });
  };
}
