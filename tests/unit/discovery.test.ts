import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Story } from '@/lib/content';
import { frontMatterSchema } from '@/lib/content/schema';
import { rssFeed } from '@/lib/feeds';
import { newsSitemap, recentStories } from '@/lib/news-sitemap';
import { pageCount, pageWindow, parsePage } from '@/lib/pagination';
import { rfc822, escapeMarkup } from '@/lib/xml';

function story(slug: string, publishedAt: string, title = 'عنوان'): Story {
  return {
    ...frontMatterSchema.parse({
      title,
      summary: 'ملخص & <تفاصيل>',
      section: 'world',
      publishedAt,
      status: 'published',
    }),
    slug,
    locale: 'ar',
    bodyHtml: '<p>نص</p>',
    sourcePath: `content/stories/${slug}/ar.md`,
    image: { src: '/images/stories/x.webp', alt: 'بديل', width: 1600, height: 900 },
  };
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['item', 'url'].includes(name),
});

describe('xml', () => {
  it('escapes markup and drops characters XML forbids', () => {
    expect(escapeMarkup('a < b & c ]]> "d" \'e\'\u0001')).toBe('a &lt; b &amp; c ]]&gt; &quot;d&quot; &apos;e&apos;');
  });

  it('writes RFC 822 dates', () => {
    expect(rfc822(new Date('2024-10-25T09:00:00Z'))).toBe('Fri, 25 Oct 2024 09:00:00 GMT');
  });
});

describe('rssFeed', () => {
  const hostile = story('قصة-عربية', '2024-10-25T09:00:00Z', 'عنوان <b>فيه</b> & و ]]> ونهاية');
  const xml = rssFeed(
    {
      title: 'صحيفة & شركاؤها',
      description: 'وصف',
      locale: 'ar',
      pagePath: '/ar',
      feedPath: '/ar/feed.xml',
      sectionName: () => 'العالم',
      correctionLabel: 'تصحيح',
    },
    [hostile, story('older', '2024-10-20T09:00:00Z')],
  );

  it('is well-formed and says what the stories say, hostile headlines included', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const channel = parser.parse(xml).rss.channel;
    expect(channel.title).toBe('صحيفة & شركاؤها');
    expect(channel.language).toBe('ar');
    expect(channel.item[0].title).toBe(hostile.title);
    expect(channel.item[0].link).toMatch(/\/ar\/news\/%D9%82/);
    expect(channel.item[0].guid['@isPermaLink']).toBe('true');
    expect(channel.item[0]['media:content']['@type']).toBe('image/webp');
    expect(channel.lastBuildDate).toBe('Fri, 25 Oct 2024 09:00:00 GMT');
  });
});

describe('news sitemap', () => {
  const now = new Date('2024-10-27T09:00:00Z');
  const stories = [
    story('today', '2024-10-27T08:00:00Z'),
    story('yesterday', '2024-10-26T09:00:00Z'),
    story('old', '2024-10-20T09:00:00Z'),
    story('future', '2024-10-28T09:00:00Z'),
  ];

  it('keeps the last 48 hours, nothing older and nothing not yet out', () => {
    expect(recentStories(stories, now).map((s) => s.slug)).toEqual(['today', 'yesterday']);
  });

  it('is a valid urlset, empty when nothing is recent', () => {
    const full = newsSitemap(recentStories(stories, now), () => 'صحيفة');
    expect(XMLValidator.validate(full)).toBe(true);
    const url = parser.parse(full).urlset.url[0];
    expect(url['news:news']['news:publication']).toEqual({ 'news:name': 'صحيفة', 'news:language': 'ar' });
    expect(url['news:news']['news:publication_date']).toBe('2024-10-27T08:00:00.000Z');
    const empty = newsSitemap([], () => 'صحيفة');
    expect(XMLValidator.validate(empty)).toBe(true);
    expect(parser.parse(empty).urlset.url).toBeUndefined();
  });
});

describe('pagination', () => {
  it('counts pages and reads only plain page numbers', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(10)).toBe(1);
    expect(pageCount(11)).toBe(2);
    expect(parsePage('2')).toBe(2);
    for (const bad of ['0', '-1', 'abc', '01', '2.5', '', '9999999']) expect(parsePage(bad), bad).toBeNull();
  });
});

describe('pageWindow', () => {
  it('shows every page of a short section', () => {
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(2, 2)).toEqual([1, 2]);
  });

  it('shows the ends and the pages around the current one of a long section, with gaps', () => {
    expect(pageWindow(1, 2500)).toEqual([1, 2, 3, 'gap', 2500]);
    expect(pageWindow(50, 2500)).toEqual([1, 'gap', 48, 49, 50, 51, 52, 'gap', 2500]);
    expect(pageWindow(2500, 2500)).toEqual([1, 'gap', 2498, 2499, 2500]);
    expect(pageWindow(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});
