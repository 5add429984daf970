import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileStore } from '@/lib/content/file-store';
import { publish } from '@/lib/publish';
import { parseSitemapFileName, SITEMAP_SIZE, sitemapFileName, sitemapFiles, storySlice } from '@/lib/sitemap';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-publish-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function write(
  slug: string,
  locale: string,
  fields: { section: string; tags: string[]; publishedAt: string; status?: string },
) {
  const folder = path.join(root, 'stories', slug);
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(
    path.join(folder, `${locale}.md`),
    `---\ntitle: "${slug}"\nsummary: "ملخص"\nsection: ${fields.section}\ntags: ${JSON.stringify(fields.tags)}\npublishedAt: "${fields.publishedAt}"\nstatus: ${fields.status ?? 'published'}\n---\nنص.\n`,
  );
}

describe('publish', () => {
  it('re-reads the named story and revalidates only the pages it appears on', async () => {
    write('neighbour', 'ar', { section: 'science', tags: ['قمر'], publishedAt: '2024-10-01T09:00:00Z' });
    write('bystander', 'ar', { section: 'culture', tags: ['قهوة'], publishedAt: '2024-10-02T09:00:00Z' });
    write('fresh', 'ar', { section: 'science', tags: ['قمر'], publishedAt: '2024-10-03T09:00:00Z', status: 'draft' });
    const content = createFileStore({
      dir: root,
      indexFile: path.join(root, 'index.sqlite'),
      waitForScan: true,
      log: () => {},
      info: () => {},
    });
    await content.ready();
    write('fresh', 'ar', { section: 'science', tags: ['قمر'], publishedAt: '2024-10-03T09:00:00Z' });

    const revalidated: string[] = [];
    const told: unknown[] = [];
    const result = await publish(
      ['fresh'],
      (p) => revalidated.push(p),
      async (what) => (told.push(what), { servers: 2, answered: 2 }),
      content,
    );

    expect(result.stories).toEqual([{ slug: 'fresh', published: ['ar'] }]);
    expect(result.fleet).toEqual({ servers: 2, answered: 2 });
    expect(told).toEqual([{ slugs: ['fresh'] }]);
    expect(revalidated).toEqual(result.revalidated);
    const moonTag = `/ar/tag/${encodeURIComponent('قمر')}`;
    for (const expected of [
      '/ar/news/fresh',
      '/ar/news/fresh/opengraph-image',
      '/en/news/fresh',
      '/ar',
      '/ar/feed.xml',
      '/ar/section/science',
      '/ar/section/science/feed.xml',
      moonTag,
      '/ar/tag/قمر',
      `${moonTag}/feed.xml`,
      '/sitemap.xml',
      '/sitemaps/stories-ar-1.xml',
      '/sitemaps/tags-ar-1.xml',
      '/news-sitemap.xml',
      '/ar/news/neighbour',
    ]) {
      expect(revalidated, expected).toContain(expected);
    }
    // Nothing of the editions, sections and tags it is not in, and no other story's page.
    for (const untouched of [
      '/en',
      '/en/feed.xml',
      '/ar/section/culture',
      '/ar/news/bystander',
      `/ar/tag/${encodeURIComponent('قهوة')}`,
    ]) {
      expect(revalidated, untouched).not.toContain(untouched);
    }
    // Found by search at once, and listed under its tag.
    expect((await content.search('ar', [['fresh']], 0, 10)).items.map((story) => story.slug)).toEqual(['fresh']);
    expect((await content.labelled('ar', 'tag', 'قمر', 0, 10)).items.map((story) => story.slug)).toEqual([
      'fresh',
      'neighbour',
    ]);
    expect((await content.latest('ar', 0, 1)).items[0].slug).toBe('fresh');
  });
});

describe('sitemap files', () => {
  it('splits each edition into files of SITEMAP_SIZE stories, oldest first, so a new story lands in the last', () => {
    const none = { ar: 0, en: 0, fa: 0 };
    expect(sitemapFiles({ stories: none, tags: none, authors: none }).map(sitemapFileName)).toEqual(['fronts.xml']);
    expect(
      sitemapFiles({
        stories: { ar: SITEMAP_SIZE + 1, en: 3, fa: 1 },
        tags: { ar: 2, en: 0, fa: 0 },
        authors: { ar: 0, en: SITEMAP_SIZE, fa: 0 },
      }).map(sitemapFileName),
    ).toEqual([
      'fronts.xml',
      'stories-ar-1.xml',
      'stories-ar-2.xml',
      'stories-en-1.xml',
      'stories-fa-1.xml',
      'tags-ar-1.xml',
      'authors-en-1.xml',
    ]);
    // 12,001 stories newest first: file 1 holds the 5,000 oldest, the last file the newest one.
    expect(storySlice(12_001, 1)).toEqual({ offset: 7001, limit: 5000 });
    expect(storySlice(12_001, 3)).toEqual({ offset: 0, limit: 2001 });
    expect(storySlice(12_002, 1)).toEqual({ offset: 7002, limit: 5000 });
    expect(storySlice(12_001, 4)).toBeNull();
  });

  it('knows its own file names and nothing else', () => {
    expect(parseSitemapFileName('fronts.xml')).toEqual({ kind: 'fronts' });
    expect(parseSitemapFileName('stories-en-12.xml')).toEqual({ kind: 'stories', locale: 'en', number: 12 });
    expect(parseSitemapFileName('tags-ar-2.xml')).toEqual({ kind: 'tags', locale: 'ar', number: 2 });
    expect(parseSitemapFileName('authors-en-1.xml')).toEqual({ kind: 'authors', locale: 'en', number: 1 });
    for (const bad of [
      'stories-fr-1.xml',
      'labels-ar-1.xml',
      'tags-ar-0.xml',
      'stories-ar-0.xml',
      'stories-ar-01.xml',
      'stories-ar-1.xml.gz',
      '../fronts.xml',
      '',
    ])
      expect(parseSitemapFileName(bad), bad).toBeNull();
  });
});
