/**
 * Self-hosted faces from @fontsource (next/font/google would download at build time).
 * The Arabic subsets carry no Latin letters or digits; globals.css stacks a Latin face after each.
 */
import localFont from 'next/font/local';

export const naskh = localFont({
  src: [
    { path: '../node_modules/@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff2', weight: '400' },
    { path: '../node_modules/@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-700-normal.woff2', weight: '700' },
  ],
  variable: '--font-naskh',
  display: 'swap',
  preload: false,
});

export const kufi = localFont({
  src: [{ path: '../node_modules/@fontsource/noto-kufi-arabic/files/noto-kufi-arabic-arabic-700-normal.woff2', weight: '700' }],
  variable: '--font-kufi',
  display: 'swap',
  preload: false,
});

export const serifLatin = localFont({
  src: [
    { path: '../node_modules/@fontsource/noto-serif/files/noto-serif-latin-400-normal.woff2', weight: '400' },
    { path: '../node_modules/@fontsource/noto-serif/files/noto-serif-latin-700-normal.woff2', weight: '700' },
  ],
  variable: '--font-serif-latin',
  display: 'swap',
  preload: false,
});

export const sansLatin = localFont({
  src: [{ path: '../node_modules/@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2', weight: '700' }],
  variable: '--font-sans-latin',
  display: 'swap',
  preload: false,
});

export const fontVariables = [naskh, kufi, serifLatin, sansLatin].map((font) => font.variable).join(' ');
