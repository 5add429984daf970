import { getTranslations } from 'next-intl/server';
import { paths } from '@/lib/paths';
import { otherLocale, type Locale } from '@/lib/locales';
import { sections } from '@/lib/sections';
import { SearchForm } from '@/components/search/SearchForm';

interface Props {
  locale: Locale;
  /** Where the language switch leads: the same story in the other edition, else its home. */
  alternateHref?: string;
  /** The query of the results page, shown back in the search field. */
  query?: string;
}

export async function SiteHeader({ locale, alternateHref, query }: Props) {
  const t = await getTranslations({ locale });
  const target = otherLocale(locale);
  return (
    <header className="border-b border-rule bg-paper">
      <div className="mx-auto flex max-w-page flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 pt-4 pb-2 sm:px-6">
        <a href={paths.home(locale)} className="font-display text-title-md font-bold text-accent-dark">
          {t('site.name')}
        </a>
        <a
          href={alternateHref ?? paths.home(target)}
          hrefLang={target}
          lang={target}
          className="edition-name rounded border border-rule px-3 py-1 text-meta text-ink hover:bg-wash"
        >
          {t('language.switchTo')}
        </a>
        <SearchForm locale={locale} query={query} className="site-search" />
      </div>
      <nav aria-label={t('site.mainNav')} className="mx-auto max-w-page px-4 sm:px-6">
        {/* One line whatever the font: a row that wraps once the web font arrives would shift the whole page. */}
        <ul className="flex gap-x-5 overflow-x-auto pb-3 font-display text-meta font-bold whitespace-nowrap">
          {sections.map((section) => (
            <li key={section}>
              <a href={paths.section(locale, section)} className="hover:text-accent">
                {t(`sections.${section}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
