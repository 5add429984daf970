import { notFound } from 'next/navigation';
import { getContent } from '@/lib/content';
import { lastChange } from '@/lib/feeds';
import { locales, type Locale } from '@/lib/locales';
import { languageAlternates } from '@/lib/metadata';
import { SECTION_PAGE_SIZE } from '@/lib/pagination';
import { paths } from '@/lib/paths';
import { sections } from '@/lib/sections';
import { absoluteUrl } from '@/lib/site';
import { currentSitemapFiles, parseSitemapFileName, sitemapFileName, storySlice, urlset, XML_HEADERS, type SitemapEntry } from '@/lib/sitemap';

export const revalidate = 3600;

export async function generateStaticParams() {
  return (await currentSitemapFiles(getContent())).map((file) => ({ file: sitemapFileName(file) }));
}

/** Home and section fronts, each dated by the newest change among the stories it shows. */
async function frontEntries(): Promise<SitemapEntry[]> {
  const content = getContent();
  const entries: SitemapEntry[] = [];
  for (const locale of locales) {
    const home = await content.latest(locale, 0, SECTION_PAGE_SIZE);
    entries.push({ url: absoluteUrl(paths.home(locale)), lastModified: lastChange(home.items), languages: languageAlternates(paths.home, [...locales]) });
    for (const section of sections) {
      const front = await content.inSection(locale, section, 0, SECTION_PAGE_SIZE);
      entries.push({ url: absoluteUrl(paths.section(locale, section)), lastModified: lastChange(front.items), languages: languageAlternates((l) => paths.section(l, section), [...locales]) });
    }
  }
  return entries;
}

async function storyEntries(locale: Locale, number: number): Promise<SitemapEntry[] | null> {
  const slice = storySlice((await getContent().latest(locale, 0, 0)).total, number);
  if (!slice) return null;
  const stories = (await getContent().latest(locale, slice.offset, slice.limit)).items.reverse();
  return Promise.all(
    stories.map(async (story) => ({
      url: absoluteUrl(paths.story(locale, story.slug)),
      lastModified: story.updatedAt ?? story.publishedAt,
      languages: languageAlternates((l) => paths.story(l, story.slug), await getContent().editions(story.slug)),
    })),
  );
}

export async function GET(_request: Request, { params }: RouteContext<'/sitemaps/[file]'>) {
  const file = parseSitemapFileName((await params).file);
  const entries = !file ? null : file.kind === 'fronts' ? await frontEntries() : await storyEntries(file.locale, file.number);
  if (!entries) notFound();
  return new Response(urlset(entries), { headers: XML_HEADERS });
}
