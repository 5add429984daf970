import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/locales';
import { formatNumber, siteDay } from '@/lib/dates';
import { paths } from '@/lib/paths';
import { editionTimeZone } from '@/lib/site';
import { pageHref } from '@/components/lite/render-mode';

export async function SiteFooter({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'site' });
  const ta = await getTranslations({ locale, namespace: 'about' });
  return (
    <footer className="mt-16 border-t border-rule bg-wash">
      <div className="mx-auto max-w-page space-y-1 px-4 py-8 text-meta text-muted sm:px-6">
        <p>{t('footerNote')}</p>
        <p>
          <a href={pageHref(paths.about(locale))} className="quiet-link">
            {ta('title')}
          </a>
        </p>
        <p>{t('sampleContent')}</p>
        <p>
          {t('copyright', {
            year: formatNumber(Number(siteDay(new Date(), editionTimeZone(locale)).slice(0, 4)), locale),
          })}
        </p>
      </div>
    </footer>
  );
}
