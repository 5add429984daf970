'use client';

import { useEffect } from 'react';
import { EMBED_FRAME_ORIGINS } from '@/lib/embed-origins.mjs';

const FRAME_ORIGINS = new Set<string>(Object.values(EMBED_FRAME_ORIGINS));

/**
 * Shows each embed's button (./body-embeds.ts) and, when one is clicked, puts the platform's frame where its
 * quote card was. Nothing is fetched from the platform before that click.
 */
export function EmbedLoader() {
  useEffect(() => {
    for (const consent of document.querySelectorAll<HTMLElement>('[data-embed-consent]')) consent.hidden = false;
    const load = (event: MouseEvent) => {
      const button =
        event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button[data-embed-load]') : null;
      const figure = button?.closest<HTMLElement>('figure[data-embed]');
      const source = button?.dataset.embedLoad ?? '';
      if (!button || !figure || !URL.canParse(source) || !FRAME_ORIGINS.has(new URL(source).origin)) return;
      const frame = document.createElement('iframe');
      frame.src = source;
      frame.title = button.dataset.embedTitle ?? '';
      frame.className = 'embed-frame';
      frame.allow = 'encrypted-media; picture-in-picture; fullscreen';
      frame.referrerPolicy = 'strict-origin-when-cross-origin';
      // The platform's own scripts run in its frame; it may not lead this page elsewhere.
      frame.setAttribute(
        'sandbox',
        'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation',
      );
      figure.querySelector('[data-embed-card]')?.replaceWith(frame);
      button.closest('[data-embed-consent]')?.remove();
      frame.focus();
    };
    document.addEventListener('click', load);
    return () => document.removeEventListener('click', load);
  }, []);
  return null;
}
