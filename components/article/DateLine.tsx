import { formatDateLine, formatShortDate } from '@/lib/dates';
import type { Locale } from '@/lib/locales';
import { siteTimeZone } from '@/lib/site';

interface Props {
  date: Date;
  locale: Locale;
  variant?: 'full' | 'short';
  className?: string;
}

export function DateLine({ date, locale, variant = 'full', className }: Props) {
  const text = variant === 'full' ? formatDateLine(date, locale, siteTimeZone) : formatShortDate(date, locale, siteTimeZone);
  return (
    <time dateTime={date.toISOString()} className={className}>
      {text}
    </time>
  );
}
