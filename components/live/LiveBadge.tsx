import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/locales';

/**
 * "مباشر", "زنده", "LIVE": on a running live page, its cards and its share card. The island hides it when the page
 * ends.
 */
export async function LiveBadge({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'live' });
  return (
    <span
      data-live-badge
      className="inline-flex items-center gap-1.5 self-start rounded-sm bg-accent px-2 py-0.5 font-display text-kicker font-bold text-paper"
    >
      <span aria-hidden="true" className="size-2 rounded-full bg-paper motion-safe:animate-pulse" />
      {t('badge')}
    </span>
  );
}
