import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { editions, locales } from '../../lib/locales';
import { loadOgFonts, sanitizeText, type OgFonts } from '../../lib/og';
import { shapeWithFace } from '../../lib/og/text-layout';

let fonts: OgFonts;
beforeAll(async () => {
  fonts = await loadOgFonts();
});

const cp = (ch: string) => ch.codePointAt(0)!;

describe('og fonts', () => {
  it('loads once per process', async () => {
    expect(await loadOgFonts()).toBe(fonts);
  });

  it('uses Noto Kufi Arabic first and Noto Sans as fallback, in both weights', () => {
    expect(fonts.bold.faces.map((f) => f.name)).toEqual(['NotoKufiArabic_700Bold', 'NotoSans_700Bold']);
    expect(fonts.regular.faces.map((f) => f.name)).toEqual(['NotoKufiArabic_400Regular', 'NotoSans_400Regular']);
  });

  it.each(locales)('loads the faces the registry lists for %s, sharing a face between editions', async (locale) => {
    const own = await loadOgFonts(locale);
    for (const weight of ['bold', 'regular'] as const) {
      expect(own[weight].faces.map((f) => f.name)).toEqual(
        editions[locale].shareCardFaces[weight].map((file) => path.basename(file, '.ttf')),
      );
      expect(own[weight].faces.at(-1)).toBe(fonts[weight].faces.at(-1));
    }
  });

  it('Kufi covers basic Latin and digits itself; the fallback takes what Kufi lacks', () => {
    const kufi = fonts.bold.faces[0];
    for (const ch of 'AZaz09Wi-Fi 2024') expect(kufi.glyphFor(cp(ch)), ch).not.toBe(0);
    expect(fonts.bold.faceIndexFor(cp('س'))).toBe(0);
    expect(fonts.bold.faceIndexFor(cp('W'))).toBe(0);
    // Greek and Cyrillic are not in Kufi but are in Noto Sans.
    expect(kufi.glyphFor(cp('Ω'))).toBe(0);
    expect(fonts.bold.faceIndexFor(cp('Ω'))).toBe(1);
    expect(fonts.bold.faceIndexFor(cp('Ж'))).toBe(1);
    // Emoji: no face.
    expect(fonts.bold.faceIndexFor(cp('🎉'))).toBe(-1);
  });

  it('Arabic ascender/descender are taller than the font size (box must be padded)', () => {
    expect(fonts.bold.ascenderEm + fonts.bold.descenderEm).toBeGreaterThan(1.2);
  });
});

describe('shaping', () => {
  /** Glyph ids of one cluster (Kufi draws dots as separate mark glyphs). */
  const ofCluster = (glyphs: Array<{ glyphId: number; cluster: number }>, c: number) =>
    glyphs.filter((g) => g.cluster === c).map((g) => g.glyphId);
  const kufi = () => fonts.bold.faces[0];
  const isolated = (ch: string) =>
    kufi()
      .shape(ch, 0, ch.length, true)
      .map((g) => g.glyphId);

  it('joins Arabic letters: "سلام" differs from its letters shaped one by one', () => {
    const word = 'سلام';
    const joined = kufi().shape(word, 0, word.length, true);
    expect(joined.every((g) => g.glyphId !== 0)).toBe(true);
    const oneByOne = [...word].reverse().flatMap((ch) => isolated(ch));
    expect(joined.map((g) => g.glyphId)).not.toEqual(oneByOne);
    // the seen (cluster 0) takes its initial form
    expect(ofCluster(joined, 0)).not.toEqual(isolated('س'));
    expect(shapeWithFace(kufi(), word, 'rtl')).toEqual(joined.map((g) => g.glyphId));
  });

  it('every letter of "بيت" takes a contextual form (initial, medial, final)', () => {
    const word = 'بيت';
    const joined = kufi().shape(word, 0, word.length, true);
    for (let i = 0; i < 3; i++) {
      expect(ofCluster(joined, i).length).toBeGreaterThan(0);
      expect(ofCluster(joined, i)).not.toEqual(isolated(word[i]));
    }
  });

  it('returns right-to-left runs in visual order (logical start at the right)', () => {
    const glyphs = kufi().shape('بيت', 0, 3, true);
    const clusters = glyphs.map((g) => g.cluster);
    expect(clusters).toEqual([...clusters].sort((a, b) => b - a));
    expect(clusters[0]).toBe(2);
  });

  it('keeps joining across a run cut when given context', () => {
    const word = 'بيت';
    expect(ofCluster(kufi().shape(word, 0, 1, true), 0)).not.toEqual(isolated('ب'));
    expect(ofCluster(kufi().shape(word, 0, 1, true), 0)).toEqual(ofCluster(kufi().shape(word, 0, 3, true), 0));
  });
});

describe('sanitizeText', () => {
  it('drops emoji sequences with their joiners and selectors and collapses spaces', () => {
    const t = sanitizeText('عاجل 🔥 انتخابات 👨‍👩‍👧 2024 ❤️ 🇸🇦 1️⃣ results 👍🏽 ©', fonts.bold);
    expect(t).toBe('عاجل انتخابات 2024 results ©');
    expect(t).not.toMatch(/\u200d|\ufe0f/);
  });

  it('turns line breaks and tabs into single spaces', () => {
    expect(sanitizeText('  one\n\ttwo\r\n three  ', fonts.bold)).toBe('one two three');
  });

  it('gives an empty string for emoji-only text', () => {
    expect(sanitizeText('🎉🔥 👨‍👩‍👧 ❤️', fonts.bold)).toBe('');
  });
});

describe('Persian on the share card', () => {
  it('draws پ چ ژ گ ک ی with Vazirmatn, each joined to its neighbours', async () => {
    const persian = await loadOgFonts('fa');
    const vazirmatn = persian.bold.faces[0];
    expect(vazirmatn.name).toBe('Vazirmatn_700Bold');
    for (const letter of 'پچژگکی') {
      expect(persian.bold.faceIndexFor(cp(letter)), letter).toBe(0);
      const alone = vazirmatn.shape(letter, 0, 1, true).map((g) => g.glyphId);
      // Between two beh (ژ joins only on its right, so it takes its final form there).
      const word = `ب${letter}ب`;
      const inWord = vazirmatn
        .shape(word, 0, word.length, true)
        .filter((g) => g.cluster === 1)
        .map((g) => g.glyphId);
      expect(
        alone.every((id) => id !== 0),
        letter,
      ).toBe(true);
      expect(inWord, letter).not.toEqual(alone);
    }
  });

  it('has Persian digits', async () => {
    const persian = await loadOgFonts('fa');
    for (const digit of '۰۱۲۳۴۵۶۷۸۹') expect(persian.regular.faceIndexFor(cp(digit)), digit).toBe(0);
  });
});
