import { NotFoundPage } from '@/components/layout/NotFound';
import { SiteHeader } from '@/components/layout/SiteHeader';
import { PreviewBanner } from '@/components/preview/PreviewBanner';
import { JsonLd } from '@/components/seo/JsonLd';
import { storySeo } from '@/components/article/story-route';
import { getContent, type Story } from '@/lib/content';
import { LIVE_PAGE_SIZE } from '@/lib/content/live';
import { liveBlogJsonLd } from '@/lib/metadata';
import { pageCount } from '@/lib/pagination';
import { paths } from '@/lib/paths';
import { LiveArticle } from './LiveArticle';
import { isLite } from '@/components/lite/render-mode';

/** Page `page` of a live story: page 1 at the story's own URL, older posts at `…/page/{n}`. */
export async function LiveStoryPage({ story, page, preview }: { story: Story; page: number; preview: boolean }) {
  const content = getContent();
  const { items: posts, total } = await content.livePosts(
    story.locale,
    story.slug,
    (page - 1) * LIVE_PAGE_SIZE,
    LIVE_PAGE_SIZE,
  );
  if (page > pageCount(total, LIVE_PAGE_SIZE)) return <NotFoundPage locale={story.locale} />;
  const isDraft = story.status === 'draft';
  return (
    <>
      {preview && <PreviewBanner locale={story.locale} draft={isDraft} slug={isDraft ? undefined : story.slug} />}
      <SiteHeader
        locale={story.locale}
        editionsOfPage={await content.editions(story.slug)}
        pathIn={(edition) => paths.story(edition, story.slug)}
      />
      <main id="main" tabIndex={-1}>
        <LiveArticle
          story={story}
          page={page}
          posts={posts}
          total={total}
          withUpdates={page === 1 && !preview && !isLite()}
        />
      </main>
      {!isDraft && page === 1 && <JsonLd data={liveBlogJsonLd(story, posts, await storySeo(story))} />}
    </>
  );
}
