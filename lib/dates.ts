/**
 * The one date formatter of the site. Every date goes through here with the site's time zone,
 * so a story published late at night UTC shows the calendar day its readers lived it.
 */
import { localeConfig, type Locale } from './locales';

interface DateParts {
  weekday: string;
  day: string;
  month: string;
  latinMonth: string;
  year: string;
}

const formatterCache = new Map<string, Intl.DateTimeFormat>();

function formatter(tag: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${tag}|${timeZone}|${JSON.stringify(options)}`;
  let cached = formatterCache.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(tag, { ...options, timeZone });
    formatterCache.set(key, cached);
  }
  return cached;
}

function part(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  return parts.find((p) => p.type === type)?.value ?? '';
}

function dateParts(date: Date, locale: Locale, timeZone: string): DateParts {
  const options: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' };
  const local = formatter(localeConfig[locale].intlTag, timeZone, options).formatToParts(date);
  const latin = formatter(localeConfig.en.intlTag, timeZone, options).formatToParts(date);
  return {
    weekday: part(local, 'weekday'),
    day: part(local, 'day'),
    month: part(local, 'month'),
    latinMonth: part(latin, 'month'),
    year: part(local, 'year'),
  };
}

/** "الجمعة 25 أكتوبر / October 2024" in Arabic, "Friday 25 October 2024" in English. */
export function formatDateLine(date: Date, locale: Locale, timeZone: string): string {
  const p = dateParts(date, locale, timeZone);
  const month = localeConfig[locale].latinMonthAlongside ? `${p.month} / ${p.latinMonth}` : p.month;
  return `${p.weekday} ${p.day} ${month} ${p.year}`;
}

/** Short form for lists: "25 أكتوبر 2024" / "25 October 2024". */
export function formatShortDate(date: Date, locale: Locale, timeZone: string): string {
  const p = dateParts(date, locale, timeZone);
  return `${p.day} ${p.month} ${p.year}`;
}

/** The calendar day in the site's zone, as YYYY-MM-DD. */
export function siteDay(date: Date, timeZone: string): string {
  const parts = formatter('en-CA', timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(date);
  return `${part(parts, 'year')}-${part(parts, 'month')}-${part(parts, 'day')}`;
}
