import { getTranslations } from 'next-intl/server';
import { DateLine } from '@/components/article/DateLine';
import type { StorySummary } from '@/lib/content';

/** Under the headline: each correction, newest first, dated in the edition's calendar; then an update's note. */
export async function CorrectionsNotice({ story }: { story: StorySummary }) {
  if (!story.corrections.length && !story.updateNote) return null;
  const t = await getTranslations({ locale: story.locale, namespace: 'corrections' });
  const newestFirst = [...story.corrections].sort((a, b) => b.date.getTime() - a.date.getTime());
  return (
    <aside aria-label={t('label')} data-corrections className="flex flex-col gap-2 border-s-4 border-accent bg-wash px-4 py-3 text-meta">
      {newestFirst.map((correction) => (
        <p key={`${correction.date.toISOString()} ${correction.text}`}>
          <strong className="font-display">{t('correction')}</strong> <DateLine date={correction.date} locale={story.locale} variant="short" className="text-muted" />
          {t('separator')}
          {correction.text}
        </p>
      ))}
      {story.updateNote && (
        <p>
          <strong className="font-display">{t('update')}</strong>
          {t('separator')}
          {story.updateNote}
        </p>
      )}
    </aside>
  );
}
