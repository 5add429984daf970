/**
 * Renders the reference story's share card to PNG, as the image route does (lib/og + next/og),
 * and prints the milliseconds of each render as JSON. `--renders N` (default 30), `--warmup N`.
 * Run once per process with `--renders 1 --warmup 0` for a cold render; `--band` draws an old story's card,
 * with its age band.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createElement } from 'react';
import { ImageResponse } from 'next/og';
import { renderShareCardSvg, SHARE_CARD_SIZE, svgToDataUri, type ShareCardText } from '../../lib/og/index.ts';

const { values } = parseArgs({
  options: {
    renders: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '5' },
    band: { type: 'boolean', default: false },
  },
});

const card: ShareCardText = {
  locale: 'ar',
  brand: 'صحيفة',
  kicker: 'العالم',
  headline: 'وسط توتر العلاقة.. أرمينيا تجمد مشاركتها في التحالف العسكري مع روسيا',
  fallbackHeadline: 'صحيفة',
  footer: 'الجمعة 25 أكتوبر / October 2024',
};

const drawn: ShareCardText = values.band ? { ...card, band: 'هذا الخبر نُشر قبل أكثر من سنتين' } : card;

async function renderOnce(): Promise<{ ms: number; bytes: number }> {
  const start = performance.now();
  const { svg } = await renderShareCardSvg(drawn);
  const image = createElement('img', {
    src: svgToDataUri(svg),
    width: SHARE_CARD_SIZE.width,
    height: SHARE_CARD_SIZE.height,
    alt: '',
  });
  const response = new ImageResponse(image, SHARE_CARD_SIZE);
  const bytes = (await response.arrayBuffer()).byteLength;
  return { ms: performance.now() - start, bytes };
}

for (let i = 0; i < Number(values.warmup); i++) await renderOnce();
const results = [];
for (let i = 0; i < Number(values.renders); i++) results.push(await renderOnce());
console.log(JSON.stringify(results));
