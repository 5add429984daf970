import { notFound } from 'next/navigation';
import { getContent } from '@/lib/content';
import { lastChange } from '@/lib/feeds';
import { locales, type Locale } from '@/lib/locales';
import { languageAlternates } from '@/lib/metadata';
import { SECTION_PAGE_SIZE } from '@/lib/pagination';
import { paths } from '@/lib/paths';
import { sections } from '@/lib/sections';
import { absoluteUrl } from '@/lib/site';
import {
  currentSitemapFiles,
  labelKindOfList,
  parseSitemapFileName,
  SITEMAP_SIZE,
  sitemapFileName,
  storySlice,
  urlset,
  XML_HEADERS,
  type SitemapEntry,
  type SitemapList,
} from '@/lib/sitemap';

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
    entries.push({
      url: absoluteUrl(paths.home(locale)),
      lastModified: lastChange(home.items),
      languages: languageAlternates(paths.home, [...locales]),
    });
    for (const section of sections) {
      const front = await content.inSection(locale, section, 0, SECTION_PAGE_SIZE);
      entries.push({
        url: absoluteUrl(paths.section(locale, section)),
        lastModified: lastChange(front.items),
        languages: languageAlternates((l) => paths.section(l, section), [...locales]),
      });
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

/** Tag or author pages, in the order of their keys, each dated by its newest story. */
async function labelEntries(
  list: Exclude<SitemapList, 'stories'>,
  locale: Locale,
  number: number,
): Promise<SitemapEntry[] | null> {
  const kind = labelKindOfList[list];
  const labels = (await getContent().labels(locale, kind, (number - 1) * SITEMAP_SIZE, SITEMAP_SIZE)).items;
  if (labels.length === 0) return null;
  return Promise.all(
    labels.map(async (label) => ({
      url: absoluteUrl(paths.label(locale, kind, label.key)),
      lastModified: label.newest,
      languages: languageAlternates(
        (l) => paths.label(l, kind, label.key),
        await getContent().labelEditions(kind, label.key),
      ),
    })),
  );
}

async function entriesOf(name: string): Promise<SitemapEntry[] | null> {
  const file = parseSitemapFileName(name);
  if (!file) return null;
  if (file.kind === 'fronts') return frontEntries();
  if (file.kind === 'stories') return storyEntries(file.locale, file.number);
  return labelEntries(file.kind, file.locale, file.number);
}

export async function GET(_request: Request, { params }: RouteContext<'/sitemaps/[file]'>) {
  const entries = await entriesOf((await params).file);
  if (!entries) notFound();
  return new Response(urlset(entries), { headers: XML_HEADERS });
}
