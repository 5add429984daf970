import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { StoryCard } from '@/components/article/StoryCard';
import type { StorySummary } from '@/lib/content';
import type { Locale } from '@/lib/locales';
import { Pagination } from './Pagination';

interface Props {
  locale: Locale;
  /** The list's name: a section, a tag, an author. */
  title: ReactNode;
  stories: StorySummary[];
  page: number;
  pages: number;
  pageHref: (page: number) => string;
  /** What an empty list says, where a list can be empty (a tag or author has a story, or no page). */
  empty?: string;
}

/** A paginated list of stories, newest first: section fronts, tag and author pages. */
export async function StoryList({ locale, title, stories, page, pages, pageHref, empty }: Props) {
  const t = await getTranslations({ locale });
  // Only the first page opens with a lead story; later pages are a plain list.
  const lead = page === 1 ? stories[0] : undefined;
  const rest = page === 1 ? stories.slice(1) : stories;
  return (
    <div className="mx-auto max-w-page px-4 sm:px-6">
      <h1 className="border-b-4 border-ink py-6 font-display text-title-lg font-bold">
        {title}
        {page > 1 && (
          <span className="ms-3 text-title-sm text-muted">{t('pagination.status', { page, total: pages })}</span>
        )}
      </h1>
      {stories.length === 0 && empty && <p className="py-12">{empty}</p>}
      {lead && (
        <div className="border-b border-rule py-6">
          <StoryCard story={lead} size="lead" headingLevel="h2" />
        </div>
      )}
      {rest.length > 0 && (
        <ul className="grid gap-8 py-6 sm:grid-cols-2 lg:grid-cols-3">
          {rest.map((story) => (
            <li key={story.slug}>
              <StoryCard story={story} headingLevel="h2" />
            </li>
          ))}
        </ul>
      )}
      <Pagination locale={locale} page={page} total={pages} pageHref={pageHref} />
    </div>
  );
}
