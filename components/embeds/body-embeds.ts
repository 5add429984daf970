/**
 * A story body's embeds in the edition's words (lib/embeds.ts draws them): a quote card and a plain link,
 * the whole embed without JavaScript and on a lite page; full pages add the button EmbedLoader.island.tsx
 * shows, which puts the platform's frame in the card's place when clicked, not before.
 */
import { getTranslations } from 'next-intl/server';
import { isLite } from '@/components/lite/render-mode';
import { drawEmbeds } from '@/lib/embeds';
import type { Locale } from '@/lib/locales';

/** drawEmbeds in the edition's words, with the button on full pages and without it on lite ones. */
export async function withEmbeds(html: string, locale: Locale): Promise<{ html: string; embeds: number }> {
  if (!html.includes('<p><a href="http')) return { html, embeds: 0 };
  const t = await getTranslations({ locale, namespace: 'embed' });
  return drawEmbeds(html, t, !isLite());
}
