/**
 * The preview session on the server side: Next's Draft Mode (which bypasses the static cache) plus
 * our signed, expiring session cookie. Both must hold; the proxy is never the guard.
 */
import { cookies, draftMode } from 'next/headers';
import { verifyPreviewSession } from './preview';
import { siteUrl } from './site';

export const PREVIEW_COOKIE = 'sahifa_preview';
/** Next's Draft Mode cookie. */
export const BYPASS_COOKIE = '__prerender_bypass';

export function previewSecret(): string | undefined {
  return process.env.PREVIEW_SECRET || undefined;
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/**
 * True only inside a valid editor session. Public renders never read cookies (Draft Mode is off for
 * them, including at build time), so published pages stay static.
 */
export async function inPreview(): Promise<boolean> {
  if (!(await draftMode()).isEnabled) return false;
  return verifyPreviewSession((await cookies()).get(PREVIEW_COOKIE)?.value, previewSecret(), nowSeconds());
}

/** HttpOnly, Lax (None only when a CMS frames the preview), Secure whenever the site is https. */
export function previewCookieOptions(expiresAt: number) {
  const sameSite = process.env.PREVIEW_COOKIE_SAMESITE === 'none' ? ('none' as const) : ('lax' as const);
  return {
    httpOnly: true,
    sameSite,
    secure: siteUrl.protocol === 'https:' || sameSite === 'none',
    path: '/',
    expires: new Date(expiresAt * 1000),
  };
}

/** Headers on everything an editor is served in preview. */
export const PREVIEW_HEADERS = {
  'Cache-Control': 'private, no-store',
  'X-Robots-Tag': 'noindex',
  'Referrer-Policy': 'no-referrer',
};
