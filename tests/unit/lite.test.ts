import type { IncomingMessage, OutgoingHttpHeader, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { formatKilobytes } from '@/lib/dates';
import { pictureBytes } from '@/lib/pictures';
import { canonicalPath, refusalOf } from '../../lib/http/front-door.mjs';
import {
  editionSegment,
  LITE_BUDGET_BYTES,
  litePath,
  litePathOfRender,
  liteRenderPath,
  withLitePageLinks,
} from '../../lib/http/lite.mjs';
import { answerCompressed, bestEncoding, encodedPages } from '../../lib/http/compressed-answer.mjs';
import { answerAsLitePage, liteHtml } from '../../lib/http/lite-page.mjs';
import { routeKind } from '../../lib/http/operations.mjs';
import { contentSecurityPolicy } from '../../lib/http/security-headers.mjs';

const directive = (policy: string, name: string) => policy.split('; ').find((part) => part.startsWith(`${name} `));

describe('lite paths', () => {
  it('appends .lite to the path, before the query and the fragment', () => {
    expect(litePath('/ar/news/x?y=1')).toBe('/ar/news/x.lite?y=1');
    expect(litePath('/ar')).toBe('/ar.lite');
    expect(litePath('/ar/news/x/page/2#post-a')).toBe('/ar/news/x/page/2.lite#post-a');
    expect(litePath('/en/search?q=a#b')).toBe('/en/search.lite?q=a#b');
  });

  it('renders a lite page under the edition segment ar.lite', () => {
    expect(liteRenderPath('/ar/news/x.lite')).toBe('/ar.lite/news/x');
    expect(liteRenderPath('/ar.lite')).toBe('/ar.lite');
    expect(liteRenderPath('/fa/section/world.lite')).toBe('/fa.lite/section/world');
    expect(liteRenderPath('/ar/news/x.lite.lite')).toBe('/ar.lite/news/x.lite');
    expect(liteRenderPath('/.lite')).toBe('/.lite');
    // No edition: the default edition's lite 404 is Next's business, the path is still turned.
    expect(liteRenderPath('/zz/x.lite')).toBe('/zz.lite/x');
  });

  it('asks for no lite page unless the path ends in a lower-case .lite', () => {
    expect(liteRenderPath('/ar/news/x')).toBeNull();
    expect(liteRenderPath('/ar')).toBeNull();
    expect(liteRenderPath('/ar/news/x.LITE')).toBeNull();
    expect(liteRenderPath('/ar/news/x.lite/')).toBeNull();
    expect(liteRenderPath('/ar/news/xlite')).toBeNull();
  });

  it("turns a redirect's render path back into the reader's path, and leaves anything else alone", () => {
    expect(litePathOfRender('/ar.lite/news/x?q=1')).toBe('/ar/news/x.lite?q=1');
    expect(litePathOfRender('/fa.lite/section/world#top')).toBe('/fa/section/world.lite#top');
    expect(litePathOfRender('/ar.lite')).toBe('/ar.lite');
    expect(litePathOfRender('/ar.lite?q=1')).toBe('/ar.lite?q=1');
    expect(litePathOfRender('https://news.example/ar.lite/news/x')).toBe('https://news.example/ar.lite/news/x');
    expect(litePathOfRender('/ar/news/x')).toBe('/ar/news/x');
    expect(litePathOfRender('/ar/news/x.lite')).toBe('/ar/news/x.lite');
  });

  it('comes back to the same lite path after rendering and redirecting', () => {
    const pages = [
      '/ar',
      '/en',
      '/fa',
      '/ar/news/x',
      '/ar/news/x?y=1',
      '/en/search?q=tides&page=2',
      '/fa/section/world',
      '/ar/news/x/page/2#post-a',
      '/en/tag/armenia',
      '/en/author/jane-doe',
      `/ar/news/${encodeURIComponent('خبر-عاجل')}`,
      '/ar/news/a.lite',
      '/ar?x=1',
    ];
    for (const page of pages) {
      const lite = litePath(page);
      const end = lite.search(/[?#]/);
      const [path, rest] = end === -1 ? [lite, ''] : [lite.slice(0, end), lite.slice(end)];
      const render = liteRenderPath(path);
      expect(render, page).not.toBeNull();
      expect(render, page).toMatch(/^\/[a-z]{2}\.lite(\/|$)/);
      expect(litePathOfRender(`${render}${rest}`), page).toBe(lite);
    }
  });

  it("reads the edition and the lite flag from a route's [locale] segment", () => {
    expect(editionSegment('ar.lite')).toEqual({ edition: 'ar', lite: true });
    expect(editionSegment('ar')).toEqual({ edition: 'ar', lite: false });
    expect(editionSegment('fa.lite')).toEqual({ edition: 'fa', lite: true });
  });

  it('allows a lite page 50 kB', () => {
    expect(LITE_BUDGET_BYTES).toBe(50_000);
  });
});

describe('liteHtml', () => {
  // A story page shaped like Next's output: each piece is kept byte for byte or left out.
  const pieces: [string, boolean][] = [
    ['<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charSet="utf-8"/>', true],
    ['<meta name="viewport" content="width=device-width, initial-scale=1"/>', true],
    ['<link rel="stylesheet" href="/_next/static/css/8a1f.css" data-precedence="next"/>', true],
    ['<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/webpack-1c2d.js"/>', false],
    ['<link rel="modulepreload" href="/_next/static/chunks/m-99.js"/>', false],
    ['<link rel="preload" href="/_next/static/media/amiri.woff2" as="font" crossorigin="" type="font/woff2"/>', false],
    [
      '<link rel="preload" as="image" imageSrcSet="/_next/image?url=%2Fa.jpg&amp;w=640&amp;q=75 640w" imageSizes="100vw" fetchPriority="high"/>',
      false,
    ],
    [
      '<script src="/_next/static/chunks/webpack-1c2d.js" async="" integrity="sha256-Zm9vYmFyYmF6cXV4"></script>',
      false,
    ],
    ['<script src="/_next/static/chunks/main-app-7f.js" async=""></script>', false],
    ['<title>خبر عاجل | صحيفة</title>', true],
    ['<link rel="canonical" href="https://news.example/ar/news/x"/>', true],
    ['<link rel="icon" href="/favicon.ico" type="image/x-icon" sizes="16x16"/>', true],
    ['</head><body><noscript><p>هذه الصفحة تعمل بلا سكربت</p></noscript>', true],
    ['<p>The script of the play: &lt;script&gt; is only a word here, as is <em>noscript</em>.</p>', true],
    [
      '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"x"}</script>',
      false,
    ],
    ['<article><h1>خبر عاجل</h1><p>نص الخبر</p></article>', true],
    ['<script>(self.__next_f=self.__next_f||[]).push([0])</script>', false],
    [
      '<script>self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n2:I[\\"/_next/static/chunks/a.js\\"]\\n"])</script>',
      false,
    ],
    ['<script id="_R_">\nself.__next_f.push([1,"multi"])\nself.__next_f.push([1,"line"])\n</script>', false],
    ['<footer>©</footer></body></html>', true],
  ];
  const html = pieces.map(([piece]) => piece).join('');
  const expected = pieces
    .filter(([, keep]) => keep)
    .map(([piece]) => piece)
    .join('');

  it('leaves out every script and every hint that fetches a script, a font or a picture, and nothing else', () => {
    const lite = liteHtml(html);
    expect(lite).toBe(expected);
    expect(lite).not.toMatch(/<script\b/);
    expect(lite).not.toMatch(/rel="(?:preload|modulepreload)"/);
    expect(lite).toContain('<noscript>');
  });

  it('changes nothing in a page that has no scripts or hints', () => {
    expect(liteHtml(expected)).toBe(expected);
  });
});

describe('bestEncoding', () => {
  it('picks the smallest encoding the client accepts', () => {
    expect(bestEncoding('gzip, deflate, br')).toBe('br');
    expect(bestEncoding('gzip')).toBe('gzip');
    expect(bestEncoding('gzip, deflate')).toBe('gzip');
    expect(bestEncoding('BR')).toBe('br');
    expect(bestEncoding('identity')).toBe('identity');
    expect(bestEncoding('deflate')).toBe('identity');
    expect(bestEncoding(undefined)).toBe('identity');
    expect(bestEncoding('')).toBe('identity');
  });
});

describe('encodedPages', () => {
  const entry = (text: string) => ({ encoding: 'identity' as const, body: Buffer.from(text) });

  it('keeps at most its limit in bytes, dropping the oldest first', () => {
    const pages = encodedPages(2);
    pages.set('a', entry('1'));
    pages.set('b', entry('2'));
    pages.set('c', entry('3'));
    expect(pages.get('a')).toBeUndefined();
    expect(pages.get('b')?.body.toString()).toBe('2');
    expect(pages.get('c')?.body.toString()).toBe('3');
  });
});

/** What a Node response finally sends, recorded; header names lower-cased as Node does. */
class FakeResponse {
  statusCode = 200;
  headers = new Map<string, OutgoingHttpHeader>();
  sent: { status: number; headers: Record<string, OutgoingHttpHeader>; body: Buffer } | undefined;
  writeHead(status: number, headers?: OutgoingHttpHeaders) {
    this.statusCode = status;
    for (const [name, value] of Object.entries(headers ?? {})) if (value !== undefined) this.setHeader(name, value);
    return this;
  }
  write(chunk: string | Uint8Array) {
    throw new Error(`write reached the socket unbuffered: ${String(chunk)}`);
  }
  end(chunk?: string | Uint8Array) {
    this.sent = { status: this.statusCode, headers: Object.fromEntries(this.headers), body: Buffer.from(chunk ?? '') };
    return this;
  }
  setHeader(name: string, value: OutgoingHttpHeader) {
    this.headers.set(name.toLowerCase(), value);
    return this;
  }
  getHeader(name: string) {
    return this.headers.get(name.toLowerCase());
  }
  removeHeader(name: string) {
    this.headers.delete(name.toLowerCase());
  }
  flushHeaders() {
    throw new Error('flushHeaders reached the socket');
  }
}

/** Long enough to be worth compressing (1 KB and more). */
const TEXT = 'hi '.repeat(600);
const PAGE = `<html><head><script>x</script></head><body><p>${TEXT}</p>`;
const LITE_PAGE = `<html><head></head><body><p>${TEXT}</p></body></html>`;
const CHANGED = `<html><head></head><body><p>changed ${TEXT}</p>`;

/** A lite request answered: the front door's part, then Next's (`next`), then what went out. */
function answer(
  pages: ReturnType<typeof encodedPages>,
  acceptEncoding: string | undefined,
  next: (res: ServerResponse) => void,
) {
  const req = { headers: { 'accept-encoding': acceptEncoding, cookie: 'x=1' } };
  const fake = new FakeResponse();
  answerAsLitePage(req as unknown as IncomingMessage, fake as unknown as ServerResponse, pages, { https: false });
  const res = fake as unknown as ServerResponse;
  next(res);
  return { req, sent: fake.sent };
}

/** Next answering a page: headers set one by one, the body written in two pieces. */
function nextPage(body: string, headers: Record<string, string> = { etag: 'W/"abc"' }) {
  return (res: ServerResponse) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    res.statusCode = 200;
    res.write(body);
    res.end('</body></html>');
  };
}

describe('answerAsLitePage', () => {
  it("asks Next for plain HTML and sends the lite page compressed in the reader's encoding", () => {
    const { req, sent } = answer(encodedPages(), 'gzip', nextPage(PAGE));
    expect('accept-encoding' in req.headers).toBe(false);
    expect(req.headers.cookie).toBe('x=1');
    expect(sent).toBeDefined();
    expect(sent!.status).toBe(200);
    expect(zlib.gunzipSync(sent!.body).toString('utf8')).toBe(LITE_PAGE);
    expect(sent!.headers['content-encoding']).toBe('gzip');
    expect(Number(sent!.headers['content-length'])).toBe(sent!.body.length);
    expect(directive(String(sent!.headers['content-security-policy']), 'script-src')).toBe("script-src 'none'");
    expect(String(sent!.headers.vary)).toMatch(/\bAccept-Encoding\b/);
  });

  it("adds Accept-Encoding to Next's own Vary, and sends brotli to a client that takes it", () => {
    const { sent } = answer(
      encodedPages(),
      'gzip, deflate, br',
      nextPage(PAGE, { etag: 'W/"abc"', vary: 'RSC, Next-Router-State-Tree' }),
    );
    expect(sent!.headers.vary).toBe('RSC, Next-Router-State-Tree, Accept-Encoding');
    expect(sent!.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(sent!.body).toString('utf8')).toBe(LITE_PAGE);
  });

  it('sends plain HTML, with its length and no Content-Encoding, to a client that accepts no compression', () => {
    const { sent } = answer(encodedPages(), undefined, nextPage(PAGE));
    expect(sent!.body.toString('utf8')).toBe(LITE_PAGE);
    expect(sent!.headers['content-encoding']).toBeUndefined();
    expect(Number(sent!.headers['content-length'])).toBe(sent!.body.length);
  });

  it('keeps the compressed page per version: a second request with the same ETag gets the kept bytes', () => {
    const pages = encodedPages();
    const first = answer(pages, 'gzip', nextPage(PAGE)).sent!;
    // Same version, different HTML: only a page served from the store can still be the first one.
    const second = answer(pages, 'gzip', nextPage(CHANGED)).sent!;
    expect(second.body.equals(first.body)).toBe(true);
    expect(zlib.gunzipSync(second.body).toString('utf8')).not.toContain('changed');
    expect(Number(second.headers['content-length'])).toBe(first.body.length);
    // Another encoding is another entry, made from this answer's HTML.
    const brotli = answer(pages, 'br', nextPage(CHANGED)).sent!;
    expect(zlib.brotliDecompressSync(brotli.body).toString('utf8')).toContain('<p>changed hi');
  });

  it('keeps no page that has no ETag', () => {
    const pages = encodedPages();
    answer(pages, 'gzip', nextPage(PAGE, {}));
    const second = answer(pages, 'gzip', nextPage(CHANGED, {})).sent!;
    expect(zlib.gunzipSync(second.body).toString('utf8')).toBe(`${CHANGED}</body></html>`);
  });

  it("passes a redirect through with its Location turned back to the reader's lite path", () => {
    const { sent } = answer(encodedPages(), 'gzip', (res) => {
      res.statusCode = 308;
      res.setHeader('location', '/ar.lite/news/x');
      res.end();
    });
    expect(sent!.status).toBe(308);
    expect(sent!.headers.location).toBe('/ar/news/x.lite');
    expect(sent!.body.length).toBe(0);
    expect(sent!.headers['content-encoding']).toBeUndefined();
  });

  it('passes an answer that is not HTML through unchanged and uncompressed', () => {
    const json = '{"a":"<script>x</script>"}';
    const { sent } = answer(encodedPages(), 'gzip, br', (res) => {
      res.setHeader('content-type', 'application/json');
      res.statusCode = 200;
      res.end(json);
    });
    expect(sent!.status).toBe(200);
    expect(sent!.body.toString('utf8')).toBe(json);
    expect(sent!.headers['content-encoding']).toBeUndefined();
    expect(sent!.headers['content-type']).toBe('application/json');
  });

  it("passes an HTML answer with no body (a 304, a HEAD) through without the full page's length", () => {
    const { sent } = answer(encodedPages(), 'gzip', (res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.setHeader('content-length', '123456');
      res.writeHead(304);
      res.end();
    });
    expect(sent!.status).toBe(304);
    expect(sent!.body.length).toBe(0);
    expect(sent!.headers['content-length']).toBeUndefined();
    expect(sent!.headers['content-encoding']).toBeUndefined();
  });
});

describe('front door: lite spellings', () => {
  it('leaves a lite path written as the site writes it alone', () => {
    expect(canonicalPath('/ar/news/x.lite')).toBeNull();
    expect(canonicalPath('/ar.lite')).toBeNull();
  });

  it('redirects every other spelling to the one the site writes', () => {
    expect(canonicalPath('/ar/news/x.LITE')).toBe('/ar/news/x.lite');
    expect(canonicalPath('/ar.LITE')).toBe('/ar.lite');
    expect(canonicalPath('/ar.lite/news/x')).toBe('/ar/news/x.lite');
    expect(canonicalPath('/en/tag/Armenia.lite')).toBe('/en/tag/armenia.lite');
    expect(refusalOf('GET', '/ar.lite/news/x?q=1')).toEqual({ status: 308, location: '/ar/news/x.lite?q=1' });
    expect(refusalOf('GET', '/ar/news/x.lite?q=1')).toBeNull();
  });
});

describe('routeKind', () => {
  it('counts lite pages apart', () => {
    expect(routeKind('/ar/news/x.lite')).toBe('lite');
    expect(routeKind('/ar.lite')).toBe('lite');
    expect(routeKind('/ar/news/x')).toBe('story');
  });
});

describe('lite content security policy', () => {
  it('allows no script at all on a lite page, and inline scripts elsewhere as before', () => {
    const lite = directive(contentSecurityPolicy({ scripts: false }), 'script-src');
    expect(lite).toBe("script-src 'none'");
    expect(lite).not.toContain("'unsafe-inline'");
    expect(directive(contentSecurityPolicy(), 'script-src')).toBe("script-src 'self' 'unsafe-inline'");
  });
});

describe('formatKilobytes', () => {
  it("writes a page's weight in the edition's digits and words", () => {
    expect(formatKilobytes(36_450, 'en')).toBe('36 kilobytes');
    expect(formatKilobytes(36_450, 'fa')).toContain('۳۶');
    const arabic = formatKilobytes(36_450, 'ar');
    expect(arabic).toContain('36');
    expect(arabic).toContain('كيلوبايت');
  });

  it('rounds to whole kilobytes and never says 0', () => {
    expect(formatKilobytes(1, 'en')).toBe('1 kilobyte');
    expect(formatKilobytes(0, 'en')).toBe('1 kilobyte');
    expect(formatKilobytes(1_499, 'en')).toBe('1 kilobyte');
    expect(formatKilobytes(1_500, 'en')).toBe('2 kilobytes');
  });
});

describe('answerCompressed (every page the front door answers)', () => {
  function full(
    pages: ReturnType<typeof encodedPages>,
    acceptEncoding: string | undefined,
    next: (res: ServerResponse) => void,
  ) {
    const req = { method: 'GET', headers: { 'accept-encoding': acceptEncoding } };
    const fake = new FakeResponse();
    answerCompressed(req as unknown as IncomingMessage, fake as unknown as ServerResponse, pages);
    next(fake as unknown as ServerResponse);
    return fake.sent!;
  }

  it('sends the page as Next made it, scripts and all, in brotli, and keeps it by version', () => {
    const pages = encodedPages();
    const sent = full(pages, 'gzip, br', nextPage(PAGE));
    expect(sent.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(sent.body).toString('utf8')).toBe(`${PAGE}</body></html>`);
    expect(pages.get('W/"abc":br')?.body.equals(sent.body)).toBe(true);
    expect(sent.headers['content-security-policy']).toBeUndefined();
  });

  it('compresses a feed and keeps it by its ETag, and leaves a small answer or a picture as it is', () => {
    const pages = encodedPages();
    const feed = `<rss>${'<item>x</item>'.repeat(200)}</rss>`;
    const xml = full(pages, 'gzip', (res) => {
      res.setHeader('content-type', 'application/rss+xml; charset=utf-8');
      res.setHeader('etag', 'W/"feed"');
      res.end(feed);
    });
    expect(xml.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(xml.body).toString('utf8')).toBe(feed);
    expect(pages.get('W/"feed":gzip')?.body.equals(xml.body)).toBe(true);
    const png = Buffer.alloc(4096, 7);
    const picture = full(pages, 'gzip', (res) => {
      res.setHeader('content-type', 'image/png');
      res.end(png);
    });
    expect(picture.headers['content-encoding']).toBeUndefined();
    expect(picture.body.equals(png)).toBe(true);
    const small = full(pages, 'gzip', nextPage('<p>hi</p>', {}));
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.body.toString('utf8')).toBe('<p>hi</p></body></html>');
  });

  it('answers a HEAD with the length of the body a GET would get, and no body', () => {
    const req = { method: 'HEAD', headers: { 'accept-encoding': 'gzip' } };
    const fake = new FakeResponse();
    answerCompressed(req as unknown as IncomingMessage, fake as unknown as ServerResponse, encodedPages());
    nextPage(PAGE)(fake as unknown as ServerResponse);
    expect(fake.sent!.body.length).toBe(0);
    expect(Number(fake.sent!.headers['content-length'])).toBe(
      zlib.gzipSync(`${PAGE}</body></html>`, { level: 9 }).length,
    );
  });
});

describe('withLitePageLinks', () => {
  it("turns a body's links to the site's pages into their lite pages, and leaves every other link alone", () => {
    const links = (html: string) => [...withLitePageLinks(html).matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    const body = [
      '/ar/news/x',
      '/ar/news/x#p',
      '/ar/search?q=1',
      '/fa',
      '/en/feed.xml',
      '/ar/news/x/share/whatsapp',
      '/ar/news/x/opengraph-image',
      '/images/stories/a.webp',
      '/api/preview/exit',
      'https://example.com/ar/news/x',
      'mailto:desk@example.com',
    ]
      .map((href) => `<a href="${href}">link</a>`)
      .join(' ');
    expect(links(body)).toEqual([
      '/ar/news/x.lite',
      '/ar/news/x.lite#p',
      '/ar/search.lite?q=1',
      '/fa.lite',
      '/en/feed.xml',
      '/ar/news/x/share/whatsapp',
      '/ar/news/x/opengraph-image',
      '/images/stories/a.webp',
      '/api/preview/exit',
      'https://example.com/ar/news/x',
      'mailto:desk@example.com',
    ]);
    // Text that reads like a link is escaped in the HTML the site makes, so it is no attribute and stays.
    expect(withLitePageLinks('<p>href=&quot;/ar&quot;</p>')).toBe('<p>href=&quot;/ar&quot;</p>');
  });
});

describe('pictureBytes', () => {
  it("is the size of a bundled picture's file, and undefined for one that is missing", async () => {
    const src = '/images/stories/armenia-csto.webp';
    expect(await pictureBytes(src)).toBe(fs.statSync(path.join('public', src)).size);
    expect(await pictureBytes('/images/stories/no-such-picture.webp')).toBeUndefined();
    expect(await pictureBytes('/images/wp/999999999.webp')).toBeUndefined();
  });
});

describe('the kept brotli copy', () => {
  it('is replaced, off the event loop, by its densest form of the same page', async () => {
    const pages = encodedPages();
    const req = { method: 'GET', headers: { 'accept-encoding': 'br' } };
    const fake = new FakeResponse();
    answerCompressed(req as unknown as IncomingMessage, fake as unknown as ServerResponse, pages);
    const page = `<html><body>${Array.from({ length: 400 }, (_, i) => `<p>${i} ${'كلمة '.repeat(i % 7)}</p>`).join('')}</body></html>`;
    nextPage(page)(fake as unknown as ServerResponse);
    const first = fake.sent!.body;
    await expect.poll(() => pages.get('W/"abc":br')?.body.length, { timeout: 5000 }).toBeLessThan(first.length);
    expect(zlib.brotliDecompressSync(pages.get('W/"abc":br')!.body).toString('utf8')).toBe(`${page}</body></html>`);
  });
});
