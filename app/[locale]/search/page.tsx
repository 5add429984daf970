import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { NotFoundPage, notFoundMetadata } from '@/components/layout/NotFound';
import { SiteHeader } from '@/components/layout/SiteHeader';
import { SearchResults } from '@/components/search/SearchResults';
import { getContent, type SearchPage as SearchResultsPage } from '@/lib/content';
import { isLocale, localeOrDefault, type Locale } from '@/lib/locales';
import { pageCount, parsePage, SEARCH_PAGE_SIZE } from '@/lib/pagination';
import { paths } from '@/lib/paths';
import { parseQuery, SEARCH_COUNT_CAP } from '@/lib/search/query';
import { enterEdition } from '@/components/lite/render-mode';

type Props = PageProps<'/[locale]/search'>;

/** Query and page from the URL, whatever a client sent: a page number past the results reads as the last page. */
async function readRequest({ params, searchParams }: Props) {
  const locale = enterEdition((await params).locale);
  const { q, page: rawPage } = await searchParams;
  const page = Math.min(
    parsePage(typeof rawPage === 'string' ? rawPage : '1') ?? 1,
    pageCount(SEARCH_COUNT_CAP, SEARCH_PAGE_SIZE),
  );
  return { locale, query: parseQuery(q), page };
}

/** One page of results; a page past the last shows the last. */
async function resultsPage(
  locale: Locale,
  words: string[][],
  page: number,
): Promise<{ results: SearchResultsPage; page: number }> {
  const results = await getContent().search(locale, words, (page - 1) * SEARCH_PAGE_SIZE, SEARCH_PAGE_SIZE);
  const last = pageCount(results.total, SEARCH_PAGE_SIZE);
  return page > last && results.total > 0 ? resultsPage(locale, words, last) : { results, page };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale, query } = await readRequest(props);
  if (!isLocale(locale)) return notFoundMetadata(localeOrDefault(locale));
  const t = await getTranslations({ locale, namespace: 'search' });
  return {
    title: query.text ? t('titleFor', { query: query.text }) : t('title'),
    description: t('description'),
    // Results pages are endless and thin: crawlers may follow them to stories, never index them.
    robots: { index: false, follow: true },
  };
}

export default async function SearchPage(props: Props) {
  const { locale, query, page: asked } = await readRequest(props);
  if (!isLocale(locale)) return <NotFoundPage locale={localeOrDefault(locale)} />;
  setRequestLocale(locale);
  const { results, page } = query.words.length
    ? await resultsPage(locale, query.words, asked)
    : { results: undefined, page: 1 };
  return (
    <>
      <SiteHeader locale={locale} query={query.text} pathIn={(edition) => paths.search(edition, query.text)} />
      <main id="main" tabIndex={-1}>
        <SearchResults
          locale={locale}
          query={query}
          results={results}
          page={page}
          pages={results ? pageCount(results.total, SEARCH_PAGE_SIZE) : 1}
        />
      </main>
    </>
  );
}
