import { storyAgeLabel } from '@/i18n/labels';
import type { StorySummary } from '@/lib/content';
import { renderMoment } from './story-route';

/**
 * Above an old story's headline: how long ago it was published, the words its share card carries too.
 * Counted on the day of the render: the page cache serves no story page rendered on an earlier day.
 */
export async function AgeLabel({ story }: { story: StorySummary }) {
  const label = await storyAgeLabel(story, renderMoment());
  if (!label) return null;
  return (
    <p data-age-label className="age-label">
      {label}
    </p>
  );
}
