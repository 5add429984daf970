import fs from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorPageFor, isErrorPagePath, loadErrorPages, replaceServerErrors } from '../../lib/http/error-page.mjs';

const PAGE = Buffer.from('<!doctype html><html lang="fa" dir="rtl"><h1>خطایی رخ داد</h1></html>');

/** What a Next response might do: each way Node lets it send a status and a body. */
const answers: Record<string, (res: ServerResponse) => void> = {
  'end(body)': (res) => {
    res.statusCode = 500;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end('<html id="__next_error__"></html>');
  },
  'writeHead, write, end': (res) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.writeHead(500, { 'Content-Length': 33 });
    res.write('<html id="__next_error__">');
    res.end('</html>');
  },
  'implicit header from write': (res) => {
    res.statusCode = 503;
    res.setHeader('Content-Type', 'text/html');
    res.write('<html id="__next_error__">');
    res.end();
  },
  'a 500 that is not a page': (res) => {
    res.statusCode = 500;
    res.setHeader('Content-Type', 'application/json');
    res.end('{"error":"x"}');
  },
  'a page that is fine': (res) => {
    res.setHeader('Content-Type', 'text/html');
    res.end('<html>ok</html>');
  },
};

let base = '';
const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  replaceServerErrors(req, res, PAGE);
  answers[decodeURIComponent(req.url!.slice(1))](res);
});
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

const get = (answer: string, method = 'GET') => fetch(`${base}/${encodeURIComponent(answer)}`, { method });

describe('replaceServerErrors', () => {
  it.each(['end(body)', 'writeHead, write, end', 'implicit header from write'])(
    'sends the edition’s page for a failed page sent by %s, keeping the status',
    async (answer) => {
      const response = await get(answer);
      expect(response.status).toBeGreaterThanOrEqual(500);
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await response.text()).toBe(PAGE.toString());
    },
  );

  it('leaves a failed answer that is not a page, and a good page, as they are', async () => {
    expect(await (await get('a 500 that is not a page')).text()).toBe('{"error":"x"}');
    const fine = await get('a page that is fine');
    expect(fine.status).toBe(200);
    expect(await fine.text()).toBe('<html>ok</html>');
  });

  it('answers HEAD with the status and no body', async () => {
    const response = await get('end(body)', 'HEAD');
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('');
  });
});

describe('loadErrorPages, errorPageFor, isErrorPagePath', () => {
  it('reads each edition’s prerendered page and picks it by the first segment', () => {
    const build = fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-build-'));
    for (const edition of ['ar', 'fa']) {
      fs.mkdirSync(path.join(build, 'server', 'app', edition), { recursive: true });
      fs.writeFileSync(path.join(build, 'server', 'app', edition, 'server-error.html'), `<html lang="${edition}">`);
    }
    fs.mkdirSync(path.join(build, 'server', 'app', 'api'), { recursive: true });
    const pages = loadErrorPages(build);
    expect([...pages.keys()].sort()).toEqual(['ar', 'fa']);
    expect(errorPageFor(pages, '/fa/search?q=x')?.toString()).toBe('<html lang="fa">');
    expect(errorPageFor(pages, '/fa?x')?.toString()).toBe('<html lang="fa">');
    expect(errorPageFor(pages, '/api/revalidate')).toBeUndefined();
    expect(errorPageFor(pages, '/')).toBeUndefined();
    expect(loadErrorPages(path.join(build, 'missing')).size).toBe(0);
    fs.rmSync(build, { recursive: true, force: true });
  });

  it('knows the error page’s own address', () => {
    expect(isErrorPagePath('/fa/server-error')).toBe(true);
    expect(isErrorPagePath('/ar/server-error/?x=1')).toBe(true);
    expect(isErrorPagePath('/ar/news/server-error')).toBe(false);
  });
});
