import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { NotFoundPage, notFoundMetadata } from '@/components/layout/NotFound';
import { SiteHeader } from '@/components/layout/SiteHeader';
import { SearchResults } from '@/components/search/SearchResults';
import { getContent } from '@/lib/content';
import { isLocale, localeOrDefault, otherLocale } from '@/lib/locales';
import { pageCount, parsePage, SEARCH_PAGE_SIZE } from '@/lib/pagination';
import { paths } from '@/lib/paths';
import { parseQuery, SEARCH_COUNT_CAP } from '@/lib/search/query';

type Props = PageProps<'/[locale]/search'>;

/** Query and page from the URL, whatever a client sent; a page past the last few shows none. */
async function readRequest({ params, searchParams }: Props) {
  const { locale } = await params;
  const { q, page: rawPage } = await searchParams;
  const page = Math.min(parsePage(typeof rawPage === 'string' ? rawPage : '1') ?? 1, pageCount(SEARCH_COUNT_CAP, SEARCH_PAGE_SIZE) + 1);
  return { locale, query: parseQuery(q), page };
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
  const { locale, query, page } = await readRequest(props);
  if (!isLocale(locale)) return <NotFoundPage locale={localeOrDefault(locale)} />;
  setRequestLocale(locale);
  const results = query.words.length ? await getContent().search(locale, query.words, (page - 1) * SEARCH_PAGE_SIZE, SEARCH_PAGE_SIZE) : undefined;
  return (
    <>
      <SiteHeader locale={locale} query={query.text} alternateHref={paths.search(otherLocale(locale), query.text)} />
      <main id="main" tabIndex={-1}>
        <SearchResults locale={locale} query={query} results={results} page={page} pages={results ? pageCount(results.total, SEARCH_PAGE_SIZE) : 1} />
      </main>
    </>
  );
}
