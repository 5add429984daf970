// @ts-check
// Adds up the unit, lint, type-check, formatting, content-check and end-to-end results, and each other Node line's unit
// and smoke tests, into the one closing line CI reads: "N passed, N failed".
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

// node scripts/tally-tests.mjs [DIR]: the folder scripts/test.sh wrote the results to, .e2e unless given.
const dir = parseArgs({ allowPositionals: true }).positionals[0] ?? '.e2e';
/**
 * The fields read here of the JSON reports: Vitest's (`--reporter=json`) and Playwright's (its `json` reporter).
 * @typedef {{ numPassedTests: number, numFailedTests: number, numRuntimeErrorTestSuites?: number }} VitestReport
 * @typedef {{ stats: { expected: number, unexpected: number, flaky: number }, errors?: unknown[] }} PlaywrightReport
 */

/**
 * A report from a folder, or null when it is missing or unreadable.
 * @template T
 * @param {string} folder
 * @param {string} name
 * @returns {T | null}
 */
const read = (folder, name) => {
  try {
    return JSON.parse(fs.readFileSync(path.join(folder, name), 'utf8'));
  } catch {
    return null;
  }
};

/**
 * A folder's unit and end-to-end results; a missing report is one failure (the step did not run to its end).
 * @param {string} folder
 */
function countTests(folder) {
  let passed = 0;
  let failed = 0;
  /** @type {VitestReport | null} */
  const unit = read(folder, 'vitest.json');
  if (unit) {
    passed += unit.numPassedTests;
    failed += unit.numFailedTests + (unit.numRuntimeErrorTestSuites ?? 0);
  } else failed += 1;
  /** @type {PlaywrightReport | null} */
  const e2e = read(folder, 'playwright.json');
  if (e2e) {
    passed += e2e.stats.expected + e2e.stats.flaky;
    failed += e2e.stats.unexpected + (e2e.errors?.length ?? 0);
  } else failed += 1;
  return { passed, failed };
}

let { passed, failed } = countTests(dir);
// Checks that pass or fail as a whole, one count each.
for (const check of ['lint', 'typecheck', 'format-check', 'content-check']) {
  if (fs.existsSync(path.join(dir, `${check}.pass`))) passed += 1;
  else failed += 1;
}
console.log(`the whole suite: ${passed} passed, ${failed} failed`);

// The other Node lines' unit tests and smoke test, in node-VERSION folders (scripts/test.sh).
const folders = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
for (const folder of folders.filter((name) => name.startsWith('node-'))) {
  const runtime = countTests(path.join(dir, folder));
  console.log(`${folder}: ${runtime.passed} passed, ${runtime.failed} failed`);
  passed += runtime.passed;
  failed += runtime.failed;
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
