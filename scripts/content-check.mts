/**
 * npm run content:check: validates every story file under CONTENT_DIR (default ./content),
 * one line per problem with its path and field. Exit 1 on any problem.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createFileStore } from '../lib/content/file-store';
import { formatProblem } from '../lib/content/parse';
import type { ContentProblem, StorySummary } from '../lib/content/types';
import { locales } from '../lib/locales';
import { contentDir, contentIndexFile } from '../lib/site';

// Problems are printed below, once, in order.
const store = createFileStore({ dir: contentDir, indexFile: contentIndexFile, waitForScan: true, log: () => {} });
await store.ready();
const problems: ContentProblem[] = await store.problems();

const stories: StorySummary[] = [...(await store.drafts())];
for (const locale of locales) {
  const { total } = await store.latest(locale, 0, 0);
  stories.push(...(await store.latest(locale, 0, total)).items);
}
for (const story of stories) {
  if (story.image && !fs.existsSync(path.join(process.cwd(), 'public', story.image.src))) {
    problems.push({
      path: story.sourcePath,
      field: 'image.src',
      message: `no such file in public/: ${story.image.src}`,
    });
  }
}

for (const problem of problems) console.log(formatProblem(problem));
console.log(`${stories.length} story files checked, ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
process.exit(problems.length ? 1 : 0);
