/**
 * Client code is named as such: a file that ships to the browser (`'use client'`) is a `*.island.tsx`, and an
 * island says so, so a reader of any import knows which code the page's JavaScript carries.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOTS = ['app', 'components', 'lib', 'i18n'];
/** Files whose names Next fixes (its file conventions); each of them must stay a thin wrapper around an island. */
const NEXT_CONVENTIONS = new Set(['global-error.tsx', 'error.tsx']);
const USE_CLIENT = /^\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*['"]use client['"]/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.(tsx?|mts|mjs)$/.test(entry.name) ? [file] : [];
  });
}

const files = ROOTS.flatMap(sourceFiles).map((file) => ({
  file,
  client: USE_CLIENT.test(fs.readFileSync(file, 'utf8')),
}));

describe('client components', () => {
  it('are *.island.tsx files, or one of the files whose names Next fixes', () => {
    const misnamed = files.filter(
      ({ file, client }) => client && !file.endsWith('.island.tsx') && !NEXT_CONVENTIONS.has(path.basename(file)),
    );
    expect(misnamed.map(({ file }) => file)).toEqual([]);
  });

  it('and every *.island.tsx starts with "use client"', () => {
    const islands = files.filter(({ file }) => file.endsWith('.island.tsx'));
    expect(islands.length).toBeGreaterThanOrEqual(5);
    expect(islands.filter(({ client }) => !client).map(({ file }) => file)).toEqual([]);
  });

  it('the files Next names keep their code in an island', () => {
    for (const { file, client } of files.filter(({ file }) => NEXT_CONVENTIONS.has(path.basename(file)))) {
      expect(client, file).toBe(true);
      expect(fs.readFileSync(file, 'utf8'), file).toMatch(/from '@\/components\/[\w/]+\.island'/);
    }
  });
});
