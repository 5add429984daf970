/** Longer than any headline a reader would paste; the search form's input says so too (kept apart from the analyzer, so a form costs the browser no stemmer). */
export const MAX_QUERY_LENGTH = 200;
