import { getTranslations } from 'next-intl/server';
import { LiteNotice } from '@/components/lite/LiteNotice';
import { isLite, pageHref } from '@/components/lite/render-mode';
import { SearchForm } from '@/components/search/SearchForm';
import { litePath } from '@/lib/http/lite.mjs';
import { editions, locales, otherLocales, type Locale } from '@/lib/locales';
import { paths } from '@/lib/paths';
import { sections } from '@/lib/sections';

interface Props {
  locale: Locale;
  /** The editions this page exists in (every edition's home, unless told otherwise). */
  editionsOfPage?: readonly Locale[];
  /** This page's address in another edition. */
  pathIn?: (locale: Locale) => string;
  /** The query of the results page, shown back in the search field. */
  query?: string;
}

/**
 * The edition switcher offers every other edition this page exists in. A full page links to its lite
 * version; a lite page says what it is and links back, above everything else.
 */
export async function SiteHeader({ locale, editionsOfPage = locales, pathIn = paths.home, query }: Props) {
  const t = await getTranslations({ locale });
  const others = otherLocales(locale).filter((other) => editionsOfPage.includes(other));
  const lite = isLite();
  return (
    <header className="border-b border-rule bg-paper">
      {lite && <LiteNotice locale={locale} fullPath={pathIn(locale)} />}
      <div className="mx-auto flex max-w-page flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 pt-4 pb-2 sm:px-6">
        <a href={pageHref(paths.home(locale))} className="font-display text-title-md font-bold text-accent-dark">
          {t('site.name')}
        </a>
        {others.length > 0 && (
          <nav aria-label={t('language.editions')}>
            {/* Each edition named in its own language and script, as its readers look for it. */}
            <ul className="flex gap-2">
              {others.map((other) => (
                <li key={other}>
                  <a href={pageHref(pathIn(other))} hrefLang={other} lang={other} className="edition-name edition-link">
                    {editions[other].ownName}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        {!lite && (
          <a href={litePath(pathIn(locale))} className="quiet-link text-meta">
            {t('lite.link')}
          </a>
        )}
        <SearchForm locale={locale} query={query} className="site-search" />
      </div>
      <nav aria-label={t('site.mainNav')} className="mx-auto max-w-page px-4 sm:px-6">
        {/* One line whatever the font: a row that wraps once the web font arrives would shift the whole page. */}
        <ul className="flex gap-x-5 overflow-x-auto pb-3 font-display text-meta font-bold whitespace-nowrap">
          {sections.map((section) => (
            <li key={section}>
              <a href={pageHref(paths.section(locale, section))} className="hover:text-accent">
                {t(`sections.${section}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
