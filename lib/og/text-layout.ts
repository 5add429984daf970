/**
 * Paragraph layout for share images: itemise (bidi level x face), shape with HarfBuzz, wrap by
 * shaped width, truncate with an ellipsis, order each line visually with the Unicode bidi algorithm.
 *
 * satori (next/og ImageResponse) lays text out left to right only, so headlines are laid out here
 * and drawn as glyph outlines (see ./svg.ts).
 *
 * Units: shaping is done once per text in font units and kept in em (fraction of the font size), so
 * trying several font sizes (fitParagraph) costs only line breaking, not reshaping.
 */
import bidiFactory from 'bidi-js';
import type { OgFace, OgFontStack } from './fonts';
import { sanitizeText } from './sanitize';

export type BaseDirection = 'rtl' | 'ltr';

export const ELLIPSIS = '\u2026';

/** A glyph placed on a line. Pixels; x from the line's left edge, y down from the baseline. */
export interface LaidOutGlyph {
  glyphId: number;
  face: OgFace;
  /** Pen position of the glyph origin (offsets included), px from the left edge of the line. */
  x: number;
  /** Vertical offset from the baseline, px, positive downwards (SVG convention). */
  y: number;
  /** Horizontal advance, px. */
  advance: number;
  /** UTF-16 index into `ParagraphLayout.text` of the first character of the glyph's cluster. */
  cluster: number;
}

/** A run: same bidi level and same face. Glyphs are in visual order, left to right. */
export interface LaidOutRun {
  /** Logical range in `ParagraphLayout.text`. */
  start: number;
  end: number;
  text: string;
  level: number;
  direction: BaseDirection;
  face: OgFace;
  /** Left edge of the run, px from the left edge of the line. */
  x: number;
  width: number;
  glyphs: LaidOutGlyph[];
}

export interface LaidOutLine {
  /** Logical range in `ParagraphLayout.text` (leading/trailing break spaces excluded). */
  start: number;
  end: number;
  /** Logical text of the line. The last line of a truncated layout ends with "…". */
  text: string;
  /** Runs in visual order, left to right. */
  runs: LaidOutRun[];
  /** Shaped width, px. */
  width: number;
  /** Baseline, px from the top of the layout box. */
  baseline: number;
}

export interface ParagraphLayout {
  /** The text actually laid out: sanitised, and cut + "…" when truncated. */
  text: string;
  lines: LaidOutLine[];
  truncated: boolean;
  /** Widest line, px. */
  width: number;
  /** Box height, px: the first line's ascender down to the last line's descender (0 when no lines). */
  height: number;
  fontSize: number;
  /** Distance between baselines, px. */
  lineHeight: number;
  /** Ascender / descender depth used for the box, px (largest over the faces of the stack). */
  ascent: number;
  descent: number;
  maxWidth: number;
  baseDirection: BaseDirection;
}

export interface LayoutOptions {
  /** Font stack from `loadOgFonts()`, e.g. `fonts.bold`. */
  font: OgFontStack;
  fontSize: number;
  maxWidth: number;
  /** Default: no limit. */
  maxLines?: number;
  baseDirection: BaseDirection;
  /** Baseline-to-baseline distance as a multiple of fontSize. Default 1.6 (Arabic needs room). */
  lineHeight?: number;
}

export interface FitOptions extends Omit<LayoutOptions, 'fontSize' | 'maxLines'> {
  /** Candidate font sizes, largest first (order is not trusted: they are sorted). */
  sizes: number[];
  maxLines: number;
  /** Optional height limit of the box, px: lowers the number of lines allowed at a size. */
  maxHeight?: number;
}

const DEFAULT_LINE_HEIGHT = 1.6;
const EPS = 1e-6;

let bidiInstance: ReturnType<typeof bidiFactory> | undefined;
function bidi() {
  return (bidiInstance ??= bidiFactory());
}

const graphemeSegmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
const MARK = /\p{M}/u;

/** Text analysed and shaped once, reusable at any font size. */
interface Prepared {
  text: string;
  stack: OgFontStack;
  baseDirection: BaseDirection;
  levels: Uint8Array;
  /** Face index per UTF-16 unit. */
  face: Int8Array;
  /** prefix[i] = shaped width in em of text[0, i). Exact at cluster starts. */
  prefix: Float64Array;
  /** 1 where a line may start or end inside a word: grapheme and cluster boundary. Length n+1. */
  breakable: Uint8Array;
}

function assignFaces(text: string, stack: OgFontStack): Int8Array {
  const face = new Int8Array(text.length);
  let prev = 0;
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    const size = cp > 0xffff ? 2 : 1;
    const ch = text.slice(i, i + size);
    let idx: number;
    if (IGNORABLE.test(ch)) {
      idx = prev; // invisible: never split a run for it
    } else if (MARK.test(ch) && stack.faces[prev].glyphFor(cp) !== 0) {
      idx = prev; // keep a mark with its base
    } else {
      idx = stack.faceIndexFor(cp);
      if (idx < 0) idx = prev; // sanitised text should not get here; HarfBuzz hides what is left
    }
    for (let k = 0; k < size; k++) face[i + k] = idx;
    prev = idx;
    i += size;
  }
  return face;
}

interface LogicalRun {
  start: number;
  end: number;
  level: number;
  face: number;
}

/** Maximal ranges of [start, end) with one bidi level and one face, in logical order. */
function itemize(prep: Prepared, start: number, end: number): LogicalRun[] {
  const runs: LogicalRun[] = [];
  let s = start;
  for (let i = start + 1; i <= end; i++) {
    if (i === end || prep.levels[i] !== prep.levels[s] || prep.face[i] !== prep.face[s]) {
      runs.push({ start: s, end: i, level: prep.levels[s], face: prep.face[s] });
      s = i;
    }
  }
  return runs;
}

function prepare(text: string, stack: OgFontStack, baseDirection: BaseDirection): Prepared {
  const n = text.length;
  const levels = n ? bidi().getEmbeddingLevels(text, baseDirection).levels : new Uint8Array(0);
  const face = assignFaces(text, stack);
  const prep: Prepared = {
    text,
    stack,
    baseDirection,
    levels,
    face,
    prefix: new Float64Array(n + 1),
    breakable: new Uint8Array(n + 1),
  };
  const adv = new Float64Array(n);
  const clusterStart = new Uint8Array(n + 1);
  clusterStart[n] = 1;
  for (const run of itemize(prep, 0, n)) {
    const f = stack.faces[run.face];
    for (const g of f.shape(text, run.start, run.end, (run.level & 1) === 1)) {
      adv[g.cluster] += g.xAdvance / f.upem;
      clusterStart[g.cluster] = 1;
    }
    clusterStart[run.start] = 1;
  }
  for (let i = 0; i < n; i++) prep.prefix[i + 1] = prep.prefix[i] + adv[i];
  for (const { index } of graphemeSegmenter.segment(text)) {
    if (clusterStart[index]) prep.breakable[index] = 1;
  }
  prep.breakable[n] = 1;
  return prep;
}

function measure(prep: Prepared, a: number, b: number): number {
  return prep.prefix[b] - prep.prefix[a];
}

function skipSpaces(text: string, i: number): number {
  while (i < text.length && text[i] === ' ') i++;
  return i;
}

function wordEnd(text: string, i: number): number {
  const j = text.indexOf(' ', i);
  return j < 0 ? text.length : j;
}

/** Largest in-word break b in (a, limit] with width(a, b) <= maxW; the first break if none fits. */
function fitGraphemes(prep: Prepared, a: number, limit: number, maxW: number): number {
  let best = -1;
  let first = -1;
  for (let b = a + 1; b <= limit; b++) {
    if (!prep.breakable[b]) continue;
    if (first < 0) first = b;
    if (measure(prep, a, b) <= maxW + EPS) best = b;
    else break;
  }
  return best > 0 ? best : first > 0 ? first : limit;
}

/**
 * Greedy line breaking at spaces by shaped width (em). A word wider than a whole line is split at
 * grapheme boundaries. Stops after `limit` lines.
 */
function breakLines(prep: Prepared, maxW: number, limit: number): Array<[number, number]> {
  const { text } = prep;
  const lines: Array<[number, number]> = [];
  let pos = skipSpaces(text, 0);
  while (pos < text.length && lines.length < limit) {
    let end = pos;
    let cur = pos;
    while (cur < text.length) {
      const we = wordEnd(text, cur);
      if (measure(prep, pos, we) > maxW + EPS) break;
      end = we;
      cur = skipSpaces(text, we);
    }
    if (end === pos) end = fitGraphemes(prep, pos, wordEnd(text, pos), maxW);
    lines.push([pos, end]);
    pos = skipSpaces(text, end);
  }
  return lines;
}

function ellipsisWidth(stack: OgFontStack): number {
  const cp = ELLIPSIS.codePointAt(0)!;
  const idx = Math.max(0, stack.faceIndexFor(cp));
  const f = stack.faces[idx];
  return f.shape(ELLIPSIS, 0, 1, false).reduce((w, g) => w + g.xAdvance, 0) / f.upem;
}

/**
 * Lines for at most `maxLines` lines, truncating with "…" when the text needs more. Returns the
 * prepared text actually laid out (a new one when truncated) and the line ranges in it.
 */
function breakWithEllipsis(
  prep: Prepared,
  maxW: number,
  maxLines: number,
): { prep: Prepared; lines: Array<[number, number]>; truncated: boolean } {
  const lines = breakLines(prep, maxW, maxLines + 1);
  if (lines.length <= maxLines) return { prep, lines, truncated: false };

  const { text } = prep;
  const s = lines[maxLines - 1][0];
  let avail = maxW - ellipsisWidth(prep.stack);
  for (let attempt = 0; attempt < 8; attempt++) {
    // Whole words first; inside the first word only if not even one word fits.
    let cut = s;
    let cur = s;
    while (cur < text.length) {
      const we = wordEnd(text, cur);
      if (measure(prep, s, we) > avail + EPS) break;
      cut = we;
      cur = skipSpaces(text, we);
    }
    if (cut === s) {
      const we = wordEnd(text, s);
      const b = fitGraphemes(prep, s, we, avail);
      cut = measure(prep, s, b) <= avail + EPS ? b : s;
    }
    const head = text.slice(0, cut).trimEnd();
    const cutText = head + ELLIPSIS;
    const next = prepare(cutText, prep.stack, prep.baseDirection);
    const lastStart = Math.min(s, head.length);
    const out = [...lines.slice(0, maxLines - 1), [lastStart, cutText.length] as [number, number]];
    const overflow = measure(next, lastStart, cutText.length) - maxW;
    if (overflow <= EPS || cut === s) return { prep: next, lines: out, truncated: true };
    avail -= overflow; // shaping in the new context came out wider: cut more
  }
  // Unreachable in practice: keep only the ellipsis.
  const head = text.slice(0, s).trimEnd();
  const next = prepare(head + ELLIPSIS, prep.stack, prep.baseDirection);
  return { prep: next, lines: [...lines.slice(0, maxLines - 1), [head.length, head.length + 1]], truncated: true };
}

/** Shape one line's runs (with paragraph context) and put them in visual order. Pixels. */
function buildLine(prep: Prepared, start: number, end: number, fontSize: number): Omit<LaidOutLine, 'baseline'> {
  const { text } = prep;
  const logical = itemize(prep, start, end);

  // Visual order from bidi-js, on a line-local copy (rule L2 over the line's levels).
  const lineText = text.slice(start, end);
  const local = {
    levels: prep.levels.slice(start, end),
    paragraphs: [{ start: 0, end: lineText.length - 1, level: prep.baseDirection === 'rtl' ? 1 : 0 }],
  };
  const order = Array.from({ length: lineText.length }, (_, i) => i);
  for (const [a, b] of bidi().getReorderSegments(lineText, local)) {
    for (let i = a, j = b; i < j; i++, j--) [order[i], order[j]] = [order[j], order[i]];
  }
  const visualPos = new Int32Array(lineText.length);
  order.forEach((logicalIdx, visualIdx) => (visualPos[logicalIdx] = visualIdx));
  const runKey = (r: LogicalRun) => {
    let min = Infinity;
    for (let i = r.start; i < r.end; i++) min = Math.min(min, visualPos[i - start]);
    return min;
  };
  const visual = logical.map((r) => ({ r, key: runKey(r) })).sort((a, b) => a.key - b.key);

  const runs: LaidOutRun[] = [];
  let penX = 0;
  for (const { r } of visual) {
    const face = prep.stack.faces[r.face];
    const scale = fontSize / face.upem;
    const rtl = (r.level & 1) === 1;
    const runX = penX;
    const glyphs: LaidOutGlyph[] = [];
    for (const g of face.shape(text, r.start, r.end, rtl)) {
      glyphs.push({
        glyphId: g.glyphId,
        face,
        x: penX + g.xOffset * scale,
        y: -g.yOffset * scale,
        advance: g.xAdvance * scale,
        cluster: g.cluster,
      });
      penX += g.xAdvance * scale;
    }
    runs.push({
      start: r.start,
      end: r.end,
      text: text.slice(r.start, r.end),
      level: r.level,
      direction: rtl ? 'rtl' : 'ltr',
      face,
      x: runX,
      width: penX - runX,
      glyphs,
    });
  }
  return { start, end, text: lineText, runs, width: penX };
}

function layoutPrepared(
  prep0: Prepared,
  fontSize: number,
  maxWidth: number,
  maxLines: number,
  lineHeightEm: number,
): ParagraphLayout {
  const ascent = prep0.stack.ascenderEm * fontSize;
  const descent = prep0.stack.descenderEm * fontSize;
  const lineHeight = lineHeightEm * fontSize;
  let maxW = maxWidth / fontSize;
  for (let attempt = 0; ; attempt++) {
    const { prep, lines: ranges, truncated } = breakWithEllipsis(prep0, maxW, Math.max(1, maxLines));
    const lines = ranges.map(([s, e], i) => ({
      ...buildLine(prep, s, e, fontSize),
      baseline: ascent + i * lineHeight,
    }));
    const width = lines.reduce((w, l) => Math.max(w, l.width), 0);
    // Final shaping can differ from the paragraph measure by a kerning pair at a break: re-wrap
    // a little narrower in that case (rare, tiny).
    if (width > maxWidth + 0.01 && attempt < 4) {
      maxW -= (width - maxWidth + 0.01) / fontSize;
      continue;
    }
    return {
      text: prep.text,
      lines,
      truncated,
      width,
      height: lines.length ? ascent + (lines.length - 1) * lineHeight + descent : 0,
      fontSize,
      lineHeight,
      ascent,
      descent,
      maxWidth,
      baseDirection: prep.baseDirection,
    };
  }
}

/** Lay `text` out at one font size, wrapping within maxWidth and cutting at maxLines with "…". */
export function layoutParagraph(text: string, options: LayoutOptions): ParagraphLayout {
  const { font, fontSize, maxWidth, baseDirection } = options;
  const prep = prepare(sanitizeText(text, font), font, baseDirection);
  return layoutPrepared(
    prep,
    fontSize,
    maxWidth,
    options.maxLines ?? Infinity,
    options.lineHeight ?? DEFAULT_LINE_HEIGHT,
  );
}

/**
 * The largest of `sizes` at which the text fits in maxLines (and maxHeight, if given) without
 * truncation; otherwise the smallest size, truncated with "…".
 */
export function fitParagraph(text: string, options: FitOptions): ParagraphLayout {
  const { font, maxWidth, baseDirection } = options;
  const lineHeightEm = options.lineHeight ?? DEFAULT_LINE_HEIGHT;
  const sizes = [...options.sizes].filter((s) => s > 0).sort((a, b) => b - a);
  if (!sizes.length) throw new Error('fitParagraph: no font sizes given');
  const prep = prepare(sanitizeText(text, font), font, baseDirection);
  const linesAllowed = (size: number) => {
    let n = options.maxLines;
    if (options.maxHeight !== undefined) {
      const extra = options.maxHeight - (font.ascenderEm + font.descenderEm) * size;
      n = Math.min(n, Math.floor(extra / (lineHeightEm * size) + EPS) + 1);
    }
    return n;
  };
  for (const size of sizes) {
    const allowed = linesAllowed(size);
    if (allowed < 1) continue;
    if (breakLines(prep, maxWidth / size, allowed + 1).length > allowed) continue;
    const layout = layoutPrepared(prep, size, maxWidth, allowed, lineHeightEm);
    if (!layout.truncated) return layout;
  }
  const smallest = sizes[sizes.length - 1];
  return layoutPrepared(prep, smallest, maxWidth, Math.max(1, linesAllowed(smallest)), lineHeightEm);
}

/** Glyph ids of `text` shaped as one run with `face`, in visual order (for tests and diagnostics). */
export function shapeWithFace(face: OgFace, text: string, direction: BaseDirection): number[] {
  return face.shape(text, 0, text.length, direction === 'rtl').map((g) => g.glyphId);
}
