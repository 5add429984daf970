import { getTranslations } from 'next-intl/server';
import { DateLine } from '@/components/article/DateLine';
import type { StorySummary } from '@/lib/content';

/**
 * A story's corrections, newest first, each dated in the edition's calendar: under its headline and on the corrections
 * page.
 */
export async function CorrectionLines({ story, className }: { story: StorySummary; className?: string }) {
  const t = await getTranslations({ locale: story.locale, namespace: 'corrections' });
  return [...story.corrections]
    .sort((a, b) => b.date.getTime() - a.date.getTime())
    .map((correction) => (
      <p key={`${correction.date.toISOString()} ${correction.text}`} className={className}>
        <strong className="font-display">{t('correction')}</strong>{' '}
        <DateLine date={correction.date} locale={story.locale} variant="short" className="text-muted" />
        {t('separator')}
        {correction.text}
      </p>
    ));
}

/** Under the headline: the story's corrections, then an update's note. */
export async function CorrectionsNotice({ story }: { story: StorySummary }) {
  if (!story.corrections.length && !story.updateNote) return null;
  const t = await getTranslations({ locale: story.locale, namespace: 'corrections' });
  return (
    <aside
      aria-label={t('label')}
      data-corrections
      className="flex flex-col gap-2 border-s-4 border-accent bg-wash px-4 py-3 text-meta"
    >
      <CorrectionLines story={story} />
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
