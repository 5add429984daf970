// @ts-check
/**
 * The lite version of a page (docs/adr/0020): its path with `.lite` appended, the BBC's convention
 * (/ar/news/x.lite, /ar.lite, /fa/section/world.lite, /en/search.lite?q=…). Next renders it with the
 * same routes under the edition segment `ar.lite` (/ar.lite/news/x: the "render path"), which is where
 * its cache keeps it; server.mjs asks Next for the render path and turns redirects back.
 */
export const LITE_SUFFIX = '.lite';
/** What a lite page may weigh, everything it loads included (tests/e2e/lite.spec.ts holds it to this). */
export const LITE_BUDGET_BYTES = 50_000;

/** Query and fragment, which stay after the suffix. */
function splitPath(/** @type {string} */ url) {
  const end = url.search(/[?#]/);
  return end === -1 ? [url, ''] : [url.slice(0, end), url.slice(end)];
}

/**
 * The lite page of a page: /ar/news/x?q → /ar/news/x.lite?q.
 * @param {string} url
 */
export function litePath(url) {
  const [path, rest] = splitPath(url);
  return path + LITE_SUFFIX + rest;
}

/**
 * Where Next renders the lite page a reader's path asks for, or null when it asks for none:
 * /ar/news/x.lite → /ar.lite/news/x, /ar.lite → /ar.lite. Only a lower-case suffix is the lite page
 * (front-door.mjs redirects other spellings). A first segment that is no edition (/fr/x.lite → /fr.lite/x)
 * is the default edition's lite 404 (next.config.ts).
 * @param {string} path without the query
 */
export function liteRenderPath(path) {
  if (!path.endsWith(LITE_SUFFIX)) return null;
  const page = path.slice(0, -LITE_SUFFIX.length);
  const slash = page.indexOf('/', 1);
  const edition = slash === -1 ? page.slice(1) : page.slice(1, slash);
  return `/${edition}${LITE_SUFFIX}${slash === -1 ? '' : page.slice(slash)}`;
}

/**
 * A reader's path of a render path (a redirect's Location): /ar.lite/news/x?q → /ar/news/x.lite?q.
 * Any other URL is returned as it is.
 * @param {string} url
 */
export function litePathOfRender(url) {
  const [path, rest] = splitPath(url);
  const match = /^\/([^/]+)\.lite(\/.*)?$/.exec(path);
  if (!match) return url;
  return match[2] ? `/${match[1]}${match[2]}${LITE_SUFFIX}${rest}` : url;
}

/** A link in a story's body to a page of the site: `href="/ar/…"`, not a feed, a card, a share redirect or a file. */
const PAGE_LINK = /href="(\/(?!api\/)[a-z]{2,3}(?:\/[^"?#]*)?)([?#][^"]*)?"/g;
const NOT_A_PAGE = /(?:\.[a-z]+|\/opengraph-image|\/share\/[a-z]+|\/updates)$/;

/**
 * A story body's HTML with its links to the site's pages turned to their lite pages, so a lite page's
 * reader stays on lite pages. The body is HTML the site made (Markdown rendered, or WordPress sanitized),
 * with every attribute in double quotes.
 * @param {string} html
 */
export function withLitePageLinks(html) {
  return html.replace(PAGE_LINK, (link, path, rest = '') =>
    NOT_A_PAGE.test(path) ? link : `href="${path}${LITE_SUFFIX}${rest}"`,
  );
}

/**
 * The edition a route's `[locale]` segment names, and whether it is the lite page's (`ar.lite`).
 * @param {string} segment
 * @returns {{ edition: string, lite: boolean }}
 */
export function editionSegment(segment) {
  return segment.endsWith(LITE_SUFFIX)
    ? { edition: segment.slice(0, -LITE_SUFFIX.length), lite: true }
    : { edition: segment, lite: false };
}
