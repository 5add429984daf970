import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createFileStore } from '@/lib/content/file-store';
import { StoryIndex } from '@/lib/content/story-index';
import { markdownToHtml } from '@/lib/content/markdown';
import { normalizeSlug } from '@/lib/content/parse';
import type { ContentSource } from '@/lib/content/types';
import { writeStory } from './story-files';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-store-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function openStore(dir: string, log: (line: string) => void = () => {}) {
  return createFileStore({
    dir,
    indexFile: path.join(dir, 'index', 'stories.sqlite'),
    waitForScan: true,
    log,
    info: () => {},
  });
}

const slugs = (page: { items: { slug: string }[] } | { slug: string }[]) =>
  ('items' in page ? page.items : page).map((s) => s.slug);

function makeSite() {
  const dir = fs.mkdtempSync(path.join(root, 'site-'));
  writeStory(dir, 'lead', 'ar', { title: 'الرئيسية', tags: ['أرمينيا'], publishedAt: '2024-10-25T09:00:00Z' });
  writeStory(dir, 'lead', 'en', { title: 'Lead', tags: ['Armenia'], publishedAt: '2024-10-25T09:00:00Z' });
  writeStory(dir, 'older-world', 'ar', { title: 'أقدم', publishedAt: '2024-09-01T09:00:00Z' });
  writeStory(dir, 'science-tagged', 'ar', {
    title: 'علم',
    section: 'science',
    tags: ['أرمينيا'],
    publishedAt: '2024-10-20T09:00:00Z',
  });
  writeStory(dir, 'unrelated', 'ar', { title: 'ثقافة', section: 'culture', publishedAt: '2024-10-30T09:00:00Z' });
  writeStory(dir, 'secret-draft', 'ar', { title: 'مسودة', status: 'draft', publishedAt: '2024-10-28T09:00:00Z' });
  writeStory(dir, 'قصة-عربية', 'ar', { title: 'عربية', publishedAt: '2024-10-10T09:00:00Z' });
  writeStory(dir, 'no-title', 'ar', { title: null });
  writeStory(dir, 'bad-date', 'ar', { title: 'تاريخ', publishedAt: '2024-02-31' });
  writeStory(dir, 'weird', 'fr', { title: 'Français' });
  fs.mkdirSync(path.join(dir, 'stories', 'bad name'), { recursive: true });
  // A folder where a file should be: unreadable as a story, and no reason to stop.
  fs.mkdirSync(path.join(dir, 'stories', 'odd-folder', 'ar.md'), { recursive: true });
  return dir;
}

describe('the file store', () => {
  const dir = makeSite();
  let store: ContentSource;
  beforeAll(async () => {
    store = openStore(dir);
    await store.ready();
  });

  it('reports each broken file with its path and field, and loads the rest', async () => {
    const problems = await store.problems();
    const found = problems.map((p) => `${path.basename(path.dirname(p.path))}/${path.basename(p.path)} ${p.field}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'no-title/ar.md title',
        'bad-date/ar.md publishedAt',
        'weird/fr.md (locale)',
        'stories/bad name (slug)',
        'odd-folder/ar.md (file)',
      ]),
    );
    expect(problems).toHaveLength(5);
    expect((await store.story('ar', 'lead'))?.title).toBe('الرئيسية');
    expect((await store.story('ar', 'lead'))?.bodyHtml).toBe('<p>نص القصة.</p>\n');
    expect(await store.story('ar', 'no-title')).toBeUndefined();
  });

  it('lists a locale newest first, without drafts', async () => {
    const page = await store.latest('ar', 0, 20);
    expect(slugs(page)).toEqual(['unrelated', 'lead', 'science-tagged', 'قصة-عربية', 'older-world']);
    expect(page.total).toBe(5);
    expect(slugs(await store.latest('ar', 1, 2))).toEqual(['lead', 'science-tagged']);
    expect(slugs(await store.latest('en', 0, 20))).toEqual(['lead']);
  });

  it('keeps drafts out of every public lookup', async () => {
    expect(await store.story('ar', 'secret-draft')).toBeUndefined();
    expect(slugs(await store.inSection('ar', 'world', 0, 20))).not.toContain('secret-draft');
    expect(slugs(await store.drafts())).toEqual(['secret-draft']);
    for (const story of (await store.latest('ar', 0, 20)).items)
      expect(slugs(await store.related(story, 10))).not.toContain('secret-draft');
  });

  it('finds stories by section', async () => {
    expect(slugs(await store.inSection('ar', 'world', 0, 20))).toEqual(['lead', 'قصة-عربية', 'older-world']);
    expect((await store.inSection('ar', 'technology', 0, 20)).total).toBe(0);
  });

  it('relates stories by section or tag, newest first, never the story itself', async () => {
    const lead = (await store.story('ar', 'lead'))!;
    expect(slugs(await store.related(lead, 4))).toEqual(['science-tagged', 'قصة-عربية', 'older-world']);
    expect(slugs(await store.related(lead, 1))).toEqual(['science-tagged']);
  });

  it('knows which editions a story has', async () => {
    expect((await store.editions('lead')).sort()).toEqual(['ar', 'en']);
    expect(await store.editions('older-world')).toEqual(['ar']);
    expect(await store.editions('secret-draft')).toEqual([]);
  });

  it('reports an unreadable folder instead of throwing', async () => {
    const missing = path.join(root, 'does-not-exist');
    const empty = createFileStore({
      dir: missing,
      indexFile: path.join(root, 'missing.sqlite'),
      waitForScan: true,
      log: () => {},
    });
    expect((await empty.problems())[0].field).toBe('(folder)');
    expect((await empty.latest('ar', 0, 20)).total).toBe(0);
  });

  it('a second store over the same index file serves at once, and agrees', async () => {
    const again = createFileStore({
      dir,
      indexFile: path.join(dir, 'index', 'stories.sqlite'),
      waitForScan: false,
      log: () => {},
    });
    expect(slugs(await again.latest('ar', 0, 20))).toEqual(slugs(await store.latest('ar', 0, 20)));
  });
});

describe('the story index at archive scale', () => {
  it('answers every lookup and list from an index, never by scanning the stories', () => {
    const index = new StoryIndex(path.join(root, 'plans.sqlite'));
    const { db, statements } = index as unknown as {
      db: { prepare(sql: string): { all(...args: unknown[]): { detail: string }[] } };
      statements: Record<string, { sourceSQL: string }>;
    };
    // Reads, and the writes that find their rows first (a publish deletes a story's labels before it adds them).
    const searching = Object.entries(statements).filter(([, statement]) =>
      /^\s*(SELECT|UPDATE|DELETE FROM \w+ (INDEXED BY \w+ )?WHERE)/i.test(statement.sourceSQL),
    );
    expect(searching.length).toBeGreaterThan(20);
    for (const [name, statement] of searching) {
      const parameters = Array((statement.sourceSQL.match(/\?/g) ?? []).length).fill('x');
      const plan = db
        .prepare(`EXPLAIN QUERY PLAN ${statement.sourceSQL}`)
        .all(...parameters)
        .map((row) => row.detail)
        .join(' | ');
      if (name === 'filePaths' || name === 'folderProblems') continue; // whole-folder scans, off the request path
      // The partial index holds only the files with problems.
      expect(plan.replace('SCAN files USING INDEX files_with_problems', ''), name).not.toMatch(
        /SCAN (stories|files|story_labels)|TEMP B-TREE/,
      );
      // Nor a walk of a whole edition: every search narrows by more than the locale.
      expect(plan, name).not.toMatch(/\(locale=\?\)/);
    }
    index.close();
  });
});

describe('incremental publishing', () => {
  it('reload takes in a new, a changed, an unpublished and a deleted story, and nothing else', async () => {
    const dir = makeSite();
    const store = openStore(dir);
    await store.ready();
    const since = new Date();
    await new Promise((resolve) => setTimeout(resolve, 5));

    writeStory(dir, 'fresh', 'ar', { title: 'جديدة', section: 'science', publishedAt: '2024-11-01T09:00:00Z' });
    writeStory(dir, 'lead', 'ar', { title: 'الرئيسية معدلة', tags: ['أرمينيا'], publishedAt: '2024-10-25T09:00:00Z' });
    writeStory(dir, 'unrelated', 'ar', {
      title: 'ثقافة',
      section: 'culture',
      status: 'draft',
      publishedAt: '2024-10-30T09:00:00Z',
    });
    fs.rmSync(path.join(dir, 'stories', 'older-world'), { recursive: true });
    // Changed on disk but not named: stays as it was until it is.
    writeStory(dir, 'science-tagged', 'ar', {
      title: 'لم تُنشر بعد',
      section: 'science',
      publishedAt: '2024-10-20T09:00:00Z',
    });

    const reloaded = await store.reload(['fresh', 'lead', 'unrelated', 'older-world']);
    expect(reloaded.map((r) => [r.slug, r.published.sort()])).toEqual([
      ['fresh', ['ar']],
      ['lead', ['ar', 'en']],
      ['unrelated', []],
      ['older-world', []],
    ]);
    expect(reloaded.find((r) => r.slug === 'fresh')!.sections).toEqual([{ locale: 'ar', section: 'science' }]);
    expect(reloaded.find((r) => r.slug === 'unrelated')!.sections).toEqual([{ locale: 'ar', section: 'culture' }]);
    expect(slugs(await store.latest('ar', 0, 20))).toEqual(['fresh', 'lead', 'science-tagged', 'قصة-عربية']);
    expect((await store.story('ar', 'lead'))?.title).toBe('الرئيسية معدلة');
    expect((await store.story('ar', 'science-tagged'))?.title).toBe('علم');
    expect(slugs(await store.inSection('ar', 'science', 0, 20))).toEqual(['fresh', 'science-tagged']);
    expect(slugs(await store.drafts()).sort()).toEqual(['secret-draft', 'unrelated']);
    const changed = (await store.changedSince(since)).map((ref) => `${ref.locale}/${ref.slug}`).sort();
    expect(changed).toEqual(['ar/fresh', 'ar/lead', 'ar/older-world', 'ar/unrelated']);
  });

  it('keeps the last good version of a file that is half-written, and says so once', async () => {
    const dir = makeSite();
    const lines: string[] = [];
    const store = openStore(dir, (line) => lines.push(line));
    await store.ready();
    lines.length = 0;
    fs.writeFileSync(path.join(dir, 'stories', 'lead', 'ar.md'), '---\ntitle: "نصف');
    const [lead] = await store.reload(['lead']);
    expect(lead.problems).toHaveLength(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/lead.ar\.md: \(front matter\)/);
    expect((await store.story('ar', 'lead'))?.title).toBe('الرئيسية');
    expect(lead.published.sort()).toEqual(['ar', 'en']);
  });

  it('a rescan finds what changed on disk without the hook, removals included', async () => {
    const dir = makeSite();
    const store = openStore(dir);
    await store.ready();
    writeStory(dir, 'from-a-deploy', 'ar', { title: 'نشر', publishedAt: '2024-12-01T09:00:00Z' });
    fs.rmSync(path.join(dir, 'stories', 'unrelated'), { recursive: true });
    const result = await store.rescan();
    expect(result).toEqual({ changed: 1, removed: 1 });
    expect(slugs(await store.latest('ar', 0, 2))).toEqual(['from-a-deploy', 'lead']);
  });

  it('a new store over an existing index catches up with the folder', async () => {
    const dir = makeSite();
    await openStore(dir).ready();
    writeStory(dir, 'while-down', 'ar', { title: 'أثناء التوقف', publishedAt: '2024-12-02T09:00:00Z' });
    const restarted = openStore(dir);
    await restarted.ready();
    expect(slugs(await restarted.latest('ar', 0, 1))).toEqual(['while-down']);
  });

  it('reads a draft fresh from its file, and never a path outside the folder', async () => {
    const dir = makeSite();
    const store = openStore(dir);
    expect((await store.draft('ar', 'secret-draft'))?.status).toBe('draft');
    writeStory(dir, 'secret-draft', 'ar', {
      title: 'مسودة معدلة',
      status: 'draft',
      publishedAt: '2024-10-28T09:00:00Z',
    });
    expect((await store.draft('ar', 'secret-draft'))?.title).toBe('مسودة معدلة');
    vi.stubEnv('CONTENT_DIR', dir);
    vi.stubEnv('CONTENT_INDEX_FILE', path.join(dir, 'index', 'app.sqlite'));
    vi.resetModules();
    delete (globalThis as Record<symbol, unknown>)[Symbol.for('sahifa.content-source')];
    const { findDraft } = await import('@/lib/content');
    for (const bad of ['../../etc/passwd', '..%2F..%2Fpackage', '%00', 'no-title', 'does-not-exist'])
      expect(await findDraft('ar', bad), bad).toBeUndefined();
    expect(await findDraft('fr', 'lead')).toBeUndefined();
    expect((await findDraft('ar', 'secret-draft'))?.title).toBe('مسودة معدلة');
    vi.unstubAllEnvs();
  });
});

describe('normalizeSlug', () => {
  it('accepts ASCII and Arabic slugs', () => {
    expect(normalizeSlug('armenia-freezes-csto-participation')).toBe('armenia-freezes-csto-participation');
    expect(normalizeSlug('قصة-عربية')).toBe('قصة-عربية');
  });

  it('refuses anything that could leave the folder or is absurdly long', () => {
    for (const bad of [
      '..',
      '../etc',
      'a/b',
      'a\\b',
      'a\u0000b',
      '.hidden',
      'a--b',
      '-a',
      'a b',
      'x'.repeat(2000),
      '',
    ]) {
      expect(normalizeSlug(bad), bad).toBeNull();
    }
  });
});

describe('markdownToHtml', () => {
  it('escapes raw HTML and keeps the headline the only h1', () => {
    const html = markdownToHtml(
      '# عنوان\n\n<script>alert(1)</script>\n\n## فرعي\n\nنص [رابط](javascript:alert(1)) و[آمن](https://example.org).',
    );
    expect(html).toContain('<h2>عنوان</h2>');
    expect(html).toContain('<h2>فرعي</h2>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<a href="https://example.org" rel="noopener noreferrer">آمن</a>');
  });
});
