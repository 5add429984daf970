/**
 * Sitemaps for an archive of any size: `/sitemap.xml` is an index of files of at most
 * SITEMAP_SIZE URLs each (the protocol allows 50,000). Story files run oldest first, so a new
 * story lands in the edition's last file and the others keep their contents.
 */
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

export type SitemapFile = { kind: 'fronts' } | { kind: 'stories'; locale: Locale; number: number };

export const XML_HEADERS = { 'Content-Type': 'application/xml; charset=utf-8' };

export function sitemapFileName(file: SitemapFile): string {
  return file.kind === 'fronts' ? 'fronts.xml' : `stories-${file.locale}-${file.number}.xml`;
}

/** The file a name asks for, if it is one: `fronts.xml` or `stories-{locale}-{n}.xml`. */
export function parseSitemapFileName(name: string): SitemapFile | null {
  if (name === 'fronts.xml') return { kind: 'fronts' };
  const match = /^stories-([a-z]{2,3})-([1-9]\d{0,4})\.xml$/.exec(name);
  return match && isLocale(match[1]) ? { kind: 'stories', locale: match[1], number: Number(match[2]) } : null;
}

/** Every file the index lists, given how many stories each edition publishes. */
export function sitemapFiles(totals: Record<Locale, number>): SitemapFile[] {
  const stories = locales.flatMap((locale) => Array.from({ length: Math.ceil(totals[locale] / SITEMAP_SIZE) }, (_, i) => ({ kind: 'stories' as const, locale, number: i + 1 })));
  return [{ kind: 'fronts' }, ...stories];
}

/** The files the index lists now: the fronts, and each edition's stories as the source counts them. */
export async function currentSitemapFiles(content: ContentSource): Promise<SitemapFile[]> {
  const totals = await Promise.all(locales.map(async (locale) => (await content.latest(locale, 0, 0)).total));
  return sitemapFiles(Object.fromEntries(locales.map((locale, i) => [locale, totals[i]])) as Record<Locale, number>);
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
