import { beforeAll, describe, expect, it } from 'vitest';
import {
  ELLIPSIS,
  fitParagraph,
  layoutParagraph,
  linesToSvg,
  loadOgFonts,
  sanitizeText,
  type OgFonts,
  type ParagraphLayout,
} from '../../lib/og';

let fonts: OgFonts;
beforeAll(async () => {
  fonts = await loadOgFonts();
});

const HEADLINE = 'وسط توتر العلاقة.. أرمينيا تجمد مشاركتها في التحالف العسكري مع روسيا';
const MIXED = 'تحديث Wi-Fi 6 في 2024 للمنازل';

function allGlyphs(layout: ParagraphLayout) {
  return layout.lines.flatMap((l) => l.runs.flatMap((r) => r.glyphs));
}

/** The run whose text contains `needle`, and its index in visual order. */
function findRun(layout: ParagraphLayout, lineIndex: number, needle: string) {
  const runs = layout.lines[lineIndex].runs;
  const index = runs.findIndex((r) => r.text.includes(needle));
  expect(index, `run containing ${needle}`).toBeGreaterThanOrEqual(0);
  return { run: runs[index], index };
}

describe('line breaking by shaped width', () => {
  it('wraps a long headline into several lines, each within maxWidth, words in order', () => {
    const maxWidth = 420;
    const layout = layoutParagraph(HEADLINE, { font: fonts.bold, fontSize: 48, maxWidth, baseDirection: 'rtl' });
    expect(layout.lines.length).toBeGreaterThanOrEqual(3);
    expect(layout.truncated).toBe(false);
    for (const line of layout.lines) {
      expect(line.width).toBeLessThanOrEqual(maxWidth);
      expect(line.width).toBeGreaterThan(0);
      expect(line.text).toBe(line.text.trim());
    }
    expect(layout.lines.map((l) => l.text).join(' ')).toBe(HEADLINE);
    expect(layout.width).toBe(Math.max(...layout.lines.map((l) => l.width)));
  });

  it('breaks where the shaped width says: a wider box takes fewer lines, and no line could take the next word', () => {
    const narrow = layoutParagraph(HEADLINE, { font: fonts.bold, fontSize: 48, maxWidth: 420, baseDirection: 'rtl' });
    const wide = layoutParagraph(HEADLINE, { font: fonts.bold, fontSize: 48, maxWidth: 900, baseDirection: 'rtl' });
    expect(wide.lines.length).toBeLessThan(narrow.lines.length);
    // greedy: each line plus the first word of the next line would overflow
    for (let i = 0; i + 1 < narrow.lines.length; i++) {
      const next = narrow.lines[i + 1].text.split(' ')[0];
      const joined = layoutParagraph(`${narrow.lines[i].text} ${next}`, {
        font: fonts.bold,
        fontSize: 48,
        maxWidth: 1e6,
        baseDirection: 'rtl',
      });
      expect(joined.lines[0].width).toBeGreaterThan(420);
    }
  });

  it('places glyphs contiguously: glyph advances add up to the line width', () => {
    const layout = layoutParagraph(MIXED, { font: fonts.bold, fontSize: 40, maxWidth: 2000, baseDirection: 'rtl' });
    const line = layout.lines[0];
    const sum = line.runs.flatMap((r) => r.glyphs).reduce((w, g) => w + g.advance, 0);
    expect(sum).toBeCloseTo(line.width, 6);
    let x = 0;
    for (const run of line.runs) {
      expect(run.x).toBeCloseTo(x, 6);
      x += run.width;
    }
  });

  it('scales with the font size', () => {
    const a = layoutParagraph(MIXED, { font: fonts.bold, fontSize: 20, maxWidth: 5000, baseDirection: 'rtl' });
    const b = layoutParagraph(MIXED, { font: fonts.bold, fontSize: 40, maxWidth: 5000, baseDirection: 'rtl' });
    expect(b.width).toBeCloseTo(a.width * 2, 6);
  });
});

describe('bidi', () => {
  it('orders a mixed line visually in an RTL paragraph', () => {
    const layout = layoutParagraph(MIXED, { font: fonts.bold, fontSize: 40, maxWidth: 2000, baseDirection: 'rtl' });
    expect(layout.lines).toHaveLength(1);
    const latin = findRun(layout, 0, 'Wi-Fi');
    const tahdith = findRun(layout, 0, 'تحديث');
    const fi = findRun(layout, 0, 'في');
    const year = findRun(layout, 0, '2024');
    const homes = findRun(layout, 0, 'للمنازل');

    // The LTR run keeps "Wi-Fi 6" together, in LTR order.
    expect(latin.run.text).toBe('Wi-Fi 6');
    expect(latin.run.direction).toBe('ltr');
    const latinClusters = latin.run.glyphs.map((g) => g.cluster);
    expect(latinClusters).toEqual([...latinClusters].sort((p, q) => p - q));

    // Arabic runs are RTL inside: clusters descend from left to right.
    expect(tahdith.run.direction).toBe('rtl');
    const arClusters = tahdith.run.glyphs.map((g) => g.cluster);
    expect(arClusters).toEqual([...arClusters].sort((p, q) => q - p));

    // Reading right to left: تحديث, Wi-Fi 6, في, 2024, للمنازل.
    expect(tahdith.run.x).toBeGreaterThan(latin.run.x);
    expect(latin.run.x).toBeGreaterThan(fi.run.x);
    expect(fi.run.x).toBeGreaterThan(year.run.x);
    expect(year.run.x).toBeGreaterThan(homes.run.x);
    expect(homes.index).toBe(0);
    expect(tahdith.index).toBe(layout.lines[0].runs.length - 1);
  });

  it('keeps an English line in order in an LTR paragraph', () => {
    const text = 'Armenia freezes its role in the alliance';
    const layout = layoutParagraph(text, { font: fonts.bold, fontSize: 40, maxWidth: 5000, baseDirection: 'ltr' });
    const line = layout.lines[0];
    expect(line.runs).toHaveLength(1);
    expect(line.runs[0].direction).toBe('ltr');
    const clusters = line.runs[0].glyphs.map((g) => g.cluster);
    expect(clusters).toEqual([...clusters].sort((p, q) => p - q));
    expect(clusters[0]).toBe(0);
  });

  it('embeds an Arabic word in an LTR paragraph right to left, in place', () => {
    const layout = layoutParagraph('The word سلام means peace', {
      font: fonts.bold,
      fontSize: 40,
      maxWidth: 5000,
      baseDirection: 'ltr',
    });
    const ar = findRun(layout, 0, 'سلام');
    const before = findRun(layout, 0, 'The word');
    const after = findRun(layout, 0, 'means');
    expect(ar.run.direction).toBe('rtl');
    expect(before.run.x).toBeLessThan(ar.run.x);
    expect(ar.run.x).toBeLessThan(after.run.x);
  });

  it('orders lines independently: each wrapped line of an RTL headline starts at the right', () => {
    const layout = layoutParagraph(`${MIXED} ${HEADLINE}`, {
      font: fonts.bold,
      fontSize: 48,
      maxWidth: 500,
      baseDirection: 'rtl',
    });
    for (const line of layout.lines) {
      const rightmost = line.runs[line.runs.length - 1];
      // the logically first character of the line is drawn in the rightmost run
      expect(rightmost.start === line.start || rightmost.glyphs.some((g) => g.cluster === line.start)).toBe(true);
    }
  });
});

describe('truncation with an ellipsis', () => {
  const long = (() => {
    let t = '';
    while (t.length < 400) t += `${HEADLINE} `;
    return t.slice(0, 400);
  })();

  it('cuts a 400-character headline to 3 lines ending with "…" at the visual left (RTL)', () => {
    const maxWidth = 700;
    const layout = layoutParagraph(long, {
      font: fonts.bold,
      fontSize: 56,
      maxWidth,
      maxLines: 3,
      baseDirection: 'rtl',
    });
    expect(layout.lines).toHaveLength(3);
    expect(layout.truncated).toBe(true);
    const last = layout.lines[2];
    expect(last.text.endsWith(ELLIPSIS)).toBe(true);
    expect(layout.text.endsWith(ELLIPSIS)).toBe(true);
    for (const line of layout.lines) expect(line.width).toBeLessThanOrEqual(maxWidth);
    const ellipsisGlyph = fonts.bold.faces[0].glyphFor(ELLIPSIS.codePointAt(0)!);
    expect(ellipsisGlyph).not.toBe(0);
    const leftmost = last.runs[0].glyphs[0];
    expect(leftmost.glyphId).toBe(ellipsisGlyph);
    expect(leftmost.cluster).toBe(layout.text.length - 1);
    // the kept text is a prefix of the original
    expect(long.startsWith(layout.text.slice(0, -1).trimEnd())).toBe(true);
  });

  it('puts the ellipsis at the right end in LTR', () => {
    const text =
      'Armenia freezes its participation in the Russia-led military alliance amid tensions with Moscow '.repeat(5);
    const layout = layoutParagraph(text, {
      font: fonts.bold,
      fontSize: 48,
      maxWidth: 600,
      maxLines: 3,
      baseDirection: 'ltr',
    });
    expect(layout.truncated).toBe(true);
    expect(layout.lines).toHaveLength(3);
    const last = layout.lines[2];
    const glyphs = last.runs.flatMap((r) => r.glyphs);
    expect(glyphs[glyphs.length - 1].glyphId).toBe(fonts.bold.faces[0].glyphFor(0x2026));
    expect(last.width).toBeLessThanOrEqual(600);
  });

  it('does not truncate text that fits', () => {
    const layout = layoutParagraph(HEADLINE, {
      font: fonts.bold,
      fontSize: 48,
      maxWidth: 2000,
      maxLines: 3,
      baseDirection: 'rtl',
    });
    expect(layout.truncated).toBe(false);
    expect(layout.text).toBe(HEADLINE);
  });
});

describe('words wider than the box', () => {
  it('breaks an 80-character Latin word inside maxWidth', () => {
    const word = 'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(2).slice(0, 80);
    const maxWidth = 300;
    const layout = layoutParagraph(word, { font: fonts.bold, fontSize: 48, maxWidth, baseDirection: 'ltr' });
    expect(layout.lines.length).toBeGreaterThan(1);
    for (const line of layout.lines) expect(line.width).toBeLessThanOrEqual(maxWidth);
    expect(layout.lines.map((l) => l.text).join('')).toBe(word);
  });

  it('breaks an 80-character Arabic word inside maxWidth, keeping joining forms', () => {
    const word = 'الاستراتيجياتالاقتصاديةوالسياسيةفيالمنطقةالعربيةخلالالعقدالماضيوالحاضروالمستقبلالقريب'.slice(0, 80);
    expect(word).toHaveLength(80);
    const maxWidth = 320;
    const layout = layoutParagraph(word, { font: fonts.bold, fontSize: 48, maxWidth, baseDirection: 'rtl' });
    expect(layout.lines.length).toBeGreaterThan(1);
    for (const line of layout.lines) expect(line.width).toBeLessThanOrEqual(maxWidth);
    expect(layout.lines.map((l) => l.text).join('')).toBe(word);
    // The last letter before each break keeps the form it has inside the unbroken word
    // (it still joins towards the next line) instead of turning final/isolated.
    const kufi = fonts.bold.faces[0];
    const inWord = kufi.shape(word, 0, word.length, true);
    let joinedBreaks = 0;
    for (const line of layout.lines.slice(0, -1)) {
      const lineGlyphs = line.runs.flatMap((r) => r.glyphs);
      const lastCluster = Math.max(...lineGlyphs.map((g) => g.cluster));
      const ids = (gs: Array<{ glyphId: number; cluster: number }>) =>
        gs.filter((g) => g.cluster === lastCluster).map((g) => g.glyphId);
      expect(ids(lineGlyphs)).toEqual(ids(inWord));
      const cutOff = kufi.shape(word.slice(0, line.end), line.start, line.end, true);
      if (ids(cutOff).join() !== ids(inWord).join()) joinedBreaks++;
    }
    expect(joinedBreaks).toBeGreaterThan(0);
  });

  it('also fits with maxLines (truncated with ellipsis)', () => {
    const word = 'x'.repeat(80);
    const layout = layoutParagraph(word, {
      font: fonts.bold,
      fontSize: 48,
      maxWidth: 250,
      maxLines: 2,
      baseDirection: 'ltr',
    });
    expect(layout.lines).toHaveLength(2);
    expect(layout.truncated).toBe(true);
    for (const line of layout.lines) expect(line.width).toBeLessThanOrEqual(250);
  });
});

describe('characters no font has', () => {
  it('lays out emoji-only text as no lines, without crashing', () => {
    const layout = layoutParagraph('🎉🔥 👨‍👩‍👧 ❤️ 🇸🇦', {
      font: fonts.bold,
      fontSize: 48,
      maxWidth: 600,
      maxLines: 3,
      baseDirection: 'rtl',
    });
    expect(layout.lines).toEqual([]);
    expect(layout.height).toBe(0);
    const svg = linesToSvg(layout, { color: '#000', width: 600 });
    expect(svg.svg).toMatch(/^<svg[^>]*>.*<\/svg>$/);
    expect(svg.svg).not.toContain('<path');
  });

  it('drops emoji from mixed text: no notdef glyph, no double spaces', () => {
    const text = 'عاجل 🔥 انتخابات 👨‍👩‍👧 2024 في المنطقة ❤️ Ελλάδα Wi-Fi 👍🏽';
    for (const font of [fonts.bold, fonts.regular]) {
      const layout = layoutParagraph(text, { font, fontSize: 40, maxWidth: 500, maxLines: 4, baseDirection: 'rtl' });
      const glyphs = allGlyphs(layout);
      expect(glyphs.length).toBeGreaterThan(10);
      expect(glyphs.filter((g) => g.glyphId === 0)).toEqual([]);
      expect(layout.text).not.toMatch(/ {2}/);
      expect(layout.text).toBe(sanitizeText(text, font));
      // Greek comes from the fallback face
      expect(glyphs.some((g) => g.face.name.startsWith('NotoSans'))).toBe(true);
    }
  });
});

describe('fitParagraph', () => {
  const sizes = [72, 64, 56, 48, 40];

  it('uses the largest size for a short headline', () => {
    const layout = fitParagraph('أرمينيا تجمد مشاركتها', {
      font: fonts.bold,
      maxWidth: 1000,
      maxLines: 3,
      sizes,
      baseDirection: 'rtl',
    });
    expect(layout.fontSize).toBe(72);
    expect(layout.truncated).toBe(false);
  });

  it('picks the largest size at which the text fits in maxLines', () => {
    const maxWidth = 760;
    const layout = fitParagraph(HEADLINE, { font: fonts.bold, maxWidth, maxLines: 3, sizes, baseDirection: 'rtl' });
    expect(layout.truncated).toBe(false);
    expect(layout.lines.length).toBeLessThanOrEqual(3);
    const bigger = sizes.filter((s) => s > layout.fontSize);
    expect(bigger.length).toBeGreaterThan(0); // the headline does not fit at the largest size
    expect(layout.fontSize).toBeGreaterThan(sizes[sizes.length - 1]);
    for (const size of bigger) {
      const l = layoutParagraph(HEADLINE, { font: fonts.bold, fontSize: size, maxWidth, baseDirection: 'rtl' });
      expect(l.lines.length).toBeGreaterThan(3);
    }
    const same = layoutParagraph(HEADLINE, {
      font: fonts.bold,
      fontSize: layout.fontSize,
      maxWidth,
      baseDirection: 'rtl',
    });
    expect(same.lines.map((l) => l.text)).toEqual(layout.lines.map((l) => l.text));
  });

  it('falls back to the smallest size, truncated, when nothing fits', () => {
    const text = `${HEADLINE} `.repeat(8);
    const layout = fitParagraph(text, { font: fonts.bold, maxWidth: 900, maxLines: 3, sizes, baseDirection: 'rtl' });
    expect(layout.fontSize).toBe(40);
    expect(layout.truncated).toBe(true);
    expect(layout.lines).toHaveLength(3);
  });

  it('respects maxHeight', () => {
    const text = `${HEADLINE} ${HEADLINE}`;
    const maxHeight = 260;
    const layout = fitParagraph(text, {
      font: fonts.bold,
      maxWidth: 900,
      maxHeight,
      maxLines: 3,
      sizes,
      baseDirection: 'rtl',
    });
    expect(layout.height).toBeLessThanOrEqual(maxHeight);
  });
});
