/**
 * npm run content:check: validates every story file under CONTENT_DIR (default ./content),
 * one line per problem with its path and field. Exit 1 on any problem.
 */
import fs from 'node:fs';
import path from 'node:path';
import { contentDir } from '../lib/site';
import { formatProblem, loadContent, type ContentProblem } from '../lib/content/store';
import { locales } from '../lib/locales';

const index = loadContent(contentDir);
const problems: ContentProblem[] = [...index.problems];

const stories = [...locales.flatMap((locale) => index.allPublished(locale)), ...index.allDrafts()];
for (const story of stories) {
  if (story.image && !fs.existsSync(path.join(process.cwd(), 'public', story.image.src))) {
    problems.push({ path: story.sourcePath, field: 'image.src', message: `no such file in public/: ${story.image.src}` });
  }
}

for (const problem of problems) console.log(formatProblem(problem));
console.log(`${stories.length} story files checked, ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
process.exit(problems.length ? 1 : 0);
