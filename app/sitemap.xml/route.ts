import { getContent } from '@/lib/content';
import { locales } from '@/lib/locales';
import { paths } from '@/lib/paths';
import { sitemapFileName, sitemapFiles, sitemapIndex, XML_HEADERS } from '@/lib/sitemap';
import { absoluteUrl } from '@/lib/site';

export const revalidate = 3600;

/** The sitemap index: the fronts, then each edition's stories in files of at most 5,000. */
export async function GET() {
  const totals = await Promise.all(locales.map(async (locale) => [locale, (await getContent().latest(locale, 0, 0)).total] as const));
  const files = sitemapFiles(Object.fromEntries(totals) as Record<(typeof locales)[number], number>);
  return new Response(sitemapIndex(files.map((file) => absoluteUrl(paths.sitemapFile(sitemapFileName(file))))), { headers: XML_HEADERS });
}
