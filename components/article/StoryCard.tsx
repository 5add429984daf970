import { getTranslations } from 'next-intl/server';
import { paths } from '@/lib/paths';
import type { StorySummary } from '@/lib/content';
import { LiveBadge } from '@/components/live/LiveBadge';
import { DateLine } from './DateLine';
import { isLite, pageHref } from '@/components/lite/render-mode';
import { ResponsiveImage } from './ResponsiveImage';

type Size = 'feature' | 'lead' | 'regular' | 'related' | 'compact';

interface Props {
  story: StorySummary;
  /**
   * feature: picture above a big headline; lead: picture beside it; regular: a card; related: a card
   * without its summary, under a story the reader has just read; compact: headline only.
   */
  size?: Size;
  headingLevel?: 'h2' | 'h3';
}

const layout: Record<Size, { article: string; picture: string; text: string; title: string; sizes: string }> = {
  feature: {
    article: 'flex flex-col gap-4',
    picture: '',
    text: 'flex flex-col gap-3',
    title: 'text-title-lg sm:text-title-xl',
    sizes: '(min-width: 1024px) 66vw, 100vw',
  },
  lead: {
    article: 'grid gap-4 md:grid-cols-5 md:gap-8',
    picture: 'md:col-span-3',
    text: 'flex flex-col gap-3 md:col-span-2',
    title: 'text-title-lg sm:text-title-xl',
    sizes: '(min-width: 768px) 60vw, 100vw',
  },
  regular: {
    article: 'flex flex-col gap-2',
    picture: '',
    text: 'flex flex-col gap-1',
    title: 'text-title-sm',
    sizes: '(min-width: 768px) 30vw, 100vw',
  },
  related: {
    article: 'flex flex-col gap-2',
    picture: '',
    text: 'flex flex-col gap-1',
    title: 'text-title-sm',
    sizes: '(min-width: 640px) 320px, 100vw',
  },
  compact: {
    article: 'flex flex-col gap-2',
    picture: '',
    text: 'flex flex-col gap-1',
    title: 'text-title-sm',
    sizes: '',
  },
};

export async function StoryCard({ story, size = 'regular', headingLevel: Heading = 'h3' }: Props) {
  const t = await getTranslations({ locale: story.locale, namespace: 'sections' });
  const href = pageHref(paths.story(story.locale, story.slug));
  const style = layout[size];
  const prominent = size === 'feature' || size === 'lead';
  return (
    <article className={style.article}>
      {story.image && size !== 'compact' && !isLite() && (
        <a href={href} tabIndex={-1} aria-hidden="true" className={style.picture}>
          <ResponsiveImage
            src={story.image.src}
            alt=""
            width={story.image.width}
            height={story.image.height}
            sizes={style.sizes}
            preload={prominent}
            className="h-auto w-full rounded-sm bg-wash"
          />
        </a>
      )}
      <div className={style.text}>
        <p className="card-kicker">
          {story.live === 'live' && <LiveBadge locale={story.locale} />}
          {t(story.section)}
        </p>
        <Heading className={`font-display font-bold ${style.title}`}>
          <a href={href} className="hover:underline">
            {story.title}
          </a>
        </Heading>
        {size !== 'compact' && size !== 'related' && (
          <p className={prominent ? 'text-dek text-muted' : 'text-meta text-muted'}>{story.summary}</p>
        )}
        <DateLine date={story.publishedAt} locale={story.locale} variant="short" className="text-kicker text-muted" />
      </div>
    </article>
  );
}
