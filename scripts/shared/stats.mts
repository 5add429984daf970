/**
 * The benches' statistics over their own measurements, all by the nearest-rank rule. Figures that
 * autocannon or wrk report (their latency percentiles) are the tool's own and are read as they are.
 */

/** Where the p-th percentile of `length` sorted values sits (0-based), by the nearest-rank rule. */
function nearestRank(length: number, p: number): number {
  return Math.min(length, Math.max(1, Math.ceil((p / 100) * length))) - 1;
}

/**
 * The p-th percentile of some measurements by the nearest-rank rule: the smallest value that p % of them do not exceed.
 */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[nearestRank(sorted.length, p)];
}

/** The 50th percentile by the same rule: of an even count, the lower of the two middle values. */
export function median(values: number[]): number {
  return percentile(values, 50);
}

/** Of some records, the one whose `value` is their median by the same rule, with everything else it holds. */
export function medianBy<T>(items: T[], value: (item: T) => number): T {
  const sorted = [...items].sort((a, b) => value(a) - value(b));
  return sorted[nearestRank(sorted.length, 50)];
}
