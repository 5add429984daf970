/**
 * The WordPress source without a WordPress: posts as the REST API gives them (context=edit, _embed)
 * mapped to stories, bad posts reported by ID and field, and the client's answers to a WordPress that
 * fails, answers HTML or refuses the password (a local HTTP server plays it).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, WordPressError } from '@/lib/content/wordpress/client';
import { editionOf, mapPost, mediaPath, storyKeyOf, type WpPost } from '@/lib/content/wordpress/map';

function post(overrides: Partial<WpPost> = {}): WpPost {
  return {
    id: 42,
    date_gmt: '2024-10-25T09:00:00',
    modified_gmt: '2024-10-25T09:00:00',
    slug: '%d8%a3%d8%b1%d9%85%d9%8a%d9%86%d9%8a%d8%a7-%d8%aa%d8%ac%d9%85%d8%af',
    status: 'publish',
    title: { rendered: 'أرمينيا تجمد &#8220;مشاركتها&#8221;' },
    excerpt: { rendered: '<p>خلاصة الخبر [&hellip;]</p>\n' },
    content: { rendered: '<p>نص</p><script>window.__xss=1</script><h1>عنوان فرعي</h1>' },
    featured_media: 7,
    meta: { sahifa_edition: 'ar', sahifa_story: '', sahifa_authors: 'مراسل\nمحرر', sahifa_sources: 'وكالات\nالأناضول' },
    _embedded: {
      author: [{ name: 'editor' }],
      'wp:featuredmedia': [
        {
          id: 7,
          source_url: 'http://wp.example/wp-content/uploads/2026/12/a.webp',
          alt_text: 'وصف',
          caption: { rendered: '<p>تعليق</p>' },
          media_details: { width: 1600, height: 900 },
          sahifa_credit: 'الأناضول',
        },
      ],
      'wp:term': [
        [{ id: 1, slug: 'world', name: 'World', taxonomy: 'category' }],
        [
          { id: 2, slug: '%d8%a3', name: 'أرمينيا', taxonomy: 'post_tag' },
          { id: 3, slug: 'csto', name: 'CSTO &amp; Russia', taxonomy: 'post_tag' },
        ],
      ],
    },
    ...overrides,
  };
}

describe('a WordPress post as a story edition', () => {
  it('maps every field, with the Arabic slug decoded as the story key', () => {
    const mapped = mapPost(post());
    expect(mapped.key).toBe('أرمينيا-تجمد');
    if (mapped.key === null) throw new Error('no key');
    expect(mapped.locale).toBe('ar');
    expect(mapped.problems).toEqual([]);
    expect(mapped.story).toMatchObject({
      slug: 'أرمينيا-تجمد',
      locale: 'ar',
      title: 'أرمينيا تجمد “مشاركتها”',
      summary: 'خلاصة الخبر…',
      section: 'world',
      tags: ['أرمينيا', 'CSTO & Russia'],
      authors: ['مراسل', 'محرر'],
      sources: ['وكالات', 'الأناضول'],
      status: 'published',
      image: { src: '/images/wp/7.webp', alt: 'وصف', caption: 'تعليق', credit: 'الأناضول', width: 1600, height: 900 },
      sourcePath: 'WordPress post 42',
      bodyFormat: 'html',
    });
    expect(mapped.story!.publishedAt.toISOString()).toBe('2024-10-25T09:00:00.000Z');
    expect(mapped.story!.updatedAt).toBeUndefined();
    expect(mapped.story!.body).toBe('<p>نص</p><h2>عنوان فرعي</h2>');
  });

  it('takes sahifa_story and sahifa_edition over the slug and the default edition; the author when no authors are given', () => {
    const mapped = mapPost(
      post({
        meta: { sahifa_edition: 'fa', sahifa_story: 'armenia-freezes', sahifa_authors: '' },
        modified_gmt: '2024-10-26T10:00:00',
      }),
    );
    expect(mapped).toMatchObject({ key: 'armenia-freezes', locale: 'fa', story: { authors: ['editor'] } });
    expect((mapped as { story: { updatedAt: Date } }).story.updatedAt.toISOString()).toBe('2024-10-26T10:00:00.000Z');
    expect(editionOf({ meta: {} })).toBe('ar');
    expect(storyKeyOf({ id: 1, slug: 'how-tides-work__trashed', meta: {} })).toBe('how-tides-work');
  });

  it('a draft is a draft, dated when it was last saved', () => {
    const mapped = mapPost(post({ status: 'draft', date_gmt: null, modified_gmt: '2026-12-06T10:00:00' }));
    expect(mapped).toMatchObject({ story: { status: 'draft' } });
  });

  it.each([
    ['no category', { _embedded: { ...post()._embedded, 'wp:term': [[], []] } }, 'categories', 'no category'],
    [
      'a category that names no section',
      {
        _embedded: {
          ...post()._embedded,
          'wp:term': [[{ id: 1, slug: 'uncategorized', name: 'Uncategorized', taxonomy: 'category' }], []],
        },
      },
      'categories',
      'expected one of',
    ],
    ['an empty title', { title: { rendered: '' } }, 'title', ''],
    ['no text', { content: { rendered: '<script>x</script>' } }, 'content', 'no text'],
  ] as const)('%s: left out, reported with the post ID and field', (_, overrides, field, message) => {
    const mapped = mapPost(post(overrides as Partial<WpPost>));
    expect(mapped).toMatchObject({ story: null });
    expect(
      mapped.problems.some(
        (problem) =>
          problem.path === 'WordPress post 42' && problem.field === field && problem.message.includes(message),
      ),
      JSON.stringify(mapped.problems),
    ).toBe(true);
  });

  it('sahifa_corrections, one a line (blank lines skipped), and sahifa_update_note', () => {
    const meta = {
      ...post().meta,
      sahifa_corrections:
        '2024-10-26: An earlier version misnamed the minister.\n\n  2024-10-27T08:30:00+03:00: The date of the vote: 12 October.  \n',
      sahifa_update_note: '  Adds the ministry’s reaction.  ',
    };
    const mapped = mapPost(post({ meta }));
    expect(mapped.problems).toEqual([]);
    const story = (mapped as { story: { corrections: { date: Date; text: string }[]; updateNote?: string } }).story;
    expect(story.corrections).toEqual([
      { date: new Date('2024-10-26T12:00:00Z'), text: 'An earlier version misnamed the minister.' },
      { date: new Date('2024-10-27T05:30:00Z'), text: 'The date of the vote: 12 October.' },
    ]);
    expect(story.corrections[0].date).toBeInstanceOf(Date);
    expect(story.updateNote).toBe('Adds the ministry’s reaction.');
  });

  it('without the fields: no corrections and no update note', () => {
    const story = (
      mapPost(post({ meta: { ...post().meta, sahifa_corrections: ' \n', sahifa_update_note: '  ' } })) as unknown as {
        story: Record<string, unknown>;
      }
    ).story;
    expect(story.corrections).toEqual([]);
    expect('updateNote' in story).toBe(false);
    const bare = (mapPost(post()) as unknown as { story: Record<string, unknown> }).story;
    expect(bare.corrections).toEqual([]);
    expect(bare.updateNote).toBeUndefined();
  });

  it.each([
    [
      'a correction dated before the post',
      '2024-10-26: Fine.\n2024-10-24: Before the post.',
      'line 2, date: is before the day of publishedAt',
    ],
    ['a line that is no date and text', '2024-10-26 the name was wrong', 'line 1, date: not a real ISO date'],
    ['a date with no text', '2024-10-26', 'line 1, text: must not be empty'],
  ])('%s: left out, reported as sahifa_corrections', (_, corrections, message) => {
    const mapped = mapPost(post({ meta: { ...post().meta, sahifa_corrections: corrections } }));
    expect(mapped).toMatchObject({ story: null });
    expect(mapped.problems.length).toBeGreaterThan(0);
    expect(
      mapped.problems.every(
        (problem) => problem.path === 'WordPress post 42' && problem.field === 'sahifa_corrections',
      ),
      JSON.stringify(mapped.problems),
    ).toBe(true);
    expect(
      mapped.problems.some((problem) => problem.message.includes(message)),
      JSON.stringify(mapped.problems),
    ).toBe(true);
  });

  it('an unknown edition or a key that is no slug names no story', () => {
    expect(mapPost(post({ meta: { sahifa_edition: 'fr' } }))).toMatchObject({
      key: null,
      problems: [{ field: 'sahifa_edition' }],
    });
    expect(mapPost(post({ meta: { sahifa_story: '../x' } }))).toMatchObject({
      key: null,
      problems: [{ field: 'sahifa_story' }],
    });
  });

  it('a deleted featured image: the story without it, and a problem naming the picture', () => {
    const mapped = mapPost(
      post({ _embedded: { ...post()._embedded, 'wp:featuredmedia': [{ id: 7, code: 'rest_post_invalid_id' }] } }),
    );
    expect(mapped).toMatchObject({ story: { title: expect.any(String) }, problems: [{ field: 'featured_media' }] });
    expect((mapped as { story: { image?: unknown } }).story.image).toBeUndefined();
  });

  it('serves pictures from this site under /images/wp/', () => {
    expect(mediaPath({ id: 7, source_url: 'http://wp/x/a.JPG?ver=2' })).toBe('/images/wp/7.jpg');
    expect(mediaPath({ id: 7, source_url: 'http://wp/x/a.svg' })).toBeNull();
  });

  it('invalid UTF-8 and a 2 MB body are taken as they come, sanitized', () => {
    const mapped = mapPost(post({ content: { rendered: `<p>${'نص '.repeat(350_000)}\uFFFD</p>` } }));
    expect((mapped as { story: { body: string } }).story.body.length).toBeGreaterThan(1_000_000);
  });
});

describe('the WordPress client when WordPress misbehaves', () => {
  let server: Server;
  let base = '';
  let answer: (res: import('node:http').ServerResponse) => void = () => {};
  beforeAll(async () => {
    server = createServer((_req, res) => answer(res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());
  const client = () => createClient({ url: base, user: 'editor', appPassword: 'abcd efgh' });
  const firstPage = async () => {
    for await (const page of client().postsChangedSince()) return page;
  };

  it.each([
    ['answers 500', (res: import('node:http').ServerResponse) => res.writeHead(500).end('oops'), /answered 500/],
    [
      'answers an HTML page',
      (res: import('node:http').ServerResponse) =>
        res.writeHead(200, { 'content-type': 'text/html' }).end('<html>maintenance</html>'),
      /text\/html instead of JSON/,
    ],
    [
      'refuses the password',
      (res: import('node:http').ServerResponse) =>
        res.writeHead(401, { 'content-type': 'application/json' }).end('{"code":"incorrect_password"}'),
      /refused the application password of editor/,
    ],
    [
      'answers broken JSON',
      (res: import('node:http').ServerResponse) =>
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"x":'),
      /not valid JSON/,
    ],
  ])('%s: a WordPressError that says so', async (_, respond, message) => {
    answer = respond;
    await expect(firstPage()).rejects.toThrow(WordPressError);
    await expect(firstPage()).rejects.toThrow(message);
  });

  it('reads pages until X-WP-TotalPages', async () => {
    let served = 0;
    answer = (res) => {
      served++;
      res.writeHead(200, { 'content-type': 'application/json', 'x-wp-totalpages': '3' }).end('[]');
    };
    const pages = [];
    for await (const page of client().postsChangedSince('2026-01-01T00:00:00')) pages.push(page);
    expect(pages).toHaveLength(3);
    expect(served).toBe(3);
  });
});
