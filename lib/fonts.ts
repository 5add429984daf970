/**
 * How the site's Arabic faces are cut (scripts/fonts.mts writes the files into app/fonts/, app/fonts.ts
 * serves them; docs/adr/0005-page-weight-fonts-and-serving-cost.md has the figures).
 *
 *   *-core.woff2        the Arabic block (U+0600–06FF), the joiners and the spaces: every letter, digit and
 *                       mark of Arabic and Persian text, with the shaping tables HarfBuzz keeps for them.
 *                       @fontsource's Arabic file adds Urdu/Sindhi extensions and presentation forms,
 *                       which app/fonts.ts serves from that file, by unicode-range, only to pages using them.
 *   edition-names.woff2 the letters of the editions' own names, so a page in another script can show
 *                       its edition switcher ("العربية", "فارسی" on the English page) without a whole Arabic face.
 */
import path from 'node:path';
import { editions, locales } from './locales';

/** Must match the `unicode-range` of the core faces in app/fonts.ts (a unit test checks it). */
export const ARABIC_CORE_RANGE = 'U+0020,U+00A0,U+0600-06FF,U+200C-200E,U+2010-2011';

export const FONTS_DIR = 'app/fonts';
const fontsource = (family: string, file: string) => path.join('node_modules/@fontsource', family, 'files', file);

export const coreSubsets = [
  {
    out: 'noto-kufi-arabic-700-core.woff2',
    from: fontsource('noto-kufi-arabic', 'noto-kufi-arabic-arabic-700-normal.woff2'),
  },
  {
    out: 'noto-naskh-arabic-400-core.woff2',
    from: fontsource('noto-naskh-arabic', 'noto-naskh-arabic-arabic-400-normal.woff2'),
  },
  {
    out: 'noto-naskh-arabic-700-core.woff2',
    from: fontsource('noto-naskh-arabic', 'noto-naskh-arabic-arabic-700-normal.woff2'),
  },
];

/** Cut from the body face at its regular weight, the weight of the language switch. */
export const editionNamesSubset = { out: 'edition-names.woff2', from: coreSubsets[1].from };

export function charactersOfRange(range: string): string {
  return range
    .split(',')
    .flatMap((part) => {
      const [start, end = start] = part.trim().replace(/^U\+/, '').split('-');
      const from = parseInt(start, 16);
      return Array.from({ length: parseInt(end, 16) - from + 1 }, (_, i) => String.fromCodePoint(from + i));
    })
    .join('');
}

/** The non-Latin letters of every edition's own name (the registry's `ownName`), as the switcher shows them. */
export function editionNameCharacters(): string {
  const names = locales.map((locale) => editions[locale].ownName);
  return [...new Set([...names.join('')].filter((char) => char.codePointAt(0)! > 0x24f))].sort().join('');
}
