import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('next/headers', () => ({ cookies: vi.fn(), draftMode: vi.fn() }));

async function optionsFor(env: Record<string, string>) {
  vi.resetModules();
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  const { previewCookieOptions } = await import('@/lib/preview-session');
  return previewCookieOptions(1_800_000_000);
}

afterEach(() => vi.unstubAllEnvs());

describe('previewCookieOptions', () => {
  it('is HttpOnly and Lax, Secure only when the site is https, and ends with the link', async () => {
    expect(await optionsFor({ SITE_URL: 'http://localhost:3000' })).toEqual({
      httpOnly: true,
      sameSite: 'lax',
      secure: false,
      path: '/',
      expires: new Date(1_800_000_000_000),
    });
    expect(await optionsFor({ SITE_URL: 'https://sahifa.example' })).toMatchObject({
      httpOnly: true,
      sameSite: 'lax',
      secure: true,
    });
  });

  it('allows SameSite=None for a CMS frame, and then always Secure', async () => {
    expect(await optionsFor({ SITE_URL: 'http://localhost:3000', PREVIEW_COOKIE_SAMESITE: 'none' })).toMatchObject({
      sameSite: 'none',
      secure: true,
    });
  });
});
