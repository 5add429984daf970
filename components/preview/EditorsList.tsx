import { getTranslations } from 'next-intl/server';
import { SiteHeader } from '@/components/layout/SiteHeader';
import { PreviewBanner } from './PreviewBanner';
import { formatProblem, getContent } from '@/lib/content';
import type { Locale } from '@/lib/locales';
import { paths } from '@/lib/paths';
import { previewQuery } from '@/lib/preview';
import { previewSecret } from '@/lib/preview-session';

const RESCAN_WAIT_MS = 1000;

/**
 * The editors' list: every draft with a preview link, and what is wrong in the content folder.
 * Its links end when the current session does, so a session cannot be stretched by handing
 * itself new links.
 */
export async function EditorsList({ locale, sessionExpiresAt }: { locale: Locale; sessionExpiresAt: number }) {
  const t = await getTranslations({ locale });
  const content = getContent();
  // New and changed files join the list as the scan reaches them; a large archive's scan goes on behind the page.
  await Promise.race([content.rescan(), new Promise((resolve) => setTimeout(resolve, RESCAN_WAIT_MS))]);
  const [drafts, problems] = await Promise.all([content.drafts(), content.problems()]);
  const expiresAt = sessionExpiresAt;
  return (
    <>
      <PreviewBanner locale={locale} draft />
      <SiteHeader locale={locale} pathIn={paths.editorsList} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-page px-4 py-8 sm:px-6">
        <h1 className="font-display text-title-lg font-bold">{t('preview.listTitle')}</h1>
        {drafts.length === 0 && <p className="mt-4">{t('preview.listEmpty')}</p>}
        <ul className="mt-6 grid gap-4">
          {drafts.map((draft) => {
            const link = `/api/preview?${previewQuery({ slug: draft.slug, locale: draft.locale, expiresAt }, previewSecret()!)}`;
            return (
              <li
                key={`${draft.locale}/${draft.slug}`}
                className="rounded-lg border border-rule p-4"
                data-draft={draft.slug}
                lang={draft.locale}
              >
                <p className="text-kicker text-muted">
                  {t('preview.editionOf', { language: t(`languages.${draft.locale}`) })} ·{' '}
                  <span dir="ltr">{draft.sourcePath}</span>
                </p>
                <h2 className="font-display text-title-sm font-bold">
                  <a href={paths.story(draft.locale, draft.slug)} className="hover:underline">
                    {draft.title}
                  </a>
                </h2>
                <p className="mt-2 text-meta">
                  <a href={link} className="font-bold text-accent underline">
                    {t('preview.open')}
                  </a>
                </p>
                <label className="mt-2 block text-kicker text-muted">
                  {t('preview.previewLink')}
                  <input
                    readOnly
                    value={link}
                    dir="ltr"
                    className="mt-1 w-full rounded border border-rule bg-wash px-2 py-1 text-kicker text-ink"
                  />
                </label>
              </li>
            );
          })}
        </ul>
        <h2 className="mt-10 font-display text-title-md font-bold">{t('preview.problems')}</h2>
        {problems.length === 0 ? (
          <p className="mt-2">{t('preview.noProblems')}</p>
        ) : (
          <ul className="mt-2 list-disc ps-6 text-meta" dir="ltr" data-problems>
            {problems.map((problem) => (
              <li key={formatProblem(problem)}>{formatProblem(problem)}</li>
            ))}
          </ul>
        )}
      </main>
    </>
  );
}
