/**
 * Arabic light stemming for search, in the manner of Larkey, Ballesteros and Connell's "light10"
 * (2007): strip the conjunction, the article and a bare preposition from the front and common
 * suffixes from the end, never leaving fewer than two letters. No library does this for us: the
 * Snowball Arabic stemmer (in @orama/stemmers) keeps وال and لـ (والأرمينية, ليريفان) and strips
 * the ف of فرانس (docs/adr/0006-search-in-sqlite-fts5.md). Words reach it already folded by
 * `foldWord` (analyze.ts), so أ إ آ ٱ are ا, ة is ه and ى is ي.
 */

const ARTICLES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'];
const SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'];

export function stemArabic(word: string): string {
  let stem = word;
  // "and" / "so": و and ف before a word of three letters or more.
  if ((stem.startsWith('و') || stem.startsWith('ف')) && stem.length > 3) stem = stem.slice(1);
  const article = ARTICLES.find((prefix) => stem.startsWith(prefix) && stem.length - prefix.length >= 2);
  if (article) stem = stem.slice(article.length);
  // بـ، لـ، كـ before a noun without the article (بروسيا، ليريفان), only where four letters remain,
  // so short words (كتاب، بلد) keep their first letter.
  else if (/^[بلك]/.test(stem) && stem.length - 1 >= 4) stem = stem.slice(1);
  for (const suffix of SUFFIXES) {
    if (stem.endsWith(suffix) && stem.length - suffix.length >= 2) stem = stem.slice(0, -suffix.length);
  }
  return stem;
}
