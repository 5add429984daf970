import { getLocale, getTranslations } from 'next-intl/server';
import { SiteHeader } from '@/components/layout/SiteHeader';
import { paths } from '@/lib/paths';
import { localeOrDefault } from '@/lib/locales';

export default async function NotFound() {
  const locale = localeOrDefault(await getLocale());
  const t = await getTranslations({ locale, namespace: 'notFound' });
  return (
    <>
      <title>{t('title')}</title>
      <meta name="robots" content="noindex" />
      <SiteHeader locale={locale} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-measure px-4 py-16 sm:px-6">
        <h1 className="font-display text-title-lg font-bold">{t('title')}</h1>
        <p className="mt-4 text-body">{t('body')}</p>
        <p className="mt-6">
          <a href={paths.home(locale)} className="font-bold text-accent underline">
            {t('backHome')}
          </a>
        </p>
      </main>
    </>
  );
}
