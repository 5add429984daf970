import bidiFactory from 'bidi-js';
import { describe, expect, it } from 'vitest';
import { FSI, LRE, LRI, LRO, PDF, PDI, RLE, RLI, RLO, containBidiControls } from '@/lib/content/bidi-controls';
import { parseStoryFile } from '@/lib/content/parse';
import { rssFeed } from '@/lib/feeds';
import { storyMetadata } from '@/lib/metadata';
import { storyShareCard } from '@/lib/og/story-card';

const OPENERS = [LRE, RLE, LRO, RLO, LRI, RLI, FSI];
const EMBEDDINGS_AND_OVERRIDES = /[\u202A-\u202E]/;

/** Whether every isolate in `text` is closed, and none is closed that was not opened. */
function balanced(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === LRI || ch === RLI || ch === FSI) depth++;
    else if (ch === PDI && --depth < 0) return false;
  }
  return depth === 0;
}

const bidi = bidiFactory();

/** Embedding levels the bidi algorithm gives the letters of `suffix` when it follows `text` in one paragraph. */
function suffixLevels(text: string, suffix: string, direction: 'ltr' | 'rtl'): number[] {
  const { levels } = bidi.getEmbeddingLevels(text + suffix, direction);
  return [...levels.slice(text.length)].filter((_, i) => /\p{L}/u.test(suffix[i]));
}

describe('containBidiControls', () => {
  it('drops overrides, with the PDF that closes them', () => {
    expect(containBidiControls(`abc ${RLO}txet`)).toBe('abc txet');
    expect(containBidiControls(`a${LRO}b${PDF}c`)).toBe('abc');
  });

  it('turns embeddings into isolates of the same direction', () => {
    expect(containBidiControls(`رقم ${LRE}Office 2010${PDF} جديد`)).toBe(`رقم ${LRI}Office 2010${PDI} جديد`);
    expect(containBidiControls(`x ${RLE}عربي${PDF} y`)).toBe(`x ${RLI}عربي${PDI} y`);
  });

  it('closes what is left open at the end, and drops closers nothing opened', () => {
    expect(containBidiControls(`${RLE}عنوان`)).toBe(`${RLI}عنوان${PDI}`);
    expect(containBidiControls(`a${FSI}b`)).toBe(`a${FSI}b${PDI}`);
    expect(containBidiControls(`a${PDI}b${PDF}c`)).toBe('abc');
  });

  it('matches closers as the bidi algorithm does', () => {
    // A PDF cannot close an isolate; a PDI closes its isolate and everything opened inside it.
    expect(containBidiControls(`${RLI}a${PDF}b${PDI}c`)).toBe(`${RLI}ab${PDI}c`);
    expect(containBidiControls(`${RLI}a${RLE}b${PDI}c`)).toBe(`${RLI}a${RLI}b${PDI}${PDI}c`);
    expect(containBidiControls(`${RLI}a${RLO}b${PDI}c`)).toBe(`${RLI}ab${PDI}c`);
  });

  it('keeps Arabic, marks and joiners as they are', () => {
    const text = `می\u200Cخواهم \u200Fعربي\u200E لا\u200Dم ${RLI}مثال${PDI}`;
    expect(containBidiControls(text)).toBe(text);
  });

  it('leaves every mix of controls balanced and free of embeddings and overrides', () => {
    const alphabet = [...OPENERS, PDF, PDI, 'a', 'ب', ' '];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let run = 0; run < 500; run++) {
      const text = Array.from(
        { length: 1 + Math.floor(random() * 12) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join('');
      const contained = containBidiControls(text);
      expect(contained, JSON.stringify(text)).not.toMatch(EMBEDDINGS_AND_OVERRIDES);
      expect(balanced(contained), JSON.stringify(text)).toBe(true);
      expect(contained.replace(/[\u2066-\u2069]/g, ''), JSON.stringify(text)).toBe(
        text.replace(/[\u202A-\u202E\u2066-\u2069]/g, ''),
      );
    }
  });

  it('no control left open in a headline reaches the site name after it', () => {
    for (const [direction, suffix] of [
      ['ltr', ' | Sahifa'],
      ['rtl', ' | صحيفة'],
    ] as const) {
      const expected = suffixLevels('Title abc عربي', suffix, direction);
      for (const control of OPENERS) {
        const headline = `Title ${control}abc عربي`;
        // The oracle sees the spill when nothing is done about it...
        expect(
          suffixLevels(headline, suffix, direction),
          `${direction} U+${control.codePointAt(0)!.toString(16)}`,
        ).not.toEqual(expected);
        // ...and none once the headline is contained.
        expect(
          suffixLevels(containBidiControls(headline), suffix, direction),
          `${direction} U+${control.codePointAt(0)!.toString(16)}`,
        ).toEqual(expected);
      }
    }
  });
});

describe('one-line front matter', () => {
  const file = (frontMatter: string) =>
    parseStoryFile(
      `---\n${frontMatter}\nsection: world\npublishedAt: "2024-10-25T09:00:00Z"\nstatus: published\n---\nنص.`,
      {
        slug: 'bidi',
        locale: 'ar',
        file: 'content/stories/bidi/ar.md',
      },
    );

  it('is contained in every field that carries text, and nothing else is changed', () => {
    const hostile = (words: string) => `"${words} \\u202E<b>txet</b> \\u202Bعربي\\u200C"`;
    const { story, problems } = file(
      [
        `title: ${hostile('عنوان')}`,
        `summary: ${hostile('ملخص')}`,
        `tags: [${hostile('وسم')}]`,
        `authors: [${hostile('كاتب')}]`,
        `sources: [${hostile('وكالة')}]`,
        'image:',
        '  src: /images/stories/armenia-csto.webp',
        `  alt: ${hostile('صورة')}`,
        `  caption: ${hostile('تعليق')}`,
        `  credit: ${hostile('مصور')}`,
        '  width: 1600',
        '  height: 900',
      ].join('\n'),
    );
    expect(problems).toEqual([]);
    const { title, summary, tags, authors, sources, image } = story!;
    const texts = [title, summary, ...tags, ...authors!, ...sources, image!.alt, image!.caption!, image!.credit!];
    expect(texts).toHaveLength(8);
    for (const text of texts) {
      expect(text).not.toMatch(EMBEDDINGS_AND_OVERRIDES);
      expect(balanced(text), text).toBe(true);
      expect(text).toContain(`<b>txet</b> ${RLI}عربي\u200C${PDI}`);
    }
    expect(title).toBe(`عنوان <b>txet</b> ${RLI}عربي\u200C${PDI}`);
  });

  it('with nothing but controls is empty, and reported', () => {
    expect(file(`title: " \\u202E\\u202C "\nsummary: ملخص`).problems).toEqual([
      { path: 'content/stories/bidi/ar.md', field: 'title', message: 'must not be empty' },
    ]);
  });

  it('reaches <title>, the feed and the share card contained', () => {
    const { story } = file(`title: "عنوان \\u202Eمقلوب"\nsummary: "ملخص \\u202Dمقلوب"`);
    const page = storyMetadata(story!, {
      siteName: 'صحيفة',
      sectionName: 'العالم',
      editions: ['ar'],
      image: { path: '/ar/news/bidi/opengraph-image', alt: story!.title },
      feed: { path: '/ar/feed.xml', title: 'صحيفة' },
    });
    const feed = rssFeed(
      {
        title: 'صحيفة',
        description: 'أخبار',
        locale: 'ar',
        pagePath: '/ar',
        feedPath: '/ar/feed.xml',
        sectionName: () => 'العالم',
        correctionLabel: 'تصحيح',
      },
      [story!],
    );
    const card = storyShareCard(story!, { brand: 'صحيفة', tagline: 'أخبار' });
    for (const text of [JSON.stringify(page.title), String(page.description), feed, card.text.headline]) {
      expect(text).not.toMatch(EMBEDDINGS_AND_OVERRIDES);
      expect(text).toContain('مقلوب');
    }
  });
});
