import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { HomeFront } from '@/components/home/HomeFront';
import { SiteHeader } from '@/components/layout/SiteHeader';
import { getContent } from '@/lib/content';
import { isLocale, type Locale } from '@/lib/locales';

export async function generateMetadata({ params }: PageProps<'/[locale]'>): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'home' });
  return { title: { absolute: t('title') }, description: t('description') };
}

export default async function HomePage({ params }: PageProps<'/[locale]'>) {
  const locale = (await params).locale as Locale;
  setRequestLocale(locale);
  return (
    <>
      <SiteHeader locale={locale} />
      <main id="main" tabIndex={-1}>
        <HomeFront locale={locale} stories={getContent().latest(locale, 0, 13).items} />
      </main>
    </>
  );
}
