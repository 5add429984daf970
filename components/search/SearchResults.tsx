import { getTranslations } from 'next-intl/server';
import { DateLine } from '@/components/article/DateLine';
import { Pagination } from '@/components/listing/Pagination';
import type { SearchPage } from '@/lib/content';
import type { Locale } from '@/lib/locales';
import { paths } from '@/lib/paths';
import type { SearchQuery } from '@/lib/search/query';
import { Highlighted } from './Highlighted';
import { SearchForm } from './SearchForm';
import { pageHref } from '@/components/lite/render-mode';

interface Props {
  locale: Locale;
  query: SearchQuery;
  /** Undefined before a query is typed, or when it has nothing to search for. */
  results?: SearchPage;
  page: number;
  pages: number;
}

export async function SearchResults({ locale, query, results, page, pages }: Props) {
  const t = await getTranslations({ locale });
  const terms = new Set(query.words.flat());
  // The query is text a reader typed, in any direction: isolated, so it cannot reorder the sentence around it.
  const echo = { query: () => <bdi>{query.text}</bdi> };
  return (
    <div className="mx-auto max-w-measure px-4 py-6 sm:px-6">
      <h1 className="font-display text-title-lg font-bold">{t('search.heading')}</h1>
      <div className="mt-4">
        <SearchForm locale={locale} query={query.text} className="flex" />
      </div>
      <div aria-live="polite" className="mt-6 flex flex-col gap-2 text-meta">
        {!query.text && <p>{t('search.empty')}</p>}
        {query.text && query.words.length === 0 && <p>{t.rich('search.noTerms', echo)}</p>}
        {results && (
          <p className="font-bold">
            {results.capped
              ? t.rich('search.resultsCapped', { ...echo, total: results.total })
              : t.rich('search.results', { ...echo, total: results.total })}
            {results.total > 1 && !results.capped && (
              <span className="ms-2 font-normal text-muted">{t('search.order')}</span>
            )}
          </p>
        )}
        {query.truncated && <p className="text-muted">{t('search.truncated')}</p>}
        {results && results.total === 0 && <p>{t('search.noResults')}</p>}
      </div>
      {results && results.items.length > 0 && (
        <ol className="mt-4 flex flex-col divide-y divide-rule border-t border-rule">
          {results.items.map((story) => (
            <li key={story.slug} className="search-result flex flex-col gap-1 py-5">
              <p className="font-display text-kicker font-bold text-accent">{t(`sections.${story.section}`)}</p>
              <h2 className="font-display text-title-sm font-bold">
                <a href={pageHref(paths.story(story.locale, story.slug))} className="hover:underline">
                  <Highlighted text={story.title} terms={terms} />
                </a>
              </h2>
              <p className="text-meta text-muted">
                <Highlighted text={story.summary} terms={terms} />
              </p>
              <DateLine
                date={story.publishedAt}
                locale={story.locale}
                variant="short"
                className="text-kicker text-muted"
              />
            </li>
          ))}
        </ol>
      )}
      {results && (
        <Pagination locale={locale} page={page} total={pages} pageHref={(n) => paths.search(locale, query.text, n)} />
      )}
    </div>
  );
}
