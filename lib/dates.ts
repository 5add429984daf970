/**
 * The one date formatter of the site. Every date goes through here with the site's time zone,
 * so a story published late at night UTC shows the calendar day its readers lived it.
 */
import { editions, type DateLineSettings, type Locale } from './locales';

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

const DAY_MONTH_YEAR: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' };
/**
 * First strong isolate … pop: a date in another script keeps its own order inside the line (25 October 2024 in
 * Persian).
 */
const isolate = (text: string) => `\u2068${text}\u2069`;

/** "۴ آبان ۱۴۰۳", "22 ربيع الآخر 1446 هـ": day, month, year and the era where the calendar names one. */
function calendarDate(
  date: Date,
  tag: string,
  timeZone: string,
  options: { weekday: boolean; latinMonth: boolean },
): string {
  const parts = formatter(tag, timeZone, DAY_MONTH_YEAR).formatToParts(date);
  let month = part(parts, 'month');
  if (options.latinMonth)
    month += ` / ${part(formatter('en-GB-u-ca-gregory', timeZone, { month: 'long' }).formatToParts(date), 'month')}`;
  const era = tag.includes('-ca-gregory') ? '' : part(parts, 'era');
  return [options.weekday ? part(parts, 'weekday') : '', part(parts, 'day'), month, part(parts, 'year'), era]
    .filter(Boolean)
    .join(' ');
}

/** A date line as an edition's settings ask: each calendar in turn, the first with the weekday. */
export function dateLine(date: Date, settings: DateLineSettings, timeZone: string): string {
  return settings.calendars
    .map((tag, i) => {
      const text = calendarDate(date, tag, timeZone, {
        weekday: i === 0,
        latinMonth: i === 0 && settings.latinMonthAlongside === true,
      });
      return i === 0 ? text : isolate(text);
    })
    .join(' / ');
}

/**
 * "الجمعة 25 أكتوبر / October 2024" in Arabic, "Friday 25 October 2024" in English,
 * "جمعه ۴ آبان ۱۴۰۳ / 25 October 2024" in Persian.
 */
export function formatDateLine(date: Date, locale: Locale, timeZone: string): string {
  return dateLine(date, editions[locale].dates, timeZone);
}

/** Short form for lists, in the edition's first calendar: "25 أكتوبر 2024", "۴ آبان ۱۴۰۳". */
export function formatShortDate(date: Date, locale: Locale, timeZone: string): string {
  return calendarDate(date, editions[locale].dates.calendars[0], timeZone, { weekday: false, latinMonth: false });
}

/** The time of day to the minute, on the 24-hour clock, in the edition's digits: "14:05", "۱۴:۰۵". */
export function formatTimeOfDay(date: Date, locale: Locale, timeZone: string): string {
  return formatter(editions[locale].dates.calendars[0], timeZone, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

/**
 * A moment for a live post or a page's "generated at": the time of day, then the short date, each isolated,
 * else in a right-to-left line the bidi algorithm joins "09:05 · 21" into one left-to-right run.
 */
export function formatMoment(date: Date, locale: Locale, timeZone: string): string {
  return `${isolate(formatTimeOfDay(date, locale, timeZone))} · ${isolate(formatShortDate(date, locale, timeZone))}`;
}

/** A count, year or page number in the digits the edition's readers expect (۱۲ in Persian); grouped from 10,000. */
export function formatNumber(value: number, locale: Locale): string {
  return numberFormat(locale).format(value);
}

/** A file's size in the edition's digits and words ("١٢٣ كيلوبايت"), in kilobytes of 1,000 bytes. */
export function formatKilobytes(bytes: number, locale: Locale): string {
  return new Intl.NumberFormat(editions[locale].numbers, {
    style: 'unit',
    unit: 'kilobyte',
    unitDisplay: 'long',
    maximumFractionDigits: 0,
  }).format(Math.max(1, Math.round(bytes / 1000)));
}

const numberFormats = new Map<Locale, Intl.NumberFormat>();
function numberFormat(locale: Locale): Intl.NumberFormat {
  let cached = numberFormats.get(locale);
  if (!cached) {
    cached = new Intl.NumberFormat(editions[locale].numbers, { useGrouping: 'min2' });
    numberFormats.set(locale, cached);
  }
  return cached;
}

export { siteDay } from './site-day.mjs';
