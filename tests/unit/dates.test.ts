import { describe, expect, it, vi } from 'vitest';
import { formatDateLine, formatShortDate, siteDay } from '@/lib/dates';

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
