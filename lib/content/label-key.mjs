// @ts-check
/**
 * A tag's or author's key: what its URL and the index use. The same name with other capitals,
 * harakat or tatweel, half spaces, or other punctuation and spacing, is the same label; the letters
 * stay as written, in any script (أرمينيا, بایگانی, CSTO). Plain JavaScript, because server.mjs sends other spellings
 * of a key to its one address before Next sees them (lib/http/front-door.mjs).
 */

/** Long enough for any real name, short enough that its URL stays readable. */
const MAX_KEY_LENGTH = 80;
const HARAKAT_AND_TATWEEL = /[\u064b-\u065f\u0670\u0640]/g;
/** Persian's half space (ZWNJ) keeps the parts of one word apart without a space: زبان‌ها and زبانها are one word. */
const ZWNJ = /\u200c/g;

/**
 * The key of a name: lower case, words joined by hyphens. Empty when it has no letter or digit (an emoji).
 * @param {string} name
 */
export function labelKey(name) {
  const key = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(HARAKAT_AND_TATWEEL, '')
    .replace(ZWNJ, '')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return Array.from(key).slice(0, MAX_KEY_LENGTH).join('').replace(/-+$/, '');
}
