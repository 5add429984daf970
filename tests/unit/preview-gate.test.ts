import { describe, expect, it } from 'vitest';
import { previewGate } from '../../lib/http/preview-gate.mjs';
import { signPreviewSession } from '../../lib/preview-signature.mjs';

const SECRET = 'a-preview-secret-for-the-gate-tests';
const NOW = 1_800_000_000;
const valid = signPreviewSession(NOW + 600, SECRET);

describe('the front door keeps preview cookies only with a valid session', () => {
  it('a valid session passes, cookies untouched', () => {
    const header = `theme=dark; sahifa_preview=${valid}; __prerender_bypass=abc`;
    expect(previewGate(header, SECRET, NOW)).toEqual({ inPreview: true, cookieHeader: header });
  });

  it.each([
    ['any value', 'sahifa_preview=x'],
    ['Draft Mode alone', '__prerender_bypass=nope'],
    ['an expired session', `sahifa_preview=${signPreviewSession(NOW - 1, SECRET)}; __prerender_bypass=abc`],
    [
      'another secret’s session',
      `sahifa_preview=${signPreviewSession(NOW + 600, 'rotated-away')}; __prerender_bypass=abc`,
    ],
    ['two session cookies', `sahifa_preview=${valid}; sahifa_preview=x; __prerender_bypass=abc`],
  ])('%s: not in preview, the preview cookies taken out, the others kept', (_, header) => {
    expect(previewGate(`theme=dark; ${header}; lang=ar`, SECRET, NOW)).toEqual({
      inPreview: false,
      cookieHeader: 'theme=dark; lang=ar',
    });
    expect(previewGate(header, SECRET, NOW)).toEqual({ inPreview: false, cookieHeader: undefined });
  });

  it('without a secret nothing is a preview; requests without preview cookies pass as they are', () => {
    expect(previewGate(`sahifa_preview=${valid}`, undefined, NOW).inPreview).toBe(false);
    expect(previewGate('theme=dark', SECRET, NOW)).toEqual({ inPreview: false, cookieHeader: 'theme=dark' });
    expect(previewGate(undefined, SECRET, NOW)).toEqual({ inPreview: false, cookieHeader: undefined });
  });
});
