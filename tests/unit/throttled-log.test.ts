import { describe, expect, it } from 'vitest';
import { throttledWarning } from '../../lib/throttled-log';

describe('throttled warnings', () => {
  it('logs each reason once a minute, then says how many it left out', () => {
    const lines: string[] = [];
    let clock = 0;
    const warn = throttledWarning('preview.refused', '[preview] refused a link', {
      now: () => clock,
      write: (line) => void lines.push(line),
    });
    for (let i = 0; i < 500; i++) warn('expired');
    warn('bad signature');
    clock = 59_999;
    warn('expired');
    clock = 60_000;
    warn('expired');
    expect(lines).toEqual([
      '[preview] refused a link: expired',
      '[preview] refused a link: bad signature',
      '[preview] refused a link: expired (500 more since the last such line)',
    ]);
  });
});
