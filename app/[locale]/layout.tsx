import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { SiteFooter } from '@/components/layout/SiteFooter';
import { isLocale, editions, locales } from '@/lib/locales';
import { siteUrl } from '@/lib/site';
import { fontVariables } from '../fonts';
import '../globals.css';
import { enterEdition, isLite } from '@/components/lite/render-mode';

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: LayoutProps<'/[locale]'>): Promise<Metadata> {
  const locale = enterEdition((await params).locale);
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'site' });
  return {
    metadataBase: siteUrl,
    title: { default: t('name'), template: t('titleTemplate') },
    applicationName: t('name'),
  };
}

export default async function LocaleLayout({ children, params }: LayoutProps<'/[locale]'>) {
  const locale = enterEdition((await params).locale);
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'site' });
  // A lite page loads no web font: the edition's system stacks apply (tailwind.config.ts).
  return (
    <html lang={locale} dir={editions[locale].dir} className={isLite() ? 'lite' : fontVariables}>
      <body className="min-h-screen bg-paper font-body text-ink antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:z-50 focus:rounded focus:bg-ink focus:px-4 focus:py-2 focus:text-paper"
        >
          {t('skipToContent')}
        </a>
        {children}
        <SiteFooter locale={locale} />
      </body>
    </html>
  );
}
