import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/locales';
import { paths } from '@/lib/paths';
import { MAX_QUERY_LENGTH } from '@/lib/search/query';

interface Props {
  locale: Locale;
  /** The query the results page shows back. */
  query?: string;
  /** The header's form is compact; the results page's fills its column. */
  size?: 'header' | 'page';
}

/** A plain GET form: it searches without JavaScript, and its results have an address to share. */
export async function SearchForm({ locale, query, size = 'header' }: Props) {
  const t = await getTranslations({ locale, namespace: 'search' });
  const id = `search-${size}`;
  return (
    <form role="search" action={paths.search(locale)} method="get" className={size === 'header' ? 'flex min-w-0 flex-1 justify-end' : 'flex w-full'}>
      <label htmlFor={id} className="sr-only">
        {t('label')}
      </label>
      <input
        id={id}
        type="search"
        name="q"
        defaultValue={query}
        maxLength={MAX_QUERY_LENGTH}
        placeholder={t('placeholder')}
        enterKeyHint="search"
        className={`min-h-11 min-w-0 rounded-s-full border border-rule bg-paper px-4 text-meta ${size === 'header' ? 'w-40 sm:w-56' : 'flex-1'}`}
      />
      <button type="submit" className="min-h-11 rounded-e-full bg-ink px-4 font-display text-meta font-bold text-paper">
        {t('submit')}
      </button>
    </form>
  );
}
