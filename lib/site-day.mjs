// @ts-check
/**
 * The site's clock: its time zone and its calendar day. Plain JS, because the page cache (loaded by
 * server.mjs, not bundled) turns over at the same midnight the pages count days by (./cache/day-bound-pages.mjs).
 */

/** Every date on the site is shown in this zone, never the server's. */
export const siteTimeZone = process.env.SITE_TIME_ZONE ?? 'Asia/Riyadh';

/** @type {Map<string, Intl.DateTimeFormat>} */
const dayFormats = new Map();

/**
 * The calendar day of a moment in a zone, as YYYY-MM-DD.
 * @param {Date} date
 * @param {string} [timeZone]
 */
export function siteDay(date, timeZone = siteTimeZone) {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(date);
}
