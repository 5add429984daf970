import fs from 'node:fs'; import path from 'node:path'; import os from 'node:os';
import { parseStoryFile } from '../lib/content/parse.ts';
import { createFileStore } from '../lib/content/file-store/index.ts';
const dir = process.argv[2]; const mode = process.argv[3];
const gc = (globalThis as any).gc; gc(); const before = process.memoryUsage();
const t = performance.now();
let keep: unknown;
if (mode === 'map') {
  const m = new Map();
  for (const slug of fs.readdirSync(path.join(dir,'stories'))) for (const f of fs.readdirSync(path.join(dir,'stories',slug))) {
    const { story } = parseStoryFile(fs.readFileSync(path.join(dir,'stories',slug,f),'utf8'), { slug, locale: f.slice(0,2) as any, file: f });
    if (story) { const { body, ...summary } = story; m.set(`${f}/${slug}`, mode === 'map' ? summary : story); }
  }
  keep = m;
} else {
  const store = createFileStore({ dir, indexFile: path.join(os.tmpdir(), `mem-${Date.now()}.sqlite`), waitForScan: true, log: () => {} });
  await store.ready(); keep = store;
}
gc(); const after = process.memoryUsage();
console.log(mode, 'heap MB', ((after.heapUsed - before.heapUsed)/1048576).toFixed(1), 'rss MB', ((after.rss - before.rss)/1048576).toFixed(1), 'ms', (performance.now()-t).toFixed(0), !!keep);
