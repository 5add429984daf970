/**
 * How text becomes search terms, the same way for the index and for a query, in every edition:
 * words are split on anything that is not a letter, mark or digit; folded (case, diacritics and
 * harakat, hamza carriers, alef madda and wasla, ta marbuta, alef maqsura, tatweel, Arabic-Indic
 * digits); then stemmed by their script: Arabic script by `stemArabic`, Latin script by the
 * Porter stemmer of @orama/stemmers. A word changes script or turns to digits only at a word
 * boundary here (بـCSTO, 2023م, و2022), so Latin words and digits inside Arabic text get the same
 * treatment as in English text and match in either edition.
 */
import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemArabic } from './arabic';

export interface Term {
  /** The word as the index holds it: its stem, and the other forms it may stand for (arabic.ts). */
  forms: string[];
  /** Where the word stands in the text it came from (UTF-16 offsets), for highlighting. */
  start: number;
  end: number;
}

// A run of digits, of Latin letters, or of Arabic letters (the tatweel and ZWNJ/ZWJ, which join
// the parts of one Persian word, within it), or of letters of any other script; marks stay with
// the letters they sit on.
const WORD = /\p{N}+|[\p{Script=Latin}\p{M}]+|[\p{Script=Arabic}\p{M}\u0640\u200c\u200d]+|[\p{L}\p{M}]+/gu;
const ARABIC_SCRIPT = /\p{Script=Arabic}/u;
const LATIN_SCRIPT = /\p{Script=Latin}/u;
/** After NFKD, every combining mark goes: Latin accents, harakat, and the hamza and madda over a carrier. */
const MARKS_AND_JOINERS = /[\p{M}\u0640\u200c\u200d]/gu;
const ARABIC_INDIC_DIGIT = /[\u0660-\u0669\u06f0-\u06f9]/g;
const LETTER_FOLDS: Record<string, string> = { '\u0671': 'ا', ة: 'ه', ى: 'ي', ی: 'ي', ک: 'ك', ۀ: 'ه' };
const LETTER_TO_FOLD = /[\u0671ةىیکۀ]/g;

/** One word as every spelling of it compares: the normalization of the index and of queries. */
export function foldWord(word: string): string {
  return word
    .normalize('NFKD')
    .replace(MARKS_AND_JOINERS, '')
    .replace(LETTER_TO_FOLD, (letter) => LETTER_FOLDS[letter])
    .replace(ARABIC_INDIC_DIGIT, (digit) => String(digit.charCodeAt(0) & 0xf))
    .toLowerCase();
}

/** A folded word's forms, by its script. */
function stems(folded: string): string[] {
  if (ARABIC_SCRIPT.test(folded)) return stemArabic(folded);
  if (LATIN_SCRIPT.test(folded)) return [stemEnglish(folded)];
  return [folded];
}

/**
 * The forms of words as written, remembered: news text repeats its words, and folding and stemming
 * are most of what indexing a story costs (docs/adr/0006-search-in-sqlite-fts5.md). Emptied when full.
 */
const formsOfWritten = new Map<string, string[]>();
const REMEMBERED_WORDS = 50_000;

function formsOf(written: string): string[] {
  let forms = formsOfWritten.get(written);
  if (!forms) {
    const folded = foldWord(written);
    forms = folded ? stems(folded) : [];
    if (formsOfWritten.size >= REMEMBERED_WORDS) formsOfWritten.clear();
    formsOfWritten.set(written, forms);
  }
  return forms;
}

/** Every word of `text` with its forms and place. */
export function terms(text: string): Term[] {
  const found: Term[] = [];
  for (const match of text.matchAll(WORD)) {
    const forms = formsOf(match[0]);
    if (forms.length) found.push({ forms, start: match.index, end: match.index + match[0].length });
  }
  return found;
}

/** What the full-text index stores for a text: every form of its words, separated by spaces. */
export function indexText(text: string): string {
  const forms: string[] = [];
  for (const match of text.matchAll(WORD)) forms.push(...formsOf(match[0]));
  return forms.join(' ');
}

export interface Segment {
  text: string;
  /** Whether this stretch is a word the query asked for. */
  match: boolean;
}

/** `text` cut into stretches, the words with a form in `wanted` standing alone: for <mark>. */
export function highlight(text: string, wanted: ReadonlySet<string>): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const found of terms(text)) {
    if (!found.forms.some((form) => wanted.has(form))) continue;
    if (found.start > at) segments.push({ text: text.slice(at, found.start), match: false });
    segments.push({ text: text.slice(found.start, found.end), match: true });
    at = found.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), match: false });
  return segments;
}
