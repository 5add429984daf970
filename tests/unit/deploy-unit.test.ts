import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const UNIT = path.join(process.cwd(), 'deploy', 'sahifa@.service');
const systemdAnalyze = '/usr/bin/systemd-analyze';

describe('the systemd unit in deploy/', () => {
  const text = fs.readFileSync(UNIT, 'utf8');
  const setting = (name: string) => new RegExp(`^${name}=(.*)$`, 'm').exec(text)?.[1];

  it('starts server.mjs on the instance port and stops it with the drain signal, giving it time to drain', () => {
    expect(setting('ExecStart')).toBe('/usr/bin/node server.mjs --port %i');
    expect(setting('KillSignal')).toBe('SIGTERM');
    // The default drain (5 s) plus the 10 s requests in flight may take.
    expect(Number(setting('TimeoutStopSec'))).toBeGreaterThanOrEqual(15);
    expect(setting('Environment')).toContain('LOG_FORMAT=json');
  });

  it.skipIf(!fs.existsSync(systemdAnalyze))('passes systemd-analyze verify with no warning', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-unit-'));
    try {
      const instance = path.join(dir, 'sahifa@3001.service');
      fs.copyFileSync(UNIT, instance);
      const result = spawnSync(systemdAnalyze, ['verify', instance], { encoding: 'utf8' });
      expect(result.stderr + result.stdout).toBe('');
      expect(result.status).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
