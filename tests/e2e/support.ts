import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { contentDir, loadSnapshot } from './content-snapshot';

export const REFERENCE_SLUG = 'armenia-freezes-csto-participation';

/** The content the server under test was built from (see global-setup.ts). */
export const content = loadSnapshot();
export { contentDir };

export const seedLines = fs
  .readFileSync(path.join(process.cwd(), 'tests/fixtures/reference-seed.txt'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter(Boolean);

const ARTIFACTS = path.join(process.cwd(), 'artifacts');

/** Saves `artifacts/<folder>/<name>.png`. */
export async function saveScreenshot(page: Page, name: string, fullPage = true, folder = 'screenshots') {
  const dir = path.join(ARTIFACTS, folder);
  fs.mkdirSync(dir, { recursive: true });
  if (fullPage) {
    // Walk down the page so lazy pictures load, as they would for a reader scrolling.
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight / 2) {
        window.scrollTo(0, y);
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
      window.scrollTo(0, 0);
      // A lazy picture passed in 30 ms may not have started loading, and back at the top it never would: load
      // them all now. A picture that fails ends the wait too: the screenshot shows it missing.
      for (const img of document.images) if (!img.complete) img.loading = 'eager';
      await Promise.all(
        [...document.images]
          .filter((img) => !img.complete)
          .map(
            (img) =>
              new Promise((resolve) => {
                img.addEventListener('load', resolve, { once: true });
                img.addEventListener('error', resolve, { once: true });
              }),
          ),
      );
    });
  }
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage });
}

export function storyPath(locale: string, slug: string) {
  return `/${locale}/news/${encodeURIComponent(slug)}`;
}

/** Text with runs of white space folded, as a reader sees it. */
export function fold(text: string) {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Asserts that each expected piece of text occurs in `text`, in this order. Returns the ones missing or out of order.
 */
export function outOfOrder(text: string, expected: string[]): string[] {
  const folded = fold(text);
  const problems: string[] = [];
  let from = 0;
  for (const piece of expected.map(fold)) {
    const at = folded.indexOf(piece, from);
    if (at === -1) problems.push(folded.includes(piece) ? `out of order: ${piece}` : `missing: ${piece}`);
    else from = at + piece.length;
  }
  return problems;
}
