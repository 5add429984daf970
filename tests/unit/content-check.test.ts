import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function contentCheck(contentDir: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/content-check.mts'], {
    env: { ...process.env, CONTENT_DIR: contentDir },
    encoding: 'utf8',
  });
}

describe('npm run content:check', () => {
  it('prints one line per problem with path and field, and exits 1', () => {
    const run = contentCheck(path.join(process.cwd(), 'tests/fixtures'));
    expect(run.status).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines).toContainEqual(expect.stringMatching(/stories\/broken-missing-title\/ar\.md: title: /));
    expect(lines).toContainEqual(expect.stringMatching(/stories\/broken-impossible-date\/ar\.md: publishedAt: /));
  });

  it('passes on the bundled content', () => {
    const run = contentCheck(path.join(process.cwd(), 'content'));
    expect(run.stdout).toMatch(/0 problems/);
    expect(run.status).toBe(0);
  });
});
