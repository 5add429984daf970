import type { Metadata } from 'next';
import { NotFoundPage, notFoundMetadata } from '@/components/layout/NotFound';
import { SectionRoute, sectionMetadata } from '@/components/section/SectionRoute';
import { getContent } from '@/lib/content';
import { isLocale, localeOrDefault } from '@/lib/locales';
import { pageCount, parsePage, SECTION_PAGE_SIZE } from '@/lib/pagination';
import { sections } from '@/lib/sections';

export const revalidate = 3600;

type Props = PageProps<'/[locale]/section/[section]/page/[page]'>;

/** The first pages after each front are built; deeper ones render on their first request. */
const PRERENDERED_PAGES = 5;

export async function generateStaticParams({ params }: { params: { locale: string } }) {
  if (!isLocale(params.locale)) return [];
  const locale = params.locale;
  const perSection = await Promise.all(
    sections.map(async (section) => {
      const pages = Math.min(
        pageCount((await getContent().inSection(locale, section, 0, 0)).total, SECTION_PAGE_SIZE),
        PRERENDERED_PAGES,
      );
      return Array.from({ length: Math.max(pages - 1, 0) }, (_, i) => ({ section, page: String(i + 2) }));
    }),
  );
  return perSection.flat();
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { page: raw, ...rest } = await params;
  const page = parsePage(raw);
  return page && page > 1 ? sectionMetadata(rest, page) : notFoundMetadata(localeOrDefault(rest.locale));
}

export default async function SectionPageN({ params }: Props) {
  const { page: raw, ...rest } = await params;
  const page = parsePage(raw);
  // Page 1 lives at the section front itself (next.config.ts redirects /page/1 there).
  if (!page || page === 1) return <NotFoundPage locale={localeOrDefault(rest.locale)} />;
  return <SectionRoute params={rest} page={page} />;
}
