/** Story files written into a temporary content folder, and the real file store the tests open over it. */
import fs from 'node:fs';
import path from 'node:path';
import { createFileStore } from '@/lib/content/file-store';
import type { ContentSource } from '@/lib/content/types';

/** The file store over `dir`, its index beside the stories, silent; by default ready once its first scan is done. */
export function openStore(dir: string, { waitForScan = true } = {}): ContentSource {
  return createFileStore({
    dir,
    indexFile: path.join(dir, 'index', 'stories.sqlite'),
    waitForScan,
    log: () => {},
    info: () => {},
  });
}

export interface StoryFields {
  /** `null` leaves the title out, as a broken file would. */
  title?: string | null;
  summary?: string;
  section?: string;
  tags?: string[];
  authors?: string[];
  publishedAt?: string;
  status?: string;
  /** Left out when absent, as in a story never corrected. */
  corrections?: { date: string; text: string }[];
  updateNote?: string;
}

export function writeStory(dir: string, slug: string, locale: string, fields: StoryFields, body = 'نص القصة.') {
  const folder = path.join(dir, 'stories', slug);
  fs.mkdirSync(folder, { recursive: true });
  const lines = ['---'];
  if (fields.title !== null) lines.push(`title: ${JSON.stringify(fields.title ?? 'خبر')}`);
  lines.push(
    `summary: ${JSON.stringify(fields.summary ?? 'ملخص')}`,
    `section: ${fields.section ?? 'world'}`,
    `tags: ${JSON.stringify(fields.tags ?? [])}`,
  );
  if (fields.authors) lines.push(`authors: ${JSON.stringify(fields.authors)}`);
  lines.push(
    `publishedAt: "${fields.publishedAt ?? '2024-10-01T10:00:00Z'}"`,
    `status: ${fields.status ?? 'published'}`,
  );
  // JSON is YAML flow style: the dates stay quoted strings for the schema to read.
  if (fields.corrections) lines.push(`corrections: ${JSON.stringify(fields.corrections)}`);
  if (fields.updateNote !== undefined) lines.push(`updateNote: ${JSON.stringify(fields.updateNote)}`);
  lines.push('---', body);
  fs.writeFileSync(path.join(folder, `${locale}.md`), lines.join('\n'));
}
