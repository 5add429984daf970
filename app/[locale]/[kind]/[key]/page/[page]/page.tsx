import type { Metadata } from 'next';
import { NotFoundPage, notFoundMetadata } from '@/components/layout/NotFound';
import { LabelRoute, labelMetadata } from '@/components/listing/LabelRoute';
import { localeOrDefault } from '@/lib/locales';
import { parsePage } from '@/lib/pagination';

export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

type Props = PageProps<'/[locale]/[kind]/[key]/page/[page]'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { page: raw, ...rest } = await params;
  const page = parsePage(raw);
  return page && page > 1 ? labelMetadata(rest, page) : notFoundMetadata(localeOrDefault(rest.locale));
}

export default async function LabelPageN({ params }: Props) {
  const { page: raw, ...rest } = await params;
  const page = parsePage(raw);
  // Page 1 lives at the label's own address (next.config.ts redirects /page/1 there).
  if (!page || page === 1) return <NotFoundPage locale={localeOrDefault(rest.locale)} />;
  return <LabelRoute params={rest} page={page} />;
}
