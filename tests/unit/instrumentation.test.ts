import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

async function start(env: Record<string, string>) {
  vi.resetModules();
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('sahifa.content-source')];
  vi.stubEnv('NEXT_RUNTIME', 'nodejs');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-start-'));
  vi.stubEnv('CONTENT_DIR', dir);
  vi.stubEnv('CONTENT_INDEX_FILE', path.join(dir, 'index.sqlite'));
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  const { log } = await import('../../lib/ops/log.mjs');
  const warn = vi.spyOn(log(), 'warn').mockImplementation(() => {});
  vi.spyOn(log(), 'error').mockImplementation(() => {});
  const { register } = await import('../../instrumentation');
  await register();
  return warn.mock.calls.map((call) => String(call[1]));
}

describe('server start', () => {
  it('says once that preview and publishing are off when their secrets are missing', async () => {
    const lines = await start({ PREVIEW_SECRET: '', REVALIDATE_SECRET: '' });
    expect(lines.filter((line) => line.includes('PREVIEW_SECRET is not set'))).toHaveLength(1);
    expect(lines.filter((line) => line.includes('REVALIDATE_SECRET is not set'))).toHaveLength(1);
  });

  it('says nothing of the kind when both are set', async () => {
    expect(await start({ PREVIEW_SECRET: 'a-secret', REVALIDATE_SECRET: 'another' })).toEqual([]);
  });
});
