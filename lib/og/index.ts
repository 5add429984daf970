/**
 * Share-image text: HarfBuzz shaping + Unicode bidi + wrapping, drawn as SVG glyph outlines.
 *
 *   const fonts = await loadOgFonts();
 *   const layout = fitParagraph(title, { font: fonts.bold, maxWidth: 1040, maxLines: 3, sizes: [64, 56, 48],
 * baseDirection: 'rtl' }); const { svg, width, height } = linesToSvg(layout, { color: '#111', width: 1040 });
 *   <img src={svgToDataUri(svg)} width={width} height={height} />
 */
export { loadOgFonts } from './fonts';
export type { OgFace, OgFontStack, OgFonts, OgWeight } from './fonts';
export { sanitizeText } from './sanitize';
export { layoutParagraph, fitParagraph, ELLIPSIS } from './text-layout';
export type {
  BaseDirection,
  FitOptions,
  LaidOutGlyph,
  LaidOutLine,
  LaidOutRun,
  LayoutOptions,
  ParagraphLayout,
} from './text-layout';
export { linesToSvg, linesToSvgGroup, svgToDataUri } from './svg';
export type { SvgOptions, SvgResult } from './svg';
export { renderShareCardSvg, shareCardVersion, SHARE_CARD_SIZE } from './card';
export type { ShareCard, ShareCardText } from './card';
