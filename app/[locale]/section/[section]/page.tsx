import type { Metadata } from 'next';
import { SectionRoute, sectionMetadata } from '@/components/section/SectionRoute';
import { sections } from '@/lib/sections';

export const revalidate = 3600;

export function generateStaticParams() {
  return sections.map((section) => ({ section }));
}

export async function generateMetadata({ params }: PageProps<'/[locale]/section/[section]'>): Promise<Metadata> {
  return sectionMetadata(await params, 1);
}

export default async function SectionPage({ params }: PageProps<'/[locale]/section/[section]'>) {
  return <SectionRoute params={await params} page={1} />;
}
