import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  formatCursor,
  LIVE_PAGE_SIZE,
  LIVE_WINDOW,
  livePostFrom,
  pageOfPosition,
  parseCursor,
  parseLivePostFile,
  renderLivePost,
  windowHash,
  type ParsedLivePost,
} from '@/lib/content/live';
import { frontMatterSchema } from '@/lib/content/schema';
import type { ContentSource, StorySummary } from '@/lib/content/types';
import { liveBlogJsonLd } from '@/lib/metadata';
import { storyShareCard } from '@/lib/og/story-card';
import { pathsAffectedBy } from '@/lib/publish';
import { relativeTime } from '@/lib/relative-time';
import { openStore } from './story-files';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-live-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const MINUTE = 60_000;
/** Every post of the fixtures is a minute after this, well in the past. */
const BASE = Date.parse('2024-10-25T09:00:00Z');
const at = (minutes: number) => new Date(BASE + minutes * MINUTE).toISOString();

interface LiveStoryFields {
  title?: string;
  live?: 'live' | 'ended';
  status?: 'published' | 'draft';
  section?: string;
  tags?: string[];
}

function writeLiveStory(dir: string, slug: string, locale: string, fields: LiveStoryFields = {}) {
  const folder = path.join(dir, 'stories', slug);
  fs.mkdirSync(folder, { recursive: true });
  const lines = [
    '---',
    `title: ${JSON.stringify(fields.title ?? 'تغطية مباشرة')}`,
    'summary: "ملخص"',
    `section: ${fields.section ?? 'world'}`,
    `tags: ${JSON.stringify(fields.tags ?? [])}`,
    'publishedAt: "2024-10-25T08:00:00Z"',
    `status: ${fields.status ?? 'published'}`,
  ];
  if (fields.live) lines.push(`live: ${fields.live}`);
  lines.push('---', 'نص القصة.');
  fs.writeFileSync(path.join(folder, `${locale}.md`), lines.join('\n'));
}

interface PostFields {
  time: string;
  headline?: string;
  key?: boolean;
  pinned?: boolean;
}

function postText(fields: PostFields, body: string): string {
  const lines = ['---', `time: ${JSON.stringify(fields.time)}`];
  if (fields.headline !== undefined) lines.push(`headline: ${JSON.stringify(fields.headline)}`);
  if (fields.key) lines.push('key: true');
  if (fields.pinned) lines.push('pinned: true');
  lines.push('---', body);
  return lines.join('\n');
}

function postFile(dir: string, slug: string, locale: string, id: string): string {
  return path.join(dir, 'stories', slug, 'live', locale, `${id}.md`);
}

function writePost(dir: string, slug: string, locale: string, id: string, fields: PostFields, body = `خبر ${id}.`) {
  const file = postFile(dir, slug, locale, id);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, postText(fields, body));
}

const ids = (posts: { id: string }[]) => posts.map((post) => post.id);
const pad = (n: number) => String(n).padStart(2, '0');

describe('parseLivePostFile', () => {
  const now = Date.parse('2024-10-25T10:00:00Z');
  const file = path.join(root, 'parse', 'stories', 'live-story', 'live', 'ar', 'post-1.md');
  const where = { slug: 'live-story', locale: 'ar' as const, id: 'post-1', file };
  const parse = (raw: string, at = where, clock = now) => parseLivePostFile(raw, at, clock);
  const valid = { time: '2024-10-25T12:30:00+03:00', headline: 'عنوان الخبر', key: true };

  it('reads a valid post: its fields, id, edition, story and revision', () => {
    const { post, problems } = parse(postText(valid, '\n\nنص **مهم**.\n\n'));
    expect(problems).toEqual([]);
    expect(post).not.toBeNull();
    expect(post!.id).toBe('post-1');
    expect(post!.slug).toBe('live-story');
    expect(post!.locale).toBe('ar');
    expect(post!.time.toISOString()).toBe('2024-10-25T09:30:00.000Z');
    expect(post!.headline).toBe('عنوان الخبر');
    expect(post!.key).toBe(true);
    expect(post!.pinned).toBe(false);
    expect(post!.body).toBe('نص **مهم**.');
    expect(post!.sourcePath).toBe(file);
    expect(post!.rev).toMatch(/^[A-Za-z0-9_-]{10}$/);
    expect(renderLivePost(post!).bodyHtml).toContain('<strong>مهم</strong>');
  });

  it('refuses a time that is not an ISO date-time with offset, naming the file and the field', () => {
    for (const time of ['yesterday', '2024-10-25', '2024-10-25T09:30:00', '2024-02-30T09:00:00Z']) {
      const { post, problems } = parse(postText({ time }, 'نص.'));
      expect(post, time).toBeNull();
      expect(problems, time).toHaveLength(1);
      expect(problems[0], time).toMatchObject({ path: file, field: 'time' });
    }
  });

  it('refuses a post more than two minutes ahead of the clock, and takes one a minute ahead', () => {
    const ahead = (ms: number) => postText({ time: new Date(now + ms).toISOString() }, 'نص.');
    const refused = parse(ahead(10 * MINUTE));
    expect(refused.post).toBeNull();
    expect(refused.problems).toEqual([expect.objectContaining({ path: file, field: 'time' })]);
    expect(refused.problems[0].message).toContain('10');
    expect(parse(ahead(2 * MINUTE + 1000)).problems.map((p) => p.field)).toEqual(['time']);
    const taken = parse(ahead(MINUTE));
    expect(taken.problems).toEqual([]);
    expect(taken.post?.time.getTime()).toBe(now + MINUTE);
  });

  it('refuses a file name that is not a post id', () => {
    for (const id of ['Bad_ID', 'bad id', '-lead', 'trail-', 'a--b', 'خبر', 'x'.repeat(65)]) {
      const { post, problems } = parse(postText(valid, 'نص.'), { ...where, id });
      expect(post, id).toBeNull();
      expect(problems, id).toEqual([expect.objectContaining({ path: file, field: '(id)' })]);
    }
    expect(parse(postText(valid, 'نص.'), { ...where, id: 'x'.repeat(64) }).post?.id).toBe('x'.repeat(64));
  });

  it('refuses a post with no text', () => {
    for (const body of ['', '   \n\n  ']) {
      const { post, problems } = parse(postText(valid, body));
      expect(post).toBeNull();
      expect(problems).toEqual([expect.objectContaining({ path: file, field: '(body)' })]);
    }
  });

  it('reports a key the front matter does not know', () => {
    const { post, problems } = parse(`---\ntime: "${valid.time}"\nsticky: true\n---\nنص.`);
    expect(post).toBeNull();
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe(file);
    expect(`${problems[0].field} ${problems[0].message}`).toContain('sticky');
  });

  it('reports a missing or broken front matter block', () => {
    expect(parse('نص بلا ترويسة.').problems.map((p) => p.field)).toEqual(['(front matter)']);
    expect(parse('---\ntime: [unclosed\n---\nنص.').problems.map((p) => p.field)).toEqual(['(front matter)']);
    expect(parse(`---\nheadline: "بلا وقت"\n---\nنص.`).problems.map((p) => p.field)).toEqual(['time']);
    expect(parse(`---\ntime: "${valid.time}"\nkey: "yes"\n---\nنص.`).problems.map((p) => p.field)).toEqual(['key']);
  });

  it('gives equal content an equal revision, and a new one to any change a reader sees', () => {
    const rev = (fields: PostFields, body: string) => parse(postText(fields, body)).post!.rev;
    const original = rev(valid, 'نص الخبر.');
    expect(rev(valid, 'نص الخبر.')).toBe(original);
    // Where the file sits is not what a reader sees.
    expect(parse(postText(valid, 'نص الخبر.'), { ...where, file: path.join(root, 'elsewhere.md') }).post!.rev).toBe(
      original,
    );
    // The same instant written with another offset.
    expect(rev({ ...valid, time: '2024-10-25T09:30:00Z' }, 'نص الخبر.')).toBe(original);
    const changed = [
      rev(valid, 'نص الخبر المعدل.'),
      rev({ ...valid, headline: 'عنوان آخر' }, 'نص الخبر.'),
      rev({ ...valid, headline: undefined }, 'نص الخبر.'),
      rev({ ...valid, key: false }, 'نص الخبر.'),
      rev({ ...valid, pinned: true }, 'نص الخبر.'),
      rev({ ...valid, time: '2024-10-25T12:31:00+03:00' }, 'نص الخبر.'),
    ];
    for (const other of changed) expect(other).not.toBe(original);
    expect(new Set(changed).size).toBe(changed.length);
  });

  it('livePostFrom applies the same checks to a post another source read', () => {
    const fields = {
      time: new Date(now - MINUTE),
      key: false,
      pinned: false,
      body: '<p>نص</p>',
      bodyFormat: 'html' as const,
    };
    const at = { slug: 'live-story', locale: 'ar' as const, id: 'wp-12', sourcePath: 'wordpress:12' };
    const { post } = livePostFrom(fields, at, now);
    expect(post?.rev).toMatch(/^[A-Za-z0-9_-]{10}$/);
    expect(renderLivePost(post!).bodyHtml).toBe('<p>نص</p>');
    // The same text as Markdown is another revision: it is drawn differently.
    expect(livePostFrom({ ...fields, bodyFormat: undefined }, at, now).post?.rev).not.toBe(post?.rev);
    expect(livePostFrom({ ...fields, body: '' }, at, now).problems).toEqual([
      { path: 'wordpress:12', field: '(body)', message: expect.any(String) },
    ]);
    expect(livePostFrom({ ...fields, time: new Date(now + 5 * MINUTE) }, at, now).problems.map((p) => p.field)).toEqual(
      ['time'],
    );
  });
});

describe('the poll cursor', () => {
  const now = Date.parse('2024-10-25T10:00:00Z');

  it('reads back what it wrote', () => {
    for (const cursor of [
      { newest: now - 5 * MINUTE, windowHash: '0123abcd' },
      { newest: 0, windowHash: 'ffffffff' },
      { newest: now + 3600_000, windowHash: 'deadbeef' },
    ]) {
      const written = formatCursor(cursor);
      expect(written).toMatch(/^[0-9a-z]+\.[0-9a-f]{8}$/);
      expect(parseCursor(written, now)).toEqual(cursor);
    }
  });

  it('refuses anything a server did not write', () => {
    const good = formatCursor({ newest: now, windowHash: '0123abcd' });
    for (const bad of [
      '',
      'zzz',
      'abc.123',
      '1.GGGGGGGG',
      '1.0123ABCD',
      `${good}x`,
      ` ${good}`,
      `${good}\n`,
      '-1.0123abcd',
      '.0123abcd',
      'a'.repeat(2000),
      `${'1'.repeat(1991)}.0123abcd`,
    ]) {
      expect(parseCursor(bad, now), JSON.stringify(bad.slice(0, 40))).toBeNull();
    }
    expect(parseCursor(null, now)).toBeNull();
  });

  it('refuses a time more than a day ahead of the clock', () => {
    const ahead = (ms: number) => formatCursor({ newest: now + ms, windowHash: '0123abcd' });
    expect(parseCursor(ahead(25 * 3600_000), now)).toBeNull();
    expect(parseCursor(ahead(365 * 24 * 3600_000), now)).toBeNull();
    expect(parseCursor(ahead(23 * 3600_000), now)?.newest).toBe(now + 23 * 3600_000);
  });

  it('hashes the window by ids, revisions and order', () => {
    const window = [
      { id: 'b', rev: 'rev-b' },
      { id: 'a', rev: 'rev-a' },
    ];
    const hash = windowHash(window);
    expect(hash).toMatch(/^[0-9a-f]{8}$/);
    expect(windowHash(window.map((post) => ({ ...post })))).toBe(hash);
    expect(windowHash([window[0], { id: 'a', rev: 'rev-a2' }])).not.toBe(hash);
    expect(windowHash([window[1], window[0]])).not.toBe(hash);
    expect(windowHash([window[0]])).not.toBe(hash);
  });

  it('puts a position on its page', () => {
    expect(LIVE_PAGE_SIZE).toBe(20);
    expect([0, 1, 19, 20, 39, 40, 44].map(pageOfPosition)).toEqual([1, 1, 1, 2, 2, 3, 3]);
  });
});

describe('a live story in the file store', () => {
  const dir = fs.mkdtempSync(path.join(root, 'stream-'));
  const slug = 'live-story';
  // p01…p43 a minute apart, two posts of the same instant between p20 and p21, key events and pins.
  const keyIds = ['p05', 'p30', 'p40'];
  const pinnedIds = ['p10', 'p35'];
  for (let n = 1; n <= 43; n++) {
    const id = `p${pad(n)}`;
    writePost(
      dir,
      slug,
      'ar',
      id,
      {
        time: at(n),
        key: keyIds.includes(id),
        pinned: pinnedIds.includes(id),
        headline: n === 35 ? 'مثبت' : undefined,
      },
      n === 35 ? 'نص **مثبت**.' : `خبر ${n}.`,
    );
  }
  writePost(dir, slug, 'ar', 'twin-a', { time: at(20.5) });
  writePost(dir, slug, 'ar', 'twin-b', { time: new Date(BASE + 20.5 * MINUTE).toISOString().replace('Z', '+00:00') });
  fs.writeFileSync(postFile(dir, slug, 'ar', 'broken'), '---\ntime: "yesterday"\n---\nنص.');
  writeLiveStory(dir, slug, 'ar', { live: 'live' });
  writeLiveStory(dir, 'plain-story', 'ar', {});
  writeLiveStory(dir, 'draft-live', 'ar', { live: 'live', status: 'draft' });
  writePost(dir, 'draft-live', 'ar', 'first', { time: at(1) });
  writeLiveStory(dir, 'ended-story', 'ar', { live: 'ended' });

  // Newest first; the twins sit between p21 and p20, the larger id first.
  const expected = [
    ...Array.from({ length: 23 }, (_, i) => `p${pad(43 - i)}`),
    'twin-b',
    'twin-a',
    ...Array.from({ length: 20 }, (_, i) => `p${pad(20 - i)}`),
  ];

  let store: ContentSource;
  beforeAll(async () => {
    store = openStore(dir);
    await store.ready();
  });

  it('lists the posts newest first, 20 a page, without the unreadable one', async () => {
    expect(expected).toHaveLength(45);
    const pages = await Promise.all(
      [0, 1, 2, 3].map((page) => store.livePosts('ar', slug, page * LIVE_PAGE_SIZE, LIVE_PAGE_SIZE)),
    );
    expect(pages.map((page) => page.total)).toEqual([45, 45, 45, 45]);
    expect(pages.map((page) => page.items.length)).toEqual([20, 20, 5, 0]);
    expect(pages.flatMap((page) => ids(page.items))).toEqual(expected);
    expect(ids(pages[0].items).slice(0, 3)).toEqual(['p43', 'p42', 'p41']);
    expect(ids(pages[2].items)).toEqual(['p05', 'p04', 'p03', 'p02', 'p01']);
    const times = pages.flatMap((page) => page.items.map((post) => post.time.getTime()));
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeLessThanOrEqual(times[i - 1]);
    expect(pages[0].items[0].bodyHtml).toBe('<p>خبر 43.</p>\n');
    expect(pages[0].items[0].time.toISOString()).toBe(at(43));
    expect(ids(pages.flatMap((page) => page.items))).not.toContain('broken');
  });

  it('reports the unreadable post with its path and field', async () => {
    const problems = await store.problems();
    expect(problems).toHaveLength(1);
    expect(problems[0].field).toBe('time');
    expect(problems[0].path).toBe(postFile(dir, slug, 'ar', 'broken'));
  });

  it('keeps posts of the same instant in one order, the larger id first, on every read', async () => {
    const twins = async () =>
      ids((await store.livePosts('ar', slug, 0, 45)).items).filter((id) => id.startsWith('twin'));
    for (let i = 0; i < 3; i++) expect(await twins()).toEqual(['twin-b', 'twin-a']);
    // Across a page boundary too: the twins are the 24th and 25th posts.
    const around = await store.livePosts('ar', slug, 23, 2);
    expect(ids(around.items)).toEqual(['twin-b', 'twin-a']);
    expect(ids((await store.livePosts('ar', slug, 24, 1)).items)).toEqual(['twin-a']);
    expect(ids(await store.livePostsById('ar', slug, ['twin-a', 'p01', 'twin-b', 'nope', 'p43']))).toEqual([
      'p43',
      'twin-b',
      'twin-a',
      'p01',
    ]);
  });

  it('gives the newest pinned post and the key events, newest first', async () => {
    const { pinned, keyEvents } = await store.liveHighlights('ar', slug);
    expect(pinned?.id).toBe('p35');
    expect(pinned?.headline).toBe('مثبت');
    expect(pinned?.bodyHtml).toContain('<strong>مثبت</strong>');
    expect(ids(keyEvents)).toEqual(['p40', 'p30', 'p05']);
    for (const event of keyEvents) {
      expect(event.key).toBe(true);
      expect(event).not.toHaveProperty('body');
    }
    const none = await store.liveHighlights('ar', 'plain-story');
    expect(none.pinned).toBeUndefined();
    expect(none.keyEvents).toEqual([]);
  });

  it('finds the page a post sits on', async () => {
    const cases: [string, number, number][] = [
      ['p43', 0, 1],
      ['p24', 19, 1],
      ['p23', 20, 2],
      ['twin-b', 23, 2],
      ['twin-a', 24, 2],
      ['p20', 25, 2],
      ['p06', 39, 2],
      ['p05', 40, 3],
      ['p01', 44, 3],
    ];
    for (const [id, position, page] of cases) {
      expect(await store.livePostPosition('ar', slug, id), id).toBe(position);
      expect(pageOfPosition(position), id).toBe(page);
      const onPage = await store.livePosts('ar', slug, (page - 1) * LIVE_PAGE_SIZE, LIVE_PAGE_SIZE);
      expect(ids(onPage.items), id).toContain(id);
    }
    expect(await store.livePostPosition('ar', slug, 'broken')).toBeUndefined();
    expect(await store.livePostPosition('ar', slug, 'nope')).toBeUndefined();
    expect(await store.livePostPosition('en', slug, 'p01')).toBeUndefined();
  });

  it('knows a live story only when it is published and live', async () => {
    const live = await store.liveStory('ar', slug);
    expect(live?.slug).toBe(slug);
    expect(live?.live).toBe('live');
    expect(live).not.toHaveProperty('body');
    expect((await store.liveStory('ar', 'ended-story'))?.live).toBe('ended');
    expect(await store.liveStory('ar', 'plain-story')).toBeUndefined();
    expect(await store.liveStory('ar', 'draft-live')).toBeUndefined();
    expect(await store.liveStory('en', slug)).toBeUndefined();
    expect(await store.liveStory('ar', 'does-not-exist')).toBeUndefined();
    // A draft's posts are there for its preview.
    expect(ids((await store.livePosts('ar', 'draft-live', 0, 20)).items)).toEqual(['first']);
  });
});

describe('liveChanges', () => {
  const dir = fs.mkdtempSync(path.join(root, 'changes-'));
  const slug = 'changing';
  writeLiveStory(dir, slug, 'ar', { live: 'live' });
  for (const n of [1, 2, 3]) writePost(dir, slug, 'ar', `p${n}`, { time: at(n) });
  let store: ContentSource;
  beforeAll(async () => {
    store = openStore(dir);
    await store.ready();
  });

  const poll = async (cursor: string | null) =>
    store.liveChanges('ar', slug, cursor === null ? null : parseCursor(cursor));
  const revOf = (window: { id: string; rev: string }[] | undefined, id: string) =>
    window?.find((post) => post.id === id)?.rev;

  it('follows a page through new, edited and deleted posts', async () => {
    const first = await poll(null);
    expect(parseCursor(first.cursor)).toEqual({
      newest: BASE + 3 * MINUTE,
      windowHash: expect.stringMatching(/^[0-9a-f]{8}$/),
    });
    expect(first.newer).toEqual([]);
    expect(first.gap).toBe(false);
    expect(first.total).toBe(3);
    expect(ids(first.window!)).toEqual(['p3', 'p2', 'p1']);
    expect(first.window![0].time).toBe(BASE + 3 * MINUTE);

    // Up to date: nothing to send, not even the window.
    const same = await poll(first.cursor);
    expect(same.cursor).toBe(first.cursor);
    expect(same.newer).toEqual([]);
    expect(same.window).toBeUndefined();
    expect(same.gap).toBe(false);
    expect(same.total).toBe(3);

    // A new post.
    writePost(dir, slug, 'ar', 'p4', { time: at(4), headline: 'جديد' }, 'خبر **جديد**.');
    await store.reload([slug]);
    const added = await poll(first.cursor);
    expect(added.cursor).not.toBe(first.cursor);
    expect(parseCursor(added.cursor)?.newest).toBe(BASE + 4 * MINUTE);
    expect(added.newer[0].id).toBe('p4');
    expect(added.newer[0].bodyHtml).toContain('<strong>جديد</strong>');
    // At or after the cursor's newest time: the page drops what it has.
    expect(ids(added.newer)).not.toContain('p2');
    expect(ids(added.newer)).not.toContain('p1');
    expect(ids(added.window!)).toEqual(['p4', 'p3', 'p2', 'p1']);
    expect(added.gap).toBe(false);
    expect(added.total).toBe(4);
    expect((await poll(added.cursor)).window).toBeUndefined();

    // An edit to an older post: only its revision in the window changes.
    writePost(dir, slug, 'ar', 'p2', { time: at(2) }, 'خبر 2 بعد التصحيح، مع تفاصيل.');
    await store.reload([slug]);
    const edited = await poll(added.cursor);
    expect(edited.cursor).not.toBe(added.cursor);
    expect(edited.window).toBeDefined();
    expect(revOf(edited.window, 'p2')).not.toBe(revOf(added.window, 'p2'));
    for (const id of ['p4', 'p3', 'p1']) expect(revOf(edited.window, id), id).toBe(revOf(added.window, id));
    expect(ids(edited.newer)).not.toContain('p2');
    expect((await store.livePostsById('ar', slug, ['p2']))[0].bodyHtml).toContain('بعد التصحيح');

    // A deletion: the post leaves the window.
    fs.rmSync(postFile(dir, slug, 'ar', 'p3'));
    await store.reload([slug]);
    const deleted = await poll(edited.cursor);
    expect(deleted.cursor).not.toBe(edited.cursor);
    expect(ids(deleted.window!)).toEqual(['p4', 'p2', 'p1']);
    expect(deleted.total).toBe(3);
    expect(await store.livePostsById('ar', slug, ['p3'])).toEqual([]);

    // The oldest cursor still catches up with everything since.
    const fromStart = await poll(first.cursor);
    expect(ids(fromStart.window!)).toEqual(['p4', 'p2', 'p1']);
    expect(ids(fromStart.newer)).toEqual(['p4']);
  });

  it('says there is a gap when more posts came than one answer carries', async () => {
    const before = await poll(null);
    const newestBefore = parseCursor(before.cursor)!.newest;
    const start = (newestBefore - BASE) / MINUTE;
    const count = LIVE_WINDOW + 5;
    for (let n = 1; n <= count; n++) writePost(dir, slug, 'ar', `burst-${pad(n)}`, { time: at(start + n) });
    await store.reload([slug]);
    const behind = await poll(before.cursor);
    expect(behind.gap).toBe(true);
    expect(behind.newer).toHaveLength(LIVE_WINDOW);
    expect(behind.newer[0].id).toBe(`burst-${pad(count)}`);
    expect(behind.window).toHaveLength(LIVE_WINDOW);
    expect(behind.total).toBe(3 + count);

    // A page a few posts behind has no gap.
    const recent = await store.liveChanges('ar', slug, {
      newest: BASE + (start + count - 3) * MINUTE,
      windowHash: '00000000',
    });
    expect(recent.gap).toBe(false);
    expect(ids(recent.newer)).toEqual([
      `burst-${pad(count)}`,
      `burst-${pad(count - 1)}`,
      `burst-${pad(count - 2)}`,
      `burst-${pad(count - 3)}`,
    ]);

    // Exactly a window's worth of new posts fits one answer: no gap, the page's own newest comes back too.
    const fullWindow = await store.liveChanges('ar', slug, {
      newest: BASE + (start + count - LIVE_WINDOW) * MINUTE,
      windowHash: '00000000',
    });
    expect(fullWindow.gap).toBe(false);
    expect(fullWindow.newer).toHaveLength(LIVE_WINDOW + 1);
  });
});

describe('reloading a live story', () => {
  const dir = fs.mkdtempSync(path.join(root, 'reload-'));
  const slug = 'بث-مباشر';
  writeLiveStory(dir, slug, 'ar', { live: 'live', tags: ['حدث'] });
  writeLiveStory(dir, 'neighbour', 'ar', { tags: ['حدث'] });
  // 120 posts, 6 pages: a publish refreshes the first 5 only.
  for (let n = 1; n <= 120; n++) writePost(dir, slug, 'ar', `p${String(n).padStart(3, '0')}`, { time: at(n) });
  let store: ContentSource;
  beforeAll(async () => {
    store = openStore(dir);
    await store.ready();
  });

  const encoded = `/ar/news/${encodeURIComponent(slug)}`;
  const written = `/ar/news/${slug}`;
  /** A live page's pages and their lite versions (rendered under /ar.lite), and its feed. */
  const livePagePaths = (pages: number) =>
    [encoded, written]
      .flatMap((story) => {
        const own = [story, ...Array.from({ length: pages - 1 }, (_, i) => `${story}/page/${i + 2}`)];
        return [...own, ...own.map((page) => page.replace(/^\/ar\//, '/ar.lite/')), `${story}/feed.xml`];
      })
      .sort();

  async function reloadOnce() {
    const reloaded = await store.reload([slug]);
    expect(reloaded).toHaveLength(1);
    return reloaded;
  }

  it('says only the posts changed when only post files did, and refreshes only the live page', async () => {
    writePost(dir, slug, 'ar', 'p121', { time: at(121) });
    const added = await reloadOnce();
    expect(added[0]).toMatchObject({ slug, storyChanged: false, liveChanged: ['ar'], problems: [] });
    expect((await store.livePosts('ar', slug, 0, 1)).items[0].id).toBe('p121');

    const affected = await pathsAffectedBy(added, store);
    expect([...affected].sort()).toEqual(livePagePaths(5));
    expect(affected).toContain(`${encoded}/page/5`);
    expect(affected).not.toContain(`${encoded}/page/6`);
    for (const untouched of [
      '/ar',
      '/ar/feed.xml',
      '/sitemap.xml',
      '/news-sitemap.xml',
      '/ar/section/world',
      '/ar/news/neighbour',
      `${encoded}/opengraph-image`,
    ]) {
      expect(affected, untouched).not.toContain(untouched);
    }

    writePost(dir, slug, 'ar', 'p050', { time: at(50), key: true }, 'خبر 50 مع تعديل.');
    const edited = await reloadOnce();
    expect(edited[0]).toMatchObject({ storyChanged: false, liveChanged: ['ar'] });
    expect((await store.liveHighlights('ar', slug)).keyEvents.map((post) => post.id)).toEqual(['p050']);
    expect([...(await pathsAffectedBy(edited, store))].sort()).toEqual(livePagePaths(5));

    fs.rmSync(postFile(dir, slug, 'ar', 'p001'));
    const deleted = await reloadOnce();
    expect(deleted[0]).toMatchObject({ storyChanged: false, liveChanged: ['ar'] });
    expect((await store.livePosts('ar', slug, 0, 0)).total).toBe(120);
    expect(await store.livePostPosition('ar', slug, 'p001')).toBeUndefined();
  });

  it('says nothing changed when nothing a reader sees did', async () => {
    const nothing = await reloadOnce();
    expect(nothing[0]).toMatchObject({ storyChanged: false, liveChanged: [] });
    // Rewritten as it was: a new mtime, the same post.
    const file = postFile(dir, slug, 'ar', 'p100');
    const text = fs.readFileSync(file, 'utf8');
    fs.rmSync(file);
    fs.writeFileSync(file, text);
    const touched = await reloadOnce();
    expect(touched[0]).toMatchObject({ storyChanged: false, liveChanged: [] });
  });

  it('says the story changed when its own file did, and refreshes the pages it is listed on', async () => {
    writeLiveStory(dir, slug, 'ar', { live: 'live', title: 'تغطية مباشرة محدثة', tags: ['حدث'] });
    const changed = await reloadOnce();
    expect(changed[0]).toMatchObject({ storyChanged: true, liveChanged: [] });
    expect((await store.liveStory('ar', slug))?.title).toBe('تغطية مباشرة محدثة');
    const affected = await pathsAffectedBy(changed, store);
    for (const expected of [
      '/ar',
      '/ar/feed.xml',
      '/sitemap.xml',
      encoded,
      written,
      `${encoded}/opengraph-image`,
      '/ar/section/world',
    ]) {
      expect(affected, expected).toContain(expected);
    }

    // The story and a post at once: both sets of pages.
    writeLiveStory(dir, slug, 'ar', { live: 'ended', title: 'تغطية مباشرة محدثة', tags: ['حدث'] });
    writePost(dir, slug, 'ar', 'p122', { time: at(122) });
    const both = await reloadOnce();
    expect(both[0]).toMatchObject({ storyChanged: true, liveChanged: ['ar'] });
    const bothAffected = await pathsAffectedBy(both, store);
    for (const expected of ['/ar', ...livePagePaths(5)]) expect(bothAffected, expected).toContain(expected);
  });

  it('reports an unreadable post on reload and keeps the last good version of an edited one', async () => {
    writePost(dir, slug, 'ar', 'p090', { time: 'not a time' });
    writePost(dir, slug, 'ar', 'new-broken', { time: at(130) }, '');
    const reloaded = await reloadOnce();
    expect(reloaded[0].liveChanged).toEqual([]);
    expect(reloaded[0].problems.map((p) => `${path.basename(p.path)} ${p.field}`).sort()).toEqual([
      'new-broken.md (body)',
      'p090.md time',
    ]);
    expect((await store.livePostsById('ar', slug, ['p090']))[0]?.time.toISOString()).toBe(at(90));
    expect(await store.livePostPosition('ar', slug, 'new-broken')).toBeUndefined();
    expect((await store.problems()).map((p) => path.basename(p.path)).sort()).toEqual(['new-broken.md', 'p090.md']);
    writePost(dir, slug, 'ar', 'p090', { time: at(90) }, 'خبر 90 مصحح.');
    const fixed = await reloadOnce();
    expect(fixed[0]).toMatchObject({ liveChanged: ['ar'] });
    expect((await store.problems()).map((p) => path.basename(p.path))).toEqual(['new-broken.md']);
  });

  it('forgets the problem of a refused story file once the file is deleted', async () => {
    const file = path.join(dir, 'stories', 'gone-story', 'ar.md');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '---\ntitle: "نصف');
    await store.reload(['gone-story']);
    expect((await store.problems()).map((p) => p.path)).toContain(file);
    fs.rmSync(file);
    await store.reload(['gone-story']);
    expect((await store.problems()).map((p) => p.path)).not.toContain(file);
  });

  // A post file never accepted has no post to remove, only its problem: reload must find it gone all the same.
  it('forgets the problem of a refused post once its file is deleted', async () => {
    const file = postFile(dir, slug, 'ar', 'never-good');
    writePost(dir, slug, 'ar', 'never-good', { time: 'soon' });
    await reloadOnce();
    expect((await store.problems()).map((p) => path.basename(p.path))).toContain('never-good.md');
    fs.rmSync(file);
    await reloadOnce();
    expect((await store.problems()).map((p) => path.basename(p.path))).not.toContain('never-good.md');
  });

  it('a rescan drops the problem of a deleted post file', async () => {
    expect(fs.existsSync(postFile(dir, slug, 'ar', 'never-good'))).toBe(false);
    await store.rescan();
    const problems = (await store.problems()).map((p) => path.basename(p.path));
    expect(problems).not.toContain('never-good.md');
    expect(problems).toContain('new-broken.md');
  });
});

describe('a post refused for a time ahead of the clock', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is read again on the next reload once its time has come, with no change to its file', async () => {
    const dir = fs.mkdtempSync(path.join(root, 'future-'));
    const slug = 'clock';
    writeLiveStory(dir, slug, 'ar', { live: 'live' });
    writePost(dir, slug, 'ar', 'earlier', { time: at(1) });
    const store = openStore(dir);
    await store.ready();

    const start = Date.now();
    const time = new Date(start + 10 * MINUTE);
    writePost(dir, slug, 'ar', 'early', { time: time.toISOString() });
    const refused = await store.reload([slug]);
    expect(refused[0].liveChanged).toEqual([]);
    expect(refused[0].problems).toEqual([expect.objectContaining({ field: 'time' })]);
    expect(await store.livePostPosition('ar', slug, 'early')).toBeUndefined();
    expect((await store.problems()).map((p) => `${path.basename(p.path)} ${p.field}`)).toEqual(['early.md time']);

    // Still ahead: still refused.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(start + 5 * MINUTE);
    expect((await store.reload([slug]))[0].problems.map((p) => p.field)).toEqual(['time']);

    vi.setSystemTime(start + 15 * MINUTE);
    const due = await store.reload([slug]);
    expect(due[0]).toMatchObject({ storyChanged: false, liveChanged: ['ar'], problems: [] });
    expect(await store.livePostPosition('ar', slug, 'early')).toBe(0);
    expect((await store.livePosts('ar', slug, 0, 1)).items[0].time.getTime()).toBe(time.getTime());
    expect(await store.problems()).toEqual([]);
  });
});

describe('relativeTime', () => {
  const now = Date.parse('2024-10-25T10:00:00Z');

  it('says "now" for under a minute', () => {
    expect(relativeTime(now - 30_000, now, 'ar-u-nu-latn')).toBe('الآن');
    expect(relativeTime(now, now, 'ar-u-nu-latn')).toBe('الآن');
    expect(relativeTime(now - 59_000, now, 'en-GB-u-nu-latn')).toBe('now');
  });

  it('counts minutes and hours in the edition’s digits', () => {
    const fiveAr = relativeTime(now - 5 * MINUTE, now, 'ar-u-nu-latn');
    expect(fiveAr).toContain('5');
    expect(fiveAr).toMatch(/[\u0600-\u06ff]/);
    expect(fiveAr).not.toMatch(/[\u0660-\u0669\u06f0-\u06f9]/);
    const fiveFa = relativeTime(now - 5 * MINUTE - 30_000, now, 'fa-u-nu-arabext');
    expect(fiveFa).toContain('۵');
    expect(fiveFa).not.toContain('5');
    expect(relativeTime(now - 5 * MINUTE, now, 'en-GB-u-nu-latn')).toBe('5 minutes ago');
    expect(relativeTime(now - 59 * MINUTE, now, 'en-GB-u-nu-latn')).toBe('59 minutes ago');
    expect(relativeTime(now - 2 * 60 * MINUTE - 59 * MINUTE, now, 'en-GB-u-nu-latn')).toBe('2 hours ago');
  });

  it('gives up after twelve hours, and on a time in the future', () => {
    expect(relativeTime(now - 13 * 60 * MINUTE, now, 'ar-u-nu-latn')).toBeNull();
    expect(relativeTime(now - 12 * 60 * MINUTE, now, 'ar-u-nu-latn')).toBeNull();
    expect(relativeTime(now - 11 * 60 * MINUTE, now, 'en-GB-u-nu-latn')).toBe('11 hours ago');
    expect(relativeTime(now + 1000, now, 'ar-u-nu-latn')).toBeNull();
    expect(relativeTime(now + 5 * MINUTE, now, 'ar-u-nu-latn')).toBeNull();
  });
});

function summary(live: 'live' | 'ended' | undefined, slug = 'قصة-مباشرة'): StorySummary {
  return {
    ...frontMatterSchema.parse({
      title: 'تغطية مباشرة',
      summary: 'ملخص',
      section: 'world',
      publishedAt: '2024-10-25T08:00:00Z',
      status: 'published',
      ...(live ? { live } : {}),
    }),
    slug,
    locale: 'ar',
    sourcePath: `content/stories/${slug}/ar.md`,
  };
}

function post(id: string, minutes: number, body: string, headline?: string): ParsedLivePost {
  const file = path.join(root, 'ld', `${id}.md`);
  const { post, problems } = parseLivePostFile(
    postText({ time: at(minutes), headline }, body),
    { slug: 'قصة-مباشرة', locale: 'ar', id, file },
    BASE + 1000 * MINUTE,
  );
  expect(problems).toEqual([]);
  return post!;
}

describe('liveBlogJsonLd', () => {
  const image = { path: '/ar/news/x/opengraph-image?v=abc', alt: 'alt' };
  const options = { siteName: 'صحيفة', sectionName: 'العالم', image };
  const posts = [
    post('p2', 90, 'قال **الوزير** إن "الاتفاق" تم & [انتهى](https://example.org).', 'اتفاق'),
    post('p1', 30, 'بدأت <b>الجلسة</b> & الحوار.'),
  ].map(renderLivePost);

  it('describes a running live page as a LiveBlogPosting with its posts', () => {
    const data = liveBlogJsonLd(summary('live'), posts, options);
    expect(data['@type']).toBe('LiveBlogPosting');
    expect(data.coverageStartTime).toBe('2024-10-25T08:00:00.000Z');
    expect(data).not.toHaveProperty('coverageEndTime');
    expect(data.datePublished).toBe('2024-10-25T08:00:00.000Z');
    expect(data.dateModified).toBe(at(90));
    expect(data.liveBlogUpdate).toHaveLength(2);
    const [newest, older] = data.liveBlogUpdate;
    expect(newest['@type']).toBe('BlogPosting');
    expect(newest.headline).toBe('اتفاق');
    expect(older.headline).toBe('تغطية مباشرة');
    expect(newest.datePublished).toBe(at(90));
    expect(older.datePublished).toBe(at(30));
    expect(newest.url).toMatch(/^https?:\/\/[^/]+\/ar\/news\//);
    expect(newest.url).toContain('/post/p2');
    expect(older.url).toContain('/post/p1');
    expect(new URL(newest.url).pathname).toBe(`/ar/news/${encodeURIComponent('قصة-مباشرة')}/post/p2`);
    for (const update of data.liveBlogUpdate) {
      expect(update.articleBody).not.toMatch(/<\/?(p|strong|a)\b/);
      expect(update.articleBody).not.toContain('&amp;');
      expect(update.articleBody).not.toContain('&quot;');
      expect(update.articleBody).toContain('&');
    }
    expect(newest.articleBody).toContain('الوزير');
    expect(newest.articleBody).toContain('"الاتفاق"');
    expect(newest.articleBody).toContain('انتهى');
    expect(newest.articleBody).not.toContain('example.org');
  });

  it('gives an ended page the time its coverage ended', () => {
    const data = liveBlogJsonLd(summary('ended'), posts, options);
    expect(data['@type']).toBe('LiveBlogPosting');
    expect(data.coverageStartTime).toBe('2024-10-25T08:00:00.000Z');
    expect(data).toHaveProperty('coverageEndTime', at(90));
    const empty = liveBlogJsonLd(summary('ended'), [], options);
    expect(empty).toHaveProperty('coverageEndTime', '2024-10-25T08:00:00.000Z');
    expect(empty.liveBlogUpdate).toEqual([]);
    expect(empty.dateModified).toBe('2024-10-25T08:00:00.000Z');
  });
});

describe('the share card of a live story', () => {
  const labels = { brand: 'صحيفة', tagline: 'أخبار', section: 'العالم', live: 'مباشر' };

  it('carries a badge while the story runs, and a new version with it', () => {
    const running = storyShareCard(summary('live'), labels);
    const ended = storyShareCard(summary('ended'), labels);
    const plain = storyShareCard(summary(undefined), labels);
    expect(running.text.badge).toBe('مباشر');
    expect(ended.text.badge).toBeUndefined();
    expect(plain.text.badge).toBeUndefined();
    expect(running.version).not.toBe(ended.version);
    expect(ended.version).toBe(plain.version);
    expect(running.text.headline).toBe(ended.text.headline);
    // No word for the badge, no badge.
    expect(storyShareCard(summary('live'), { ...labels, live: undefined }).text.badge).toBeUndefined();
  });
});
