/**
 * Whether this render is a page's lite version (docs/adr/0020): its `[locale]` segment is `ar.lite`.
 * Routes call `enterEdition` with the segment before they render, as they call next-intl's
 * setRequestLocale; components then ask `isLite()` for their no-JavaScript form and `pageHref()` for
 * links that keep the reader in the version they chose. Per request, like next-intl's locale.
 */
import { cache } from 'react';
import { editionSegment, litePath, withLitePageLinks } from '@/lib/http/lite.mjs';

const renderMode = cache(() => ({ lite: false }));

/** The edition a `[locale]` segment names ("ar" for "ar.lite"), remembering for this render whether it is lite. */
export function enterEdition(segment: string): string {
  const { edition, lite } = editionSegment(segment);
  renderMode().lite = lite;
  return edition;
}

export function isLite(): boolean {
  return renderMode().lite;
}

/** A link to another page of the site, in the version the reader is reading. */
export function pageHref(path: string): string {
  return renderMode().lite ? litePath(path) : path;
}

/** A story's or a live post's body, its links to the site's pages in the version the reader is reading. */
export function bodyHtml(html: string): string {
  return renderMode().lite ? withLitePageLinks(html) : html;
}
