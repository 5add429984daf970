import type { Metadata } from 'next';
import { CorrectionsRoute, correctionsMetadata } from '@/components/corrections/CorrectionsRoute';

export const revalidate = 3600;

export async function generateMetadata({ params }: PageProps<'/[locale]/corrections'>): Promise<Metadata> {
  return correctionsMetadata((await params).locale, 1);
}

export default async function CorrectionsPage({ params }: PageProps<'/[locale]/corrections'>) {
  return <CorrectionsRoute segment={(await params).locale} page={1} />;
}
