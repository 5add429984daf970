import type { Metadata } from 'next';
import { AboutRoute, aboutMetadata } from '@/components/about/AboutRoute';

export const revalidate = 3600;

export async function generateMetadata({ params }: PageProps<'/[locale]/about'>): Promise<Metadata> {
  return aboutMetadata((await params).locale);
}

export default async function AboutPage({ params }: PageProps<'/[locale]/about'>) {
  return <AboutRoute segment={(await params).locale} />;
}
