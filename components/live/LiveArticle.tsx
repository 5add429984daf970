import { getMessages, getTranslations } from 'next-intl/server';
import type { Messages } from '@/i18n/messages';
import { ArticleFooter, ArticleHeader } from '@/components/article/Article';
import { HeroFigure } from '@/components/article/HeroFigure';
import { Pagination } from '@/components/listing/Pagination';
import { formatMoment } from '@/lib/dates';
import { getContent, type Story } from '@/lib/content';
import { LIVE_PAGE_SIZE, type RenderedLivePost } from '@/lib/content/live';
import { livePostView, type LivePostViewData } from '@/lib/live-post-view';
import { editions } from '@/lib/locales';
import { pageCount } from '@/lib/pagination';
import { paths } from '@/lib/paths';
import { editionTimeZone, livePollMs } from '@/lib/site';
import { LiveBadge } from './LiveBadge';
import { LivePostView, type LivePostLabels } from './LivePostView';
import { LiveUpdates } from './LiveUpdates.island';
import { bodyHtml, pageHref } from '@/components/lite/render-mode';

interface Props {
  story: Story;
  page: number;
  posts: RenderedLivePost[];
  total: number;
  /** Whether to poll for new posts: a published, running live page's first page. */
  withUpdates: boolean;
}

/** A post the live island fills in; never shown itself. */
const TEMPLATE_POST: LivePostViewData = {
  id: 'template',
  rev: '',
  time: 0,
  dateTime: '',
  timeText: '',
  headline: ' ',
  key: true,
  bodyHtml: '',
  permalink: '',
  shareHref: '',
};

/**
 * A live page: the story's header and key points (its body), the pinned post and the key events on the first
 * page, then the stream of posts, newest first, twenty a page. Complete without JavaScript; the island adds
 * what is posted after the page was made.
 */
export async function LiveArticle({ story, page, posts, total, withUpdates }: Props) {
  const t = await getTranslations({ locale: story.locale });
  const content = getContent();
  const { locale, slug } = story;
  const labels: LivePostLabels = {
    keyEvent: t('live.keyEvent'),
    permalink: t('live.permalink'),
    share: t('share.labels.whatsapp'),
  };
  const highlights = page === 1 ? await content.liveHighlights(locale, slug) : { keyEvents: [] };
  const onThisPage = new Set(posts.map((post) => post.id));
  const running = story.live === 'live';
  const cursor = withUpdates && running ? (await content.liveChanges(locale, slug, null)).cursor : undefined;
  // A post's permanent link keeps a lite page's reader on lite pages.
  const viewOf = (post: RenderedLivePost) => {
    const view = livePostView(post);
    return { ...view, permalink: pageHref(view.permalink), bodyHtml: bodyHtml(view.bodyHtml) };
  };

  return (
    <article className="mx-auto max-w-measure px-4 pt-6 sm:px-6" aria-labelledby="story-headline">
      <ArticleHeader
        story={story}
        status={
          running ? (
            <LiveBadge locale={locale} />
          ) : (
            <p role="note" className="rounded-sm border border-rule bg-wash px-3 py-2 text-meta">
              {t('live.ended')}
            </p>
          )
        }
      />
      {page === 1 && story.image && <HeroFigure image={story.image} locale={locale} />}
      <p className="mt-6 text-dek text-ink">{story.summary}</p>

      {page === 1 && (
        <section aria-labelledby="key-points" className="mt-6 rounded-sm bg-wash p-4">
          <h2 id="key-points" className="font-display text-title-sm font-bold">
            {t('live.keyPoints')}
          </h2>
          <div className="story-body mt-3 text-body" dangerouslySetInnerHTML={{ __html: bodyHtml(story.bodyHtml) }} />
        </section>
      )}

      {highlights.pinned && (
        <section data-post-holder aria-labelledby="pinned-post" className="mt-6 border-s-4 border-accent ps-4">
          <h2 id="pinned-post" className="font-display text-kicker font-bold text-accent">
            {t('live.pinned')}
          </h2>
          <LivePostView post={viewOf(highlights.pinned)} labels={labels} />
        </section>
      )}

      {highlights.keyEvents.length > 0 && (
        <nav aria-labelledby="key-events" className="mt-6">
          <h2 id="key-events" className="font-display text-title-sm font-bold">
            {t('live.keyEvents')}
          </h2>
          <ol className="mt-3 flex flex-col gap-2 border-s-2 border-rule ps-4 text-meta">
            {highlights.keyEvents.map((event) => (
              <li key={event.id}>
                <a
                  href={
                    onThisPage.has(event.id)
                      ? `#${paths.liveAnchor(event.id)}`
                      : pageHref(paths.livePost(locale, slug, event.id))
                  }
                  className="hover:underline"
                >
                  <time dateTime={event.time.toISOString()} className="font-bold">
                    {formatMoment(event.time, locale, editionTimeZone(locale))}
                  </time>{' '}
                  {event.headline ?? t('live.keyEvent')}
                </a>
              </li>
            ))}
          </ol>
        </nav>
      )}

      <section aria-labelledby="live-stream" className="mt-8">
        <h2 id="live-stream" className="font-display text-title-md font-bold">
          {t('live.stream')}{' '}
          <span className="text-meta font-normal text-muted">({t('live.postCount', { count: total })})</span>
        </h2>
        {cursor && (
          <LiveUpdates
            updatesPath={paths.liveUpdates(locale, slug)}
            cursor={cursor}
            pollMs={livePollMs}
            numbersLocale={editions[locale].numbers}
            newPosts={((await getMessages({ locale: story.locale })) as Messages).live.newPosts}
            showLabel={t('live.showNew')}
            reloadLabel={t('live.reload')}
          />
        )}
        <ol id="live-posts" className="mt-2">
          {posts.map((post) => (
            <li key={post.id} data-post-holder>
              <LivePostView post={viewOf(post)} labels={labels} anchor={paths.liveAnchor(post.id)} />
            </li>
          ))}
        </ol>
        <Pagination
          locale={locale}
          page={page}
          total={pageCount(total, LIVE_PAGE_SIZE)}
          pageHref={(n) => paths.livePage(locale, slug, n)}
        />
      </section>

      <p className="mt-4 text-meta text-muted">
        {t('live.generated', { time: formatMoment(new Date(), locale, editionTimeZone(locale)) })}
      </p>

      {cursor && (
        <div id="live-post-template" hidden>
          <LivePostView post={TEMPLATE_POST} labels={labels} />
        </div>
      )}

      <ArticleFooter story={story} />
    </article>
  );
}
