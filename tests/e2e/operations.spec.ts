import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import parsePrometheus from 'parse-prometheus-text-format';
import { previewQuery } from '../../lib/preview';
import { freePort } from '../../scripts/shared/free-port';
import { events, startRedis, startSahifa, stop, until, type Proc } from './processes';
import { REFERENCE_SLUG, storyPath } from './support';

/**
 * What an ops team hooks into: health and readiness for a load balancer, metrics for Prometheus, JSON
 * logs with no secret in them, and a rolling restart behind a balancer that drops no request. Servers
 * of this build of their own, beside a plain redis-server. Runs with the many-servers tests, last.
 */
test.describe.configure({ mode: 'default' });
test.skip(
  !process.env.CONTENT_DIR || !fs.existsSync('/usr/bin/redis-server'),
  'scripts/test.sh sets CONTENT_DIR and installs redis-server',
);

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-operations-'));
test.afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const indexFile = (name: string) => path.join(scratch, `${name}.sqlite`);
const READER_PAGES = [
  '/ar',
  '/en',
  '/fa',
  storyPath('ar', REFERENCE_SLUG),
  storyPath('en', REFERENCE_SLUG),
  '/ar/feed.xml',
  '/ar/section/world',
];

test('healthz answers at once; readyz says 503 with the reason until the index answers and the shared cache state is known', async () => {
  // A Redis that is not there: its state is known ("down") only after the start-up wait.
  const { base, proc, ready } = await startSahifa({
    REDIS_URL: `redis://127.0.0.1:${await freePort()}`,
    CONTENT_INDEX_FILE: indexFile('unready'),
  });
  try {
    // Every answer from the first until ready; which reason shows first depends on which wait ends last.
    const answers: string[] = [];
    let healthy = 0;
    let redisKnownWhenReady = -1;
    await until(
      async () => {
        const response = await fetch(`${base}/readyz`);
        answers.push(`${response.status} ${await response.text()}`);
        if (response.status === 200) redisKnownWhenReady = events(proc, 'cache.redis_down').length;
        else if ((await fetch(`${base}/healthz`)).status === 200) healthy++;
        return response.status;
      },
      (status) => status === 200,
      20_000,
    );
    await ready;
    const waiting = answers.slice(0, -1);
    expect(waiting.length, 'readyz answered 503 before it was ready').toBeGreaterThan(0);
    for (const answer of waiting)
      expect([
        '503 starting: the content index is opening\n',
        '503 starting: waiting for the first answer from Redis\n',
      ]).toContain(answer);
    expect(healthy, 'healthz answered 200 all the while').toBe(waiting.length);
    expect(redisKnownWhenReady, 'ready only once Redis was known to be down').toBe(1);
    expect(events(proc, 'cache.redis_down')).toHaveLength(1);
    for (const endpoint of ['/healthz', '/readyz']) {
      const response = await fetch(`${base}${endpoint}`);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(Number(response.headers.get('content-length'))).toBeLessThan(20);
    }
  } finally {
    stop(proc);
  }
});

test('robots.txt keeps crawlers off the operations endpoints; metrics are not public by default', async ({
  request,
}) => {
  const robots = await (await request.get('/robots.txt')).text();
  for (const endpoint of ['/healthz', '/readyz', '/metrics']) expect(robots).toContain(`Disallow: ${endpoint}`);
  // The suite's own server runs with no METRICS_TOKEN and no METRICS_PORT.
  const metrics = await request.get('/metrics');
  expect(metrics.status()).toBe(404);
  expect(await metrics.text()).not.toContain('sahifa_');
});

test.describe('one server with metrics and logs as an ops team sets them', () => {
  const secrets = {
    PREVIEW_SECRET: 'preview-secret-for-the-log-test-0123456789',
    REVALIDATE_SECRET: 'publish-secret-for-the-log-test-0123456789',
    METRICS_TOKEN: 'metrics-token-for-the-log-test-0123456789',
  };
  const cookieValue = 'cookie-value-for-the-log-test-0123456789';
  let server: { base: string; proc: Proc; metricsBase: string };

  test.beforeAll(async () => {
    const metricsPort = await freePort();
    const started = await startSahifa({
      ...secrets,
      ACCESS_LOG: '1',
      METRICS_PORT: String(metricsPort),
      CONTENT_INDEX_FILE: indexFile('logs'),
    });
    await started.ready;
    server = { ...started, metricsBase: `http://127.0.0.1:${metricsPort}` };
  });
  test.afterAll(() => stop(server.proc));

  test('metrics on METRICS_PORT only, in the Prometheus format, with every family ops needs', async () => {
    for (const page of READER_PAGES) await fetch(`${server.base}${page}`);
    await fetch(`${server.base}/ar/news/%ZZ`);
    await fetch(`${server.base}/api/revalidate`, { method: 'POST', headers: { authorization: 'Bearer wrong' } });
    expect(
      (await fetch(`${server.base}/metrics`, { headers: { authorization: `Bearer ${secrets.METRICS_TOKEN}` } })).status,
    ).toBe(404);
    expect((await fetch(`${server.metricsBase}/metrics`)).status).toBe(401);
    const response = await fetch(`${server.metricsBase}/metrics`, {
      headers: { authorization: `Bearer ${secrets.METRICS_TOKEN}` },
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    const families = parsePrometheus(text);
    const family = (name: string) => {
      const found = families.find((f) => f.name === name);
      expect(found, name).toBeDefined();
      return found!;
    };
    const sample = (name: string, labels: Record<string, string>) =>
      family(name).metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
    expect(
      Number(sample('sahifa_http_requests_total', { route: 'story', status: '200' })?.value),
    ).toBeGreaterThanOrEqual(2);
    expect(
      Number(sample('sahifa_http_requests_total', { route: 'home', status: '200' })?.value),
    ).toBeGreaterThanOrEqual(3);
    expect(family('sahifa_http_request_duration_seconds').type).toBe('HISTOGRAM');
    // The parser drops a labelled histogram's labels and counts, so the count is read from the text.
    expect(
      Number(/^sahifa_http_request_duration_seconds_count\{route="feed"\} (\d+)$/m.exec(text)?.[1]),
    ).toBeGreaterThanOrEqual(1);
    expect(Number(sample('sahifa_refused_requests_total', { reason: 'badRequest' })?.value)).toBe(1);
    expect(Number(sample('sahifa_publish_requests_total', { outcome: '401' })?.value)).toBe(1);
    expect(family('sahifa_page_cache_responses_total').metrics.length).toBeGreaterThan(0);
    expect(Number(sample('sahifa_cache_lookups_total', { layer: 'local', result: 'hit' })?.value)).toBeGreaterThan(0);
    expect(Number(sample('sahifa_index_stories', { locale: 'ar' })?.value)).toBeGreaterThan(5);
    expect(Number(sample('sahifa_index_scan_folders', { state: 'scanning' })?.value)).toBe(0);
    expect(Number(sample('sahifa_index_scan_folders', { state: 'found' })?.value)).toBe(
      Number(sample('sahifa_index_scan_folders', { state: 'examined' })?.value),
    );
    for (const name of [
      'process_cpu_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_seconds',
      'nodejs_heap_size_used_bytes',
    ])
      family(name);
  });

  test('the log is JSON lines with level, time and event, and never holds a secret, a signature or a cookie', async () => {
    const expiresAt = Math.floor(Date.now() / 1000) + 600;
    const query = previewQuery({ slug: 'draft-city-rooftop-gardens', locale: 'ar', expiresAt }, secrets.PREVIEW_SECRET);
    const signature = new URLSearchParams(query).get('sig')!;
    const opened = await fetch(`${server.base}/api/preview?${query}`, { redirect: 'manual' });
    expect(opened.status).toBe(303);
    const session = /sahifa_preview=([^;]+)/.exec(opened.headers.get('set-cookie') ?? '')![1];
    await fetch(`${server.base}${storyPath('ar', 'draft-city-rooftop-gardens')}`, {
      headers: { cookie: `sahifa_preview=${session}` },
    });
    await fetch(`${server.base}/api/preview?${query.replace(signature, '0'.repeat(64))}`, { redirect: 'manual' });
    await fetch(`${server.base}/ar`, {
      headers: {
        cookie: `sahifa_preview=${cookieValue}; other=${cookieValue}`,
        authorization: `Bearer ${cookieValue}`,
      },
    });
    const published = await fetch(`${server.base}/api/revalidate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secrets.REVALIDATE_SECRET}`, 'content-type': 'application/json' },
      body: JSON.stringify({ slugs: [REFERENCE_SLUG] }),
    });
    expect(published.status).toBe(200);
    await fetch(`${server.metricsBase}/metrics`, { headers: { authorization: `Bearer ${secrets.METRICS_TOKEN}` } });
    await until(
      async () =>
        events(server.proc, 'http.request').filter((event) => event.route === 'publish' && event.status === '200')
          .length,
      (n) => n === 1,
      5000,
    );
    expect(events(server.proc, 'publish.done')).toHaveLength(1);

    const log = server.proc.log.join('\n');
    for (const secret of [...Object.values(secrets), signature, session, cookieValue])
      expect(log, 'the log holds a secret').not.toContain(secret);
    for (const line of server.proc.log) {
      const event = JSON.parse(line);
      expect(typeof event.level).toBe('string');
      expect(new Date(event.time).getTime()).toBeGreaterThan(0);
      expect(typeof event.event).toBe('string');
    }
    const requests = events(server.proc, 'http.request');
    expect(requests.find((event) => event.route === 'preview')).toMatchObject({
      path: '/api/preview',
      method: 'GET',
      status: '303',
    });
    expect(requests.find((event) => event.route === 'publish' && event.status === '200')).toMatchObject({
      path: '/api/revalidate',
      method: 'POST',
    });
    expect(events(server.proc, 'preview.refused')).toHaveLength(1);
  });
});

test('rolling restart behind a balancer: 50 connections for 20 s, each server restarted in turn, no request fails', async () => {
  test.setTimeout(120_000);
  const { proc: redis, url: redisUrl } = await startRedis();
  const env = (name: string) => ({
    REDIS_URL: redisUrl,
    CONTENT_INDEX_FILE: indexFile(`rolling-${name}`),
    SHUTDOWN_DRAIN_MS: '2000',
  });
  const ports = [await freePort(), await freePort()];
  const procs: Proc[] = [];
  for (const [i, port] of ports.entries()) {
    const started = await startSahifa(env(String(i)), port);
    await started.ready;
    procs.push(started.proc);
  }
  const bases = ports.map((port) => `http://127.0.0.1:${port}`);

  // The balancer: it polls each server's /readyz every 100 ms and sends readers only to ready ones. As a
  // real one, it takes a server out on a 503 or a refused connection at once, on a slow answer (a server
  // busy with all 50 connections) only the second time in a row, and when every server is out for being
  // slow it sends to them all the same ("fail open", as cloud balancers do); never to one that said 503 or refused the
  // connection.
  const ready = [true, true];
  const takenOut = [false, false];
  const slowAnswers = [0, 0];
  let running = true;
  const polling = (async () => {
    while (running) {
      await Promise.all(
        bases.map(async (base, i) => {
          const answer = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(1000) })
            .then((response) => (response.status === 200 ? 'ready' : 'not ready'))
            .catch((error: Error) => (error.name === 'TimeoutError' ? 'slow' : 'not ready'));
          slowAnswers[i] = answer === 'slow' ? slowAnswers[i] + 1 : 0;
          if (answer !== 'slow') takenOut[i] = answer === 'not ready';
          if (answer !== 'slow' || slowAnswers[i] >= 2) ready[i] = answer === 'ready';
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();

  const latencies: number[] = [];
  const failures: string[] = [];
  let next = 0;
  const until20s = Date.now() + 20_000;
  let restarting = false;
  const duringRestart: number[] = [];
  const reader = async () => {
    while (Date.now() < until20s) {
      const readyOnes = bases.filter((_, i) => ready[i]);
      const choices = readyOnes.length ? readyOnes : bases.filter((_, i) => !takenOut[i]);
      if (choices.length === 0) {
        failures.push('no server ready');
        await new Promise((resolve) => setTimeout(resolve, 50));
        continue;
      }
      const page = READER_PAGES[next % READER_PAGES.length];
      const base = choices[next++ % choices.length];
      const started = performance.now();
      try {
        const response = await fetch(`${base}${page}`, { signal: AbortSignal.timeout(10_000) });
        await response.arrayBuffer();
        if (response.status !== 200) failures.push(`${response.status} ${base}${page}`);
      } catch (error) {
        failures.push(`${String((error as Error).cause ?? error)} ${base}${page}`);
      }
      const ms = performance.now() - started;
      latencies.push(ms);
      if (restarting) duringRestart.push(ms);
    }
  };

  const restarts = (async () => {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    restarting = true;
    for (const [i, port] of ports.entries()) {
      const exited = new Promise((resolve) => procs[i].child.once('exit', resolve));
      process.kill(procs[i].child.pid!, 'SIGTERM');
      await until(
        async () => ready[i],
        (isReady) => !isReady,
        2000,
      );
      await exited;
      expect(events(procs[i], 'server.stopped')[0]?.msg).toBe('[server] stopped: every request answered');
      const again = await startSahifa(env(String(i)), port);
      procs[i] = again.proc;
      await again.ready;
      await until(
        async () => ready[i],
        (isReady) => isReady,
        10_000,
      );
    }
    restarting = false;
  })();

  try {
    await Promise.all([...Array.from({ length: 50 }, reader), restarts]);
  } finally {
    running = false;
    await polling;
    for (const proc of procs) stop(proc);
    stop(redis);
  }
  const p99 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.99) - 1];
  console.log(
    `rolling restart: ${latencies.length} requests, ${failures.length} failed; p99 ${p99(latencies).toFixed(0)} ms overall, ${p99(duringRestart).toFixed(0)} ms during the restarts (${duringRestart.length} requests)`,
  );
  expect(failures.slice(0, 10)).toEqual([]);
  expect(duringRestart.length).toBeGreaterThan(100);
});

test('SIGTERM: readyz turns 503 at once, pages keep answering through the drain, then the process exits', async () => {
  const { base, proc, ready } = await startSahifa({
    CONTENT_INDEX_FILE: indexFile('drain'),
    SHUTDOWN_DRAIN_MS: '3000',
  });
  await ready;
  const exited = new Promise<number | null>((resolve) => proc.child.once('exit', (code) => resolve(code)));
  const signalled = Date.now();
  process.kill(proc.child.pid!, 'SIGTERM');
  await until(
    () => fetch(`${base}/readyz`).then(async (response) => `${response.status} ${await response.text()}`),
    (answer) => answer === '503 draining: shutting down\n',
    2500,
  );
  const page = await fetch(`${base}/ar`);
  expect(page.status).toBe(200);
  expect(page.headers.get('connection')).toBe('close');
  expect(await exited).toBe(0);
  expect(Date.now() - signalled).toBeGreaterThanOrEqual(3000);
  expect(events(proc, 'server.draining')).toHaveLength(1);
});
