/**
 * Sitemaps for an archive of any size: `/sitemap.xml` is an index of files of at most
 * SITEMAP_SIZE URLs each (the protocol allows 50,000). Story files run oldest first, so a new
 * story lands in the edition's last file and the others keep their contents; tag and author
 * files run in the order of their keys.
 */
import type { LabelKind } from './content/labels';
import type { ContentSource } from './content/types';
import { isLocale, locales, type Locale } from './locales';
import { escapeMarkup } from './xml';

export const SITEMAP_SIZE = 5000;

export interface SitemapEntry {
  url: string;
  lastModified?: Date;
  /** hreflang → absolute URL. */
  languages?: Record<string, string>;
}

/** The lists split into numbered files, each edition's apart. */
export const sitemapLists = ['stories', 'tags', 'authors'] as const;
export type SitemapList = (typeof sitemapLists)[number];
export const labelKindOfList: Record<Exclude<SitemapList, 'stories'>, LabelKind> = { tags: 'tag', authors: 'author' };

export type SitemapFile = { kind: 'fronts' } | { kind: SitemapList; locale: Locale; number: number };

export const XML_HEADERS = { 'Content-Type': 'application/xml; charset=utf-8' };

export function sitemapFileName(file: SitemapFile): string {
  return file.kind === 'fronts' ? 'fronts.xml' : `${file.kind}-${file.locale}-${file.number}.xml`;
}

/** The file a name asks for, if it is one: `fronts.xml` or `{stories|tags|authors}-{locale}-{n}.xml`. */
export function parseSitemapFileName(name: string): SitemapFile | null {
  if (name === 'fronts.xml') return { kind: 'fronts' };
  const match = /^(stories|tags|authors)-([a-z]{2,3})-([1-9]\d{0,4})\.xml$/.exec(name);
  return match && isLocale(match[2])
    ? { kind: match[1] as SitemapList, locale: match[2], number: Number(match[3]) }
    : null;
}

export type SitemapTotals = Record<SitemapList, Record<Locale, number>>;

/** Every file the index lists, given how many stories, tags and authors each edition has. */
export function sitemapFiles(totals: SitemapTotals): SitemapFile[] {
  const lists = sitemapLists.flatMap((kind) =>
    locales.flatMap((locale) =>
      Array.from({ length: Math.ceil(totals[kind][locale] / SITEMAP_SIZE) }, (_, i) => ({
        kind,
        locale,
        number: i + 1,
      })),
    ),
  );
  return [{ kind: 'fronts' }, ...lists];
}

/** How many entries a list has in an edition, as the source counts them now. */
function listTotal(content: ContentSource, kind: SitemapList, locale: Locale): Promise<number> {
  const page = kind === 'stories' ? content.latest(locale, 0, 0) : content.labels(locale, labelKindOfList[kind], 0, 0);
  return page.then((result) => result.total);
}

/** The files the index lists now: the fronts, and each edition's stories, tags and authors. */
export async function currentSitemapFiles(content: ContentSource): Promise<SitemapFile[]> {
  const entries = await Promise.all(
    sitemapLists.map(async (kind): Promise<[string, Record<string, number>]> => [
      kind,
      Object.fromEntries(
        await Promise.all(locales.map(async (locale) => [locale, await listTotal(content, kind, locale)])),
      ),
    ]),
  );
  return sitemapFiles(Object.fromEntries(entries) as SitemapTotals);
}

/** Story file `number` as a slice of the newest-first list: which offset and how many, oldest first once reversed. */
export function storySlice(total: number, number: number): { offset: number; limit: number } | null {
  const end = total - (number - 1) * SITEMAP_SIZE;
  if (end <= 0) return null;
  const offset = Math.max(end - SITEMAP_SIZE, 0);
  return { offset, limit: end - offset };
}

export function sitemapIndex(urls: string[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' +
    urls.map((url) => `<sitemap><loc>${escapeMarkup(url)}</loc></sitemap>`).join('') +
    '</sitemapindex>\n'
  );
}

export function urlset(entries: SitemapEntry[]): string {
  const urls = entries.map((entry) => {
    const parts = [`<loc>${escapeMarkup(entry.url)}</loc>`];
    for (const [hreflang, href] of Object.entries(entry.languages ?? {})) {
      parts.push(`<xhtml:link rel="alternate" hreflang="${escapeMarkup(hreflang)}" href="${escapeMarkup(href)}"/>`);
    }
    if (entry.lastModified) parts.push(`<lastmod>${entry.lastModified.toISOString()}</lastmod>`);
    return `<url>${parts.join('')}</url>`;
  });
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">' +
    urls.join('') +
    '</urlset>\n'
  );
}
