/**
 * The 1200×630 share card, drawn as one SVG of glyph outlines: brand and section on top, the
 * headline in the middle (up to three lines, sized to fit, then an ellipsis), the date line below.
 * Everything sits on the start side of the card's direction, so Arabic cards read from the right.
 */
import { createHash } from 'node:crypto';
import { editions, type Locale } from '../locales';
import { loadOgFonts } from './fonts';
import { linesToSvgGroup, type SvgResult } from './svg';
import { fitParagraph, layoutParagraph, type BaseDirection, type ParagraphLayout } from './text-layout';

export const SHARE_CARD_SIZE = { width: 1200, height: 630 } as const;

/** Bump when the card's design changes, so every card URL changes with it. */
const CARD_DESIGN = 'card-1';

const MARGIN = 72;
const CONTENT_WIDTH = SHARE_CARD_SIZE.width - 2 * MARGIN;
const HEADLINE_TOP = 150;
/** Where the headline's box ends, the rule under it and the footer line: higher up on a card with a band. */
const PLAIN_LAYOUT = { headlineBottom: 510, rule: 530, footer: 548 };
const BANDED_LAYOUT = { headlineBottom: 430, rule: 450, footer: 466 };
/**
 * The age band runs across the card's foot, its words in the middle: a chat that crops the card to a square
 * around its centre still shows them whole.
 */
const BAND = { top: 536, height: 94, fontSize: 36 };
const HEADLINE_SIZES = [84, 76, 68, 62, 56, 50, 46];

const BADGE_PADDING = 18;
const BADGE_GAP = 20;
const COLORS = { paper: '#fbfaf7', ink: '#1b1b1b', accent: '#9c1c1f', muted: '#52524e', rule: '#dcd6cb' };

export interface ShareCardText {
  /** The edition the card speaks for: its direction and its share-card faces. */
  locale: Locale;
  brand: string;
  /** Above the headline, on the side opposite the brand: the section, or nothing. */
  kicker?: string;
  /** A badge in the accent colour at the start of the footer line, before the date: a live page's "LIVE". */
  badge?: string;
  /** Words in a band across the card's foot: an old story's age. */
  band?: string;
  headline: string;
  /** Used when the headline has nothing drawable left (all emoji, say). */
  fallbackHeadline: string;
  footer: string;
}

/** A short fingerprint of everything that can be drawn: it changes when the headline, date or design does. */
export function shareCardVersion(card: ShareCardText): string {
  return createHash('sha256')
    .update(
      [
        CARD_DESIGN,
        card.locale,
        card.brand,
        card.kicker ?? '',
        card.badge ?? '',
        card.band ?? '',
        card.headline,
        card.fallbackHeadline,
        card.footer,
      ].join('\u0000'),
    )
    .digest('hex')
    .slice(0, 12);
}

function place(block: SvgResult, x: number, y: number): string {
  return `<g transform="translate(${Math.round(x)} ${Math.round(y)})">${block.svg}</g>`;
}

/** x of a block of the given width on the start (or end) side of the card. */
function sideX(direction: BaseDirection, width: number, side: 'start' | 'end'): number {
  const atRight = (direction === 'rtl') === (side === 'start');
  return atRight ? SHARE_CARD_SIZE.width - MARGIN - width : MARGIN;
}

/** One line of text, its box as wide as the text, so it can sit on either side of the card. */
function singleLine(
  text: string,
  font: Parameters<typeof layoutParagraph>[1]['font'],
  fontSize: number,
  direction: BaseDirection,
  maxWidth: number,
  color: string,
): SvgResult {
  const layout: ParagraphLayout = layoutParagraph(text, {
    font,
    fontSize,
    maxWidth,
    maxLines: 1,
    baseDirection: direction,
    lineHeight: 1.3,
  });
  return linesToSvgGroup(layout, { color, width: Math.ceil(layout.width) });
}

export interface ShareCard {
  svg: string;
  /** Font size the headline was set at, and whether it had to be cut short. */
  headlineSize: number;
  truncated: boolean;
}

export async function renderShareCardSvg(card: ShareCardText): Promise<ShareCard> {
  const fonts = await loadOgFonts(card.locale);
  const { dir: direction } = editions[card.locale];
  const layout = card.band ? BANDED_LAYOUT : PLAIN_LAYOUT;
  const headlineBox = layout.headlineBottom - HEADLINE_TOP;
  const fit = (text: string) =>
    fitParagraph(text, {
      font: fonts.bold,
      maxWidth: CONTENT_WIDTH,
      maxHeight: headlineBox,
      maxLines: 3,
      sizes: HEADLINE_SIZES,
      baseDirection: direction,
      lineHeight: 1.5,
    });
  let headline = fit(card.headline);
  if (headline.lines.length === 0) headline = fit(card.fallbackHeadline);

  const brand = singleLine(card.brand, fonts.bold, 46, direction, CONTENT_WIDTH / 2, COLORS.accent);
  const parts = [
    `<rect width="${SHARE_CARD_SIZE.width}" height="${SHARE_CARD_SIZE.height}" fill="${COLORS.paper}"/>`,
    `<rect width="${SHARE_CARD_SIZE.width}" height="14" fill="${COLORS.accent}"/>`,
    place(brand, sideX(direction, brand.width, 'start'), 44),
  ];
  if (card.kicker) {
    const kicker = singleLine(card.kicker, fonts.bold, 30, direction, CONTENT_WIDTH / 2, COLORS.muted);
    parts.push(place(kicker, sideX(direction, kicker.width, 'end'), 58));
  }
  const headlineSvg = linesToSvgGroup(headline, { color: COLORS.ink, width: CONTENT_WIDTH });
  parts.push(place(headlineSvg, MARGIN, HEADLINE_TOP + Math.max(0, (headlineBox - headlineSvg.height) / 2)));
  parts.push(`<rect x="${MARGIN}" y="${layout.rule}" width="${CONTENT_WIDTH}" height="2" fill="${COLORS.rule}"/>`);
  let footerStart = 0;
  if (card.badge) {
    const badge = singleLine(card.badge, fonts.bold, 30, direction, CONTENT_WIDTH / 3, COLORS.paper);
    const box = { width: badge.width + 2 * BADGE_PADDING, height: 56 };
    const x = sideX(direction, box.width, 'start');
    parts.push(
      `<rect x="${Math.round(x)}" y="${layout.footer - 2}" width="${Math.ceil(box.width)}" height="${box.height}" rx="6" fill="${COLORS.accent}"/>`,
    );
    parts.push(place(badge, x + BADGE_PADDING, layout.footer));
    footerStart = box.width + BADGE_GAP;
  }
  const footer = singleLine(card.footer, fonts.regular, 30, direction, CONTENT_WIDTH - footerStart, COLORS.muted);
  const footerX = sideX(direction, footer.width, 'start');
  parts.push(place(footer, direction === 'rtl' ? footerX - footerStart : footerX + footerStart, layout.footer));
  if (card.band) {
    const band = singleLine(card.band, fonts.bold, BAND.fontSize, direction, CONTENT_WIDTH, COLORS.paper);
    parts.push(`<rect y="${BAND.top}" width="${SHARE_CARD_SIZE.width}" height="${BAND.height}" fill="${COLORS.ink}"/>`);
    parts.push(place(band, (SHARE_CARD_SIZE.width - band.width) / 2, BAND.top + (BAND.height - band.height) / 2));
  }

  const { width, height } = SHARE_CARD_SIZE;
  return {
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`,
    headlineSize: headline.fontSize,
    truncated: headline.truncated,
  };
}
