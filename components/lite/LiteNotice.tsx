import { getTranslations } from 'next-intl/server';
import { formatKilobytes } from '@/lib/dates';
import { LITE_BUDGET_BYTES } from '@/lib/http/lite.mjs';
import type { Locale } from '@/lib/locales';

/** At the top of a lite page: what this version is, and the way back to the full page. */
export async function LiteNotice({ locale, fullPath }: { locale: Locale; fullPath: string }) {
  const t = await getTranslations({ locale, namespace: 'lite' });
  return (
    <p role="note" className="bg-wash px-4 py-2 text-meta sm:px-6">
      {t('notice', { budget: formatKilobytes(LITE_BUDGET_BYTES, locale) })}{' '}
      <a href={fullPath} className="font-bold text-accent underline">
        {t('fullPage')}
      </a>
    </p>
  );
}
