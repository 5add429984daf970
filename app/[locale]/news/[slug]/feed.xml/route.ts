import { getTranslations } from 'next-intl/server';
import { findLiveStory, getContent } from '@/lib/content';
import { LIVE_FEED_SIZE } from '@/lib/content/live';
import { liveFeed, RSS_HEADERS } from '@/lib/feeds';
import { paths } from '@/lib/paths';

export const revalidate = 3600;

/** A live page's feed: its newest posts. Revalidated with the page on every post published. */
export async function GET(_request: Request, { params }: RouteContext<'/[locale]/news/[slug]/feed.xml'>) {
  const { locale, slug } = await params;
  const story = await findLiveStory(locale, slug);
  if (!story)
    return new Response('404 Not Found: no such live page\n', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  const t = await getTranslations({ locale: story.locale });
  const posts = (await getContent().livePosts(story.locale, story.slug, 0, LIVE_FEED_SIZE)).items;
  const channel = {
    title: t('live.feedTitle', { title: story.title }),
    description: story.summary,
    locale: story.locale,
    pagePath: paths.story(story.locale, story.slug),
    feedPath: paths.liveFeed(story.locale, story.slug),
  };
  return new Response(liveFeed(channel, story, posts), { headers: RSS_HEADERS });
}
