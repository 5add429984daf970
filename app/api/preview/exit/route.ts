import { cookies, draftMode } from 'next/headers';
import type { NextRequest } from 'next/server';
import { getContent, slugFromParam } from '@/lib/content';
import { localeOrDefault } from '@/lib/locales';
import { paths } from '@/lib/paths';
import { PREVIEW_COOKIE, PREVIEW_HEADERS } from '@/lib/preview-session';

export const dynamic = 'force-dynamic';

/** Ends the preview session and returns to the public story when there is one, else home. */
export async function GET(request: NextRequest) {
  (await draftMode()).disable();
  (await cookies()).delete(PREVIEW_COOKIE);
  const query = request.nextUrl.searchParams;
  const locale = localeOrDefault(query.get('locale'));
  const slug = slugFromParam(query.get('slug') ?? '');
  const destination =
    slug && (await getContent().editions(slug)).includes(locale) ? paths.story(locale, slug) : paths.home(locale);
  return new Response(null, { status: 303, headers: { ...PREVIEW_HEADERS, Location: destination } });
}
