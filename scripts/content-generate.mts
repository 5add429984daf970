/**
 * npm run content:generate -- --stories N --out DIR [--seed S] [--from DIR]
 *
 * A synthetic archive for scale runs, made from the bundled stories: both editions (most stories),
 * every section, a few drafts and Arabic slugs, dates spread over ten years, a share with pictures,
 * a pool of shared tags and authors. The same seed gives the same archive, byte for byte.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultLocale, locales, type Locale } from '../lib/locales';
import { loadStoryTemplates, type StoryTemplate } from './content/templates';
import { seededRandom } from './shared/seeded-random.mjs';

const { values } = parseArgs({
  options: {
    stories: { type: 'string', default: '1000' },
    out: { type: 'string' },
    seed: { type: 'string', default: '1' },
    from: { type: 'string', default: 'content' },
  },
});
const count = Number(values.stories);
if (!values.out || !Number.isInteger(count) || count < 1) {
  console.error('usage: npm run content:generate -- --stories N --out DIR [--seed S] [--from DIR]');
  process.exit(2);
}

const next = seededRandom(Number(values.seed));
const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)];

const ARCHIVE_START = Date.UTC(2016, 0, 1);
const ARCHIVE_END = Date.UTC(2026, 10, 28);
/** "File 17", "Editor 3" in each edition's words: 200 shared tags and 60 authors. */
const TAG_WORD: Record<Locale, string> = { ar: 'ملف', en: 'File', fa: 'پرونده' };
const AUTHOR_WORD: Record<Locale, string> = { ar: 'محرر', en: 'Editor', fa: 'دبیر' };
const numbered = (word: string, count: number) => Array.from({ length: count }, (_, i) => `${word} ${i + 1}`);
const SHARED_TAGS = Object.fromEntries(locales.map((locale) => [locale, numbered(TAG_WORD[locale], 200)])) as Record<
  Locale,
  string[]
>;
const AUTHORS = Object.fromEntries(locales.map((locale) => [locale, numbered(AUTHOR_WORD[locale], 60)])) as Record<
  Locale,
  string[]
>;

function frontMatter(fields: Record<string, unknown>): string {
  const lines = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => {
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        return `${key}:\n${Object.entries(value)
          .map(([k, v]) => `  ${k}: ${JSON.stringify(v)}`)
          .join('\n')}`;
      }
      return `${key}: ${JSON.stringify(value)}`;
    });
  return `---\n${lines.join('\n')}\n---\n`;
}

function storyFile(
  template: StoryTemplate['editions'][string],
  number: number,
  fields: { publishedAt: string; status: string; withImage: boolean; tag: string; author: string },
) {
  const { data, body } = template;
  return (
    frontMatter({
      title: `${data.title} (${number})`,
      summary: data.summary,
      section: data.section,
      tags: [...(data.tags ?? []), fields.tag],
      publishedAt: fields.publishedAt,
      status: fields.status,
      image: fields.withImage ? data.image : undefined,
      sources: data.sources,
      authors: [fields.author],
    }) + `\n${body}\n`
  );
}

const templates = loadStoryTemplates(values.from);
const storiesDir = path.join(values.out, 'stories');
fs.rmSync(storiesDir, { recursive: true, force: true });
fs.mkdirSync(storiesDir, { recursive: true });
const started = performance.now();

let files = 0;
for (let number = 1; number <= count; number++) {
  const template = pick(templates);
  const arabicSlug = next() < 0.05;
  const asciiStem = template.slug.replace(/[^a-z0-9-]+/g, '').replace(/^-+|-+$/g, '') || 'story';
  const slug = arabicSlug ? `خبر-${number}` : `${asciiStem}-${number}`;
  const publishedAt = new Date(ARCHIVE_START + Math.floor(next() * (ARCHIVE_END - ARCHIVE_START)))
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');
  const status = next() < 0.01 ? 'draft' : 'published';
  const withImage = next() < 0.6;
  const tagIndex = Math.floor(next() * 200);
  const authorIndex = Math.floor(next() * 60);
  // The default edition always; each other edition its template has, nine times in ten.
  const otherEditions = next() < 0.9;
  const folder = path.join(storiesDir, slug);
  fs.mkdirSync(folder);
  for (const locale of locales) {
    const edition = template.editions[locale];
    if (!edition || (locale !== defaultLocale && !otherEditions)) continue;
    const fields = {
      publishedAt,
      status,
      withImage: withImage && !!edition.data.image,
      tag: SHARED_TAGS[locale][tagIndex],
      author: AUTHORS[locale][authorIndex],
    };
    fs.writeFileSync(path.join(folder, `${locale}.md`), storyFile(edition, number, fields));
    files++;
  }
}
console.log(
  `generated ${count} stories (${files} files) in ${storiesDir} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
