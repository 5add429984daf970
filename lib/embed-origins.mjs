// @ts-check
/**
 * Where each platform's embedded frame comes from (lib/embeds.ts builds the addresses): plain JS, because the
 * security headers (lib/http/security-headers.mjs) list them in `frame-src`. YouTube's is its no-cookie mode.
 */
export const EMBED_FRAME_ORIGINS = Object.freeze({
  youtube: 'https://www.youtube-nocookie.com',
  x: 'https://platform.twitter.com',
  instagram: 'https://www.instagram.com',
  tiktok: 'https://www.tiktok.com',
  facebook: 'https://www.facebook.com',
});
