import { describe, expect, it } from 'vitest';
import {
  parseTtl,
  previewQuery,
  signPreviewSession,
  verifyPreviewQuery,
  verifyPreviewSession,
  type PreviewTarget,
} from '@/lib/preview';

const SECRET = 'a-long-and-random-preview-secret-for-tests';
const NOW = 1_800_000_000;
const target: PreviewTarget = { slug: 'draft-city-rooftop-gardens', locale: 'ar', expiresAt: NOW + 3600 };

function tamper(query: string, key: string, value: string) {
  const params = new URLSearchParams(query);
  params.set(key, value);
  return params.toString();
}

describe('preview links', () => {
  it('accepts a link it signed, before it expires', () => {
    expect(verifyPreviewQuery(previewQuery(target, SECRET), SECRET, NOW)).toEqual({ ok: true, value: target });
  });

  it('signs Arabic slugs and reads them back', () => {
    const arabic = { ...target, slug: 'أسرار-القهوة-العربية' };
    const query = previewQuery(arabic, SECRET);
    expect(query).not.toMatch(/[\u0600-\u06FF]/);
    expect(verifyPreviewQuery(query, SECRET, NOW)).toEqual({ ok: true, value: arabic });
  });

  it('refuses an expired link', () => {
    expect(verifyPreviewQuery(previewQuery(target, SECRET), SECRET, target.expiresAt)).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('refuses a tampered slug, locale or expiry', () => {
    const query = previewQuery(target, SECRET);
    for (const [key, value] of [
      ['slug', 'how-tides-work'],
      ['locale', 'en'],
      ['exp', String(target.expiresAt + 3600)],
      ['sig', '0'.repeat(64)],
    ]) {
      expect(verifyPreviewQuery(tamper(query, key, value), SECRET, NOW), key).toEqual({
        ok: false,
        reason: 'bad-signature',
      });
    }
  });

  it('refuses a link signed with another secret, and everything when there is no secret', () => {
    expect(verifyPreviewQuery(previewQuery(target, 'another-secret'), SECRET, NOW)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    expect(verifyPreviewQuery(previewQuery(target, SECRET), '', NOW)).toEqual({ ok: false, reason: 'no-secret' });
    expect(verifyPreviewQuery(previewQuery(target, SECRET), undefined, NOW)).toEqual({
      ok: false,
      reason: 'no-secret',
    });
    expect(() => previewQuery(target, '')).toThrow(/empty/);
  });

  it('refuses missing, repeated, unknown, oversized and non-UTF-8 parameters', () => {
    const query = previewQuery(target, SECRET);
    const bad = [
      '',
      query.replace(/&?locale=[^&]*/, ''),
      `${query}&slug=${target.slug}`,
      `${query}&x=${'a'.repeat(3000)}`,
      query.replace(/slug=[^&]*/, 'slug=%FF%FE'),
      query.replace(/slug=[^&]*/, `slug=${'a'.repeat(200)}`),
      query.replace(/slug=[^&]*/, 'slug=..%2F..%2Fetc'),
      query.replace(/locale=[^&]*/, 'locale=fr'),
      query.replace(/exp=[^&]*/, 'exp=soon'),
    ];
    for (const raw of bad) expect(verifyPreviewQuery(raw, SECRET, NOW).ok, raw.slice(0, 80)).toBe(false);
  });

  it('ignores parameters that are not its own, such as a redirect target', () => {
    const query = `${previewQuery(target, SECRET)}&next=//evil.example&redirect=https%3A%2F%2Fevil.example`;
    expect(verifyPreviewQuery(query, SECRET, NOW)).toEqual({ ok: true, value: target });
  });

  it('refuses an expiry further away than the longest allowed life', () => {
    const far = { ...target, expiresAt: NOW + 365 * 86400 };
    expect(verifyPreviewQuery(previewQuery(far, SECRET), SECRET, NOW).ok).toBe(false);
  });
});

describe('preview sessions', () => {
  it('are valid until they expire, and only with the secret that signed them', () => {
    const cookie = signPreviewSession(NOW + 60, SECRET);
    expect(verifyPreviewSession(cookie, SECRET, NOW)).toBe(NOW + 60);
    expect(verifyPreviewSession(cookie, SECRET, NOW + 60)).toBeNull();
    expect(verifyPreviewSession(cookie, 'another-secret', NOW)).toBeNull();
    expect(verifyPreviewSession(cookie.replace(/^\d+/, String(NOW + 9999)), SECRET, NOW)).toBeNull();
    expect(verifyPreviewSession(undefined, SECRET, NOW)).toBeNull();
    expect(verifyPreviewSession(cookie, '', NOW)).toBeNull();
  });
});

describe('parseTtl', () => {
  it('reads durations up to 30 days', () => {
    expect(parseTtl('90s')).toBe(90);
    expect(parseTtl('24h')).toBe(86400);
    expect(parseTtl('7d')).toBe(604800);
    for (const bad of ['', '24', '0h', '31d', '1w', '-1h']) expect(() => parseTtl(bad), bad).toThrow();
  });
});
