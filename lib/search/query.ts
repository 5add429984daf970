/**
 * A reader's query, made safe and cheap before it reaches the index: capped in length and in words,
 * bidi controls and markup treated as the plain characters they are, and turned into an FTS5
 * expression of quoted terms (all must match), so no operator a reader types reaches SQLite.
 */
import { terms } from './analyze';

/** Longer than any headline a reader would paste; the form's input says so too. */
export const MAX_QUERY_LENGTH = 200;
/** Each term is one doclist FTS5 walks: the cost of a query grows with their number. */
export const MAX_QUERY_TERMS = 8;
/** Matches counted, and paged through, at most: "more than 1,000" is all a reader needs, and counting on costs. */
export const SEARCH_COUNT_CAP = 1000;

export interface SearchQuery {
  /** The query as the page shows it back: trimmed, capped, without bidi controls. */
  text: string;
  /** The distinct terms searched for, at most MAX_QUERY_TERMS. */
  terms: string[];
  /** Whether words beyond the cap were left out. */
  truncated: boolean;
}

const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The `q` of a search URL, whatever a client sent: missing, repeated, or 10,000 characters long. */
export function parseQuery(raw: string | string[] | undefined): SearchQuery {
  const first = Array.isArray(raw) ? raw[0] : raw;
  const cleaned = (first ?? '').replace(BIDI_CONTROLS, '').replace(/\s+/g, ' ').trim();
  const characters = Array.from(cleaned);
  const text = characters.slice(0, MAX_QUERY_LENGTH).join('').trim();
  const distinct = [...new Set(terms(text).map((found) => found.term))];
  return { text, terms: distinct.slice(0, MAX_QUERY_TERMS), truncated: distinct.length > MAX_QUERY_TERMS || characters.length > MAX_QUERY_LENGTH };
}

/** The FTS5 MATCH expression for a query's terms: each one quoted, all required. */
export function matchExpression(queryTerms: string[]): string {
  return queryTerms.map((term) => `"${term.replaceAll('"', '""')}"`).join(' ');
}
