import { SearchForm, type SearchFormText } from '@/components/search/SearchForm';
import { editions, type Locale } from '@/lib/locales';
import { paths } from '@/lib/paths';
import { sections, type Section } from '@/lib/sections';

export interface HeaderText {
  siteName: string;
  mainNav: string;
  editions: string;
  sections: Record<Section, string>;
  search: SearchFormText;
}

interface Props {
  locale: Locale;
  text: HeaderText;
  /** This page in each other edition that has it. */
  editionLinks: ReadonlyArray<{ locale: Locale; href: string }>;
  query?: string;
}

/**
 * The header as markup only (no data, no hooks), so the server's header and the client's error page
 * draw the same one.
 */
export function SiteHeaderView({ locale, text, editionLinks, query }: Props) {
  return (
    <header className="border-b border-rule bg-paper">
      <div className="mx-auto flex max-w-page flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 pt-4 pb-2 sm:px-6">
        <a href={paths.home(locale)} className="font-display text-title-md font-bold text-accent-dark">
          {text.siteName}
        </a>
        {editionLinks.length > 0 && (
          <nav aria-label={text.editions}>
            {/* Each edition named in its own language and script, as its readers look for it. */}
            <ul className="flex gap-2">
              {editionLinks.map((link) => (
                <li key={link.locale}>
                  <a href={link.href} hrefLang={link.locale} lang={link.locale} className="edition-name edition-link">
                    {editions[link.locale].ownName}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <SearchForm locale={locale} text={text.search} query={query} className="site-search" />
      </div>
      <nav aria-label={text.mainNav} className="mx-auto max-w-page px-4 sm:px-6">
        {/* One line whatever the font: a row that wraps once the web font arrives would shift the whole page. */}
        <ul className="flex gap-x-5 overflow-x-auto pb-3 font-display text-meta font-bold whitespace-nowrap">
          {sections.map((section) => (
            <li key={section}>
              <a href={paths.section(locale, section)} className="hover:text-accent">
                {text.sections[section]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
