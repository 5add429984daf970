import type { Locale } from '@/lib/locales';
import { paths } from '@/lib/paths';
import { MAX_QUERY_LENGTH } from '@/lib/search/limits';

export interface SearchFormText {
  label: string;
  placeholder: string;
  submit: string;
}

interface Props {
  locale: Locale;
  text: SearchFormText;
  /** The query the results page shows back. */
  query?: string;
  /** `site-search` in the header; the results page's form fills its column. */
  className: string;
}

/**
 * A plain GET form: it searches without JavaScript, and its results have an address to share.
 * Its words come as props, so the error page (a client component) draws the same form.
 */
export function SearchForm({ locale, text, query, className }: Props) {
  return (
    <form role="search" action={paths.search(locale)} className={className}>
      <input type="search" name="q" defaultValue={query} maxLength={MAX_QUERY_LENGTH} aria-label={text.label} placeholder={text.placeholder} enterKeyHint="search" className="search-field" />
      <button className="search-submit">{text.submit}</button>
    </form>
  );
}
