import { getContent } from '@/lib/content';
import { paths } from '@/lib/paths';
import { currentSitemapFiles, sitemapFileName, sitemapIndex, XML_HEADERS } from '@/lib/sitemap';
import { absoluteUrl } from '@/lib/site';

export const revalidate = 3600;

/** The sitemap index: the fronts, then each edition's stories in files of at most 5,000. */
export async function GET() {
  const files = await currentSitemapFiles(getContent());
  return new Response(sitemapIndex(files.map((file) => absoluteUrl(paths.sitemapFile(sitemapFileName(file))))), {
    headers: XML_HEADERS,
  });
}
