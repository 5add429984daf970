// @ts-check
/**
 * The HMAC behind preview links and sessions, in plain JavaScript because the front door (server.mjs)
 * checks a session cookie before Next sees the request: a preview cookie that does not hold a valid
 * session is dropped there, so it can neither force a render nor turn a public page private.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** @param {string} secret @param {string} message */
export function hmac(secret, message) {
  if (!secret) throw new Error('preview secret is empty');
  return createHmac('sha256', secret).update(message, 'utf8').digest();
}

/** @param {Buffer} expected @param {string} givenHex */
export function sameBytes(expected, givenHex) {
  if (!/^[0-9a-f]{64}$/.test(givenHex)) return false;
  return timingSafeEqual(expected, Buffer.from(givenHex, 'hex'));
}

/**
 * The preview session cookie's value: `expiry.signature`.
 * @param {number} expiresAt unix seconds
 * @param {string} secret
 */
export function signPreviewSession(expiresAt, secret) {
  return `${expiresAt}.${hmac(secret, `preview-session\n${expiresAt}`).toString('hex')}`;
}

/**
 * The session's expiry (unix seconds) when the cookie is genuine and current, else null.
 * @param {string | undefined} value
 * @param {string | undefined} secret
 * @param {number} nowSeconds
 * @returns {number | null}
 */
export function verifyPreviewSession(value, secret, nowSeconds) {
  if (!value || !secret) return null;
  const match = /^(\d{1,12})\.([0-9a-f]{64})$/.exec(value);
  if (!match) return null;
  const expiresAt = Number(match[1]);
  return expiresAt > nowSeconds && sameBytes(hmac(secret, `preview-session\n${expiresAt}`), match[2])
    ? expiresAt
    : null;
}
