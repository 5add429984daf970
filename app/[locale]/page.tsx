import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { HomeFront } from '@/components/home/HomeFront';
import { SiteHeader } from '@/components/layout/SiteHeader';
import { cardLabels, siteShareImage } from '@/i18n/labels';
import { isLocale, locales, type Locale } from '@/lib/locales';
import { JsonLd } from '@/components/seo/JsonLd';
import { listingMetadata, organizationJsonLd } from '@/lib/metadata';
import { paths } from '@/lib/paths';
import { logRender } from '@/lib/render-log';
import { enterEdition } from '@/components/lite/render-mode';

export const revalidate = 3600;

export async function generateMetadata({ params }: PageProps<'/[locale]'>): Promise<Metadata> {
  const locale = enterEdition((await params).locale);
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'home' });
  const labels = await cardLabels(locale);
  return listingMetadata(locale, {
    siteName: labels.brand,
    pathFor: paths.home,
    title: t('title'),
    description: t('description'),
    editions: [...locales],
    image: await siteShareImage(locale),
    feed: { path: paths.feed(locale), title: labels.feedTitle },
  });
}

export default async function HomePage({ params }: PageProps<'/[locale]'>) {
  const locale = enterEdition((await params).locale) as Locale;
  setRequestLocale(locale);
  logRender(paths.home(locale));
  return (
    <>
      <SiteHeader locale={locale} />
      <main id="main" tabIndex={-1}>
        <HomeFront locale={locale} />
      </main>
      <JsonLd data={organizationJsonLd(locale, (await cardLabels(locale)).brand)} />
    </>
  );
}
