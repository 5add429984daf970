import type { Metadata } from 'next';
import { LabelRoute, labelMetadata } from '@/components/listing/LabelRoute';

// Tag and author pages (/ar/tag/…, /ar/author/…): rendered on first request, then kept like a
// section front. Any other kind, and an unknown tag or author, is the 404, which is never stored.
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

type Props = PageProps<'/[locale]/[kind]/[key]'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return labelMetadata(await params, 1);
}

export default async function LabelPage({ params }: Props) {
  return <LabelRoute params={await params} page={1} />;
}
