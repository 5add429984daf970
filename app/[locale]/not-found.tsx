import { getLocale, getTranslations } from 'next-intl/server';
import { NotFoundView } from '@/components/layout/NotFound';
import { localeOrDefault } from '@/lib/locales';

export default async function NotFound() {
  const locale = localeOrDefault(await getLocale());
  const t = await getTranslations({ locale, namespace: 'notFound' });
  return (
    <>
      <title>{t('title')}</title>
      <meta name="robots" content="noindex" />
      <NotFoundView locale={locale} withHeader={false} />
    </>
  );
}
