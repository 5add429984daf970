/**
 * The preview session on the server side: Next's Draft Mode (which bypasses the static cache) plus
 * our signed, expiring session cookie. Both must hold; the proxy is never the guard.
 */
import { cookies, draftMode } from 'next/headers';
import { findDraft, findPublishedStory, type Story } from './content';
import { nowSeconds, verifyPreviewSession } from './preview';
import { siteUrl } from './site';

export const PREVIEW_COOKIE = 'sahifa_preview';
/** Next's Draft Mode cookie. */
export const BYPASS_COOKIE = '__prerender_bypass';

export function previewSecret(): string | undefined {
  return process.env.PREVIEW_SECRET || undefined;
}

/**
 * The expiry of the editor's preview session, or null outside one. Public renders never read
 * cookies (Draft Mode is off for them, including at build time), so published pages stay static.
 */
export async function previewSessionExpiry(): Promise<number | null> {
  if (!(await draftMode()).isEnabled) return null;
  return verifyPreviewSession((await cookies()).get(PREVIEW_COOKIE)?.value, previewSecret(), nowSeconds());
}

export async function inPreview(): Promise<boolean> {
  return (await previewSessionExpiry()) !== null;
}

/** What a story URL shows: to readers the published story; to an editor in preview, its file as it is now. */
export async function storyForRequest(locale: string, slug: string): Promise<{ story?: Story; preview: boolean }> {
  if (await inPreview()) return { story: await findDraft(locale, slug), preview: true };
  return { story: await findPublishedStory(locale, slug), preview: false };
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
