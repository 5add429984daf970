/**
 * Cleans text before shaping: whatever no face of the stack can draw (emoji, flags, keycaps, rare
 * symbols) is dropped as a whole grapheme, with its ZWJ / variation selectors / modifiers, so it
 * never turns into a tofu box (glyph 0). White space is normalised and collapsed.
 */
import type { OgFontStack } from './fonts';

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/** Invisible format characters (ZWJ, ZWNJ, bidi marks, variation selectors...). */
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
/** Anything that asks for emoji presentation: such a grapheme is an emoji even if a face maps its base. */
const EMOJI_MARKER = /[\p{Emoji_Presentation}\p{Emoji_Modifier}\p{Regional_Indicator}\uFE0F\u20E3\u{E0020}-\u{E007F}]/u;
/** Variation selectors and tag characters: dropped from kept graphemes (text presentation is implied). */
const STRIP = /[\uFE00-\uFE0F\u{E0100}-\u{E01EF}\u{E0000}-\u{E007F}]/gu;
/** Breaking white space of any kind becomes a plain space. NBSP/NNBSP are handled separately. */
const BREAKING_SPACE = /[\t\n\v\f\r \u0085\u1680\u2000-\u200A\u2028\u2029\u205F\u3000]/g;
const NO_BREAK_SPACE = /[\u00A0\u202F]/g;

/** True when the stack can draw this grapheme (ignorable characters do not count). */
function drawable(grapheme: string, stack: OgFontStack): boolean {
  if (EMOJI_MARKER.test(grapheme)) return false;
  for (const ch of grapheme) {
    if (IGNORABLE.test(ch)) continue;
    if (stack.faceIndexFor(ch.codePointAt(0)!) < 0) return false;
  }
  return true;
}

/**
 * Normalise `text` for shaping with `stack`: NFC, one kind of breaking space, undrawable graphemes
 * removed, runs of spaces collapsed, trimmed. The result may be empty.
 */
export function sanitizeText(text: string, stack: OgFontStack): string {
  let t = text
    .normalize('NFC')
    .replace(/\uFEFF/g, '')
    .replace(BREAKING_SPACE, ' ');
  t = t.replace(NO_BREAK_SPACE, (ch) => (stack.faceIndexFor(ch.codePointAt(0)!) >= 0 ? ch : ' '));
  let out = '';
  for (const { segment } of graphemes.segment(t)) {
    if (segment === ' ' || drawable(segment, stack)) out += segment;
  }
  return out.replace(STRIP, '').replace(/ {2,}/g, ' ').trim();
}
