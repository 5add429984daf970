/**
 * The Arabic subsets in app/fonts/ (lib/fonts.ts, scripts/fonts.mts): they must shape every Arabic text the site shows
 * exactly as the whole @fontsource face does (same glyph outlines in the same places; HarfBuzz keeps the
 * joining and mark tables only for the letters it was asked to keep), and say so in app/fonts.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import fontverter from 'fontverter';
import type * as HarfBuzz from 'harfbuzzjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ARABIC_CORE_RANGE,
  FONTS_DIR,
  charactersOfRange,
  coreSubsets,
  editionNameCharacters,
  editionNamesSubset,
} from '../../lib/fonts';

type HB = typeof HarfBuzz;
let hb: HB;
beforeAll(async () => {
  hb = await import('harfbuzzjs');
});

interface Shaped {
  outline: string;
  advance: number;
  dx: number;
  dy: number;
}

/** HarfBuzz reads TrueType, not WOFF2. Glyph ids differ between a font and its subset; outlines do not. */
async function shaper(file: string) {
  const blob = new hb.Blob(await fontverter.convert(fs.readFileSync(file), 'truetype'));
  const font = new hb.Font(new hb.Face(blob, 0));
  return {
    covers: (char: string) => (font.nominalGlyph(char.codePointAt(0)!) ?? 0) !== 0,
    shape(text: string): Shaped[] {
      const buffer = new hb.Buffer();
      buffer.addText(text);
      buffer.guessSegmentProperties();
      hb.shape(font, buffer);
      return buffer.getGlyphInfosAndPositions().map((g) => ({
        outline: font.glyphToPath(g.codepoint),
        advance: g.xAdvance ?? 0,
        dx: g.xOffset ?? 0,
        dy: g.yOffset ?? 0,
      }));
    },
  };
}

/** Arabic runs (letters, marks, joiners, Arabic punctuation and digits) of the texts the site shows. */
function arabicSamples(): string[] {
  const texts = [
    ...fs.readdirSync('messages').map((file) => fs.readFileSync(path.join('messages', file), 'utf8')),
    ...fs.readdirSync('content/stories').flatMap((slug) => {
      const file = path.join('content/stories', slug, 'ar.md');
      return fs.existsSync(file) ? [fs.readFileSync(file, 'utf8')] : [];
    }),
    // Harakat, shadda, tatweel, lam-alef, Arabic-Indic digits and Persian letters.
    'مُحَمَّدٌ لا إلى لأن ـــ ١٢٣٤٥٦٧٨٩٠ ۱۲۳ پژوهش گزارش چاپ ی ک',
  ];
  return texts.flatMap(
    (text) => text.match(/[\u0600-\u06FF\u200C\u200D]+(?:[ \u00A0]+[\u0600-\u06FF\u200C\u200D]+)*/g) ?? [],
  );
}

describe('Arabic core subsets', () => {
  it('app/fonts.ts declares the range the subsets were cut to (less the spaces, beside Latin faces)', () => {
    const declared = [
      ...fs
        .readFileSync('app/fonts.ts', 'utf8')
        .matchAll(/path: '\.\/fonts\/([\w-]+)\.woff2'[\s\S]*?unicode-range', value: '([^']+)'/g),
    ];
    const ranges = new Set(declared.filter(([, file]) => file.endsWith('-core')).map(([, , range]) => range));
    expect(ranges).toEqual(new Set([ARABIC_CORE_RANGE, ARABIC_CORE_RANGE.replace('U+0020,U+00A0,', '')]));
  });

  for (const { out, from } of coreSubsets) {
    it(`${out} shapes the site's Arabic as the whole face does`, async () => {
      const whole = await shaper(from);
      const subset = await shaper(path.join(FONTS_DIR, out));
      for (const char of charactersOfRange(ARABIC_CORE_RANGE)) {
        if (whole.covers(char)) expect(subset.covers(char), `U+${char.codePointAt(0)!.toString(16)}`).toBe(true);
      }
      const samples = arabicSamples();
      expect(samples.length).toBeGreaterThan(50);
      for (const text of samples) expect(subset.shape(text), text).toEqual(whole.shape(text));
    });
  }

  it('each subset is well under half of the file it was cut from', () => {
    for (const { out, from } of coreSubsets)
      expect(fs.statSync(path.join(FONTS_DIR, out)).size).toBeLessThan(fs.statSync(from).size / 2);
  });
});

describe('edition names', () => {
  it('covers every letter of every edition name that a page in another script shows', async () => {
    const names = await shaper(path.join(FONTS_DIR, editionNamesSubset.out));
    const letters = editionNameCharacters();
    expect(letters.length).toBeGreaterThan(0);
    for (const char of letters) expect(names.covers(char), char).toBe(true);
  });
});
