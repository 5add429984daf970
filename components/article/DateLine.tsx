import { formatDateLine, formatShortDate } from '@/lib/dates';
import type { Locale } from '@/lib/locales';
import { editionTimeZone } from '@/lib/site';

interface Props {
  date: Date;
  locale: Locale;
  variant?: 'full' | 'short';
  className?: string;
}

export function DateLine({ date, locale, variant = 'full', className }: Props) {
  const timeZone = editionTimeZone(locale);
  const text = variant === 'full' ? formatDateLine(date, locale, timeZone) : formatShortDate(date, locale, timeZone);
  return (
    <time dateTime={date.toISOString()} className={className}>
      {text}
    </time>
  );
}
