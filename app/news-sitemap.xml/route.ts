import { getTranslations } from 'next-intl/server';
import { getContent } from '@/lib/content';
import { locales } from '@/lib/locales';
import { newsSitemap, recentStories } from '@/lib/news-sitemap';

// "The last 48 hours" moves with the clock: rebuild the list every five minutes.
export const revalidate = 300;

export async function GET() {
  const content = getContent();
  const now = new Date();
  const names = Object.fromEntries(await Promise.all(locales.map(async (locale) => [locale, (await getTranslations({ locale }))('site.name')])));
  const stories = locales.flatMap((locale) => recentStories(content.allPublished(locale), now));
  return new Response(newsSitemap(stories, (story) => names[story.locale]), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
}
