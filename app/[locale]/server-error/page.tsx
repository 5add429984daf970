import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { SiteHeader } from '@/components/layout/SiteHeader';
import { ServerErrorView } from '@/components/layout/ServerErrorView';
import { isLocale, locales } from '@/lib/locales';

/**
 * The edition's error page, prerendered at build: the front door sends it, with status 500, in place
 * of the bare document Next answers a failed render with (lib/http/error-page.mjs).
 */
export const dynamic = 'force-static';
export const dynamicParams = false;
export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: PageProps<'/[locale]/server-error'>): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'errors' });
  return { title: { absolute: t('serverTitle') }, robots: { index: false, follow: false } };
}

export default async function ServerErrorPage({ params }: PageProps<'/[locale]/server-error'>) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale });
  return (
    <>
      <SiteHeader locale={locale} />
      <ServerErrorView
        locale={locale}
        text={{
          title: t('errors.serverTitle'),
          body: t('errors.serverBody'),
          retry: t('errors.retry'),
          backHome: t('notFound.backHome'),
        }}
      />
    </>
  );
}
