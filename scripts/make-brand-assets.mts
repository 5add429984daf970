/**
 * Draws Sahifa's wordmark and icon from the headline face, with the share-image text engine
 * (so the Arabic is shaped and joined), and writes them as PNG files:
 *   public/brand/logo.png  600×60, the publisher logo in the NewsArticle JSON-LD
 *   app/icon.png           512×512, the favicon and touch icon
 * Run: npx tsx scripts/make-brand-assets.mts
 */
import sharp from 'sharp';
import { layoutParagraph, linesToSvgGroup, loadOgFonts } from '../lib/og';
import fs from 'node:fs';

const ar = JSON.parse(fs.readFileSync('messages/ar.json', 'utf8'));

const ACCENT = '#9c1c1f';
const PAPER = '#fbfaf7';

/** `lift` moves the text up: the face's box reserves room for marks a single letter does not have. */
async function drawCentered(
  text: string,
  width: number,
  height: number,
  fontSize: number,
  color: string,
  background: string,
  lift = 0,
) {
  const fonts = await loadOgFonts();
  const layout = layoutParagraph(text, {
    font: fonts.bold,
    fontSize,
    maxWidth: width,
    maxLines: 1,
    baseDirection: 'rtl',
    lineHeight: 1.2,
  });
  const group = linesToSvgGroup(layout, { color, width: Math.ceil(layout.width) });
  const x = (width - group.width) / 2;
  const y = (height - group.height) / 2 - lift;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width}" height="${height}" fill="${background}"/><g transform="translate(${x} ${y})">${group.svg}</g></svg>`;
  return sharp(Buffer.from(svg)).png({ compressionLevel: 9 });
}

await (await drawCentered(ar.site.name, 600, 60, 40, ACCENT, PAPER)).toFile('public/brand/logo.png');
await (await drawCentered(ar.site.name.slice(0, 1), 512, 512, 330, PAPER, ACCENT, 70)).toFile('app/icon.png');
console.log('wrote public/brand/logo.png and app/icon.png');
