import { describe, expect, it, vi } from 'vitest';
import {
  dateLine,
  formatDateLine,
  formatMoment,
  formatNumber,
  formatShortDate,
  formatTimeOfDay,
  siteDay,
} from '@/lib/dates';
import { editions, HIJRI_ARABIC, locales } from '@/lib/locales';

describe('formatDateLine', () => {
  const published = new Date('2024-10-25T09:00:00Z');

  it('writes the Arabic date line as the reference story does: weekday, day, Arabic / Latin month, Western digits', () => {
    expect(formatDateLine(published, 'ar', 'Asia/Riyadh')).toBe('الجمعة 25 أكتوبر / October 2024');
  });

  it('writes the English date line without a second month name', () => {
    expect(formatDateLine(published, 'en', 'Asia/Riyadh')).toBe('Friday 25 October 2024');
  });

  it('shows a late-evening UTC story on the next day in a UTC+3 site, whatever the server zone', () => {
    const lateNight = new Date('2024-10-25T22:30:00Z');
    for (const tz of ['UTC', 'America/Los_Angeles', 'Asia/Tokyo']) {
      vi.stubEnv('TZ', tz);
      expect(formatDateLine(lateNight, 'ar', 'Asia/Riyadh')).toBe('السبت 26 أكتوبر / October 2024');
      expect(formatDateLine(lateNight, 'en', 'Asia/Riyadh')).toBe('Saturday 26 October 2024');
      expect(siteDay(lateNight, 'Asia/Riyadh')).toBe('2024-10-26');
    }
    vi.unstubAllEnvs();
    expect(formatDateLine(lateNight, 'en', 'UTC')).toBe('Friday 25 October 2024');
  });

  it('never uses Eastern Arabic digits or the Hijri calendar in Arabic', () => {
    const line = formatDateLine(new Date('2024-03-01T12:00:00Z'), 'ar', 'Asia/Riyadh');
    expect(line).not.toMatch(/[\u0660-\u0669\u06F0-\u06F9]/);
    expect(line).toContain('2024');
    expect(line).toContain('March');
  });

  it('has a short form for lists', () => {
    expect(formatShortDate(published, 'ar', 'Asia/Riyadh')).toBe('25 أكتوبر 2024');
    expect(formatShortDate(published, 'en', 'Asia/Riyadh')).toBe('25 October 2024');
  });
});

describe('every edition', () => {
  const published = new Date('2024-10-25T09:00:00Z');

  it.each(locales)('%s: the first calendar of the date line is the short date, in the edition’s digits', (locale) => {
    const timeZone = 'Asia/Riyadh';
    const short = formatShortDate(published, locale, timeZone);
    const own = new Set(Array.from({ length: 10 }, (_, d) => formatNumber(d, locale)));
    const digitsUsed = short.match(/\p{Nd}/gu) ?? [];
    expect(digitsUsed.length).toBeGreaterThan(0);
    for (const digit of digitsUsed) expect(own, `${digit} in ${short}`).toContain(digit);
    const [day] = short.split(' ');
    expect(formatDateLine(published, locale, timeZone)).toContain(` ${day} `);
  });

  it('writes the Persian date line as BBC Persian does: Solar Hijri in Persian digits, then the Gregorian date', () => {
    expect(formatDateLine(published, 'fa', 'Asia/Riyadh')).toBe('جمعه ۴ آبان ۱۴۰۳ / \u206825 October 2024\u2069');
    expect(formatShortDate(published, 'fa', 'Asia/Riyadh')).toBe('۴ آبان ۱۴۰۳');
    // Nowruz: the Solar Hijri year turns at the March equinox.
    expect(formatShortDate(new Date('2025-03-21T12:00:00Z'), 'fa', 'Asia/Riyadh')).toBe('۱ فروردین ۱۴۰۴');
  });

  it('adds a Hijri date to the Arabic line when the registry asks for it (off by default)', () => {
    expect(editions.ar.dates.calendars).not.toContain(HIJRI_ARABIC);
    const withHijri = { ...editions.ar.dates, calendars: [...editions.ar.dates.calendars, HIJRI_ARABIC] };
    expect(dateLine(published, withHijri, 'Asia/Riyadh')).toBe(
      'الجمعة 25 أكتوبر / October 2024 / \u206822 ربيع الآخر 1446 هـ\u2069',
    );
  });

  it('writes numbers in each edition’s digits', () => {
    expect(formatNumber(1403, 'fa')).toBe('۱۴۰۳');
    expect(formatNumber(1403, 'ar')).toBe('1403');
    expect(formatNumber(1403, 'en')).toBe('1403');
    expect(formatNumber(12_345, 'en')).toBe('12,345');
  });
});

describe('formatMoment (live posts)', () => {
  const moment = new Date('2024-11-21T06:05:00Z');

  it('gives the time of day on the 24-hour clock in the site zone and the edition digits', () => {
    expect(formatTimeOfDay(moment, 'ar', 'Asia/Riyadh')).toBe('09:05');
    expect(formatTimeOfDay(moment, 'en', 'UTC')).toBe('06:05');
    expect(formatTimeOfDay(new Date('2024-11-21T15:45:00Z'), 'fa', 'Asia/Tehran')).toBe('۱۹:۱۵');
  });

  it('isolates the time and the date, so a right-to-left line does not run "09:05 · 21" together', () => {
    const text = formatMoment(moment, 'ar', 'Asia/Riyadh');
    expect(text).toBe(`\u206809:05\u2069 · \u2068${formatShortDate(moment, 'ar', 'Asia/Riyadh')}\u2069`);
  });
});
