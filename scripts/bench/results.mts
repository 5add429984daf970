/** A benchmark's figures and their targets, shared by `npm run bench` and the measures that also run alone. */

export interface Result {
  name: string;
  value: number;
  unit: string;
  /** At most this; a negative target means at least its absolute value (scores). */
  target?: number;
  /** The same figure for the reference measured in the same run (a bare Next app), as printed. */
  reference?: string;
}

export function meets(r: Result): boolean {
  if (r.target === undefined) return true;
  return r.target < 0 ? r.value >= -r.target : r.value <= r.target;
}

/** A target as printed, without its unit: `≤ 60`, `≥ 100`. */
export function targetText(r: Result): string {
  return r.target! < 0 ? `≥ ${-r.target!}` : `≤ ${r.target}`;
}

/** Counts (requests, errors) read as counts; measured quantities keep their decimals. */
export function formatValue(r: Result): string {
  return Number.isInteger(r.value)
    ? String(r.value)
    : r.value.toFixed(r.unit === '' ? 3 : r.unit === '×' || (r.unit === 'ms' && r.value < 10) ? 2 : 1);
}

/** One line per result with its verdict; returns how many targets were missed. */
export function printResults(results: Result[]): number {
  let missed = 0;
  for (const r of results) {
    const verdict = r.target === undefined ? '' : `  ${meets(r) ? 'ok' : 'MISSED'} (target ${targetText(r)} ${r.unit})`;
    if (!meets(r)) missed++;
    const value = formatValue(r);
    const reference = r.reference ? `  [${r.reference}]` : '';
    console.log(`${r.name.padEnd(60)} ${value.padStart(9)} ${r.unit}${verdict}${reference}`);
  }
  return missed;
}
