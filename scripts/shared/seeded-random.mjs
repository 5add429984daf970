// @ts-check
/**
 * The one seeded random generator of the scripts and tests (mulberry32): small, fast, and the same
 * sequence on every machine for the same seed, so generated images, archives and fuzz inputs replay.
 * Plain JavaScript, because scripts/make-story-images.mjs is.
 */

/**
 * A generator of numbers in [0, 1) from `seed`, taken as a 32-bit unsigned integer.
 * @param {number} seed
 * @returns {() => number}
 */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
