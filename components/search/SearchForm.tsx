import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/locales';
import { paths } from '@/lib/paths';
import { MAX_QUERY_LENGTH } from '@/lib/search/query';
import { pageHref } from '@/components/lite/render-mode';

interface Props {
  locale: Locale;
  /** The query the results page shows back. */
  query?: string;
  /** `site-search` in the header; the results page's form fills its column. */
  className: string;
}

/** A plain GET form: it searches without JavaScript, and its results have an address to share. */
export async function SearchForm({ locale, query, className }: Props) {
  const t = await getTranslations({ locale, namespace: 'search' });
  return (
    <form role="search" action={pageHref(paths.search(locale))} className={className}>
      <input
        type="search"
        name="q"
        defaultValue={query}
        maxLength={MAX_QUERY_LENGTH}
        aria-label={t('label')}
        placeholder={t('placeholder')}
        enterKeyHint="search"
        className="search-field"
      />
      <button className="search-submit">{t('submit')}</button>
    </form>
  );
}
