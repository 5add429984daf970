import type { Metadata } from 'next';
import { draftMode } from 'next/headers';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { paths } from '@/lib/paths';
import type { Locale } from '@/lib/locales';
import { NotFoundSignal } from './NotFoundSignal.island';
import { SiteHeader } from './SiteHeader';
import { pageHref } from '@/components/lite/render-mode';

/**
 * The localized "page not found" page: the same words whether the server or the browser draws it.
 * `withHeader={false}` for the segment's not-found.tsx (a bare notFound() in Draft Mode or `next dev`),
 * which Next writes into every page's RSC payload: the header is 2 KB of it.
 */
export async function NotFoundView({ locale, withHeader = true }: { locale: Locale; withHeader?: boolean }) {
  const t = await getTranslations({ locale, namespace: 'notFound' });
  return (
    <>
      {withHeader && <SiteHeader locale={locale} />}
      <main id="main" tabIndex={-1} className="mx-auto max-w-measure px-4 py-16 sm:px-6">
        <h1 className="font-display text-title-lg font-bold">{t('title')}</h1>
        <p className="mt-4 text-body">{t('body')}</p>
        <p className="mt-6">
          <a href={pageHref(paths.home(locale))} className="font-bold text-accent underline">
            {t('backHome')}
          </a>
        </p>
      </main>
    </>
  );
}

export async function notFoundMetadata(locale: Locale): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: 'notFound' });
  return { title: { absolute: t('title') } };
}

/**
 * What a page renders for something that does not exist. A bare notFound() makes Next 16 answer with an empty
 * document that only JavaScript fills in (vercel/next.js#62228). Thrown inside a Suspense boundary of a static
 * or ISR render, it still sets the 404, and the HTML keeps the layout (lang, dir, footer) with this fallback in
 * place, so readers without JavaScript and crawlers get the localized page. Renders that stream (Draft Mode,
 * `next dev`) send their status before the boundary could change it, so there the bare call is the right one.
 */
export async function NotFoundPage({ locale }: { locale: Locale }) {
  if (process.env.NODE_ENV === 'development' || (await draftMode()).isEnabled) notFound();
  const view = <NotFoundView locale={locale} />;
  return (
    <Suspense fallback={view}>
      <NotFoundSignal>{view}</NotFoundSignal>
    </Suspense>
  );
}
