import { getTranslations } from 'next-intl/server';
import { getContent } from '@/lib/content';
import { locales } from '@/lib/locales';
import { XML_HEADERS } from '@/lib/sitemap';
import { NEWS_SITEMAP_LIMIT, newsSitemap, recentStories } from '@/lib/news-sitemap';

// "The last 48 hours" moves with the clock: rebuild the list every five minutes.
export const revalidate = 300;

export async function GET() {
  const content = getContent();
  const now = new Date();
  const names = Object.fromEntries(
    await Promise.all(
      locales.map(async (locale): Promise<[string, string]> => [
        locale,
        (await getTranslations({ locale }))('site.name'),
      ]),
    ),
  );
  // Newest first: the stories of the last 48 hours are among the first few hundred of any newsroom.
  const newest = await Promise.all(locales.map((locale) => content.latest(locale, 0, NEWS_SITEMAP_LIMIT)));
  const stories = newest.flatMap((page) => recentStories(page.items, now));
  return new Response(
    newsSitemap(stories, (story) => names[story.locale]),
    {
      headers: XML_HEADERS,
    },
  );
}
