import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/locales';
import { paths } from '@/lib/paths';

interface Props {
  locale: Locale;
  draft: boolean;
  /** Where "exit" should lead: the story, if it is public, else home. */
  slug?: string;
}

/** Always on screen in preview, so nobody mistakes a draft for the live site. */
export async function PreviewBanner({ locale, draft, slug }: Props) {
  const t = await getTranslations({ locale, namespace: 'preview' });
  const exit = new URLSearchParams({ locale, ...(slug ? { slug } : {}) });
  return (
    <aside
      aria-label={t(draft ? 'banner' : 'bannerPublished')}
      className="sticky top-0 z-40 bg-ink text-paper"
      data-preview-banner
    >
      <div className="mx-auto flex max-w-page flex-wrap items-center justify-between gap-x-6 gap-y-1 px-4 py-2 text-meta sm:px-6">
        <p className="font-bold">{t(draft ? 'banner' : 'bannerPublished')}</p>
        <p className="flex gap-4">
          <a href={paths.editorsList(locale)} className="underline">
            {t('list')}
          </a>
          <a href={`/api/preview/exit?${exit}`} className="font-bold underline">
            {t('exit')}
          </a>
        </p>
      </div>
    </aside>
  );
}
