// @ts-check
/**
 * Whether an Authorization header carries `Bearer <secret>`: the publish hook's and /metrics' check.
 * Digests are compared, so neither the length nor any prefix of the secret shows in the timing.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * @param {string | null | undefined} header
 * @param {string | undefined} secret no secret: nothing matches
 */
export function bearerMatches(header, secret) {
  if (!secret) return false;
  const digest = (/** @type {string} */ text) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(header ?? ''), digest(`Bearer ${secret}`));
}
