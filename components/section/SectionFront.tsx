import { getTranslations } from 'next-intl/server';
import { StoryCard } from '@/components/article/StoryCard';
import type { Story } from '@/lib/content';
import type { Locale } from '@/lib/locales';
import type { Section } from '@/lib/sections';

export async function SectionFront({ locale, section, stories }: { locale: Locale; section: Section; stories: Story[] }) {
  const t = await getTranslations({ locale });
  const [lead, ...rest] = stories;
  return (
    <div className="mx-auto max-w-page px-4 sm:px-6">
      <h1 className="border-b-4 border-ink py-6 font-display text-title-lg font-bold">{t(`sections.${section}`)}</h1>
      {!lead && <p className="py-12">{t('section.empty')}</p>}
      {lead && (
        <div className="border-b border-rule py-6">
          <StoryCard story={lead} size="lead" headingLevel="h2" />
        </div>
      )}
      {rest.length > 0 && (
        <ul className="grid gap-8 py-6 sm:grid-cols-2 lg:grid-cols-3">
          {rest.map((story) => (
            <li key={story.slug}>
              <StoryCard story={story} headingLevel="h2" />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
