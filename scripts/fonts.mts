/**
 * npm run fonts: writes the Arabic font subsets into app/fonts/ (committed; run it again after upgrading
 * @fontsource or changing an edition's name). What is cut, and why: lib/fonts.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import subsetFont from 'subset-font';
import {
  ARABIC_CORE_RANGE,
  FONTS_DIR,
  charactersOfRange,
  coreSubsets,
  editionNameCharacters,
  editionNamesSubset,
} from '../lib/fonts.ts';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

fs.mkdirSync(FONTS_DIR, { recursive: true });
const jobs = [
  ...coreSubsets.map((subset) => ({ ...subset, text: charactersOfRange(ARABIC_CORE_RANGE) })),
  { ...editionNamesSubset, text: editionNameCharacters() },
];
for (const { out, from, text } of jobs) {
  const font = await subsetFont(fs.readFileSync(from), text, { targetFormat: 'woff2' });
  fs.writeFileSync(path.join(FONTS_DIR, out), font);
  console.log(`${out}: ${kb(fs.statSync(from).size)} → ${kb(font.length)}`);
}
