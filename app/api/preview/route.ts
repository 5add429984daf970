import { cookies, draftMode } from 'next/headers';
import type { NextRequest } from 'next/server';
import { refusedResponse } from './refused';
import { findDraft } from '@/lib/content';
import { localeOrDefault } from '@/lib/locales';
import { paths } from '@/lib/paths';
import { nowSeconds, signPreviewSession, verifyPreviewQuery } from '@/lib/preview';
import {
  BYPASS_COOKIE,
  PREVIEW_COOKIE,
  PREVIEW_HEADERS,
  previewCookieOptions,
  previewSecret,
} from '@/lib/preview-session';
import { throttledWarning } from '@/lib/throttled-log';

export const dynamic = 'force-dynamic';

const warnRefused = throttledWarning('preview.refused', '[preview] refused a link');

/** Opens a signed preview link: checks it, starts the editor's session, sends them to the draft. */
export async function GET(request: NextRequest) {
  const verified = verifyPreviewQuery(request.nextUrl.search, previewSecret(), nowSeconds());
  if (!verified.ok) {
    warnRefused(verified.reason);
    return refusedResponse(localeOrDefault(request.nextUrl.searchParams.get('locale')));
  }
  const { slug, locale, expiresAt } = verified.value;
  const story = await findDraft(locale, slug);
  if (story?.status !== 'draft') {
    warnRefused(story ? 'story is published' : 'no such draft');
    return refusedResponse(locale);
  }

  (await draftMode()).enable();
  const jar = await cookies();
  const options = previewCookieOptions(expiresAt);
  // Draft Mode's own cookie, re-set with our attributes: Lax rather than None, and the link's expiry.
  jar.set(BYPASS_COOKIE, jar.get(BYPASS_COOKIE)!.value, options);
  jar.set(PREVIEW_COOKIE, signPreviewSession(expiresAt, previewSecret()!), options);
  // The destination is computed here from the verified slug, never taken from the query.
  return new Response(null, { status: 303, headers: { ...PREVIEW_HEADERS, Location: paths.story(locale, slug) } });
}
