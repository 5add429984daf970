/**
 * Markup text the strict way: escaped, and without the control characters XML 1.0 forbids, so a
 * headline full of `<`, `&` or `]]>` still makes a document every feed reader accepts. The same
 * escaping serves HTML text and attributes.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeMarkup(value: string): string {
  return value.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** RFC 822 date-time, as RSS 2.0 wants it: `Fri, 25 Oct 2024 09:00:00 GMT`. */
export function rfc822(date: Date): string {
  return date.toUTCString();
}
