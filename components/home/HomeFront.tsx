import { getTranslations } from 'next-intl/server';
import { StoryCard } from '@/components/article/StoryCard';
import { getContent } from '@/lib/content';
import type { Locale } from '@/lib/locales';
import { paths } from '@/lib/paths';
import { sections } from '@/lib/sections';
import { pageHref } from '@/components/lite/render-mode';

const LATEST = 5;
const PER_SECTION = 4;

/**
 * A front page: the lead story with the latest beside it, then a block per section. Section blocks
 * skip what the top of the page already shows, unless that leaves a section with nothing to show.
 */
export async function HomeFront({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale });
  const content = getContent();
  const [lead, ...latest] = (await content.latest(locale, 0, LATEST + 1)).items;
  if (!lead) return <p className="mx-auto max-w-page px-4 py-12 sm:px-6">{t('home.empty')}</p>;
  const shown = new Set([lead, ...latest].map((story) => story.slug));
  const blocks = (
    await Promise.all(
      sections.map(async (section) => {
        const candidates = (await content.inSection(locale, section, 0, PER_SECTION + LATEST + 1)).items;
        const fresh = candidates.filter((story) => !shown.has(story.slug));
        return { section, stories: (fresh.length > 0 ? fresh : candidates).slice(0, PER_SECTION) };
      }),
    )
  ).filter((block) => block.stories.length > 0);

  return (
    <div className="mx-auto max-w-page px-4 sm:px-6">
      <h1 className="sr-only">{t('home.title')}</h1>
      <div className="grid gap-8 border-b-4 border-ink py-6 lg:grid-cols-3">
        <section aria-labelledby="lead-heading" className="lg:col-span-2">
          <h2 id="lead-heading" className="sr-only">
            {t('home.lead')}
          </h2>
          <StoryCard story={lead} size="feature" />
        </section>
        {latest.length > 0 && (
          <section aria-labelledby="latest-heading" className="lg:border-s lg:border-rule lg:ps-8">
            <h2 id="latest-heading" className="mb-3 border-b-2 border-ink pb-2 font-display text-title-sm font-bold">
              {t('home.latest')}
            </h2>
            <ul className="divide-y divide-rule">
              {latest.map((story) => (
                <li key={story.slug} className="py-3">
                  <StoryCard story={story} size="compact" />
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
      {blocks.map(({ section, stories: [first, ...others] }) => (
        <section
          key={section}
          aria-labelledby={`section-${section}`}
          className="border-b border-rule py-6"
          data-home-section={section}
        >
          <div className="mb-4 flex items-baseline justify-between gap-4 border-b-2 border-ink pb-2">
            <h2 id={`section-${section}`} className="font-display text-title-md font-bold">
              <a href={pageHref(paths.section(locale, section))} className="hover:text-accent">
                {t(`sections.${section}`)}
              </a>
            </h2>
            <a
              href={pageHref(paths.section(locale, section))}
              className="font-display text-meta font-bold text-accent hover:underline"
            >
              {t('home.more', { section: t(`sections.${section}`) })}
            </a>
          </div>
          <div className="grid gap-6 md:grid-cols-2 lg:grid-cols-4">
            <div className="md:row-span-3 lg:col-span-2 lg:row-span-1">
              <StoryCard story={first} />
            </div>
            {others.length > 0 && (
              <ul className="grid gap-4 lg:col-span-2 lg:grid-cols-1">
                {others.map((story) => (
                  <li key={story.slug} className="border-b border-rule pb-3 last:border-0">
                    <StoryCard story={story} size="compact" />
                  </li>
                ))}
              </ul>
            )}
          </div>
        </section>
      ))}
    </div>
  );
}
