/**
 * npm run bench: Sahifa's speed and size numbers, measured on this machine, checked against targets.
 * Results go to stdout and artifacts/bench.json. Exit 1 when a target is missed.
 *
 *   share image   the reference story's card, PNG, 30 renders: cold (a fresh process each) and warm
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

interface Result {
  name: string;
  value: number;
  unit: string;
  target?: number;
}

const RENDERS = 30;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function shareImageRenders(extraArgs: string[]): { ms: number; bytes: number }[] {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/bench/share-image.mts', ...extraArgs], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!);
}

function benchShareImage(): Result[] {
  const warm = shareImageRenders(['--renders', String(RENDERS), '--warmup', '5']);
  const cold: number[] = [];
  for (let i = 0; i < RENDERS; i++) cold.push(shareImageRenders(['--renders', '1', '--warmup', '0'])[0].ms);
  return [
    { name: 'share image, warm render (median of 30)', value: median(warm.map((r) => r.ms)), unit: 'ms', target: 60 },
    { name: 'share image, cold render (median of 30 fresh processes)', value: median(cold), unit: 'ms' },
    { name: 'share image, PNG size', value: warm[0].bytes / 1024, unit: 'KB', target: 300 },
  ];
}

const results = [...benchShareImage()];
let missed = 0;
for (const r of results) {
  const verdict = r.target === undefined ? '' : r.value <= r.target ? `  ok (target ≤ ${r.target} ${r.unit})` : `  MISSED (target ≤ ${r.target} ${r.unit})`;
  if (r.target !== undefined && r.value > r.target) missed++;
  console.log(`${r.name.padEnd(60)} ${r.value.toFixed(1).padStart(9)} ${r.unit}${verdict}`);
}
fs.mkdirSync('artifacts', { recursive: true });
fs.writeFileSync('artifacts/bench.json', JSON.stringify({ date: new Date().toISOString(), results }, null, 2));
process.exit(missed ? 1 : 0);
