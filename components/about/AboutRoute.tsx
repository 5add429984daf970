import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { NotFoundPage, notFoundMetadata } from '@/components/layout/NotFound';
import { SiteHeader } from '@/components/layout/SiteHeader';
import { enterEdition, pageHref } from '@/components/lite/render-mode';
import { JsonLd } from '@/components/seo/JsonLd';
import { cardLabels, siteShareImage } from '@/i18n/labels';
import { isLocale, localeOrDefault, locales } from '@/lib/locales';
import { listingMetadata, organizationJsonLd } from '@/lib/metadata';
import { paths } from '@/lib/paths';

/** The parts of the about page, each an anchor the organization's structured data points at (lib/site.ts). */
const PARTS = ['principles', 'corrections', 'masthead', 'ethics'] as const;

export async function aboutMetadata(segment: string): Promise<Metadata> {
  const locale = enterEdition(segment);
  if (!isLocale(locale)) return notFoundMetadata(localeOrDefault(locale));
  const t = await getTranslations({ locale, namespace: 'about' });
  const labels = await cardLabels(locale);
  return listingMetadata(locale, {
    siteName: labels.brand,
    pathFor: paths.about,
    title: t('title'),
    description: t('description'),
    editions: [...locales],
    image: await siteShareImage(locale),
    feed: { path: paths.feed(locale), title: labels.feedTitle },
  });
}

/**
 * The newsroom's principles, corrections policy, masthead and ethics: sample text each newsroom replaces in messages/.
 */
export async function AboutRoute({ segment }: { segment: string }) {
  const locale = enterEdition(segment);
  if (!isLocale(locale)) return <NotFoundPage locale={localeOrDefault(locale)} />;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'about' });
  const labels = await cardLabels(locale);
  return (
    <>
      <SiteHeader locale={locale} pathIn={paths.about} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-measure px-4 pb-8 sm:px-6">
        <h1 className="border-b-4 border-ink py-6 font-display text-title-lg font-bold">{t('title')}</h1>
        {PARTS.map((part) => (
          <section key={part} id={part} aria-labelledby={`${part}-title`} className="mt-8 scroll-mt-4">
            <h2 id={`${part}-title`} className="font-display text-title-sm font-bold">
              {t(part)}
            </h2>
            <p className="mt-2 text-body">{t(`${part}Text`)}</p>
            {part === 'corrections' && (
              <p className="mt-2">
                <a href={pageHref(paths.corrections(locale))} className="font-bold text-accent underline">
                  {t('correctionsLink')}
                </a>
              </p>
            )}
          </section>
        ))}
      </main>
      <JsonLd data={organizationJsonLd(locale, labels.brand)} />
    </>
  );
}
