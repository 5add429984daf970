/**
 * Publishing, whatever calls it (the hook, a CMS webhook, a message from another server): re-read
 * the named stories, then refresh only the pages they appear on. Other stories' pages keep their
 * cache; their "continue reading" catches up at their hourly revalidation.
 */
import { formatProblem, getContent, type ContentSource, type ReloadedStory } from './content';
import { locales, type Locale } from './locales';
import { pageCount } from './pagination';
import { paths } from './paths';
import { currentSitemapFiles, sitemapFileName } from './sitemap';
import { litePath, liteRenderPath } from './http/lite.mjs';

/** Section pages after the front that a publish refreshes at once (the ones `next build` prerenders). */
export const SECTION_PAGES_REFRESHED = 5;
const RELATED_REFRESHED = 4;

export interface PublishResult {
  stories: { slug: string; published: Locale[] }[];
  /** Other servers told, and how many re-read the stories before the pages were revalidated. */
  fleet?: { servers: number; answered: number };
  /** Files that could not be read: their last good version stays on the site. */
  problems: string[];
  revalidated: string[];
}

/** A path percent-encoded and as written, since caches may key Arabic slugs and tags either way. */
function bothSpellings(path: string): string[] {
  const written = decodeURI(path);
  return [...new Set([encodeURI(written), written])];
}

/** A story's own paths, and its share card's. */
function storyPaths(locale: Locale, slug: string, withCard: boolean): string[] {
  return bothSpellings(paths.story(locale, slug)).flatMap((storyPath) =>
    withCard ? [storyPath, `${storyPath}/opengraph-image`] : [storyPath],
  );
}

/** A live page's own paths in one edition: its first pages (the ones readers open) and its feed. */
function livePaths(locale: Locale, slug: string): string[] {
  // Whether or not they exist now: a deleted post may have emptied a page that is still cached.
  const own = [
    paths.liveFeed(locale, slug),
    ...Array.from({ length: SECTION_PAGES_REFRESHED }, (_, i) => paths.livePage(locale, slug, i + 1)),
  ];
  return own.flatMap(bothSpellings);
}

/** Feeds, sitemaps and share cards have no lite version. */
const NOT_A_PAGE = /(?:\.xml|\/opengraph-image)$/;

/**
 * Each page with its lite version, which the cache keeps at its render path (lib/http/lite.mjs) and which changes with
 * it.
 */
function withLiteVersions(affected: Set<string>): string[] {
  return [...affected].flatMap((path) =>
    NOT_A_PAGE.test(path) || path.startsWith('/sitemaps/') ? [path] : [path, liteRenderPath(litePath(path))!],
  );
}

/**
 * Every path whose page may show a change to these stories (and their lite versions). A change to live posts alone
 * touches the live page's own paths only: during breaking news a post a minute must not re-render the home page and
 * every list the story is in.
 */
export async function pathsAffectedBy(
  reloaded: ReloadedStory[],
  content: ContentSource = getContent(),
): Promise<string[]> {
  if (reloaded.length > 0 && reloaded.every((story) => !story.storyChanged && story.liveChanged.length > 0)) {
    const affected = new Set<string>();
    for (const story of reloaded)
      for (const locale of story.liveChanged) for (const path of livePaths(locale, story.slug)) affected.add(path);
    return withLiteVersions(affected);
  }
  const affected = new Set<string>([paths.sitemap(), paths.newsSitemap()]);
  for (const file of await currentSitemapFiles(content)) affected.add(paths.sitemapFile(sitemapFileName(file)));
  for (const story of reloaded) {
    for (const locale of story.liveChanged) for (const path of livePaths(locale, story.slug)) affected.add(path);
    for (const locale of locales) {
      for (const path of storyPaths(locale, story.slug, true)) affected.add(path);
      if (!story.published.includes(locale) && !story.sections.some((s) => s.locale === locale)) continue;
      affected.add(paths.home(locale));
      affected.add(paths.feed(locale));
      // A correction added, edited or gone moves the story in its edition's corrections list.
      for (let page = 1; page <= SECTION_PAGES_REFRESHED; page++) affected.add(paths.correctionsPage(locale, page));
      affected.add(paths.correctionsFeed(locale));
    }
    for (const { locale, kind, key } of story.labels) {
      const pages = Math.min(
        pageCount((await content.labelled(locale, kind, key, 0, 0)).total),
        SECTION_PAGES_REFRESHED,
      );
      const labelPaths = [
        paths.labelFeed(locale, kind, key),
        ...Array.from({ length: pages }, (_, i) => paths.labelPage(locale, kind, key, i + 1)),
      ];
      for (const path of labelPaths.flatMap(bothSpellings)) affected.add(path);
    }
    for (const { locale, section } of story.sections) {
      affected.add(paths.section(locale, section));
      affected.add(paths.sectionFeed(locale, section));
      const pages = Math.min(
        pageCount((await content.inSection(locale, section, 0, 0)).total),
        SECTION_PAGES_REFRESHED,
      );
      for (let page = 2; page <= pages; page++) affected.add(paths.sectionPage(locale, section, page));
    }
    for (const locale of story.published) {
      const published = await content.story(locale, story.slug);
      if (!published) continue;
      for (const neighbour of await content.related(published, RELATED_REFRESHED))
        for (const path of storyPaths(locale, neighbour.slug, false)) affected.add(path);
    }
  }
  return withLiteVersions(affected);
}

/** Tells the other servers of the fleet to re-read what changed, before the shared pages are revalidated. */
export type TellOtherServers = (
  what: { slugs: string[] } | { all: true },
) => Promise<{ servers: number; answered: number } | undefined>;

export async function publish(
  slugs: string[],
  revalidatePath: (path: string) => void,
  tellOtherServers?: TellOtherServers,
  content: ContentSource = getContent(),
): Promise<PublishResult> {
  const reloaded = await content.reload(slugs);
  const fleet = await tellOtherServers?.({ slugs });
  const revalidated = await pathsAffectedBy(reloaded, content);
  for (const path of revalidated) revalidatePath(path);
  return {
    stories: reloaded.map(({ slug, published }) => ({ slug, published })),
    ...(fleet ? { fleet } : {}),
    problems: reloaded.flatMap((story) => story.problems.map(formatProblem)),
    revalidated,
  };
}

/** After a deploy replaced the folder: take in every change, then let every page regenerate on its next request. */
export async function publishAll(
  revalidateEverything: () => void,
  tellOtherServers?: TellOtherServers,
  content: ContentSource = getContent(),
) {
  const result = await content.rescan();
  await tellOtherServers?.({ all: true });
  revalidateEverything();
  return result;
}
