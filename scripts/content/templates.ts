/** The bundled stories as raw front matter and body, for the synthetic archive to copy. */
import fs from 'node:fs';
import path from 'node:path';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { splitFrontMatter } from '../../lib/content/parse';
import { locales } from '../../lib/locales';

export interface StoryTemplate {
  slug: string;
  editions: Record<string, { data: Record<string, unknown> & { title: string; summary: string; section: string; tags?: string[]; image?: object; sources?: string[] }; body: string }>;
}

/** Every published story under `{dir}/stories` with an Arabic edition. */
export function loadStoryTemplates(dir: string): StoryTemplate[] {
  const storiesDir = path.join(dir, 'stories');
  const templates: StoryTemplate[] = [];
  for (const slug of fs.readdirSync(storiesDir).sort()) {
    const editions: StoryTemplate['editions'] = {};
    for (const locale of locales) {
      const file = path.join(storiesDir, slug, `${locale}.md`);
      if (!fs.existsSync(file)) continue;
      const parts = splitFrontMatter(fs.readFileSync(file, 'utf8'));
      const data = parts && (loadYaml(parts.yaml, { schema: CORE_SCHEMA }) as StoryTemplate['editions'][string]['data'] & { status?: string });
      if (parts && data?.status === 'published') editions[locale] = { data, body: parts.body.trim() };
    }
    if (editions.ar) templates.push({ slug, editions });
  }
  if (!templates.length) throw new Error(`no published stories with an Arabic edition under ${storiesDir}`);
  return templates;
}
