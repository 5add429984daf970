import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/locales';
import { formatNumber } from '@/lib/dates';
import { pageWindow } from '@/lib/pagination';
import { pageHref } from '@/components/lite/render-mode';

interface Props {
  locale: Locale;
  page: number;
  total: number;
  /** The address of page n of this list. */
  pageHref: (page: number) => string;
}

/** Plain links a crawler follows, with rel=prev/next; the arrows point the way the text reads. */
export async function Pagination({ locale, page, total, pageHref: hrefOf }: Props) {
  const pageLink = (n: number) => pageHref(hrefOf(n));
  if (total <= 1) return null;
  const t = await getTranslations({ locale, namespace: 'pagination' });
  const link =
    'inline-flex min-h-11 items-center rounded-full border border-rule px-4 font-display font-bold hover:bg-wash';
  return (
    <nav
      aria-label={t('label')}
      className="flex flex-wrap items-center justify-between gap-4 border-t border-rule py-6 text-meta"
    >
      {page > 1 ? (
        <a href={pageLink(page - 1)} rel="prev" className={link}>
          <span aria-hidden="true" className="icon-directional me-2 inline-block">
            ←
          </span>
          {t('previous')}
        </a>
      ) : (
        <span />
      )}
      <ol className="flex flex-wrap gap-2">
        {pageWindow(page, total).map((n, i) =>
          n === 'gap' ? (
            <li key={`gap-${i}`} aria-hidden="true" className="inline-flex min-h-11 items-center px-1 text-muted">
              …
            </li>
          ) : (
            <li key={n}>
              <a
                href={pageLink(n)}
                aria-current={n === page ? 'page' : undefined}
                className={`inline-flex min-h-11 min-w-11 items-center justify-center rounded-full ${n === page ? 'bg-ink text-paper' : 'hover:bg-wash'}`}
              >
                {formatNumber(n, locale)}
              </a>
            </li>
          ),
        )}
      </ol>
      <p className="sr-only">{t('status', { page, total })}</p>
      {page < total ? (
        <a href={pageLink(page + 1)} rel="next" className={link}>
          {t('next')}
          <span aria-hidden="true" className="icon-directional ms-2 inline-block">
            →
          </span>
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
