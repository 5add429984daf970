/**
 * Fonts for share images, shaped with HarfBuzz (harfbuzzjs).
 *
 * Everything here is loaded once per process and kept in module scope: the WASM instance, the
 * TTF bytes, HarfBuzz blobs/faces/fonts and the per-glyph caches (coverage, outlines).
 *
 * Each edition lists its faces in the registry (lib/locales.ts `shareCardFaces`). The first is the
 * edition's headline face (Noto Kufi Arabic, Vazirmatn), whose TTF covers basic Latin letters, digits
 * and punctuation as well, so it shapes mixed headlines on its own; Noto Sans follows for whatever it
 * lacks (Greek, Cyrillic, most symbols). A character goes to the first face of the stack that maps it.
 *
 * HarfBuzz reads TTF/OTF only (not WOFF/WOFF2), hence the @expo-google-fonts TTFs rather than the
 * @fontsource WOFF files.
 */
import fs from 'node:fs';
import path from 'node:path';
import type * as HarfBuzz from 'harfbuzzjs';
import { defaultLocale, editions, type Locale } from '../locales';

export type HB = typeof HarfBuzz;
type HbFont = InstanceType<HB['Font']>;
type HbFace = InstanceType<HB['Face']>;
type HbBlob = InstanceType<HB['Blob']>;

export type OgWeight = 'bold' | 'regular';

/** A path command of a glyph outline in font units (y up), as HarfBuzz draws it. */
export interface GlyphPathCommand {
  type: string;
  values: number[];
}

/** One font file, ready to shape. Metrics are in font units unless said otherwise. */
export interface OgFace {
  /** Short name used in layouts and tests, the TTF file name, e.g. "NotoKufiArabic_700Bold". */
  readonly name: string;
  /** Absolute path of the TTF the face was read from. */
  readonly file: string;
  readonly upem: number;
  /** hhea/OS2 ascender, font units (positive, up). */
  readonly ascender: number;
  /** hhea/OS2 descender, font units (negative, down). */
  readonly descender: number;
  /** The HarfBuzz font (scale = upem, so shaping results are in font units). */
  readonly hbFont: HbFont;
  /** Glyph id for a code point, or 0 when the face does not map it. Cached. */
  glyphFor(codePoint: number): number;
  /** Outline of a glyph in font units (y up). Cached. Empty for blank glyphs such as space. */
  glyphPath(glyphId: number): readonly GlyphPathCommand[];
  /**
   * Shape `text[start, end)` as one run, with the rest of `text` as context (so Arabic letters at the
   * cut keep the joining form their neighbours call for). Results are in font units; `cluster` is
   * the UTF-16 index into `text` of the glyph's first character. Glyphs come in visual order
   * (right-to-left runs are returned left to right, as HarfBuzz does).
   */
  shape(text: string, start: number, end: number, rtl: boolean): ShapedGlyph[];
}

/** One glyph out of HarfBuzz, in font units. */
export interface ShapedGlyph {
  glyphId: number;
  cluster: number;
  xAdvance: number;
  xOffset: number;
  yOffset: number;
}

/** An ordered list of faces: a character is shaped with the first face that maps it. */
export interface OgFontStack {
  readonly weight: OgWeight;
  readonly faces: readonly OgFace[];
  /** Largest ascender over the faces, in em (fraction of the font size). */
  readonly ascenderEm: number;
  /** Largest descender depth over the faces, in em, as a positive number. */
  readonly descenderEm: number;
  /** Index into `faces` of the first face mapping the code point, or -1 if none does. Cached. */
  faceIndexFor(codePoint: number): number;
}

/**
 * An edition's share-card faces, e.g. Noto Kufi Arabic then Noto Sans for Arabic, Vazirmatn then Noto Sans for Persian.
 */
export interface OgFonts {
  /** Headline, brand and section. */
  bold: OgFontStack;
  /** Small text (date line). */
  regular: OgFontStack;
}

/**
 * The one place that turns a node_modules-relative file into an absolute path. The Next server
 * runs with the project root as cwd, and so do vitest and tsx scripts.
 */
function resolveFontFile(relativeToNodeModules: string): string {
  return path.join(process.cwd(), 'node_modules', ...relativeToNodeModules.split('/'));
}

// Keep references to every HarfBuzz object we create: harfbuzzjs frees the native side when the
// JS wrapper is garbage collected, and a face must not outlive its blob.
const keepAlive: Array<HbBlob | HbFace | HbFont> = [];

let hbPromise: Promise<HB> | undefined;
let sharedBuffer: InstanceType<HB['Buffer']> | undefined;

/**
 * Load harfbuzzjs once. Its entry module instantiates the WASM with a top-level await, reading
 * `harfbuzz.wasm` next to itself (via import.meta.url), so it must run as a real node_modules
 * package: plain Node/vitest do that; in Next list it in `serverExternalPackages`.
 */
function loadHarfBuzz(): Promise<HB> {
  if (!hbPromise) {
    hbPromise = import('harfbuzzjs').then((mod) => mod);
    hbPromise.catch(() => {
      hbPromise = undefined; // allow a retry after a failed load
    });
  }
  return hbPromise;
}

function createFace(hb: HB, name: string, file: string): OgFace {
  const bytes = fs.readFileSync(file);
  const blob = new hb.Blob(bytes);
  const face = new hb.Face(blob, 0);
  const font = new hb.Font(face);
  keepAlive.push(blob, face, font);
  const upem = face.upem;
  const extents = font.hExtents();
  const coverage = new Map<number, number>();
  const paths = new Map<number, readonly GlyphPathCommand[]>();
  return {
    name,
    file,
    upem,
    ascender: extents.ascender,
    descender: extents.descender,
    hbFont: font,
    glyphFor(codePoint) {
      let id = coverage.get(codePoint);
      if (id === undefined) {
        id = font.nominalGlyph(codePoint) ?? 0;
        coverage.set(codePoint, id);
      }
      return id;
    },
    shape(text, start, end, rtl) {
      // Shaping is synchronous, so one buffer per process is enough.
      const buffer = (sharedBuffer ??= new hb.Buffer());
      buffer.reset();
      buffer.setDirection(rtl ? hb.Direction.RTL : hb.Direction.LTR);
      buffer.addText(text, start, end - start);
      buffer.guessSegmentProperties(); // script (and language) only: direction is already set
      hb.shape(font, buffer);
      const out = buffer.getGlyphInfosAndPositions();
      const glyphs = new Array<ShapedGlyph>(out.length);
      for (let i = 0; i < out.length; i++) {
        const g = out[i];
        glyphs[i] = {
          glyphId: g.codepoint,
          cluster: g.cluster,
          xAdvance: g.xAdvance ?? 0,
          xOffset: g.xOffset ?? 0,
          yOffset: g.yOffset ?? 0,
        };
      }
      return glyphs;
    },
    glyphPath(glyphId) {
      let cmds = paths.get(glyphId);
      if (!cmds) {
        cmds = font.glyphToJson(glyphId);
        paths.set(glyphId, cmds);
      }
      return cmds;
    },
  };
}

function createStack(weight: OgWeight, faces: OgFace[]): OgFontStack {
  const faceIndex = new Map<number, number>();
  return {
    weight,
    faces,
    ascenderEm: Math.max(...faces.map((f) => f.ascender / f.upem)),
    descenderEm: Math.max(...faces.map((f) => -f.descender / f.upem)),
    faceIndexFor(codePoint) {
      let idx = faceIndex.get(codePoint);
      if (idx === undefined) {
        idx = faces.findIndex((f) => f.glyphFor(codePoint) !== 0);
        faceIndex.set(codePoint, idx);
      }
      return idx;
    },
  };
}

const fontsByEdition = new Map<Locale, Promise<OgFonts>>();
/** One face per file, whichever editions' stacks share it (Noto Sans, say). */
const facesByFile = new Map<string, OgFace>();

function faceOf(hb: HB, relativeToNodeModules: string): OgFace {
  let face = facesByFile.get(relativeToNodeModules);
  if (!face) {
    face = createFace(hb, path.basename(relativeToNodeModules, '.ttf'), resolveFontFile(relativeToNodeModules));
    facesByFile.set(relativeToNodeModules, face);
  }
  return face;
}

/** Load HarfBuzz and an edition's share-card faces (the registry's `shareCardFaces`), once per process. */
export function loadOgFonts(locale: Locale = defaultLocale): Promise<OgFonts> {
  let fonts = fontsByEdition.get(locale);
  if (!fonts) {
    fonts = (async () => {
      const hb = await loadHarfBuzz();
      const files = editions[locale].shareCardFaces;
      const build = (weight: OgWeight) =>
        createStack(
          weight,
          files[weight].map((file) => faceOf(hb, file)),
        );
      return { bold: build('bold'), regular: build('regular') };
    })();
    fonts.catch(() => fontsByEdition.delete(locale));
    fontsByEdition.set(locale, fonts);
  }
  return fonts;
}
