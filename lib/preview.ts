/**
 * Editors' preview links: each is signed with HMAC-SHA256 over slug, locale and expiry, so it opens
 * one draft until it expires and cannot be altered. A valid link starts a preview session, a cookie
 * signed the same way that ends when the link would have.
 */
import { isLocale, type Locale } from './locales';
import { normalizeSlug } from './content/parse';
import { hmac, sameBytes } from './preview-signature.mjs';

export { signPreviewSession, verifyPreviewSession } from './preview-signature.mjs';

const MAX_TTL_SECONDS = 30 * 24 * 3600;
export const DEFAULT_TTL_SECONDS = 24 * 3600;
/** A preview link is a handful of short parameters; anything longer is not ours. */
const MAX_QUERY_LENGTH = 2048;
const LINK_PARAMS = ['slug', 'locale', 'exp', 'sig'] as const;

export interface PreviewTarget {
  slug: string;
  locale: Locale;
  /** Unix seconds. */
  expiresAt: number;
}

type Refusal = 'malformed' | 'expired' | 'bad-signature' | 'no-secret';
type Verified<T> = { ok: true; value: T } | { ok: false; reason: Refusal };

function linkMessage(target: PreviewTarget): string {
  return ['preview-link', target.slug, target.locale, String(target.expiresAt)].join('\n');
}

function signPreviewLink(target: PreviewTarget, secret: string): string {
  return hmac(secret, linkMessage(target)).toString('hex');
}

/** The query string of a preview link: `slug=…&locale=…&exp=…&sig=…`. */
export function previewQuery(target: PreviewTarget, secret: string): string {
  const params = new URLSearchParams({
    slug: target.slug,
    locale: target.locale,
    exp: String(target.expiresAt),
    sig: signPreviewLink(target, secret),
  });
  return params.toString();
}

/**
 * Reads a preview link's raw query string strictly: each of its parameters exactly once, valid
 * UTF-8, sane sizes, a real locale and slug, not expired, and a signature that matches.
 */
export function verifyPreviewQuery(
  rawQuery: string,
  secret: string | undefined,
  nowSeconds: number,
): Verified<PreviewTarget> {
  if (!secret) return { ok: false, reason: 'no-secret' };
  const query = rawQuery.startsWith('?') ? rawQuery.slice(1) : rawQuery;
  if (query.length > MAX_QUERY_LENGTH) return { ok: false, reason: 'malformed' };
  // URLSearchParams never throws: it keeps a bad escape as text and turns invalid UTF-8 into U+FFFD.
  // Decoding the raw query once refuses both instead.
  try {
    decodeURIComponent(query);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const params = new URLSearchParams(query);
  // Each of ours exactly once; anything else (next=, redirect=) is ignored: the destination is never
  // read from the link.
  const given = LINK_PARAMS.map((key) => params.getAll(key));
  if (given.some((values) => values.length !== 1)) return { ok: false, reason: 'malformed' };
  const [slugParam, locale, exp, sig] = given.map(([value]) => value);
  const slug = normalizeSlug(slugParam);
  if (!slug || slug !== slugParam || !isLocale(locale) || !/^\d{1,12}$/.test(exp))
    return { ok: false, reason: 'malformed' };
  const target: PreviewTarget = { slug, locale, expiresAt: Number(exp) };
  if (!sameBytes(hmac(secret, linkMessage(target)), sig)) return { ok: false, reason: 'bad-signature' };
  if (target.expiresAt <= nowSeconds) return { ok: false, reason: 'expired' };
  if (target.expiresAt > nowSeconds + MAX_TTL_SECONDS) return { ok: false, reason: 'malformed' };
  return { ok: true, value: target };
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** "90s", "30m", "24h", "7d" → seconds, at most 30 days. */
export function parseTtl(text: string): number {
  const match = /^(\d+)([smhd])$/.exec(text.trim());
  if (!match) throw new Error(`not a duration like 30m, 24h or 7d: ${JSON.stringify(text)}`);
  const seconds = Number(match[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[match[2] as 's' | 'm' | 'h' | 'd'];
  if (seconds <= 0 || seconds > MAX_TTL_SECONDS) throw new Error('a preview link lives between 1 second and 30 days');
  return seconds;
}
