/**
 * Posts and videos of the platforms a story may quote, recognised from their address alone. A story's page
 * shows each as a quote card with a plain link; the platform's frame loads only when the reader asks
 * (components/embeds), from the address built here, never from what the story's text held.
 */

import { EMBED_FRAME_ORIGINS } from './embed-origins.mjs';
import { escapeMarkup } from './xml';

export { EMBED_FRAME_ORIGINS };
export type EmbedProvider = keyof typeof EMBED_FRAME_ORIGINS;

export interface Embed {
  provider: EmbedProvider;
  /**
   * The post's address as the platform writes it, rebuilt from the parts recognised: nothing else of the original URL
   * reaches the page.
   */
  url: string;
  /** The frame's address, under the platform's EMBED_FRAME_ORIGINS entry. */
  frameSrc: string;
  /** The account the address names (`@handle`, a page's name), when it names one. */
  author?: string;
}

/** Longer than any post's address; a longer one (a huge query) stays a plain link. */
const MAX_URL_LENGTH = 2048;

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const DIGITS = /^\d{1,25}$/;
const X_HANDLE = /^[A-Za-z0-9_]{1,15}$/;
const INSTAGRAM_CODE = /^[A-Za-z0-9_-]{5,64}$/;
const TIKTOK_USER = /^[A-Za-z0-9_.]{2,24}$/;
const FACEBOOK_NAME = /^[A-Za-z0-9.-]{1,80}$/;
const FACEBOOK_ID = /^[A-Za-z0-9]{1,80}$/;

function youtube(host: string, parts: string[], query: URLSearchParams): Embed | undefined {
  let id: string | undefined;
  if (host === 'youtu.be') id = parts[0];
  else if (parts[0] === 'watch') id = query.get('v') ?? undefined;
  else if (['shorts', 'embed', 'live'].includes(parts[0])) id = parts[1];
  if (!id || !YOUTUBE_ID.test(id)) return undefined;
  return {
    provider: 'youtube',
    url: `https://www.youtube.com/watch?v=${id}`,
    frameSrc: `${EMBED_FRAME_ORIGINS.youtube}/embed/${id}`,
  };
}

function x(parts: string[]): Embed | undefined {
  const [handle, status, id] = parts;
  if (status !== 'status' || !X_HANDLE.test(handle ?? '') || !DIGITS.test(id ?? '')) return undefined;
  return {
    provider: 'x',
    url: `https://x.com/${handle}/status/${id}`,
    frameSrc: `${EMBED_FRAME_ORIGINS.x}/embed/Tweet.html?id=${id}&dnt=true`,
    author: `@${handle}`,
  };
}

function instagram(parts: string[]): Embed | undefined {
  const [kind, code] = parts;
  if (!['p', 'reel', 'tv'].includes(kind) || !INSTAGRAM_CODE.test(code ?? '')) return undefined;
  const url = `https://www.instagram.com/${kind}/${code}/`;
  return { provider: 'instagram', url, frameSrc: `${url}embed/` };
}

function tiktok(parts: string[]): Embed | undefined {
  const [user, video, id] = parts;
  if (!user?.startsWith('@') || !TIKTOK_USER.test(user.slice(1)) || video !== 'video' || !DIGITS.test(id ?? ''))
    return undefined;
  return {
    provider: 'tiktok',
    url: `https://www.tiktok.com/${user}/video/${id}`,
    frameSrc: `${EMBED_FRAME_ORIGINS.tiktok}/embed/v2/${id}`,
    author: user,
  };
}

function facebook(parts: string[], query: URLSearchParams): Embed | undefined {
  const plugin = (kind: 'post' | 'video', url: string) =>
    `${EMBED_FRAME_ORIGINS.facebook}/plugins/${kind}.php?${new URLSearchParams({ href: url })}`;
  if (parts[0] === 'watch') {
    const id = query.get('v') ?? '';
    if (!DIGITS.test(id)) return undefined;
    const url = `https://www.facebook.com/watch/?v=${id}`;
    return { provider: 'facebook', url, frameSrc: plugin('video', url) };
  }
  const [page, kind, id] = parts;
  if (!FACEBOOK_NAME.test(page ?? '') || !['posts', 'videos'].includes(kind) || !FACEBOOK_ID.test(id ?? ''))
    return undefined;
  const url = `https://www.facebook.com/${page}/${kind}/${id}`;
  return { provider: 'facebook', url, frameSrc: plugin(kind === 'videos' ? 'video' : 'post', url), author: page };
}

/** The embed an address names, or nothing: an unknown platform, another scheme, a malformed id all stay links. */
export function recogniseEmbed(address: string): Embed | undefined {
  if (address.length > MAX_URL_LENGTH) return undefined;
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.username || url.password || url.port) return undefined;
  const host = url.hostname.replace(/^(?:www|m|mobile)\./, '');
  const parts = url.pathname.split('/').filter(Boolean);
  switch (host) {
    case 'youtube.com':
    case 'youtu.be':
      return youtube(host, parts, url.searchParams);
    case 'x.com':
    case 'twitter.com':
      return x(parts);
    case 'instagram.com':
      return instagram(parts);
    case 'tiktok.com':
      return tiktok(parts);
    case 'facebook.com':
      return facebook(parts, url.searchParams);
    default:
      return undefined;
  }
}

/**
 * Drawing them into a body: every paragraph that is nothing but a link whose words are its own address (a bare
 * URL in Markdown; a WordPress embed block, made one by ./content/wordpress/sanitize.ts) and that names a post
 * recognised above becomes a figure: a skip link, a quote card (the platform's name, the title or account when
 * known, a plain link), the button that loads the frame (full pages only; hidden until the page's script shows
 * it) and the end the skip link leads to. Any other paragraph stays as it was.
 */

/** `<p><a href="…" (title="…") (rel="…")>…</a></p>` as the Markdown renderer and the WordPress sanitizer write it. */
const LINK_PARAGRAPH = /<p><a href="([^"]*)"(?: title="([^"]*)")?(?: rel="[^"]*")?>([^<]*)<\/a><\/p>/g;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#x27': "'" };
const unescapeMarkup = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|apos|#39|#x27);/g, (_, name: string) => ENTITIES[name]);

/** The `embed` messages of an edition, as next-intl's `t` gives them. */
export type EmbedWords = (key: string, values?: Record<string, string>) => string;

function embedMarkup(
  embed: Embed,
  title: string | undefined,
  t: EmbedWords,
  index: number,
  withButton: boolean,
): string {
  const provider = t(`providers.${embed.provider}`);
  const end = `embed-end-${index}`;
  const card = [
    `<p class="embed-provider">${escapeMarkup(provider)}</p>`,
    title ? `<p class="embed-title">${escapeMarkup(title)}</p>` : '',
    embed.author ? `<p><bdi dir="ltr">${escapeMarkup(embed.author)}</bdi></p>` : '',
    `<p><a href="${escapeMarkup(embed.url)}" rel="noopener noreferrer">${escapeMarkup(t('open', { provider }))}</a></p>`,
  ].join('');
  const consent = withButton
    ? `<div class="embed-consent" data-embed-consent hidden><p>${escapeMarkup(t('consent', { provider }))}</p>` +
      `<button type="button" class="share-button" data-embed-load="${escapeMarkup(embed.frameSrc)}" data-embed-title="${escapeMarkup(title ?? t('label', { provider }))}">${escapeMarkup(t('load', { provider }))}</button></div>`
    : '';
  return (
    `<figure class="embed" data-embed="${embed.provider}" aria-label="${escapeMarkup(t('label', { provider }))}">` +
    `<a class="embed-skip" href="#${end}">${escapeMarkup(t('skip', { provider }))}</a>` +
    `<blockquote class="embed-card" data-embed-card cite="${escapeMarkup(embed.url)}">${card}</blockquote>` +
    consent +
    `<p id="${end}" class="embed-end" tabindex="-1">${escapeMarkup(t('end', { provider }))}</p></figure>`
  );
}

/** The body with its embeds drawn, and how many there are (the page loads the button's script only if any). */
export function drawEmbeds(html: string, t: EmbedWords, withButton: boolean): { html: string; embeds: number } {
  let embeds = 0;
  const drawn = html.replace(LINK_PARAGRAPH, (paragraph, href: string, title: string | undefined, words: string) => {
    const address = unescapeMarkup(href);
    if (unescapeMarkup(words).trim() !== address) return paragraph;
    const embed = recogniseEmbed(address);
    if (!embed) return paragraph;
    embeds += 1;
    return embedMarkup(embed, title ? unescapeMarkup(title) : undefined, t, embeds, withButton);
  });
  return { html: drawn, embeds };
}
