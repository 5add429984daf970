import { describe, expect, it } from 'vitest';
import { labelKeyFromParam, slugFromParam } from '../../lib/content';

const arabic = 'أرمينيا-تجمد';

describe('a route segment names a story or label in one spelling only', () => {
  it('takes the slug decoded or encoded as encodeURIComponent writes it', () => {
    expect(slugFromParam('how-tides-work')).toBe('how-tides-work');
    expect(slugFromParam(arabic)).toBe(arabic);
    expect(slugFromParam(encodeURIComponent(arabic))).toBe(arabic);
  });

  it.each([
    ['a letter written as an escape, decoded once by Next', 'how-tides-wor%6B'],
    ['written twice over', 'how-tides-wor%256B'],
    ['lower-case escapes', encodeURIComponent(arabic).toLowerCase()],
    ['a decomposed hamza', arabic.normalize('NFD')],
    ['a decomposed hamza, encoded', encodeURIComponent(arabic.normalize('NFD'))],
    ['a bad escape', '%E0%A4%A'],
    ['dots', '..'],
  ])('refuses %s', (_, raw) => expect(slugFromParam(raw)).toBeNull());

  it('tag and author keys likewise', () => {
    expect(labelKeyFromParam('armenia')).toBe('armenia');
    expect(labelKeyFromParam(encodeURIComponent('أرمينيا'))).toBe('أرمينيا');
    expect(labelKeyFromParam('%63offee')).toBeNull();
    expect(labelKeyFromParam('Armenia')).toBeNull();
    expect(labelKeyFromParam(encodeURIComponent('أرمينيا'.normalize('NFD')))).toBeNull();
  });
});
