/**
 * Draws a ParagraphLayout as an SVG of glyph outlines: one <path> per visible glyph, coordinates
 * already in pixels (y down), so the SVG needs no fonts and no text support from its renderer.
 */
import { escapeMarkup } from '../xml';
import type { BaseDirection, ParagraphLayout } from './text-layout';

export interface SvgOptions {
  /** Fill colour, any SVG colour ("#111", "white", "rgb(...)"). */
  color: string;
  /** Width of the SVG box, px. Default: the layout's maxWidth (or its width if maxWidth is infinite). */
  width?: number;
  /** 'start' = right for rtl, left for ltr. */
  align?: 'start' | 'center';
  /** Default: the layout's base direction. */
  baseDirection?: BaseDirection;
  /**
   * Empty margin added on every side, px (default 0). The returned width/height include it. Use a
   * few px when the text box touches the image edge: some glyphs' ink overhangs their advance.
   */
  padding?: number;
}

export interface SvgResult {
  svg: string;
  width: number;
  height: number;
}

function num(v: number): string {
  const r = Math.round(v * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

/** The glyph outlines as one `<g>` element, for composing several text blocks into one picture. */
export function linesToSvgGroup(layout: ParagraphLayout, options: SvgOptions): SvgResult {
  const dir = options.baseDirection ?? layout.baseDirection;
  const align = options.align ?? 'start';
  const pad = Math.max(0, options.padding ?? 0);
  const textWidth = options.width ?? (Number.isFinite(layout.maxWidth) ? layout.maxWidth : layout.width);
  const boxWidth = Math.ceil(textWidth + 2 * pad);
  const boxHeight = Math.ceil(layout.height + 2 * pad);
  const parts: string[] = [];
  for (const line of layout.lines) {
    const lineX =
      pad + (align === 'center' ? (textWidth - line.width) / 2 : dir === 'rtl' ? textWidth - line.width : 0);
    for (const run of line.runs) {
      const scale = layout.fontSize / run.face.upem;
      for (const g of run.glyphs) {
        const cmds = g.face.glyphPath(g.glyphId);
        if (!cmds.length) continue;
        const ox = lineX + g.x;
        const oy = pad + line.baseline + g.y;
        let d = '';
        for (const c of cmds) {
          d += c.type;
          const v = c.values;
          for (let i = 0; i + 1 < v.length; i += 2) {
            d += (i ? ' ' : '') + num(ox + v[i] * scale) + ',' + num(oy - v[i + 1] * scale);
          }
        }
        parts.push(`<path d="${d}"/>`);
      }
    }
  }
  return { svg: `<g fill="${escapeMarkup(options.color)}">${parts.join('')}</g>`, width: boxWidth, height: boxHeight };
}

export function linesToSvg(layout: ParagraphLayout, options: SvgOptions): SvgResult {
  const group = linesToSvgGroup(layout, options);
  const { width, height } = group;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${group.svg}</svg>`;
  return { svg, width, height };
}

/**
 * A data: URI for `<img src>` inside an ImageResponse. Base64, because satori converts any other
 * SVG data URI to base64 itself (with btoa) before handing it to resvg.
 */
export function svgToDataUri(svg: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}
