import { describe, expect, it } from 'vitest';
import { canonicalPath, MAX_URL_LENGTH, refusalOf } from '../../lib/http/front-door.mjs';

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
    else if (pick < 0.8)
      pieces.push(
        encodeURIComponent(String.fromCodePoint(Math.floor(next() * 0x10ffff)).replace(/[\ud800-\udfff]/g, 'x')),
      );
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
      if (!decodes) expect(refusal, path).toEqual({ status: 400, reason: 'badRequest' });
      // A path that decodes is served, or sent once to its one spelling, which is served.
      else if (refusal) expect(refusalOf('GET', (refusal as { location: string }).location), path).toBeNull();
      if (!decodes) refused++;
    }
    // The generator makes both kinds, or the comparison above proves little.
    expect(refused).toBeGreaterThan(500);
    expect(refused).toBeLessThan(4500);
  });

  it.each([
    '/ar/news/%AF%4E',
    '/%',
    '/ar/news/%E0%A4%A',
    '/ar/%FF',
    '/ar/news/%C0%AF',
    '/ar/news/%ED%A0%80',
    '/ar/news/%F4%90%80%80',
  ])('%s → 400', (path) => {
    expect(refusalOf('GET', path)).toEqual({ status: 400, reason: 'badRequest' });
  });

  it('lets encoded Arabic slugs and odd queries through: the query is the route’s to read', () => {
    expect(refusalOf('GET', `/ar/news/${encodeURIComponent('المد-والجزر')}`)).toBeNull();
    expect(refusalOf('GET', '/ar/search?q=%FF')).toBeNull();
  });
});

describe('front door: methods and sizes', () => {
  it('pages, feeds and images are read-only', () => {
    for (const path of [
      '/ar',
      '/en/news/x',
      '/ar/feed.xml',
      '/sitemap.xml',
      '/_next/static/chunks/a.js',
      '/api/preview',
    ]) {
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
    expect(sentTo('/en/author/World%20Desk/feed.xml')).toEqual({
      status: 308,
      location: '/en/author/world-desk/feed.xml',
    });
    expect(sentTo('/en/tag/CSTO/page/2?utm_source=x')).toEqual({
      status: 308,
      location: '/en/tag/csto/page/2?utm_source=x',
    });
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

describe('one spelling per page', () => {
  const sentTo = (url: string) => refusalOf('GET', url);
  const arabic = 'أرمينيا-تجمد';

  it('sends a letter written as an escape, an escaped route word and lower-case escapes to the URL the site writes', () => {
    expect(sentTo('/en/news/how-tides-wor%6B')).toEqual({ status: 308, location: '/en/news/how-tides-work' });
    expect(sentTo('/en/news/how-tides-wor%6B/opengraph-image?v=1')).toEqual({
      status: 308,
      location: '/en/news/how-tides-work/opengraph-image?v=1',
    });
    expect(sentTo('/en/%74ag/%63offee/feed.xml')).toEqual({ status: 308, location: '/en/tag/coffee/feed.xml' });
    expect(sentTo('/%61r/news/x')).toEqual({ status: 308, location: '/ar/news/x' });
    expect(sentTo(`/ar/news/${encodeURIComponent(arabic).toLowerCase()}`)).toEqual({
      status: 308,
      location: `/ar/news/${encodeURIComponent(arabic)}`,
    });
  });

  it('sends a decomposed Arabic letter (ا + U+0654) to the composed one (أ)', () => {
    const decomposed = encodeURIComponent(arabic.normalize('NFD'));
    expect(decomposed).not.toBe(encodeURIComponent(arabic));
    expect(sentTo(`/ar/news/${decomposed}`)).toEqual({
      status: 308,
      location: `/ar/news/${encodeURIComponent(arabic)}`,
    });
    expect(sentTo(`/ar/tag/${encodeURIComponent('أرمينيا'.normalize('NFD'))}`)).toEqual({
      status: 308,
      location: `/ar/tag/${encodeURIComponent('أرمينيا')}`,
    });
  });

  it('leaves a segment written twice over to the route (its 404 is not stored), and the site’s own URLs alone', () => {
    expect(sentTo('/en/news/how-tides-wor%256B')).toBeNull();
    for (const url of [
      '/ar',
      '/ar/',
      `/ar/news/${encodeURIComponent(arabic)}`,
      '/fa/section/world/page/2',
      '/en/search?q=%D8%A3',
      '/api/revalidate',
      '/_next/image?url=%2Fx',
      '/sitemaps/stories-ar-1.xml',
    ]) {
      expect(canonicalPath(url.split('?')[0]), url).toBeNull();
    }
  });

  it('is one step: the URL it sends to is its own spelling (2,000 seeded spellings)', () => {
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    const letters = ['a', 'B', '%6B', '%2D', 'أ', 'ا\u0654', '%D8%A3', '%d8%a3', '-', '@', '%40', '%2525'];
    for (let i = 0; i < 2000; i++) {
      const segment = Array.from(
        { length: 1 + Math.floor(next() * 8) },
        () => letters[Math.floor(next() * letters.length)],
      ).join('');
      const kind = ['news', 'tag', 'author', '%74ag', 'section'][Math.floor(next() * 5)];
      const url = `/ar/${kind}/${segment.replace(/[^\x21-\x7e]/g, (c) => encodeURIComponent(c))}`;
      const answer = sentTo(url);
      if (answer && 'location' in answer) expect(sentTo(answer.location), url).toBeNull();
    }
  });
});

describe('front door: dot segments and internal headers', () => {
  it.each([
    '/api/revalidate/../../en/news/x',
    '/api/revalidate/%2e%2e/%2E%2E/en/news/x',
    '/ar/news/.%2e/x',
    '/ar/./news',
    '/ar/news/%2e',
    '/..',
  ])('%s → 400, whatever the method', (path) => {
    expect(refusalOf('POST', path)).toEqual({ status: 400, reason: 'badRequest' });
    expect(refusalOf('GET', path)).toEqual({ status: 400, reason: 'badRequest' });
  });

  it('dots inside a name are fine', () => {
    expect(refusalOf('GET', '/ar/feed.xml')).toBeNull();
    expect(refusalOf('GET', '/ar/news/a...b')).toBeNull();
  });

  it('refuses the headers only Next itself sends', () => {
    expect(refusalOf('GET', '/ar', { 'x-middleware-subrequest': 'middleware' })).toEqual({
      status: 400,
      reason: 'badRequest',
    });
    expect(refusalOf('POST', '/ar', { 'next-action': 'abc' })).toEqual({ status: 400, reason: 'badRequest' });
    expect(refusalOf('GET', '/ar', { accept: 'text/html' })).toBeNull();
  });
});
