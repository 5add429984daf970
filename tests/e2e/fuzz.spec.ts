import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { locales } from '../../lib/locales';
import { labelKey } from '../../lib/content/label-key.mjs';
import { sections } from '../../lib/sections';
import { seededRandom } from '../../scripts/shared/seeded-random.mjs';
import { content, contentDir, storyPath } from './support';

/**
 * Malformed requests, generated from a seed so a failure replays (FUZZ_SEED=<seed printed on failure>),
 * sent over raw sockets so nothing between the generator and the server tidies them up. Whatever comes
 * in, the answer is never a 5xx, never shows a stack trace or a file path, the site stays healthy and
 * the content folder is untouched.
 */
// In order, in one worker: the spelling scan counts the cache's files, which nothing else may add to meanwhile.
test.describe.configure({ mode: 'default' });

const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const REQUESTS = 2400;
const PARALLEL = 6;
const port = Number(process.env.E2E_PORT ?? 3100);

type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const int = (random: Random, from: number, to: number) => from + Math.floor(random() * (to - from + 1));
const hexByte = (random: Random) => `%${int(random, 0, 255).toString(16).toUpperCase().padStart(2, '0')}`;
const junk = (random: Random, length: number) =>
  Array.from({ length }, () => pick(random, "abcXYZ019-_.~!$&'()*+,;=:@%/?#[]".split(''))).join('');

interface FuzzRequest {
  kind: string;
  /** Request line and headers; the body follows as bytes. */
  head: string;
  body?: Buffer;
}

/** Real addresses of this build, which the generators then break. */
function realPaths(): string[] {
  const paths = [
    '/',
    '/sitemap.xml',
    '/sitemaps/fronts.xml',
    '/news-sitemap.xml',
    '/robots.txt',
    '/api/preview',
    '/api/revalidate',
  ];
  for (const locale of locales) {
    const stories = content.latest(locale, 0, 3).items;
    paths.push(
      `/${locale}`,
      `/${locale}/feed.xml`,
      `/${locale}/section/${sections[0]}`,
      `/${locale}/section/${sections[1]}/page/2`,
    );
    for (const story of stories)
      paths.push(storyPath(locale, story.slug), `${storyPath(locale, story.slug)}/opengraph-image`);
  }
  return paths;
}

function request(method: string, target: string, headers: Record<string, string> = {}, body?: Buffer): FuzzRequest {
  const all = {
    Host: `127.0.0.1:${port}`,
    Connection: 'close',
    ...headers,
    ...(body ? { 'Content-Length': String(body.length) } : {}),
  };
  const lines = Object.entries(all).map(([name, value]) => `${name}: ${value}`);
  return { kind: '', head: `${method} ${target} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`, body };
}

/**
 * Other ways to write a site URL that a lenient server would take as the same page: a letter as an
 * escape, the escape escaped again, lower-case escapes, decomposed letters (ا + U+0654 for أ), an escaped
 * route word, capitals, an escaped hyphen. Each must be sent to the one URL or be refused (400, 404),
 * never a 200 of its own that a cache would keep.
 */
function spellingsOf(url: string): string[] {
  const segments = url.split('/');
  const last = segments.length - 1;
  const respell = (at: number, spell: (segment: string) => string) =>
    segments.map((segment, i) => (i === at ? spell(segment) : segment)).join('/');
  const decoded = (segment: string) => decodeURIComponent(segment);
  const escapeLetter = (segment: string) =>
    segment.replace(/[a-z]/, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const spellings = [
    respell(last, escapeLetter),
    respell(last, (segment) => escapeLetter(segment).replace('%', '%25')),
    respell(last, (segment) => segment.toLowerCase()),
    respell(last, (segment) => encodeURIComponent(decoded(segment).normalize('NFD'))),
    respell(last, (segment) => segment.replace('-', '%2D')),
    respell(last, (segment) => segment.toUpperCase()),
    respell(1, escapeLetter),
  ];
  if (segments.length > 2) spellings.push(respell(2, escapeLetter));
  return spellings.filter((spelling) => spelling !== url);
}

function breakSegment(random: Random, target: string, piece: () => string): string {
  const segments = target.split('/');
  const at = int(random, 1, Math.max(1, segments.length - 1));
  segments[at] = random() < 0.5 ? piece() : `${segments[at] ?? ''}${piece()}`;
  return segments.join('/');
}

const generators: Record<string, (random: Random, base: string) => FuzzRequest> = {
  'percent-escapes': (random, base) =>
    request(
      'GET',
      breakSegment(random, base, () => Array.from({ length: int(random, 1, 6) }, () => hexByte(random)).join('')),
    ),
  'broken escapes': (random, base) =>
    request(
      'GET',
      breakSegment(random, base, () =>
        pick(random, [
          '%',
          '%A',
          '%%',
          '%u0041',
          '%G1',
          '%E0%A4%A',
          '%C0%AF',
          '%ED%A0%80',
          '%F4%90%80%80',
          '%FF%FE',
          '%AF%4E',
        ]),
      ),
    ),
  'escapes in the query': (random, base) =>
    request(
      'GET',
      `${base}?${junk(random, 4)}=${hexByte(random)}${pick(random, ['%', '%E0%A4', '&&', '=='])}&utm_source=${hexByte(random)}`,
    ),
  'long segments': (random, base) =>
    request(
      'GET',
      breakSegment(random, base, () => 'a'.repeat(pick(random, [255, 1024, 3000, 4100, 8000, 15000]))),
    ),
  'dot segments and NUL': (random, base) =>
    request(
      'GET',
      breakSegment(random, base, () =>
        pick(random, [
          '..',
          '%2e%2e',
          '%2E%2E%2F%2E%2E',
          '..%2F..%2Fetc%2Fpasswd',
          '%00',
          'x%00.html',
          '.',
          '%5C..%5C',
          '',
          '.env',
          '.next%2Fserver',
        ]),
      ),
    ),
  'RSC variants': (random, base) => {
    const headers: Record<string, string> = {};
    if (random() < 0.6) headers.RSC = pick(random, ['1', '0', 'x']);
    if (random() < 0.4) headers['Next-Router-Prefetch'] = pick(random, ['1', '2', 'x']);
    if (random() < 0.4)
      headers['Next-Router-Segment-Prefetch'] = pick(random, [
        '/_tree',
        '/_full',
        `/${junk(random, 12)}`,
        '/$d$locale/__PAGE__',
        '%FF',
      ]);
    if (random() < 0.4)
      headers['Next-Router-State-Tree'] = pick(random, [
        'garbage',
        '%5B%5D',
        encodeURIComponent('["",{"children":["x",{}]}]'),
        '%FF',
        '[[[[[[[[[[[[[[[[[[[[',
      ]);
    if (random() < 0.3) headers['Next-Url'] = pick(random, ['/%FF', '/ar', junk(random, 20)]);
    const suffix = pick(random, [
      '',
      '.rsc',
      '.segments/_tree.segment.rsc',
      `?_rsc=${junk(random, 5)}`,
      '.prefetch.rsc',
    ]);
    return request('GET', `${base}${suffix}`, headers);
  },
  'internal headers': (random, base) =>
    request('GET', base, {
      [pick(random, [
        'x-middleware-subrequest',
        'x-middleware-prefetch',
        'x-invoke-path',
        'x-invoke-status',
        'x-matched-path',
        'x-nextjs-data',
        'x-now-route-matches',
        'x-middleware-rewrite',
        'x-prerender-revalidate',
      ])]: pick(random, [
        'proxy:proxy:proxy:proxy:proxy',
        'middleware:middleware:middleware:middleware:middleware',
        '/api/revalidate',
        '500',
        '1',
        '%FF',
      ]),
    }),
  'server actions': (random, base) =>
    request(
      'POST',
      base,
      {
        'Next-Action': createHash('sha1').update(String(random())).digest('hex'),
        'Content-Type': pick(random, [
          'text/plain;charset=UTF-8',
          'multipart/form-data; boundary=x',
          'application/json',
        ]),
      },
      Buffer.from(pick(random, ['[]', '--x\r\n', '{"a":', junk(random, 64)])),
    ),
  'spellings of a real URL': (random, base) =>
    request(
      'GET',
      pick(random, spellingsOf(base)),
      random() < 0.3 ? { Cookie: pick(random, ['sahifa_preview=x', '__prerender_bypass=nope']) } : {},
    ),
  'odd methods': (random, base) =>
    request(
      pick(random, [
        'TRACE',
        'TRACK',
        'PUT',
        'DELETE',
        'PATCH',
        'OPTIONS',
        'PROPFIND',
        'MKCOL',
        'PURGE',
        'SEARCH',
        'LINK',
        'M-SEARCH',
        'QUERY',
        'BREW',
        'get',
        'G3T',
      ]),
      base,
    ),
  'huge cookies': (random, base) =>
    request('GET', base, {
      Cookie: pick(random, [
        `a=${'x'.repeat(int(random, 1000, 30_000))}`,
        Array.from({ length: 300 }, (_, i) => `c${i}=${i}`).join('; '),
        'sahifa_preview=%FF; __prerender_bypass=nope',
        '__prerender_bypass=;;;=;',
      ]),
    }),
  'host headers': (random, base) =>
    request('GET', base, {
      [pick(random, ['X-Forwarded-Host', 'X-Forwarded-Proto', 'X-Forwarded-For', 'Forwarded'])]: pick(random, [
        'evil.example',
        'javascript',
        '%FF',
        'a'.repeat(3000),
        'for=unknown;host=evil.example',
      ]),
    }),
  'raw bytes': (random) => {
    const bytes = Array.from({ length: int(random, 1, 8) }, () => String.fromCharCode(int(random, 0, 255))).join('');
    return request('GET', `/ar/news/${bytes.replace(/[\r\n ]/g, '_')}`);
  },
  'bad bodies to the publish hook': (random) => {
    const body = pick(random, [
      '{',
      '[]',
      'null',
      '{"slugs":"x"}',
      '{"slugs":[1,2,3]}',
      `{"slugs":["${'%FF'.repeat(50)}"]}`,
      '{"all":"yes"}',
      '{"slugs":[]}',
      junk(random, 200),
      'x'.repeat(100_000),
    ]);
    const auth = pick(random, ['', 'Bearer wrong', 'Basic Zm9vOmJhcg==', `Bearer ${'a'.repeat(5000)}`]);
    return request(
      'POST',
      '/api/revalidate',
      {
        'Content-Type': pick(random, ['application/json', 'text/plain', 'application/x-www-form-urlencoded']),
        ...(auth ? { Authorization: auth } : {}),
      },
      Buffer.from(body),
    );
  },
  'bad preview links': (random) => {
    const params = new URLSearchParams();
    for (const name of ['slug', 'locale', 'exp', 'sig', 'token', 'draft'])
      if (random() < 0.6)
        params.set(
          name,
          pick(random, ['', '%FF', '../x', 'ar', 'xx', '-1', '1e309', 'NaN', junk(random, 30), 'a'.repeat(900)]),
        );
    return request('GET', `/api/preview${pick(random, ['', '/exit'])}?${params.toString().replace(/%25FF/g, '%FF')}`);
  },
  'ranges and validators': (random, base) =>
    request('GET', base, {
      [pick(random, ['Range', 'If-None-Match', 'If-Modified-Since', 'Accept-Encoding', 'Accept'])]: pick(random, [
        'bytes=99999999-',
        'bytes=0-0,1-1,2-2',
        '*',
        'garbage',
        'gzip;q=2, br;q=-1',
        'text/x-component',
      ]),
    }),
};

interface Answer {
  status: number;
  head: string;
  body: string;
}

/** One request on its own connection; the answer as text, or status 0 if the server closed without one. */
function send(fuzz: FuzzRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.setTimeout(15_000, () =>
      socket.destroy(new Error(`no answer within 15 s to ${fuzz.head.split('\r\n')[0].slice(0, 200)}`)),
    );
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNRESET' || error.code === 'EPIPE' ? socket.destroy() : reject(error),
    );
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const split = text.indexOf('\r\n\r\n');
      const head = split === -1 ? text : text.slice(0, split);
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0),
        head,
        body: split === -1 ? '' : text.slice(split + 4),
      });
    });
    socket.write(fuzz.head, 'latin1');
    if (fuzz.body) socket.write(fuzz.body);
  });
}

/** A stack frame, or a path on the server's disk. */
const LEAKS = [
  /^\s*at .+\(.+:\d+:\d+\)/m,
  /node_modules/,
  /\.next\/server/,
  /webpack-internal|turbopack:\/\//,
  new RegExp(process.cwd().replace(/[/.]/g, '\\$&')),
];

function folderFingerprint(dir: string): string {
  const hash = createHash('sha256');
  for (const entry of fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .sort((a, b) => path.join(a.parentPath, a.name).localeCompare(path.join(b.parentPath, b.name)))) {
    const file = path.join(entry.parentPath, entry.name);
    hash.update(file);
    if (entry.isFile()) hash.update(fs.readFileSync(file));
  }
  return hash.digest('hex');
}

test(`${REQUESTS} malformed requests (seed ${SEED}): no 5xx, no stack trace or path, the site healthy after, the content untouched`, async ({
  request: api,
}) => {
  test.setTimeout(120_000);
  const random = seededRandom(SEED);
  const bases = realPaths();
  const kinds = Object.keys(generators);
  const plan = Array.from({ length: REQUESTS }, (_, i) => {
    const kind = kinds[i % kinds.length];
    return { ...generators[kind](random, pick(random, bases)), kind };
  });

  const before = folderFingerprint(contentDir);
  const statuses = new Map<string, Map<number, number>>();
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < plan.length) {
      const fuzz = plan[next++];
      const answer = await send(fuzz);
      const byStatus = statuses.get(fuzz.kind) ?? new Map<number, number>();
      byStatus.set(answer.status, (byStatus.get(answer.status) ?? 0) + 1);
      statuses.set(fuzz.kind, byStatus);
      const line = fuzz.head.split('\r\n')[0].slice(0, 160);
      if (answer.status >= 500) failures.push(`${answer.status} for ${fuzz.kind}: ${line}`);
      const leak = LEAKS.find((pattern) => pattern.test(answer.body) || pattern.test(answer.head));
      if (leak) failures.push(`${leak} in the answer to ${fuzz.kind}: ${line}`);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));

  const summary = [...statuses]
    .map(([kind, byStatus]) => `${kind}: ${[...byStatus].map(([status, n]) => `${status}×${n}`).join(' ')}`)
    .join('\n');
  test.info().annotations.push({ type: 'statuses', description: summary });
  console.log(`fuzz seed ${SEED}, ${plan.length} requests\n${summary}`);
  expect(failures, `replay with FUZZ_SEED=${SEED}`).toEqual([]);
  // Every kind was sent and most were answered (a parser error may close the connection instead).
  expect(statuses.size).toBe(kinds.length);
  const answered = [...statuses.values()].reduce(
    (sum, byStatus) => sum + [...byStatus].filter(([status]) => status > 0).reduce((n, [, count]) => n + count, 0),
    0,
  );
  expect(answered).toBeGreaterThan(REQUESTS * 0.9);

  for (const locale of locales) {
    expect((await api.get(`/${locale}`)).status()).toBe(200);
    expect((await api.get(storyPath(locale, content.latest(locale).items[0].slug))).status()).toBe(200);
    expect((await api.get(`/${locale}/feed.xml`)).status()).toBe(200);
  }
  expect(folderFingerprint(contentDir)).toBe(before);
});

test('a few thousand spellings of real story, card, tag and author URLs: each sent to the one URL or refused, the page cache unchanged', async ({
  request: api,
}) => {
  test.setTimeout(120_000);
  const urls = new Set<string>();
  for (const locale of locales) {
    for (const story of content.latest(locale, 0, 1000).items) {
      urls.add(storyPath(locale, story.slug));
      urls.add(`${storyPath(locale, story.slug)}/opengraph-image`);
      for (const tag of story.tags) urls.add(`/${locale}/tag/${encodeURIComponent(labelKey(tag))}`);
      for (const author of story.authors ?? [])
        urls.add(`/${locale}/author/${encodeURIComponent(labelKey(author))}/feed.xml`);
    }
  }
  // Every real URL rendered and stored first, so the scan itself is all that could add a file.
  for (const url of urls) expect((await api.get(url, { maxRedirects: 0 })).status(), url).toBe(200);
  const cacheFiles = () =>
    fs
      .readdirSync(path.join(process.cwd(), '.next'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile()).length;
  const before = cacheFiles();

  const answers = new Map<string, number>();
  const wrong: string[] = [];
  const spellings = [...urls].flatMap((url) => spellingsOf(url).map((spelling) => ({ url, spelling })));
  for (const { url, spelling } of spellings) {
    for (const cookie of ['', 'sahifa_preview=x; __prerender_bypass=nope']) {
      const response = await api.get(spelling, { maxRedirects: 0, headers: cookie ? { cookie } : {} });
      const status = response.status();
      answers.set(String(status), (answers.get(String(status)) ?? 0) + 1);
      const location = response.headers()['location'];
      // 400: a spelling that no longer decodes to UTF-8 once its escape is escaped (%25D8%A7…).
      if (status === 308 ? location !== url : status !== 404 && status !== 400)
        wrong.push(`${status} ${spelling} → ${location ?? ''} (the URL is ${url})`);
      if (status === 404 && /s-maxage=(?:[1-9]\d{2,})/.test(response.headers()['cache-control'] ?? ''))
        wrong.push(`a 404 a CDN keeps long: ${spelling}`);
    }
  }
  console.log(
    `${spellings.length * 2} spellings of ${urls.size} URLs: ${[...answers].map(([status, n]) => `${status}×${n}`).join(' ')}`,
  );
  expect(spellings.length).toBeGreaterThan(1000);
  expect(wrong.slice(0, 20)).toEqual([]);
  expect(cacheFiles(), 'files in .next after the scan').toBe(before);
});
