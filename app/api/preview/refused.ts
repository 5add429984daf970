import { getTranslations } from 'next-intl/server';
import { PLAIN_PAGE_CSS } from '@/lib/http/plain-page.mjs';
import { escapeMarkup } from '@/lib/xml';
import { editions, type Locale } from '@/lib/locales';
import { PREVIEW_HEADERS } from '@/lib/preview-session';

/**
 * The one answer to every refused preview link, whatever the reason: 401, a short page in the
 * link's language, and nothing that tells whether the story exists.
 */
export async function refusedResponse(locale: Locale): Promise<Response> {
  const t = await getTranslations({ locale, namespace: 'preview' });
  const title = escapeMarkup(t('refusedTitle'));
  const html = `<!doctype html><html lang="${locale}" dir="${editions[locale].dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${title}</title><style>${PLAIN_PAGE_CSS}</style></head><body><main><h1>${title}</h1><p>${escapeMarkup(t('refusedBody'))}</p><p><a href="/${locale}">${escapeMarkup((await getTranslations({ locale, namespace: 'notFound' }))('backHome'))}</a></p></main></body></html>`;
  return new Response(html, {
    status: 401,
    headers: {
      ...PREVIEW_HEADERS,
      'Content-Type': 'text/html; charset=utf-8',
      'WWW-Authenticate': 'Bearer realm="sahifa-preview"',
    },
  });
}
