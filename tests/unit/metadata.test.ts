import { describe, expect, it } from 'vitest';
import { frontMatterSchema } from '@/lib/content/schema';
import type { Story } from '@/lib/content';
import { listingMetadata, newsArticleJsonLd, serializeJsonLd, storyMetadata } from '@/lib/metadata';
import { paths } from '@/lib/paths';

const story: Story = {
  ...frontMatterSchema.parse({
    title: 'عنوان </script><script>alert(1)</script>',
    summary: 'ملخص',
    section: 'world',
    tags: ['أرمينيا'],
    publishedAt: '2024-10-25T09:00:00Z',
    status: 'published',
    sources: ['وكالات'],
  }),
  slug: 'قصة-عربية',
  locale: 'ar',
  bodyHtml: '<p>نص</p>',
  sourcePath: 'content/stories/قصة-عربية/ar.md',
};

const image = { path: '/ar/news/x/opengraph-image?v=abc', alt: 'alt' };
const feed = { path: '/ar/feed.xml', title: 'صحيفة' };
const site = process.env.SITE_URL ?? 'http://localhost:3000';

describe('storyMetadata', () => {
  it('uses absolute, percent-encoded URLs and hreflang only where both editions exist', () => {
    const both = storyMetadata(story, {
      siteName: 'صحيفة',
      sectionName: 'العالم',
      editions: ['ar', 'en'],
      image,
      feed,
    });
    const encoded = `${site}/ar/news/${encodeURIComponent(story.slug)}`;
    expect(both.alternates?.canonical).toBe(encoded);
    expect(both.alternates?.languages).toEqual({
      ar: encoded,
      en: `${site}/en/news/${encodeURIComponent(story.slug)}`,
      'x-default': encoded,
    });
    expect(both.openGraph).toMatchObject({
      type: 'article',
      locale: 'ar_AR',
      alternateLocale: ['en_US'],
      section: 'العالم',
      tags: ['أرمينيا'],
    });
    const single = storyMetadata(story, { siteName: 'صحيفة', sectionName: 'العالم', editions: ['ar'], image, feed });
    expect(single.alternates?.languages).toBeUndefined();
    expect(single.openGraph).toMatchObject({ alternateLocale: [] });
  });

  it('uses the publication date as the modification date when there is no update', () => {
    const meta = storyMetadata(story, { siteName: 'صحيفة', sectionName: 'العالم', editions: ['ar'], image, feed });
    expect(meta.openGraph).toMatchObject({
      publishedTime: '2024-10-25T09:00:00.000Z',
      modifiedTime: '2024-10-25T09:00:00.000Z',
    });
  });
});

describe('listingMetadata', () => {
  it('describes a front as a website with both editions', () => {
    const meta = listingMetadata('en', {
      siteName: 'Sahifa',
      pathFor: paths.home,
      title: 'T',
      description: 'D',
      editions: ['ar', 'en'],
      image,
      feed,
    });
    expect(meta.openGraph).toMatchObject({ type: 'website', url: `${site}/en`, locale: 'en_US' });
    expect(meta.alternates?.languages).toMatchObject({ 'x-default': `${site}/ar` });
    expect(meta.alternates?.types).toEqual({ 'application/rss+xml': [{ url: `${site}/ar/feed.xml`, title: 'صحيفة' }] });
  });
});

describe('JSON-LD', () => {
  it('is a NewsArticle whose serialisation cannot close its script element', () => {
    const data = newsArticleJsonLd(story, { siteName: 'صحيفة', sectionName: 'العالم', image });
    expect(data.publisher['@type']).toBe('NewsMediaOrganization');
    expect(data.citation).toEqual(['وكالات']);
    const serialized = serializeJsonLd(data);
    expect(serialized).not.toMatch(/[<>&]/);
    expect(JSON.parse(serialized).headline).toBe(story.title);
  });
});
