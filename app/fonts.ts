/**
 * Self-hosted faces (next/font/local; next/font/google would download at build time).
 *
 * Arabic faces come in two files each, chosen by the browser per character through `unicode-range`:
 * the core (the Arabic block and the joiners, cut by `npm run fonts` into app/fonts/, 17–25 KB) that
 * every Arabic page uses, and @fontsource's whole Arabic file (43–52 KB) for the extended letters
 * and presentation forms only a few stories use. They carry no Latin letters or digits, so a Latin
 * face follows each in globals.css. A page in another script shows its language switch in
 * `editionNames`, the few letters of the editions' names (3 KB), so the English page fetches no
 * Arabic face for one word.
 *
 * Headline and Latin faces are `optional`: a headline that re-wraps when its face arrives late moves
 * the whole page (measured: CLS 0.19 on a throttled mobile run with `swap`), so a late face waits for
 * the next page, which has it cached. Arabic body text keeps `swap`: it is what a reader came for.
 * Arabic faces get no metric-adjusted Arial fallback: Arial's Arabic is not Naskh, and a fallback
 * listed before the Latin face would take the Latin letters too.
 */
import localFont from 'next/font/local';

export const naskh = localFont({
  src: [
    { path: './fonts/noto-naskh-arabic-400-core.woff2', weight: '400' },
    { path: './fonts/noto-naskh-arabic-700-core.woff2', weight: '700' },
  ],
  variable: '--font-naskh',
  display: 'swap',
  preload: false,
  adjustFontFallback: false,
  declarations: [{ prop: 'unicode-range', value: 'U+0020,U+00A0,U+0600-06FF,U+200C-200E,U+2010-2011' }],
});

/**
 * The same files for Arabic words inside English text, without the spaces: while an English page's
 * own face is still loading, the browser looks further down the stack for each character, and a face
 * that maps the space would be fetched for every English page.
 */
export const naskhBesideLatin = localFont({
  src: [
    { path: './fonts/noto-naskh-arabic-400-core.woff2', weight: '400' },
    { path: './fonts/noto-naskh-arabic-700-core.woff2', weight: '700' },
  ],
  variable: '--font-naskh-beside-latin',
  display: 'swap',
  preload: false,
  adjustFontFallback: false,
  declarations: [{ prop: 'unicode-range', value: 'U+0600-06FF,U+200C-200E,U+2010-2011' }],
});

export const naskhExtended = localFont({
  src: [
    {
      path: '../node_modules/@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff2',
      weight: '400',
    },
    {
      path: '../node_modules/@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-700-normal.woff2',
      weight: '700',
    },
  ],
  variable: '--font-naskh-extended',
  display: 'swap',
  preload: false,
  adjustFontFallback: false,
  declarations: [
    {
      prop: 'unicode-range',
      value:
        'U+0750-077F,U+0870-088E,U+0890-0891,U+0897-08E1,U+08E3-08FF,U+204F,U+2E41,U+FB50-FDFF,U+FE70-FE74,U+FE76-FEFC,U+10E60-10E7E,U+10EC2-10EC4,U+10EFC-10EFF,U+1EE00-1EEF1',
    },
  ],
});

export const kufi = localFont({
  src: [{ path: './fonts/noto-kufi-arabic-700-core.woff2', weight: '700' }],
  variable: '--font-kufi',
  display: 'optional',
  preload: false,
  adjustFontFallback: false,
  declarations: [{ prop: 'unicode-range', value: 'U+0020,U+00A0,U+0600-06FF,U+200C-200E,U+2010-2011' }],
});

export const kufiBesideLatin = localFont({
  src: [{ path: './fonts/noto-kufi-arabic-700-core.woff2', weight: '700' }],
  variable: '--font-kufi-beside-latin',
  display: 'optional',
  preload: false,
  adjustFontFallback: false,
  declarations: [{ prop: 'unicode-range', value: 'U+0600-06FF,U+200C-200E,U+2010-2011' }],
});

export const kufiExtended = localFont({
  src: [
    {
      path: '../node_modules/@fontsource/noto-kufi-arabic/files/noto-kufi-arabic-arabic-700-normal.woff2',
      weight: '700',
    },
  ],
  variable: '--font-kufi-extended',
  display: 'optional',
  preload: false,
  adjustFontFallback: false,
  declarations: [
    {
      prop: 'unicode-range',
      value:
        'U+0750-077F,U+0870-088E,U+0890-0891,U+0897-08E1,U+08E3-08FF,U+204F,U+2E41,U+FB50-FDFF,U+FE70-FE74,U+FE76-FEFC,U+10E60-10E7E,U+10EC2-10EC4,U+10EFC-10EFF,U+1EE00-1EEF1',
    },
  ],
});

export const editionNames = localFont({
  src: [{ path: './fonts/edition-names.woff2', weight: '400' }],
  variable: '--font-edition-names',
  display: 'swap',
  preload: false,
  adjustFontFallback: false,
  declarations: [{ prop: 'unicode-range', value: 'U+0600-06FF' }],
});

/**
 * Persian: Vazirmatn, whose Arabic-script file (21 KB a weight, @fontsource) already holds only what
 * Persian and Arabic need, so it is served whole; its Latin file sets Latin words in the same design.
 */
export const vazirmatn = localFont({
  src: [
    { path: '../node_modules/@fontsource/vazirmatn/files/vazirmatn-arabic-400-normal.woff2', weight: '400' },
    { path: '../node_modules/@fontsource/vazirmatn/files/vazirmatn-arabic-700-normal.woff2', weight: '700' },
  ],
  variable: '--font-vazirmatn',
  display: 'swap',
  preload: false,
  adjustFontFallback: false,
  declarations: [
    {
      prop: 'unicode-range',
      value: 'U+0020,U+00A0,U+0600-06FF,U+0750-077F,U+200C-200E,U+2010-2011,U+FB50-FDFF,U+FE70-FE74,U+FE76-FEFC',
    },
  ],
});

export const vazirmatnHeadline = localFont({
  src: [{ path: '../node_modules/@fontsource/vazirmatn/files/vazirmatn-arabic-700-normal.woff2', weight: '700' }],
  variable: '--font-vazirmatn-headline',
  display: 'optional',
  preload: false,
  adjustFontFallback: false,
  declarations: [
    {
      prop: 'unicode-range',
      value: 'U+0020,U+00A0,U+0600-06FF,U+0750-077F,U+200C-200E,U+2010-2011,U+FB50-FDFF,U+FE70-FE74,U+FE76-FEFC',
    },
  ],
});

export const vazirmatnLatin = localFont({
  src: [
    { path: '../node_modules/@fontsource/vazirmatn/files/vazirmatn-latin-400-normal.woff2', weight: '400' },
    { path: '../node_modules/@fontsource/vazirmatn/files/vazirmatn-latin-700-normal.woff2', weight: '700' },
  ],
  variable: '--font-vazirmatn-latin',
  display: 'optional',
  preload: false,
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
  preload: false,
});

export const fontVariables = [
  naskh,
  naskhBesideLatin,
  naskhExtended,
  kufi,
  kufiBesideLatin,
  kufiExtended,
  vazirmatn,
  vazirmatnHeadline,
  vazirmatnLatin,
  editionNames,
  serifLatin,
  sansLatin,
]
  .map((font) => font.variable)
  .join(' ');
