/**
 * Site-wide configuration read from the environment once. Defaults serve the bundled content on localhost.
 */
import path from 'node:path';

function readSiteUrl(): URL {
  const raw = process.env.SITE_URL ?? 'http://localhost:3000';
  try {
    return new URL(raw);
  } catch {
    throw new Error(`SITE_URL is not an absolute URL: ${JSON.stringify(raw)}`);
  }
}

export const siteUrl = readSiteUrl();

/** Every date on the site is shown in this zone, never the server's. */
export const siteTimeZone = process.env.SITE_TIME_ZONE ?? 'Asia/Riyadh';

// Read at run time from wherever CONTENT_DIR points; nothing to trace into the build.
export const contentDir = path.resolve(/*turbopackIgnore: true*/ process.env.CONTENT_DIR ?? path.join(process.cwd(), 'content'));

/** An absolute URL on this site for a path that is already percent-encoded where needed. */
export function absoluteUrl(pathname: string): string {
  return new URL(pathname, siteUrl).toString();
}
