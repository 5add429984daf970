import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { CorrectionLines } from '@/components/corrections/CorrectionsNotice';
import { NotFoundPage, notFoundMetadata } from '@/components/layout/NotFound';
import { SiteHeader } from '@/components/layout/SiteHeader';
import { Pagination } from '@/components/listing/Pagination';
import { enterEdition, pageHref } from '@/components/lite/render-mode';
import { cardLabels, siteShareImage } from '@/i18n/labels';
import { getContent } from '@/lib/content';
import { isLocale, localeOrDefault, locales } from '@/lib/locales';
import { listingMetadata } from '@/lib/metadata';
import { pageCount, SECTION_PAGE_SIZE } from '@/lib/pagination';
import { paths } from '@/lib/paths';

/**
 * Page n of an edition's corrections, or undefined when the edition or the page does not exist (page 1 always does).
 */
async function resolve(segment: string, page: number) {
  const locale = enterEdition(segment);
  if (!isLocale(locale)) return undefined;
  const { items, total } = await getContent().corrected(locale, (page - 1) * SECTION_PAGE_SIZE, SECTION_PAGE_SIZE);
  const pages = pageCount(total);
  return page === 1 || page <= pages ? { locale, stories: items, page, pages } : undefined;
}

export async function correctionsMetadata(segment: string, page: number): Promise<Metadata> {
  const found = await resolve(segment, page);
  if (!found) return notFoundMetadata(localeOrDefault(enterEdition(segment)));
  const { locale } = found;
  const t = await getTranslations({ locale, namespace: 'corrections' });
  const labels = await cardLabels(locale);
  return listingMetadata(locale, {
    siteName: labels.brand,
    pathFor: (edition) => paths.correctionsPage(edition, page),
    title: page === 1 ? t('title') : t('pageTitle', { page }),
    description: t('description'),
    editions: [...locales],
    image: await siteShareImage(locale),
    feed: { path: paths.correctionsFeed(locale), title: t('feedTitle') },
  });
}

/**
 * An edition's corrections: each corrected story with its corrections, the newest correction first, as
 * Newspack's corrections archive keeps them. A story's own page shows them under its headline.
 */
export async function CorrectionsRoute({ segment, page }: { segment: string; page: number }) {
  const found = await resolve(segment, page);
  if (!found) return <NotFoundPage locale={localeOrDefault(enterEdition(segment))} />;
  const { locale, stories, pages } = found;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'corrections' });
  return (
    <>
      <SiteHeader locale={locale} pathIn={(edition) => paths.correctionsPage(edition, page)} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-page px-4 sm:px-6">
        <h1 className="border-b-4 border-ink py-6 font-display text-title-lg font-bold">{t('title')}</h1>
        <p className="pt-4 text-meta text-muted">{t('description')}</p>
        {stories.length === 0 && <p className="py-12">{t('empty')}</p>}
        <ol className="flex flex-col divide-y divide-rule">
          {stories.map((story) => (
            <li key={story.slug} className="flex flex-col gap-2 py-6">
              <h2 className="font-display text-title-sm font-bold">
                <a href={pageHref(paths.story(locale, story.slug))} className="hover:underline">
                  {story.title}
                </a>
              </h2>
              <CorrectionLines story={story} className="text-meta" />
            </li>
          ))}
        </ol>
        <Pagination locale={locale} page={page} total={pages} pageHref={(n) => paths.correctionsPage(locale, n)} />
      </main>
    </>
  );
}
