/**
 * Site-wide configuration read from the environment once. Defaults serve the bundled content on localhost.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { editions, type Locale } from './locales';
import { siteTimeZone } from './site-day.mjs';

function readSiteUrl(): URL {
  const raw = process.env.SITE_URL ?? 'http://localhost:3000';
  try {
    return new URL(raw);
  } catch {
    throw new Error(`SITE_URL is not an absolute URL: ${JSON.stringify(raw)}`);
  }
}

export const siteUrl = readSiteUrl();

/** The zone an edition's dates are shown in: its own (the registry's `timeZone`) or the site's. */
export function editionTimeZone(locale: Locale): string {
  return editions[locale].timeZone ?? siteTimeZone;
}

/**
 * Where the newsroom's policies live, for NewsMediaOrganization's structured data: each an absolute URL from
 * the environment (ORG_PUBLISHING_PRINCIPLES_URL, ORG_CORRECTIONS_POLICY_URL, ORG_MASTHEAD_URL,
 * ORG_ETHICS_POLICY_URL), else its part of the edition's about page, which holds sample text to replace.
 */
export function organizationPolicies(locale: Locale) {
  const about = (part: string) => new URL(`/${locale}/about#${part}`, siteUrl).toString();
  const fromEnv = (name: string) => (/^https?:\/\/\S+$/.test(process.env[name] ?? '') ? process.env[name]! : undefined);
  return {
    publishingPrinciples: fromEnv('ORG_PUBLISHING_PRINCIPLES_URL') ?? about('principles'),
    correctionsPolicy: fromEnv('ORG_CORRECTIONS_POLICY_URL') ?? about('corrections'),
    masthead: fromEnv('ORG_MASTHEAD_URL') ?? about('masthead'),
    ethicsPolicy: fromEnv('ORG_ETHICS_POLICY_URL') ?? about('ethics'),
  };
}

/** How often an open live page asks for new posts (LIVE_POLL_MS; tests shorten it). */
export const livePollMs = Math.max(Number(process.env.LIVE_POLL_MS) || 15_000, 1000);

// Read at run time from wherever CONTENT_DIR points; nothing to trace into the build.
export const contentDir = path.resolve(
  /*turbopackIgnore: true*/ process.env.CONTENT_DIR ?? path.join(process.cwd(), 'content'),
);

/** Where stories come from: `files` (CONTENT_DIR, the default) or `wordpress` (WORDPRESS_URL). */
export const contentSource = process.env.CONTENT_SOURCE === 'wordpress' ? 'wordpress' : 'files';

/**
 * The story index (SQLite) of that source. By default in Next's build cache, which survives
 * rebuilds, so `next start` finds the index its build made; one file per content folder or WordPress.
 */
export const contentIndexFile = path.resolve(
  /*turbopackIgnore: true*/ process.env.CONTENT_INDEX_FILE ??
    path.join(
      process.cwd(),
      '.next',
      'cache',
      'sahifa',
      `content-${createHash('sha256')
        .update(contentSource === 'wordpress' ? (process.env.WORDPRESS_URL ?? '') : contentDir)
        .digest('hex')
        .slice(0, 16)}.sqlite`,
    ),
);

/**
 * Pictures a CMS holds, copied here when a story is taken in and served from /images/wp/ (this origin, for the CSP).
 */
export const mediaDir = path.resolve(
  /*turbopackIgnore: true*/ process.env.MEDIA_DIR ?? path.join(path.dirname(contentIndexFile), 'media'),
);

/**
 * How many of each edition's newest stories `next build` prerenders, pages and share cards; every
 * other story renders on its first request and is cached then, so builds do not grow with the archive.
 */
export const prerenderedStories = readCount('PRERENDER_STORIES', 200);

function readCount(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new Error(`${name} must be a whole number, not ${JSON.stringify(raw)}`);
  return Number(raw);
}

/** An absolute URL on this site for a path that is already percent-encoded where needed. */
export function absoluteUrl(pathname: string): string {
  return new URL(pathname, siteUrl).toString();
}
