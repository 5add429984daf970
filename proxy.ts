/**
 * Locale negotiation only where a path has no edition yet. Every request the proxy matches costs about
 * 60% of throughput (docs/adr/0009), so edition pages, API routes, images and files never reach it.
 * The matcher names no edition: any first segment shaped like a language tag (ar, fa, pt-BR) skips
 * the proxy, and next.config.ts sends those that are no edition of ours to the default edition's 404.
 * So adding an edition, or a short route like /faq, needs no change here (docs/adr/0009).
 */
import createMiddleware from 'next-intl/middleware';
import { routing } from './i18n/routing';

export default createMiddleware(routing);

export const config = {
  matcher: ['/', '/((?!api/|_next/|_vercel/|[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*(?:/|$)|.*\\..*).*)'],
};
