import { getTranslations } from 'next-intl/server';
import { locales, otherLocales, type Locale } from '@/lib/locales';
import { paths } from '@/lib/paths';
import { sections } from '@/lib/sections';
import { SiteHeaderView, type HeaderText } from './SiteHeaderView';

interface Props {
  locale: Locale;
  /** The editions this page exists in (every edition's home, unless told otherwise). */
  editionsOfPage?: readonly Locale[];
  /** This page's address in another edition. */
  pathIn?: (locale: Locale) => string;
  /** The query of the results page, shown back in the search field. */
  query?: string;
}

export async function headerText(locale: Locale): Promise<HeaderText> {
  const t = await getTranslations({ locale });
  return {
    siteName: t('site.name'),
    mainNav: t('site.mainNav'),
    editions: t('language.editions'),
    sections: Object.fromEntries(sections.map((section) => [section, t(`sections.${section}`)])) as HeaderText['sections'],
    search: { label: t('search.label'), placeholder: t('search.placeholder'), submit: t('search.submit') },
  };
}

/** The edition switcher offers every other edition this page exists in. */
export async function SiteHeader({ locale, editionsOfPage = locales, pathIn = paths.home, query }: Props) {
  const editionLinks = otherLocales(locale)
    .filter((other) => editionsOfPage.includes(other))
    .map((other) => ({ locale: other, href: pathIn(other) }));
  return <SiteHeaderView locale={locale} text={await headerText(locale)} editionLinks={editionLinks} query={query} />;
}
