import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { NotFoundPage, notFoundMetadata } from '@/components/layout/NotFound';
import { SiteHeader } from '@/components/layout/SiteHeader';
import { cardLabels, siteShareImage } from '@/i18n/labels';
import { getContent, isLabelKind, labelKeyFromParam, type LabelKind } from '@/lib/content';
import { isLocale, localeOrDefault, type Locale } from '@/lib/locales';
import { listingMetadata } from '@/lib/metadata';
import { pageCount, SECTION_PAGE_SIZE } from '@/lib/pagination';
import { paths } from '@/lib/paths';
import { StoryList } from './StoryList';
import { enterEdition } from '@/components/lite/render-mode';

export interface LabelParams {
  locale: string;
  /** `tag` or `author`; anything else is not a page. */
  kind: string;
  /** The tag or author segment, as the router hands it over. */
  key: string;
}

/** A tag's or author's page n, or undefined when the locale, the kind, the label or the page does not exist. */
async function resolve({ locale: segment, kind, key: raw }: LabelParams, page: number) {
  const locale = enterEdition(segment);
  const key = labelKeyFromParam(raw);
  if (!isLocale(locale) || !isLabelKind(kind) || !key) return undefined;
  const result = await getContent().labelled(locale, kind, key, (page - 1) * SECTION_PAGE_SIZE, SECTION_PAGE_SIZE);
  const pages = pageCount(result.total);
  return result.label && page <= pages
    ? { locale, kind, label: result.label, page, pages, stories: result.items }
    : undefined;
}

/** The editions where this label has a page n. */
async function editionsWithPage(kind: LabelKind, key: string, page: number): Promise<Locale[]> {
  const editions = await getContent().labelEditions(kind, key);
  const totals = await Promise.all(editions.map(async (l) => (await getContent().labelled(l, kind, key, 0, 0)).total));
  return editions.filter((_, i) => page <= pageCount(totals[i]));
}

async function titles(locale: Locale, kind: LabelKind, name: string) {
  const t = await getTranslations({ locale, namespace: 'labels' });
  return {
    title: t(`${kind}Title`, { name }),
    description: t(`${kind}Description`, { name }),
    feed: t(`${kind}Feed`, { name }),
    kicker: t(kind),
  };
}

export async function labelMetadata(params: LabelParams, page: number): Promise<Metadata> {
  const found = await resolve(params, page);
  if (!found) return notFoundMetadata(localeOrDefault(enterEdition(params.locale)));
  const { locale, kind, label } = found;
  const text = await titles(locale, kind, label.name);
  const t = await getTranslations({ locale, namespace: 'labels' });
  return listingMetadata(locale, {
    siteName: (await cardLabels(locale)).brand,
    pathFor: (l: Locale) => paths.labelPage(l, kind, label.key, page),
    title: page === 1 ? text.title : t('pageTitle', { title: text.title, page }),
    description: text.description,
    editions: await editionsWithPage(kind, label.key, page),
    image: await siteShareImage(locale),
    feed: { path: paths.labelFeed(locale, kind, label.key), title: text.feed },
  });
}

export async function LabelRoute({ params, page }: { params: LabelParams; page: number }) {
  const found = await resolve(params, page);
  if (!found) return <NotFoundPage locale={localeOrDefault(enterEdition(params.locale))} />;
  const { locale, kind, label, pages, stories } = found;
  setRequestLocale(locale);
  const text = await titles(locale, kind, label.name);
  return (
    <>
      <SiteHeader
        locale={locale}
        editionsOfPage={await getContent().labelEditions(kind, label.key)}
        pathIn={(edition) => paths.label(edition, kind, label.key)}
      />
      <main id="main" tabIndex={-1}>
        <StoryList
          locale={locale}
          title={
            <>
              <span className="block text-kicker text-accent">{text.kicker}</span>
              {label.name}
            </>
          }
          stories={stories}
          page={page}
          pages={pages}
          pageHref={(n) => paths.labelPage(locale, kind, label.key, n)}
        />
      </main>
    </>
  );
}
