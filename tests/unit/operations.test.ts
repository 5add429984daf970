import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import parsePrometheus from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMessage } from '../../lib/fleet';
import { answerOperations, routeKind } from '../../lib/http/operations.mjs';
import { health, readiness } from '../../lib/ops/health.mjs';
import { metrics } from '../../lib/ops/metrics.mjs';

describe('route kinds for metrics', () => {
  it.each([
    ['/healthz', 'operations'],
    ['/_next/static/chunks/a.js', 'static'],
    ['/_next/image', 'image'],
    ['/api/revalidate', 'publish'],
    ['/api/preview/exit', 'preview'],
    ['/sitemap.xml', 'sitemap'],
    ['/sitemaps/stories-ar-1.xml', 'sitemap'],
    ['/robots.txt', 'robots'],
    ['/', 'root'],
    ['/ar', 'home'],
    ['/fa/', 'home'],
    ['/ar/news/%D8%A3%D8%B1', 'story'],
    ['/en/news/how-tides-work/opengraph-image', 'card'],
    ['/en/news/how-tides-work/share/x', 'share'],
    ['/ar/feed.xml', 'feed'],
    ['/en/tag/csto/feed.xml', 'feed'],
    ['/ar/section/world', 'section'],
    ['/ar/section/world/page/3', 'section'],
    ['/en/tag/csto', 'label'],
    ['/en/author/someone/page/2', 'label'],
    ['/fa/search', 'search'],
    ['/wp-login.php', 'other'],
    ['/ar/news/x/y/z', 'other'],
  ])('%s is %s', (path, kind) => expect(routeKind(path)).toBe(kind));

  it('has a small fixed set of values whatever strangers send', () => {
    const kinds = new Set<string>();
    for (let i = 0; i < 2000; i++)
      kinds.add(routeKind(`/${Math.random().toString(36).slice(2)}/${i % 7 ? 'news' : 'x'}/${i}`));
    expect(kinds.size).toBeLessThanOrEqual(3);
  });
});

describe('readiness', () => {
  const base = { content: 'ready', sharedCacheKnown: true, draining: false } as const;
  it('is ready once the index answers and the shared cache state is known', () =>
    expect(readiness(base)).toEqual({ ready: true }));
  it('says why not while starting', () => {
    expect(readiness({ ...base, content: 'starting' })).toEqual({
      ready: false,
      reason: 'starting: the content index is opening',
    });
    expect(readiness({ ...base, sharedCacheKnown: false })).toEqual({
      ready: false,
      reason: 'starting: waiting for the first answer from Redis',
    });
    expect(readiness({ ...base, content: 'failed' })).toMatchObject({ ready: false });
  });
  it('draining wins over everything', () =>
    expect(readiness({ ...base, draining: true })).toEqual({ ready: false, reason: 'draining: shutting down' }));
});

describe('operations endpoints', () => {
  let server: Server;
  let base = '';
  const options = { metricsToken: 'the-metrics-token', metricsHere: true };
  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?', 1)[0];
      const which = req.headers['x-listener'] === 'none' ? { metricsHere: false } : options;
      if (!answerOperations(req, res, path, which)) res.writeHead(418).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());

  it('healthz answers 200, never stored', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toBe('ok\n');
  });

  it('readyz follows the process state, with the reason and Retry-After while not ready', async () => {
    Object.assign(health(), { content: 'ready', sharedCacheKnown: true, draining: false });
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    health().draining = true;
    const draining = await fetch(`${base}/readyz`);
    expect(draining.status).toBe(503);
    expect(draining.headers.get('retry-after')).toBe('1');
    expect(await draining.text()).toBe('draining: shutting down\n');
    health().draining = false;
  });

  it('metrics: 401 with no detail without the token, the Prometheus format with it', async () => {
    for (const authorization of [undefined, 'Bearer wrong', 'Bearer the-metrics-token-and-more', 'the-metrics-token']) {
      const response = await fetch(`${base}/metrics`, { headers: authorization ? { authorization } : {} });
      expect(response.status, String(authorization)).toBe(401);
      expect(await response.text()).toBe('401 Unauthorized\n');
    }
    metrics().refused.inc({ reason: 'badRequest' });
    const response = await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer the-metrics-token' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const families = parsePrometheus(await response.text());
    const names = families.map((family) => family.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'sahifa_http_requests_total',
        'sahifa_refused_requests_total',
        'process_cpu_seconds_total',
        'nodejs_heap_size_used_bytes',
      ]),
    );
    const refused = families.find((family) => family.name === 'sahifa_refused_requests_total')!;
    expect(refused.metrics).toContainEqual(expect.objectContaining({ labels: { reason: 'badRequest' }, value: '1' }));
  });

  it('metrics are not served where they are not configured: 404', async () => {
    expect(
      (await fetch(`${base}/metrics`, { headers: { 'x-listener': 'none', authorization: 'Bearer the-metrics-token' } }))
        .status,
    ).toBe(404);
  });

  it('other paths are not answered; other methods get 405', async () => {
    expect((await fetch(`${base}/ar`)).status).toBe(418);
    expect((await fetch(`${base}/healthz`, { method: 'POST' })).status).toBe(405);
  });
});

describe('publish channel messages', () => {
  it('takes well-formed messages, normalising slugs', () => {
    expect(parseMessage('{"id":"1","from":"a","slugs":["how-tides-work"]}')).toEqual({
      id: '1',
      from: 'a',
      slugs: ['how-tides-work'],
    });
    expect(parseMessage('{"id":"1","from":"a","all":true}')).toEqual({ id: '1', from: 'a', all: true });
  });
  it.each([
    'not json',
    'null',
    '[]',
    '{"id":1,"from":"a","all":true}',
    '{"id":"1","from":"a","slugs":[]}',
    '{"id":"1","from":"a","slugs":["../etc/passwd"]}',
    '{"id":"1","from":"a","slugs":[42]}',
  ])('refuses %s', (raw) => expect(parseMessage(raw)).toBeNull());
});

describe('log format', () => {
  const script = `
    import { log, routeConsoleThroughLog } from './lib/ops/log.mjs';
    routeConsoleThroughLog();
    log().info('cache.redis_up', '[cache] Redis answers', { version: '7.0.15' });
    console.error(new Error('boom'));
    console.error('Redis client error', new Error('ECONNREFUSED'));
  `;
  const run = (env: Record<string, string>) =>
    execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });

  it('LOG_FORMAT=json: one JSON object per line with level, time, event and fields', () => {
    const lines = run({ LOG_FORMAT: 'json' }).trim().split('\n');
    expect(lines).toHaveLength(2);
    const [first, second] = lines.map((line) => JSON.parse(line));
    expect(first).toMatchObject({
      level: 'info',
      event: 'cache.redis_up',
      msg: '[cache] Redis answers',
      version: '7.0.15',
    });
    expect(new Date(first.time).getTime()).toBeGreaterThan(0);
    // A stack trace stays inside its one line; the Redis library's per-call noise is debug, not shown.
    expect(second).toMatchObject({ level: 'error', event: 'console' });
    expect(second.msg).toContain('Error: boom\n    at ');
  });

  it('text by default: one readable line per event', () => {
    const output = run({ LOG_FORMAT: '' });
    expect(output).toMatch(/INFO.*\[cache\] Redis answers.*7\.0\.15/);
    expect(output).not.toContain('ECONNREFUSED');
  });
});

describe('messages that may quote a stranger', () => {
  it('escape control characters, and indent further lines in text', async () => {
    const { containMessage } = await import('../../lib/ops/log.mjs');
    const forged = 'internal image response failed for /x\n[19:00:00] INFO: [preview] refused a link\u001b[2J\r';
    expect(containMessage(forged, true)).toBe(
      'internal image response failed for /x\n[19:00:00] INFO: [preview] refused a link\\x1b[2J\\x0d',
    );
    expect(containMessage(forged, false).split('\n')[1]).toBe(
      '    [19:00:00] INFO: [preview] refused a link\\x1b[2J\\x0d',
    );
  });
});
