import { describe, expect, it } from 'vitest';
import { MAX_URL_LENGTH, refusalOf } from '../../lib/http/front-door.mjs';

/** A small seeded generator, so a failing case replays. */
function random(seed: number) {
  return () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

const HEX = '0123456789ABCDEFabcdef';

function randomPath(next: () => number): string {
  const pieces = ['/ar/news/'];
  for (let i = 0, n = 1 + Math.floor(next() * 6); i < n; i++) {
    const pick = next();
    if (pick < 0.4) pieces.push(`%${HEX[Math.floor(next() * 22)]}${HEX[Math.floor(next() * 22)]}`);
    else if (pick < 0.5) pieces.push('%');
    else if (pick < 0.6) pieces.push(`%${HEX[Math.floor(next() * 22)]}`);
    else if (pick < 0.8) pieces.push(encodeURIComponent(String.fromCodePoint(Math.floor(next() * 0x10ffff)).replace(/[\ud800-\udfff]/g, 'x')));
    else pieces.push('abc-');
  }
  return pieces.join('');
}

describe('front door: paths that do not decode', () => {
  it('refuses exactly the paths decodeURIComponent refuses (5,000 seeded paths)', () => {
    const next = random(11);
    let refused = 0;
    for (let i = 0; i < 5000; i++) {
      const path = randomPath(next);
      let decodes = true;
      try {
        decodeURIComponent(path);
      } catch {
        decodes = false;
      }
      const refusal = refusalOf('GET', path);
      expect(refusal?.status ?? 200, path).toBe(decodes ? 200 : 400);
      if (!decodes) refused++;
    }
    // The generator makes both kinds, or the comparison above proves little.
    expect(refused).toBeGreaterThan(500);
    expect(refused).toBeLessThan(4500);
  });

  it.each(['/ar/news/%AF%4E', '/%', '/ar/news/%E0%A4%A', '/ar/%FF', '/ar/news/%C0%AF', '/ar/news/%ED%A0%80', '/ar/news/%F4%90%80%80'])('%s → 400', (path) => {
    expect(refusalOf('GET', path)).toEqual({ status: 400, reason: 'badRequest' });
  });

  it('lets encoded Arabic slugs and odd queries through: the query is the route’s to read', () => {
    expect(refusalOf('GET', `/ar/news/${encodeURIComponent('المد-والجزر')}`)).toBeNull();
    expect(refusalOf('GET', '/ar/search?q=%FF')).toBeNull();
  });
});

describe('front door: methods and sizes', () => {
  it('pages, feeds and images are read-only', () => {
    for (const path of ['/ar', '/en/news/x', '/ar/feed.xml', '/sitemap.xml', '/_next/static/chunks/a.js', '/api/preview']) {
      expect(refusalOf('GET', path)).toBeNull();
      expect(refusalOf('HEAD', path)).toBeNull();
      for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'TRACE', 'PROPFIND']) {
        expect(refusalOf(method, path)).toEqual({ status: 405, reason: 'methodNotAllowed', allow: ['GET', 'HEAD'] });
      }
    }
  });

  it('the publish hook takes POST only, including below its path, and nothing that merely starts like it', () => {
    expect(refusalOf('POST', '/api/revalidate')).toBeNull();
    expect(refusalOf('GET', '/api/revalidate')).toEqual({ status: 405, reason: 'methodNotAllowed', allow: ['POST'] });
    expect(refusalOf('TRACE', '/api/revalidate/x')).toMatchObject({ status: 405 });
    expect(refusalOf('POST', '/api/revalidatex')).toMatchObject({ status: 405, allow: ['GET', 'HEAD'] });
  });

  it('a URL longer than the limit gets 414; a request target not in origin form gets 400', () => {
    expect(refusalOf('GET', `/${'a'.repeat(MAX_URL_LENGTH)}`)).toEqual({ status: 414, reason: 'uriTooLong' });
    expect(refusalOf('GET', `/${'a'.repeat(MAX_URL_LENGTH - 1)}`)).toBeNull();
    expect(refusalOf('GET', 'http://elsewhere.example/ar')).toEqual({ status: 400, reason: 'badRequest' });
    expect(refusalOf('OPTIONS', '*')).toMatchObject({ status: 400 });
  });
});

describe('tag and author URLs written another way', () => {
  it('sends other spellings of a tag or author to its one address, query and page kept', () => {
    const sentTo = (url: string) => refusalOf('GET', url);
    expect(sentTo('/en/tag/Armenia')).toEqual({ status: 308, location: '/en/tag/armenia' });
    expect(sentTo('/en/author/World%20Desk/feed.xml')).toEqual({ status: 308, location: '/en/author/world-desk/feed.xml' });
    expect(sentTo('/en/tag/CSTO/page/2?utm_source=x')).toEqual({ status: 308, location: '/en/tag/csto/page/2?utm_source=x' });
    const written = encodeURIComponent('أَرْمِـينيا');
    expect(sentTo(`/ar/tag/${written}`)).toEqual({ status: 308, location: `/ar/tag/${encodeURIComponent('أرمينيا')}` });
    // Refusals come first: another method is refused, not redirected.
    expect(refusalOf('DELETE', '/en/tag/Armenia')).toMatchObject({ status: 405 });
  });

  it('leaves keys as they are, and everything that is not a tag or author page', () => {
    for (const url of [
      '/en/tag/armenia',
      `/ar/tag/${encodeURIComponent('أرمينيا')}`,
      '/en/tag/wi-fi/feed.xml',
      '/en/news/Armenia',
      '/en/section/World',
      '/api/tag/X',
      '/en/tag/%F0%9F%94%A5',
    ]) {
      expect(refusalOf('GET', url), url).toBeNull();
    }
  });
});
