import { getTranslations } from 'next-intl/server';
import { Fragment, type ReactNode } from 'react';
import { paths } from '@/lib/paths';
import { labelKey, labelsOf, type Story, type StorySummary } from '@/lib/content';
import { AgeLabel } from './AgeLabel';
import { DateLine } from './DateLine';
import { HeroFigure } from './HeroFigure';
import { StoryShare } from '@/components/share/StoryShare';
import { StoryCard } from './StoryCard';
import { CorrectionsNotice } from '@/components/corrections/CorrectionsNotice';
import { bodyHtml, isLite, pageHref } from '@/components/lite/render-mode';
import { withEmbeds } from '@/components/embeds/body-embeds';
import { EmbedLoader } from '@/components/embeds/EmbedLoader.island';

interface Props {
  story: Story;
  related: StorySummary[];
}

/** The story page, in the order of the reference story: date, headline, share, picture, dek, body, more, sources. */
export async function Article({ story, related }: Props) {
  const t = await getTranslations({ locale: story.locale });
  const body = await withEmbeds(bodyHtml(story.bodyHtml), story.locale);
  return (
    <article className="mx-auto max-w-measure px-4 pt-6 sm:px-6" aria-labelledby="story-headline">
      <ArticleHeader story={story} />

      {story.image && <HeroFigure image={story.image} locale={story.locale} />}

      <p className="mt-6 text-dek text-ink">{story.summary}</p>

      <div className="story-body mt-6 text-body" dangerouslySetInnerHTML={{ __html: body.html }} />
      {body.embeds > 0 && !isLite() && <EmbedLoader />}

      <div className="mt-8">
        <StoryShare story={story} />
      </div>

      {related.length > 0 && (
        <aside aria-labelledby="continue-reading" className="mt-12 border-t-4 border-ink pt-4">
          <h2 id="continue-reading" className="font-display text-title-md font-bold">
            {t('story.continueReading')}
          </h2>
          <ul className="mt-4 grid gap-6 sm:grid-cols-2">
            {related.map((item) => (
              <li key={item.slug}>
                <StoryCard story={item} size="related" />
              </li>
            ))}
          </ul>
        </aside>
      )}

      <ArticleFooter story={story} />
    </article>
  );
}

/**
 * Section, date line, headline, bylines and share: the top of every story page, a live one's too (`status` above the
 * date).
 */
export async function ArticleHeader({ story, status }: { story: Story; status?: ReactNode }) {
  const t = await getTranslations({ locale: story.locale });
  const authors = labelsOf(story.authors, 'author');
  return (
    <header className="flex flex-col gap-3">
      <a
        href={pageHref(paths.section(story.locale, story.section))}
        className="self-start font-display text-kicker font-bold text-accent hover:underline"
      >
        {t(`sections.${story.section}`)}
      </a>
      {status}
      <p className="flex flex-wrap gap-x-3 text-meta text-muted">
        <DateLine date={story.publishedAt} locale={story.locale} />
        {story.updatedAt && (
          <span>
            {t.rich('story.updated', {
              date: () => <DateLine date={story.updatedAt!} locale={story.locale} variant="short" />,
            })}
          </span>
        )}
      </p>
      <AgeLabel story={story} />
      <h1 id="story-headline" className="font-display text-title-md font-bold sm:text-title-xl">
        {story.title}
      </h1>
      <CorrectionsNotice story={story} />
      {authors.length > 0 && (
        <p className="text-meta text-muted">
          {t.rich('story.by', {
            names: () =>
              authors.map((author, i) => (
                <Fragment key={author.key}>
                  {i > 0 && t('story.listSeparator')}
                  <a
                    href={pageHref(paths.label(story.locale, 'author', author.key))}
                    rel="author"
                    className="font-bold text-ink hover:underline"
                  >
                    {author.name}
                  </a>
                </Fragment>
              )),
          })}
        </p>
      )}
      <StoryShare story={story} withPanel />
    </header>
  );
}

/** Sources and tags, at the foot of every story page. */
export async function ArticleFooter({ story }: { story: Story }) {
  const t = await getTranslations({ locale: story.locale });
  // A tag with no letter or digit (an emoji) has no page: it stays plain text.
  const tags = story.tags.map((name) => ({ name, key: labelKey(name) }));
  return (
    <footer className="mt-10 flex flex-col gap-3 border-t border-rule pt-4 text-meta">
      {story.sources.length > 0 && (
        <p>
          <span className="font-display font-bold">{t('story.sources')}</span>{' '}
          {story.sources.join(t('story.listSeparator'))}
        </p>
      )}
      {story.tags.length > 0 && (
        <div className="flex flex-wrap items-center gap-2">
          <h2 className="font-display font-bold">{t('story.tags')}</h2>
          <ul className="flex flex-wrap gap-2">
            {tags.map(({ name, key }) => (
              <li key={name}>
                {key ? (
                  <a href={pageHref(paths.label(story.locale, 'tag', key))} rel="tag" className="tag-chip">
                    {name}
                  </a>
                ) : (
                  <span className="tag-chip">{name}</span>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </footer>
  );
}
