import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/locales';
import { siteDay } from '@/lib/dates';
import { siteTimeZone } from '@/lib/site';

export async function SiteFooter({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'site' });
  return (
    <footer className="mt-16 border-t border-rule bg-wash">
      <div className="mx-auto max-w-page space-y-1 px-4 py-8 text-meta text-muted sm:px-6">
        <p>{t('footerNote')}</p>
        <p>{t('sampleContent')}</p>
        <p>{t('copyright', { year: siteDay(new Date(), siteTimeZone).slice(0, 4) })}</p>
      </div>
    </footer>
  );
}
