// @ts-check
/**
 * The look of the few pages Sahifa writes outside React (a refused preview link): readable without the
 * site's stylesheet. Its hash is in the Content-Security-Policy (./security-headers.mjs), so this
 * exact text, and no other inline style, is allowed.
 */
export const PLAIN_PAGE_CSS =
  'body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.7}';
