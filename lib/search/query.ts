/**
 * A reader's query, made safe and cheap before it reaches the index: capped in length and in words,
 * bidi controls and markup treated as the plain characters they are, and turned into an FTS5
 * expression of quoted terms (every word must match, in any of its forms), so no operator a reader
 * types reaches SQLite.
 */
import { terms } from './analyze';

/** Longer than any headline a reader would paste; the form's input says so too. */
export const MAX_QUERY_LENGTH = 200;
/** Each word is one to three doclists FTS5 walks: the cost of a query grows with their number. */
export const MAX_QUERY_TERMS = 8;
/** Matches counted, and paged through, at most: "more than 1,000" is all a reader needs, and counting on costs. */
export const SEARCH_COUNT_CAP = 1000;

export interface SearchQuery {
  /** The query as the page shows it back: trimmed, capped, without bidi controls. */
  text: string;
  /** The distinct words searched for, at most MAX_QUERY_TERMS, each as the forms any of which may match. */
  words: string[][];
  /** Whether words beyond the cap were left out. */
  truncated: boolean;
}

const LONE_ARABIC_LETTER = /^\p{Script=Arabic}$/u;
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The `q` of a search URL, whatever a client sent: missing, repeated, or 10,000 characters long. */
export function parseQuery(raw: string | string[] | undefined): SearchQuery {
  const first = Array.isArray(raw) ? raw[0] : raw;
  const cleaned = (first ?? '').replace(BIDI_CONTROLS, '').replace(/\s+/g, ' ').trim();
  const characters = Array.from(cleaned);
  const text = characters.slice(0, MAX_QUERY_LENGTH).join('').trim();
  // A lone Arabic letter is a prefix or suffix cut off a number or a Latin word (و2022، 2023م، بـCSTO):
  // searched for, it would demand the letter rather than the word.
  const searched = terms(text).filter(
    (found) => !(found.end - found.start <= 2 && LONE_ARABIC_LETTER.test(found.forms[0])),
  );
  const distinct = new Map(searched.map((found) => [found.forms.join(' '), found.forms]));
  const words = [...distinct.values()];
  return {
    text,
    words: words.slice(0, MAX_QUERY_TERMS),
    truncated: words.length > MAX_QUERY_TERMS || characters.length > MAX_QUERY_LENGTH,
  };
}

const quoted = (term: string) => `"${term.replaceAll('"', '""')}"`;

/** The FTS5 MATCH expression for a query's words: every word required, any of its forms will do. */
export function matchExpression(words: string[][]): string {
  return words
    .map((forms) => (forms.length === 1 ? quoted(forms[0]) : `(${forms.map(quoted).join(' OR ')})`))
    .join(' AND ');
}
