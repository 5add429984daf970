// @ts-check
// Adds up the unit, lint, type-check, formatting, content-check and end-to-end results into the one closing line CI
// reads: "N passed, N failed".
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
 * A report from the folder, or null when it is missing or unreadable.
 * @template T
 * @param {string} name
 * @returns {T | null}
 */
const read = (name) => {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
  } catch {
    return null;
  }
};
let passed = 0;
let failed = 0;

/** @type {VitestReport | null} */
const unit = read('vitest.json');
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests + (unit.numRuntimeErrorTestSuites ?? 0);
} else failed += 1;

// Checks that pass or fail as a whole, one count each.
for (const check of ['lint', 'typecheck', 'format-check', 'content-check']) {
  if (fs.existsSync(path.join(dir, `${check}.pass`))) passed += 1;
  else failed += 1;
}

/** @type {PlaywrightReport | null} */
const e2e = read('playwright.json');
if (e2e) {
  passed += e2e.stats.expected + e2e.stats.flaky;
  failed += e2e.stats.unexpected + (e2e.errors?.length ?? 0);
} else failed += 1;

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
