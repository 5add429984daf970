// @ts-check
/**
 * The security headers of every response, in one place. The server (server.mjs) sets them before Next
 * answers, so pages, 404s, feeds, sitemaps, share images, API routes and the server's own refusals all
 * carry them; they are read at start, not baked into the build.
 *
 * Scripts: Next's app router writes each page's RSC payload as inline scripts that differ per page, so a
 * header fixed in advance cannot list their hashes, and a nonce would make every page render per request
 * (docs/adr/0004). The baseline therefore allows inline scripts, and every page the cache stores gets a
 * second policy with the hashes of exactly its own inline scripts (storedPagePolicy, added by
 * lib/cache/isr-cache-handler.mjs). A browser enforces both, so cached pages run only their own scripts.
 */
import { createHash } from 'node:crypto';
import { EMBED_FRAME_ORIGINS } from '../embed-origins.mjs';
import { PLAIN_PAGE_CSS } from './plain-page.mjs';

/** @param {string} text */
export function sha256Source(text) {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** next/image writes this on every <img>, to hide the alt text while the picture loads. */
const NEXT_IMAGE_STYLE = 'color:transparent';

/**
 * @typedef {object} PolicyOptions
 * @property {string[]} [frameAncestors] origins allowed to frame the response (a CMS showing previews)
 * @property {boolean} [https] the site is served over https: ask browsers to upgrade stray http URLs
 * @property {boolean} [scripts] false for a lite page (lib/http/lite-page.mjs), which runs none at all
 */

/** @param {PolicyOptions} [options] */
export function contentSecurityPolicy({ frameAncestors = [], https = false, scripts = true } = {}) {
  const directives = [
    "default-src 'self'",
    scripts ? "script-src 'self' 'unsafe-inline'" : "script-src 'none'",
    `style-src 'self' ${sha256Source(PLAIN_PAGE_CSS)}`,
    `style-src-attr 'unsafe-hashes' ${sha256Source(NEXT_IMAGE_STYLE)}`,
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    // The platforms a story may embed: each stored page narrows this to its own embeds, or none (storedPagePolicy).
    `frame-src ${Object.values(EMBED_FRAME_ORIGINS).join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors.length ? frameAncestors.join(' ') : "'none'"}`,
  ];
  if (https) directives.push('upgrade-insecure-requests');
  return directives.join('; ');
}

/** Inline scripts that run: data blocks such as JSON-LD are never executed, so they need no hash. */
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)([^>]*)>([\s\S]*?)<\/script>/g;
const DATA_BLOCK = /\stype="application\/(?:ld\+)?json"/i;

/** The embed buttons of a page (components/embeds/body-embeds.ts), by the origin of the frame each loads. */
const EMBED_FRAME = /\sdata-embed-load="(https:\/\/[^/"]+)\//g;
/** @type {Set<string>} */
const FRAME_ORIGINS = new Set(Object.values(EMBED_FRAME_ORIGINS));

/**
 * The policy of one stored page: its chunks from this origin and its own inline scripts by hash; frames only
 * from the platforms its embeds come from, none on a page without one.
 */
export function storedPagePolicy(/** @type {string} */ html) {
  const hashes = new Set();
  for (const [, attributes, body] of html.matchAll(INLINE_SCRIPT)) {
    if (!DATA_BLOCK.test(attributes)) hashes.add(sha256Source(body));
  }
  const frames = new Set(
    [...html.matchAll(EMBED_FRAME)].map(([, origin]) => origin).filter((origin) => FRAME_ORIGINS.has(origin)),
  );
  return [
    ["script-src 'self'", ...hashes].join(' '),
    `frame-src ${frames.size ? [...frames].sort().join(' ') : "'none'"}`,
  ].join('; ');
}

/**
 * @typedef {object} HeaderOptions
 * @property {boolean} https the site is served over https (SITE_URL)
 * @property {boolean} hsts send Strict-Transport-Security (only ever over https)
 * @property {string[]} previewFrameAncestors origins that may frame preview responses
 */

/**
 * The headers for one response. Preview responses (answers private to a valid preview session, decided
 * by server.mjs from the answer) may be framed by the configured CMS, stay out of indexes and send no
 * referrer; nothing else may be framed at all.
 * @param {HeaderOptions} options
 * @param {boolean} isPreview
 * @returns {[string, string][]}
 */
export function securityHeaders({ https, hsts, previewFrameAncestors }, isPreview) {
  const frameAncestors = isPreview ? previewFrameAncestors : [];
  const headers = /** @type {[string, string][]} */ ([
    ['Content-Security-Policy', contentSecurityPolicy({ frameAncestors, https })],
    // A preview's address names an unpublished story: no other site hears of it (docs/adr/0012).
    ['Referrer-Policy', isPreview ? 'no-referrer' : 'strict-origin-when-cross-origin'],
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()'],
    ['X-Content-Type-Options', 'nosniff'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
  ]);
  // Older browsers know only this one; with a CMS allowed to frame previews it would forbid too much.
  if (!frameAncestors.length) headers.push(['X-Frame-Options', 'DENY']);
  if (isPreview) headers.push(['X-Robots-Tag', 'noindex']);
  if (https && hsts) headers.push(['Strict-Transport-Security', 'max-age=31536000']);
  return headers;
}

/**
 * The options from the environment: SITE_URL decides https; HSTS=off turns Strict-Transport-Security
 * off (for a site whose subdomains are not all on https yet); PREVIEW_FRAME_ANCESTORS lists the origins,
 * space-separated, of a CMS that shows previews in a frame.
 * @param {Record<string, string | undefined>} env
 * @returns {HeaderOptions}
 */
export function securityOptionsFromEnv(env) {
  const https = (env.SITE_URL ?? '').startsWith('https://');
  const previewFrameAncestors = (env.PREVIEW_FRAME_ANCESTORS ?? '')
    .split(/\s+/)
    .filter((origin) => /^https?:\/\/[^\s/;,'*]+$/.test(origin));
  return { https, hsts: env.HSTS !== 'off', previewFrameAncestors };
}
