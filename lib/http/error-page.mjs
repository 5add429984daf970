// @ts-check
/**
 * A page that throws while it renders on the server gets, from Next, status 500 and a bare document
 * (`<html id="__next_error__">`) that only JavaScript could fill in: no language, no direction, nothing
 * at all without JavaScript, since React runs error boundaries in the browser only. The front door sends
 * the edition's own error page in its place: app/[locale]/server-error, prerendered at build with the
 * edition's header and read once here, with the same status and never cached (docs/adr/0015).
 */
import fs from 'node:fs';
import path from 'node:path';

const SERVER_ERROR_PAGE = /^\/([a-z]{2,3})\/server-error\/?$/;

/**
 * The prerendered error page of each edition the build has one for.
 * @param {string} buildDir the `.next` folder
 * @returns {Map<string, Buffer>} edition → HTML
 */
export function loadErrorPages(buildDir) {
  const appDir = path.join(buildDir, 'server', 'app');
  const pages = new Map();
  for (const edition of fs.existsSync(appDir) ? fs.readdirSync(appDir) : []) {
    const file = path.join(appDir, edition, 'server-error.html');
    if (fs.existsSync(file)) pages.set(edition, fs.readFileSync(file));
  }
  return pages;
}

/**
 * The error page of the edition a request is for (its first segment), if it is for an edition's page.
 * @param {Map<string, Buffer>} pages
 * @param {string} url
 */
export function errorPageFor(pages, url) {
  return pages.get(url.split(/[/?#]/)[1] ?? '');
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {Buffer} page
 * @param {boolean} withBody
 */
export function sendErrorPage(res, status, page, withBody) {
  res.statusCode = status;
  for (const name of ['content-encoding', 'etag', 'vary', 'x-nextjs-cache', 'x-nextjs-prerender'])
    res.removeHeader(name);
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'private, no-store');
  res.setHeader('Content-Length', page.length);
  res.end(withBody ? page : undefined);
}

/**
 * Whether this request is for the error page itself (`/fa/server-error`): it is answered as what it is, a 500.
 * @param {string} url
 */
export function isErrorPagePath(url) {
  return SERVER_ERROR_PAGE.test(url.split('?')[0] ?? '');
}

/**
 * Lets Next answer, but swaps a 5xx page for the edition's error page before anything is sent. Next
 * may send its status line from writeHead, or implicitly from its first write or from end(body):
 * each is watched, and once a 5xx HTML answer shows, Next's body is dropped unread.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {Buffer} page the edition's error page
 */
export function replaceServerErrors(req, res, page) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return;
  const { writeHead, write, end } = res;
  let failed = false;
  /** @param {number} status */
  const isServerErrorPage = (status) =>
    status >= 500 && String(res.getHeader('content-type') ?? '').startsWith('text/html');
  /** @type {any} */ (res).writeHead = function (/** @type {number} */ statusCode, /** @type {any[]} */ ...rest) {
    if (!failed && isServerErrorPage(statusCode)) {
      failed = true;
      res.statusCode = statusCode;
      return res;
    }
    return failed ? res : writeHead.call(this, statusCode, ...rest);
  };
  /** @type {any} */ (res).write = function (/** @type {any[]} */ ...args) {
    if (!failed && !res.headersSent && isServerErrorPage(res.statusCode)) failed = true;
    return failed ? true : write.apply(this, /** @type {any} */ (args));
  };
  /** @type {any} */ (res).end = function (/** @type {any[]} */ ...args) {
    if (!failed && !res.headersSent && isServerErrorPage(res.statusCode)) failed = true;
    if (!failed) return end.apply(this, /** @type {any} */ (args));
    Object.assign(res, { writeHead, write, end });
    sendErrorPage(res, res.statusCode, page, req.method !== 'HEAD');
    return res;
  };
}
