/**
 * "5 minutes ago" for a live post, in the browser (a cached page cannot know how long ago): Intl's
 * relative time in the edition's number locale. Imports nothing, so the live island stays small.
 */

/** Posts older than this show their absolute time only. */
const RELATIVE_FOR_MS = 12 * 3600_000;

export function relativeTime(then: number, now: number, numbersLocale: string): string | null {
  const elapsed = now - then;
  // Written so a time that did not parse (NaN) is refused too.
  if (!(elapsed >= 0 && elapsed < RELATIVE_FOR_MS)) return null;
  const format = new Intl.RelativeTimeFormat(numbersLocale, { numeric: 'auto' });
  const minutes = Math.floor(elapsed / 60_000);
  if (minutes < 1) return format.format(0, 'second');
  return minutes < 60 ? format.format(-minutes, 'minute') : format.format(-Math.floor(minutes / 60), 'hour');
}
