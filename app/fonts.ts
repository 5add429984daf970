/**
 * Self-hosted faces from @fontsource (next/font/google would download at build time).
 * The Arabic subsets carry no Latin letters or digits; globals.css stacks a Latin face after each.
 * Headline and Latin faces are `optional`: a headline that re-wraps when its face arrives late moves
 * the whole page (measured: CLS 0.19 on a throttled mobile run with `swap`) and delays LCP, so a late
 * face waits for the next page, which has it cached. The two headline faces are preloaded (58 KB) so
 * they are usually in time even on a first visit from a shared link; phones carry decent system faces
 * for when they are not. Arabic body text (Naskh) keeps `swap`: it is what a reader came for.
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
  display: 'optional',
  preload: true,
});

export const serifLatin = localFont({
  src: [
    { path: '../node_modules/@fontsource/noto-serif/files/noto-serif-latin-400-normal.woff2', weight: '400' },
    { path: '../node_modules/@fontsource/noto-serif/files/noto-serif-latin-700-normal.woff2', weight: '700' },
  ],
  variable: '--font-serif-latin',
  display: 'optional',
  preload: false,
});

export const sansLatin = localFont({
  src: [{ path: '../node_modules/@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2', weight: '700' }],
  variable: '--font-sans-latin',
  display: 'optional',
  preload: true,
});

export const fontVariables = [naskh, kufi, serifLatin, sansLatin].map((font) => font.variable).join(' ');
