/**
 * Explicit bidi controls in one-line story text (headline, summary, tags, authors, sources, picture
 * alt, caption and credit). These strings leave their page: they go into <title> after the
 * headline's own words and before the site's name, into feed readers' lists, cards beside other
 * stories and the share image. An unclosed control there reorders text that is not the story's.
 *
 * - Overrides (LRO U+202D, RLO U+202E) are dropped. They make characters show in an order other
 *   than the one typed, which is the spoofing trick ("Trojan Source", CVE-2021-42574) and never
 *   what a headline needs.
 * - Embeddings (LRE U+202A, RLE U+202B) become isolates of the same direction (LRI, RLI): Arabic
 *   copy pasted from word processors carries them around Latin names and numbers, and an isolate
 *   keeps that grouping while it cannot change the order of anything around it.
 * - Isolates (LRI, RLI, FSI) are kept; every closer (PDF, PDI) without an opener is dropped, and
 *   whatever is still open at the end is closed, so each string is balanced on its own.
 *
 * Matching follows the Unicode bidi algorithm (UAX #9, X6a and X7): a PDI closes the nearest open
 * isolate and every embedding or override opened inside it; a PDF closes the last embedding or
 * override unless an isolate was opened after it. Marks (LRM, RLM, ALM) and the joiners Arabic
 * and Persian shaping needs (ZWNJ, ZWJ) are not controls of this kind and stay as they are.
 *
 * The body is left alone: each block of Markdown is a bidi paragraph of its own, so a control
 * there cannot reach beyond its paragraph, and the writer of a body can word a link as they like.
 */
export const LRE = '\u202A';
export const RLE = '\u202B';
export const PDF = '\u202C';
export const LRO = '\u202D';
export const RLO = '\u202E';
export const LRI = '\u2066';
export const RLI = '\u2067';
export const FSI = '\u2068';
export const PDI = '\u2069';

const EXPLICIT_BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/g;

/** What an opener still open became: an isolate in the text (it needs a PDI) or nothing (an override). */
type Opened = 'isolate' | 'embedding' | 'override';

export function containBidiControls(text: string): string {
  const open: Opened[] = [];
  const closersFor = (closed: Opened[]) => PDI.repeat(closed.filter((opener) => opener !== 'override').length);
  const contained = text.replace(EXPLICIT_BIDI_CONTROL, (control) => {
    switch (control) {
      case LRO:
      case RLO:
        open.push('override');
        return '';
      case LRE:
      case RLE:
        open.push('embedding');
        return control === LRE ? LRI : RLI;
      case PDF: {
        const last = open.at(-1);
        if (last === undefined || last === 'isolate') return '';
        open.pop();
        return closersFor([last]);
      }
      case PDI: {
        const isolateAt = open.lastIndexOf('isolate');
        return isolateAt < 0 ? '' : closersFor(open.splice(isolateAt));
      }
      default:
        open.push('isolate');
        return control;
    }
  });
  return contained + closersFor(open);
}
