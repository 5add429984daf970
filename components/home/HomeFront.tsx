import { getTranslations } from 'next-intl/server';
import { StoryCard } from '@/components/article/StoryCard';
import type { Story } from '@/lib/content';
import type { Locale } from '@/lib/locales';

export async function HomeFront({ locale, stories }: { locale: Locale; stories: Story[] }) {
  const t = await getTranslations({ locale, namespace: 'home' });
  const [lead, ...latest] = stories;
  if (!lead) return <p className="mx-auto max-w-page px-4 py-12 sm:px-6">{t('empty')}</p>;
  return (
    <div className="mx-auto max-w-page px-4 sm:px-6">
      <h1 className="sr-only">{t('title')}</h1>
      <section aria-labelledby="lead-heading" className="border-b border-rule py-6">
        <h2 id="lead-heading" className="sr-only">
          {t('lead')}
        </h2>
        <StoryCard story={lead} size="lead" />
      </section>
      {latest.length > 0 && (
        <section aria-labelledby="latest-heading" className="py-6">
          <h2 id="latest-heading" className="mb-4 border-b-4 border-ink pb-2 font-display text-title-md font-bold">
            {t('latest')}
          </h2>
          <ul className="grid gap-8 sm:grid-cols-2 lg:grid-cols-3">
            {latest.map((story) => (
              <li key={story.slug}>
                <StoryCard story={story} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
