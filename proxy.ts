/**
 * Locale negotiation only where a path has no locale yet. Every request the proxy matches costs
 * throughput (DESIGN.md: about 60%), so prefixed pages, API routes, images and files never reach it.
 */
import createMiddleware from 'next-intl/middleware';
import { NextResponse, type NextRequest } from 'next/server';
import { defaultLocale } from './lib/locales';
import { routing } from './i18n/routing';

const negotiateLocale = createMiddleware(routing);

/** A first segment shaped like a language tag (fr, pt-BR) that we do not publish in. */
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

export default function proxy(request: NextRequest) {
  const first = request.nextUrl.pathname.split('/')[1] ?? '';
  if (first && LANGUAGE_TAG.test(first)) {
    // /fr/news/x: answer with the default edition's 404 at once, rather than redirect to /ar/fr/news/x first.
    const url = request.nextUrl.clone();
    url.pathname = `/${defaultLocale}${request.nextUrl.pathname}`;
    return NextResponse.rewrite(url);
  }
  return negotiateLocale(request);
}

export const config = {
  matcher: ['/', '/((?!api/|_next/|_vercel/|ar(?:/|$)|en(?:/|$)|.*\\..*).*)'],
};
