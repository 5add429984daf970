/**
 * Arabic light stemming for search, after Larkey, Ballesteros and Connell's "light10" (2007): the
 * article and common suffixes come off. light10 lets a suffix leave two letters; here three must
 * remain, so عمان is not عم (uncle) and لبنان without its ل is not بن (son). No library does this
 * for us: the Snowball Arabic stemmer (in @orama/stemmers) keeps وال and لـ (والأرمينية, ليريفان)
 * and folds a word with and without its ة differently (docs/adr/0006-search-in-sqlite-fts5.md).
 *
 * A leading و or ف may be the conjunction (وروسيا) or the word's own first letter (وزير, فرنسا),
 * and a leading ب، ل or ك a preposition (بروسيا) or the word's own (لبنان); no light stemmer can tell.
 * So a word has up to three forms, as written and without the letter, and the index holds them all
 * while a query asks for any of them: وزير finds الوزير, and روسيا finds وروسيا, with no word cut
 * short everywhere. Words reach these functions folded by `foldWord` (analyze.ts): أ إ آ ٱ are ا,
 * ة is ه and ى is ي.
 */

const ARTICLES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'];
const SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'];
const CONJUNCTION = /^[وف]/;
const PREPOSITION = /^[بلك]/;

function withoutArticle(word: string): string {
  const article = ARTICLES.find((prefix) => word.startsWith(prefix) && word.length - prefix.length >= 2);
  return article ? word.slice(article.length) : word;
}

/** light10's suffixes, each in turn, while three letters remain. */
function withoutSuffixes(word: string): string {
  let stem = word;
  for (const suffix of SUFFIXES) {
    if (stem.endsWith(suffix) && stem.length - suffix.length >= 3) stem = stem.slice(0, -suffix.length);
  }
  return stem;
}

/** The word without article and suffixes, then without a leading conjunction or preposition: primary form first. */
export function stemArabic(word: string): string[] {
  const forms = new Set([withoutSuffixes(withoutArticle(word))]);
  const afterConjunction = CONJUNCTION.test(word) && word.length > 3 ? word.slice(1) : word;
  if (afterConjunction !== word) forms.add(withoutSuffixes(withoutArticle(afterConjunction)));
  // A preposition before a noun without the article, where four letters remain (بروسيا, ليريفان).
  if (
    withoutArticle(afterConjunction) === afterConjunction &&
    PREPOSITION.test(afterConjunction) &&
    afterConjunction.length - 1 >= 4
  ) {
    forms.add(withoutSuffixes(afterConjunction.slice(1)));
  }
  return [...forms];
}
