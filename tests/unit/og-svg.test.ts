import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  layoutParagraph,
  linesToSvg,
  loadOgFonts,
  svgToDataUri,
  type OgFonts,
  type ParagraphLayout,
} from '../../lib/og';

let fonts: OgFonts;
beforeAll(async () => {
  fonts = await loadOgFonts();
});

const HEADLINE = 'وسط توتر العلاقة.. أرمينيا تجمد مشاركتها في التحالف العسكري مع روسيا';

/** All absolute coordinates of a path's d attribute (our paths use absolute commands only). */
function points(d: string): Array<[number, number]> {
  const nums = d.match(/-?\d+(\.\d+)?/g)!.map(Number);
  const out: Array<[number, number]> = [];
  for (let i = 0; i + 1 < nums.length; i += 2) out.push([nums[i], nums[i + 1]]);
  return out;
}

function parse(svg: string) {
  expect(XMLValidator.validate(svg)).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(svg);
  const root = doc.svg;
  const paths = ([] as Array<{ d: string }>).concat(root.g.path ?? []);
  return { root, paths };
}

function visibleGlyphCount(layout: ParagraphLayout) {
  return layout.lines
    .flatMap((l) => l.runs.flatMap((r) => r.glyphs))
    .filter((g) => g.face.glyphPath(g.glyphId).length > 0).length;
}

describe('linesToSvg', () => {
  it('returns a well-formed SVG with the requested size and one path per visible glyph', () => {
    const layout = layoutParagraph(HEADLINE, {
      font: fonts.bold,
      fontSize: 56,
      maxWidth: 800,
      maxLines: 3,
      baseDirection: 'rtl',
    });
    const out = linesToSvg(layout, { color: '#1a1a1a', width: 800, align: 'start' });
    const { root, paths } = parse(out.svg);
    expect(out.width).toBe(800);
    expect(out.height).toBe(Math.ceil(layout.height));
    expect(Number(root.width)).toBe(out.width);
    expect(Number(root.height)).toBe(out.height);
    expect(root.viewBox).toBe(`0 0 ${out.width} ${out.height}`);
    expect(root.g.fill).toBe('#1a1a1a');
    expect(paths.length).toBe(visibleGlyphCount(layout));
    expect(paths.length).toBeGreaterThan(20);
  });

  it('keeps all ink inside the box vertically (tall Arabic glyphs are not clipped)', () => {
    const text = 'إِنَّ الْأَمْنَ لِلْجَمِيعِ ضَرُورِيٌّ ﷺ';
    const layout = layoutParagraph(`${HEADLINE} ${text}`, {
      font: fonts.bold,
      fontSize: 60,
      maxWidth: 700,
      baseDirection: 'rtl',
    });
    const out = linesToSvg(layout, { color: '#000' });
    for (const p of parse(out.svg).paths) {
      for (const [, y] of points(p.d)) {
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(out.height);
      }
    }
  });

  it('aligns RTL lines to the right, LTR lines to the left, and centres on request', () => {
    const width = 1000;
    const inkX = (svg: string) => {
      const xs = parse(svg).paths.flatMap((p) => points(p.d).map(([x]) => x));
      return { min: Math.min(...xs), max: Math.max(...xs) };
    };
    const rtl = layoutParagraph('أرمينيا تجمد مشاركتها', {
      font: fonts.bold,
      fontSize: 48,
      maxWidth: width,
      baseDirection: 'rtl',
    });
    const r = inkX(linesToSvg(rtl, { color: '#000', width }).svg);
    expect(r.max).toBeGreaterThan(width - 15);
    expect(r.min).toBeGreaterThan(width - rtl.width - 15);
    expect(rtl.width).toBeLessThan(width * 0.75);

    const ltr = layoutParagraph('Armenia freezes', {
      font: fonts.bold,
      fontSize: 48,
      maxWidth: width,
      baseDirection: 'ltr',
    });
    const l = inkX(linesToSvg(ltr, { color: '#000', width }).svg);
    expect(l.min).toBeLessThan(15);
    expect(l.max).toBeLessThan(ltr.width + 15);

    const c = inkX(linesToSvg(rtl, { color: '#000', width, align: 'center' }).svg);
    expect(Math.abs((c.min + c.max) / 2 - width / 2)).toBeLessThan(20);
  });

  it('adds padding around the box', () => {
    const layout = layoutParagraph('أرمينيا', { font: fonts.bold, fontSize: 48, maxWidth: 400, baseDirection: 'rtl' });
    const plain = linesToSvg(layout, { color: '#000', width: 400 });
    const padded = linesToSvg(layout, { color: '#000', width: 400, padding: 10 });
    expect(padded.width).toBe(plain.width + 20);
    expect(padded.height).toBe(plain.height + 20);
  });

  it('escapes the colour attribute', () => {
    const layout = layoutParagraph('Hi', { font: fonts.bold, fontSize: 20, maxWidth: 100, baseDirection: 'ltr' });
    const out = linesToSvg(layout, { color: '"><script>', width: 100 });
    expect(XMLValidator.validate(out.svg)).toBe(true);
    expect(out.svg).not.toContain('<script>');
  });

  it('makes a data URI for <img src>', () => {
    const layout = layoutParagraph('سلام', { font: fonts.bold, fontSize: 20, maxWidth: 100, baseDirection: 'rtl' });
    const uri = svgToDataUri(linesToSvg(layout, { color: '#000' }).svg);
    expect(uri.startsWith('data:image/svg+xml;base64,')).toBe(true);
    expect(Buffer.from(uri.slice(uri.indexOf(',') + 1), 'base64').toString('utf8')).toMatch(/^<svg.*<\/svg>$/);
  });
});
