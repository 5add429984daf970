import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { SiteHeader } from '@/components/layout/SiteHeader';
import { SectionFront } from '@/components/section/SectionFront';
import { cardLabels, siteShareImage } from '@/i18n/labels';
import { getContent } from '@/lib/content';
import { isLocale, locales, otherLocale } from '@/lib/locales';
import { listingMetadata } from '@/lib/metadata';
import { paths } from '@/lib/paths';
import { isSection, sections } from '@/lib/sections';

export const revalidate = 3600;

export function generateStaticParams() {
  return sections.map((section) => ({ section }));
}

async function sectionParams(params: PageProps<'/[locale]/section/[section]'>['params']) {
  const { locale, section } = await params;
  return isLocale(locale) && isSection(section) ? { locale, section } : undefined;
}

export async function generateMetadata({ params }: PageProps<'/[locale]/section/[section]'>): Promise<Metadata> {
  const found = await sectionParams(params);
  if (!found) return {};
  const { locale, section } = found;
  const t = await getTranslations({ locale, namespace: 'section' });
  const labels = await cardLabels(locale, section);
  return listingMetadata(locale, {
    siteName: labels.brand,
    pathFor: (l) => paths.section(l, section),
    title: t('title', { section: labels.section! }),
    description: t('description', { section: labels.section! }),
    editions: [...locales],
    image: await siteShareImage(locale),
  });
}

export default async function SectionPage({ params }: PageProps<'/[locale]/section/[section]'>) {
  const found = await sectionParams(params);
  if (!found) notFound();
  const { locale, section } = found;
  setRequestLocale(locale);
  return (
    <>
      <SiteHeader locale={locale} alternateHref={paths.section(otherLocale(locale), section)} />
      <main id="main" tabIndex={-1}>
        <SectionFront locale={locale} section={section} stories={getContent().inSection(locale, section, 0, 24).items} />
      </main>
    </>
  );
}
