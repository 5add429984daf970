import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { NotFoundPage, notFoundMetadata } from '@/components/layout/NotFound';
import { SiteHeader } from '@/components/layout/SiteHeader';
import { cardLabels, siteShareImage } from '@/i18n/labels';
import { getContent } from '@/lib/content';
import { isLocale, localeOrDefault, locales, type Locale } from '@/lib/locales';
import { listingMetadata } from '@/lib/metadata';
import { pageCount, SECTION_PAGE_SIZE } from '@/lib/pagination';
import { paths } from '@/lib/paths';
import { isSection, type Section } from '@/lib/sections';
import { StoryList } from '@/components/listing/StoryList';
import { enterEdition } from '@/components/lite/render-mode';

/** A section front's page, or undefined when the locale, the section or the page does not exist. */
async function resolve(params: { locale: string; section: string }, page: number) {
  const { section } = params;
  const locale = enterEdition(params.locale);
  if (!isLocale(locale) || !isSection(section)) return undefined;
  const offset = (page - 1) * SECTION_PAGE_SIZE;
  const result = await getContent().inSection(locale, section, offset, SECTION_PAGE_SIZE);
  const pages = pageCount(result.total);
  return page <= pages ? { locale, section, page, pages, stories: result.items } : undefined;
}

async function editionsWithPage(section: Section, page: number): Promise<Locale[]> {
  const totals = await Promise.all(locales.map(async (l) => (await getContent().inSection(l, section, 0, 0)).total));
  return locales.filter((_, i) => page <= pageCount(totals[i]));
}

export async function sectionMetadata(params: { locale: string; section: string }, page: number): Promise<Metadata> {
  const found = await resolve(params, page);
  if (!found) return notFoundMetadata(localeOrDefault(enterEdition(params.locale)));
  const { locale, section } = found;
  const t = await getTranslations({ locale });
  const name = t(`sections.${section}`);
  const labels = await cardLabels(locale);
  return listingMetadata(locale, {
    siteName: labels.brand,
    pathFor: (l: Locale) => paths.sectionPage(l, section, page),
    title: page === 1 ? t('section.title', { section: name }) : t('section.pageTitle', { section: name, page }),
    description: t('section.description', { section: name }),
    // Page n of a section exists in an edition only if that edition has n pages.
    editions: await editionsWithPage(section, page),
    image: await siteShareImage(locale),
    feed: { path: paths.sectionFeed(locale, section), title: t('feed.sectionTitle', { section: name }) },
  });
}

export async function SectionRoute({ params, page }: { params: { locale: string; section: string }; page: number }) {
  const found = await resolve(params, page);
  if (!found) return <NotFoundPage locale={localeOrDefault(enterEdition(params.locale))} />;
  const { locale, section, pages, stories } = found;
  setRequestLocale(locale);
  const t = await getTranslations({ locale });
  return (
    <>
      <SiteHeader locale={locale} pathIn={(edition) => paths.section(edition, section)} />
      <main id="main" tabIndex={-1}>
        <StoryList
          locale={locale}
          title={t(`sections.${section}`)}
          stories={stories}
          page={page}
          pages={pages}
          pageHref={(n) => paths.sectionPage(locale, section, n)}
          empty={t('section.empty')}
        />
      </main>
    </>
  );
}
