import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadContent, normalizeSlug } from '@/lib/content/store';
import { markdownToHtml } from '@/lib/content/markdown';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-store-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

interface Fixture {
  title?: string;
  section?: string;
  tags?: string[];
  publishedAt?: string;
  status?: string;
}

function writeStory(dir: string, slug: string, locale: string, fm: Fixture, body = 'نص القصة.') {
  const folder = path.join(dir, 'stories', slug);
  fs.mkdirSync(folder, { recursive: true });
  const lines = ['---'];
  if (fm.title !== undefined) lines.push(`title: ${JSON.stringify(fm.title)}`);
  lines.push('summary: "ملخص"', `section: ${fm.section ?? 'world'}`, `tags: ${JSON.stringify(fm.tags ?? [])}`);
  lines.push(`publishedAt: "${fm.publishedAt ?? '2024-10-01T10:00:00Z'}"`, `status: ${fm.status ?? 'published'}`, '---', body);
  fs.writeFileSync(path.join(folder, `${locale}.md`), lines.join('\n'));
}

function makeSite() {
  const dir = fs.mkdtempSync(path.join(root, 'site-'));
  writeStory(dir, 'lead', 'ar', { title: 'الرئيسية', tags: ['أرمينيا'], publishedAt: '2024-10-25T09:00:00Z' });
  writeStory(dir, 'lead', 'en', { title: 'Lead', tags: ['Armenia'], publishedAt: '2024-10-25T09:00:00Z' });
  writeStory(dir, 'older-world', 'ar', { title: 'أقدم', publishedAt: '2024-09-01T09:00:00Z' });
  writeStory(dir, 'science-tagged', 'ar', { title: 'علم', section: 'science', tags: ['أرمينيا'], publishedAt: '2024-10-20T09:00:00Z' });
  writeStory(dir, 'unrelated', 'ar', { title: 'ثقافة', section: 'culture', publishedAt: '2024-10-30T09:00:00Z' });
  writeStory(dir, 'secret-draft', 'ar', { title: 'مسودة', status: 'draft', publishedAt: '2024-10-28T09:00:00Z' });
  writeStory(dir, 'قصة-عربية', 'ar', { title: 'عربية', publishedAt: '2024-10-10T09:00:00Z' });
  writeStory(dir, 'no-title', 'ar', {});
  writeStory(dir, 'bad-date', 'ar', { title: 'تاريخ', publishedAt: '2024-02-31' });
  writeStory(dir, 'weird', 'fr', { title: 'Français' });
  fs.mkdirSync(path.join(dir, 'stories', 'bad name'), { recursive: true });
  // A folder where a file should be: unreadable as a story, and no reason to stop.
  fs.mkdirSync(path.join(dir, 'stories', 'odd-folder', 'ar.md'), { recursive: true });
  return dir;
}

describe('loadContent', () => {
  const dir = makeSite();
  const index = loadContent(dir);

  it('reports each broken file with its path and field, and loads the rest', () => {
    const found = index.problems.map((p) => `${path.basename(path.dirname(p.path))}/${path.basename(p.path)} ${p.field}`);
    expect(found).toEqual(
      expect.arrayContaining(['no-title/ar.md title', 'bad-date/ar.md publishedAt', 'weird/fr.md (locale)', 'stories/bad name (slug)', 'odd-folder/ar.md (file)']),
    );
    expect(index.problems).toHaveLength(5);
    expect(index.story('ar', 'lead')?.title).toBe('الرئيسية');
    expect(index.story('ar', 'no-title')).toBeUndefined();
  });

  it('lists a locale newest first, without drafts', () => {
    const page = index.latest('ar');
    expect(page.items.map((s) => s.slug)).toEqual(['unrelated', 'lead', 'science-tagged', 'قصة-عربية', 'older-world']);
    expect(page.total).toBe(5);
    expect(index.latest('ar', 1, 2).items.map((s) => s.slug)).toEqual(['lead', 'science-tagged']);
    expect(index.latest('en').items.map((s) => s.slug)).toEqual(['lead']);
  });

  it('keeps drafts out of every public lookup', () => {
    expect(index.story('ar', 'secret-draft')).toBeUndefined();
    expect(index.inSection('ar', 'world').items.map((s) => s.slug)).not.toContain('secret-draft');
    expect(index.allDrafts().map((s) => s.slug)).toEqual(['secret-draft']);
    for (const story of index.allPublished('ar')) expect(index.related(story, 10).map((s) => s.slug)).not.toContain('secret-draft');
  });

  it('finds stories by section', () => {
    expect(index.inSection('ar', 'world').items.map((s) => s.slug)).toEqual(['lead', 'قصة-عربية', 'older-world']);
    expect(index.inSection('ar', 'technology').total).toBe(0);
  });

  it('relates stories by section or tag, newest first, never the story itself', () => {
    const lead = index.story('ar', 'lead')!;
    expect(index.related(lead).map((s) => s.slug)).toEqual(['science-tagged', 'قصة-عربية', 'older-world']);
    expect(index.related(lead, 1).map((s) => s.slug)).toEqual(['science-tagged']);
  });

  it('knows which editions a story has', () => {
    expect(index.localesOf('lead')).toEqual(['ar', 'en']);
    expect(index.localesOf('older-world')).toEqual(['ar']);
    expect(index.localesOf('secret-draft')).toEqual([]);
  });

  it('reports an unreadable folder instead of throwing', () => {
    const empty = loadContent(path.join(root, 'does-not-exist'));
    expect(empty.problems[0].field).toBe('(folder)');
    expect(empty.latest('ar').total).toBe(0);
  });
});

describe('getContent', () => {
  it('reads CONTENT_DIR once and logs every problem with path and field', async () => {
    vi.resetModules();
    delete (globalThis as Record<symbol, unknown>)[Symbol.for('sahifa.content-index')];
    const dir = makeSite();
    vi.stubEnv('CONTENT_DIR', dir);
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { getContent } = await import('@/lib/content');
    const first = getContent();
    expect(getContent()).toBe(first);
    const lines = log.mock.calls.map((call) => String(call[0]));
    expect(lines).toHaveLength(5);
    expect(lines.some((line) => line.includes(path.join('no-title', 'ar.md')) && line.includes(': title:'))).toBe(true);
    expect(lines.some((line) => line.includes(path.join('bad-date', 'ar.md')) && line.includes(': publishedAt:'))).toBe(true);
    log.mockRestore();
    vi.unstubAllEnvs();
  });

  it('sees a story published after start once reloaded, and reads files fresh for preview', async () => {
    vi.resetModules();
    delete (globalThis as Record<symbol, unknown>)[Symbol.for('sahifa.content-index')];
    const dir = makeSite();
    vi.stubEnv('CONTENT_DIR', dir);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { getContent, reloadContent, readStoryFresh } = await import('@/lib/content');
    expect(getContent().story('ar', 'secret-draft')).toBeUndefined();
    expect(readStoryFresh('ar', 'secret-draft')?.status).toBe('draft');

    writeStory(dir, 'secret-draft', 'ar', { title: 'مسودة معدلة', status: 'draft', publishedAt: '2024-10-28T09:00:00Z' });
    expect(readStoryFresh('ar', 'secret-draft')?.title).toBe('مسودة معدلة');

    writeStory(dir, 'secret-draft', 'ar', { title: 'منشورة', publishedAt: '2024-10-28T09:00:00Z' });
    expect(getContent().story('ar', 'secret-draft')).toBeUndefined();
    expect(reloadContent().story('ar', 'secret-draft')?.title).toBe('منشورة');
    expect(getContent().latest('ar').items[0].slug).toBe('unrelated');

    for (const bad of ['../../etc/passwd', '..%2F..%2Fpackage', '%00', 'no-title', 'does-not-exist']) expect(readStoryFresh('ar', bad), bad).toBeUndefined();
    expect(readStoryFresh('fr', 'lead')).toBeUndefined();
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });
});

describe('normalizeSlug', () => {
  it('accepts ASCII and Arabic slugs', () => {
    expect(normalizeSlug('armenia-freezes-csto-participation')).toBe('armenia-freezes-csto-participation');
    expect(normalizeSlug('قصة-عربية')).toBe('قصة-عربية');
  });

  it('refuses anything that could leave the folder or is absurdly long', () => {
    for (const bad of ['..', '../etc', 'a/b', 'a\\b', 'a\u0000b', '.hidden', 'a--b', '-a', 'a b', 'x'.repeat(2000), '']) {
      expect(normalizeSlug(bad), bad).toBeNull();
    }
  });
});

describe('markdownToHtml', () => {
  it('escapes raw HTML and keeps the headline the only h1', () => {
    const html = markdownToHtml('# عنوان\n\n<script>alert(1)</script>\n\n## فرعي\n\nنص [رابط](javascript:alert(1)) و[آمن](https://example.org).');
    expect(html).toContain('<h2>عنوان</h2>');
    expect(html).toContain('<h2>فرعي</h2>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<a href="https://example.org" rel="noopener noreferrer">آمن</a>');
  });
});
