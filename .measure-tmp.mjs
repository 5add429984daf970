import * as prettier from 'prettier';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
const root = '/work/main';
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
const widths = process.argv.slice(2).map(Number);
for (const w of widths) {
  const tmp = fs.mkdtempSync(`/tmp/pw-${w}-`);
  let changedFiles = 0, lines = 0;
  const perFile = [];
  for (const f of files) {
    const abs = path.join(root, f);
    if (!fs.existsSync(abs)) continue;
    const info = await prettier.getFileInfo(abs, { ignorePath: path.join(root, '.prettierignore') });
    if (info.ignored || !info.inferredParser) continue;
    const src = fs.readFileSync(abs, 'utf8');
    const out = await prettier.format(src, { filepath: abs, singleQuote: true, trailingComma: 'all', semi: true, printWidth: w });
    if (out === src) continue;
    changedFiles++;
    const a = path.join(tmp, 'a'), b = path.join(tmp, 'b');
    fs.writeFileSync(a, src); fs.writeFileSync(b, out);
    let d = '';
    try { d = execFileSync('git', ['diff', '--no-index', '--numstat', a, b], { encoding: 'utf8' }); } catch (e) { d = e.stdout; }
    const [add, del] = d.trim().split(/\s+/).map(Number);
    lines += add + del;
    perFile.push([f, add + del]);
  }
  perFile.sort((x, y) => y[1] - x[1]);
  console.log(`printWidth ${w}: ${changedFiles} files, ${lines} lines added+removed; top: ${perFile.slice(0, 6).map(([f, n]) => `${f}(${n})`).join(', ')}`);
}
