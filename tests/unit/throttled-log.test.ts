import { afterEach, describe, expect, it, vi } from 'vitest';
import { throttledWarning } from '../../lib/throttled-log';

describe('throttled warnings', () => {
  afterEach(() => vi.restoreAllMocks());

  it('logs each reason once a minute, then says how many it left out', () => {
    const lines: string[] = [];
    vi.spyOn(console, 'warn').mockImplementation((line: string) => void lines.push(line));
    let clock = 0;
    const warn = throttledWarning('[preview] refused a link', 60_000, () => clock);
    for (let i = 0; i < 500; i++) warn('expired');
    warn('bad signature');
    clock = 59_999;
    warn('expired');
    clock = 60_000;
    warn('expired');
    expect(lines).toEqual(['[preview] refused a link: expired', '[preview] refused a link: bad signature', '[preview] refused a link: expired (500 more since the last such line)']);
  });
});
