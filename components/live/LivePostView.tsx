import type { LivePostViewData } from '@/lib/live-post-view';

export interface LivePostLabels {
  keyEvent: string;
  permalink: string;
  share: string;
}

interface Props {
  post: LivePostViewData;
  labels: LivePostLabels;
  /** The post's anchor (`post-{id}`) where it sits in the stream; none for its copy in the pinned box. */
  anchor?: string;
}

/**
 * One live post. The live island fills a hidden copy of this markup for posts that arrive after the page
 * was rendered (the `data-slot` elements), so a post looks the same whichever way it came.
 */
export function LivePostView({ post, labels, anchor }: Props) {
  return (
    <article
      id={anchor}
      data-post-id={post.id}
      data-rev={post.rev}
      className="flex scroll-mt-4 flex-col gap-2 border-t border-rule py-5"
    >
      <p className="flex flex-wrap items-center gap-x-3 text-meta text-muted">
        <a href={post.permalink} data-slot="permalink-time" className="font-bold text-ink hover:underline">
          <time dateTime={post.dateTime} data-slot="time">
            {post.timeText}
          </time>
        </a>
        <span data-slot="relative" />
        {post.key && (
          <span data-slot="key" className="font-display font-bold text-accent">
            {labels.keyEvent}
          </span>
        )}
      </p>
      {post.headline && (
        <h3 data-slot="headline" className="font-display text-title-sm font-bold">
          {post.headline}
        </h3>
      )}
      <div data-slot="body" className="story-body text-body" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
      <p className="flex flex-wrap gap-x-4 text-meta">
        <a href={post.permalink} data-slot="permalink" className="text-muted underline hover:text-ink">
          {labels.permalink}
        </a>
        <a
          href={post.shareHref}
          data-slot="share"
          target="_blank"
          rel="noopener noreferrer"
          className="text-muted underline hover:text-ink"
        >
          {labels.share}
        </a>
      </p>
    </article>
  );
}
