import { getTranslations } from 'next-intl/server';
import { paths } from '@/lib/paths';
import type { Story } from '@/lib/content';
import { DateLine } from './DateLine';
import { ResponsiveImage } from './ResponsiveImage';

interface Props {
  story: Story;
  size?: 'lead' | 'regular' | 'compact';
  headingLevel?: 'h2' | 'h3';
}

const titleSize = { lead: 'text-title-lg sm:text-title-xl', regular: 'text-title-sm', compact: 'text-title-sm' };

export async function StoryCard({ story, size = 'regular', headingLevel: Heading = 'h3' }: Props) {
  const t = await getTranslations({ locale: story.locale, namespace: 'sections' });
  const href = paths.story(story.locale, story.slug);
  return (
    <article className={size === 'lead' ? 'grid gap-4 md:grid-cols-5 md:gap-8' : 'flex flex-col gap-2'}>
      {story.image && size !== 'compact' && (
        <a href={href} tabIndex={-1} aria-hidden="true" className={size === 'lead' ? 'md:col-span-3' : ''}>
          <ResponsiveImage
            src={story.image.src}
            alt=""
            width={story.image.width}
            height={story.image.height}
            sizes={size === 'lead' ? '(min-width: 768px) 60vw, 100vw' : '(min-width: 768px) 30vw, 100vw'}
            preload={size === 'lead'}
            className="h-auto w-full rounded-sm bg-wash"
          />
        </a>
      )}
      <div className={size === 'lead' ? 'flex flex-col gap-3 md:col-span-2' : 'flex flex-col gap-1'}>
        <p className="text-kicker font-bold text-accent">{t(story.section)}</p>
        <Heading className={`font-display font-bold ${titleSize[size]}`}>
          <a href={href} className="hover:underline">
            {story.title}
          </a>
        </Heading>
        {size !== 'compact' && <p className="text-meta text-muted">{story.summary}</p>}
        <DateLine date={story.publishedAt} locale={story.locale} variant="short" className="text-kicker text-muted" />
      </div>
    </article>
  );
}
