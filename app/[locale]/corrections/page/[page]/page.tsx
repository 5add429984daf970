import type { Metadata } from 'next';
import { CorrectionsRoute, correctionsMetadata } from '@/components/corrections/CorrectionsRoute';
import { NotFoundPage, notFoundMetadata } from '@/components/layout/NotFound';
import { localeOrDefault } from '@/lib/locales';
import { parsePage } from '@/lib/pagination';

export const revalidate = 3600;

type Props = PageProps<'/[locale]/corrections/page/[page]'>;

/** None at build time; each renders on its first request and is kept, so a missing page is a real 404. */
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, page: raw } = await params;
  const page = parsePage(raw);
  return page && page > 1 ? correctionsMetadata(locale, page) : notFoundMetadata(localeOrDefault(locale));
}

export default async function CorrectionsPageN({ params }: Props) {
  const { locale, page: raw } = await params;
  const page = parsePage(raw);
  // Page 1 is the list itself (next.config.ts redirects /page/1 there).
  if (!page || page === 1) return <NotFoundPage locale={localeOrDefault(locale)} />;
  return <CorrectionsRoute segment={locale} page={page} />;
}
