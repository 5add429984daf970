import { describe, expect, it } from 'vitest';
import { frontMatterSchema, parseIsoDate } from '@/lib/content/schema';

const valid = {
  title: 'عنوان',
  summary: 'ملخص',
  section: 'world',
  tags: ['وسم'],
  publishedAt: '2024-10-25T09:00:00Z',
  status: 'published',
  sources: ['وكالات'],
};

function fieldsOf(input: unknown): string[] {
  const result = frontMatterSchema.safeParse(input);
  return result.success ? [] : [...new Set(result.error.issues.map((issue) => issue.path.join('.')))];
}

describe('parseIsoDate', () => {
  it('accepts dates and date-times with an offset', () => {
    expect(parseIsoDate('2024-10-25T22:30:00Z')?.toISOString()).toBe('2024-10-25T22:30:00.000Z');
    expect(parseIsoDate('2024-10-25T22:30:00+03:00')?.toISOString()).toBe('2024-10-25T19:30:00.000Z');
    expect(parseIsoDate('2024-02-29')?.toISOString()).toBe('2024-02-29T12:00:00.000Z');
  });

  it('refuses impossible or ambiguous dates', () => {
    for (const bad of [
      '2024-02-30',
      '2023-02-29',
      '2024-13-01',
      '2024-10-25T24:00:00Z',
      '2024-10-25T10:00:00',
      '25/10/2024',
      'yesterday',
      '',
    ]) {
      expect(parseIsoDate(bad), bad).toBeNull();
    }
  });
});

describe('frontMatterSchema', () => {
  it('accepts a complete story and fills defaults', () => {
    const result = frontMatterSchema.parse({ ...valid, tags: undefined });
    expect(result.tags).toEqual([]);
    expect(result.publishedAt).toBeInstanceOf(Date);
  });

  it('names the field that is wrong', () => {
    expect(fieldsOf({ ...valid, title: undefined })).toEqual(['title']);
    expect(fieldsOf({ ...valid, title: '   ' })).toEqual(['title']);
    expect(fieldsOf({ ...valid, publishedAt: '2024-02-31' })).toEqual(['publishedAt']);
    expect(fieldsOf({ ...valid, section: 'sports' })).toEqual(['section']);
    expect(fieldsOf({ ...valid, status: 'live' })).toEqual(['status']);
    for (const src of [
      'x.webp',
      '//evil.example/x.png',
      '/images/x.webp?v=2',
      '/images/../x.webp',
      '/images/x.svg',
      '/images/a b.webp',
      '/brand/logo.png',
    ]) {
      expect(fieldsOf({ ...valid, image: { src, alt: 'a', width: 10, height: 10 } }), src).toEqual(['image.src']);
    }
    expect(fieldsOf({ ...valid, image: { src: '/images/stories/x-1.webp', alt: 'a', width: 10, height: 10 } })).toEqual(
      [],
    );
    expect(fieldsOf({ ...valid, image: { src: '/images/x.webp', alt: 'a', width: 0, height: 10 } })).toEqual([
      'image.width',
    ]);
  });

  it('refuses an update before publication and unknown keys', () => {
    expect(fieldsOf({ ...valid, updatedAt: '2024-10-24T09:00:00Z' })).toEqual(['updatedAt']);
    const result = frontMatterSchema.safeParse({ ...valid, titel: 'typo' });
    expect(result.success).toBe(false);
  });
});
