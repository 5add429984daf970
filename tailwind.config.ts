import type { Config } from 'tailwindcss';
import plugin from 'tailwindcss/plugin';
import { editions, locales } from './lib/locales';

/**
 * Each edition's faces and script rules, written from the edition registry as base styles keyed on the
 * page's language, so one stylesheet serves every edition and adding one needs no CSS.
 */
const editionStyles = plugin((api) => {
  for (const locale of locales) {
    const { fonts, systemFonts, script } = editions[locale];
    api.addBase({ [`:root:lang(${locale})`]: { '--font-body': fonts.body, '--font-display': fonts.display } });
    api.addBase({
      [`:root.lite:lang(${locale})`]: { '--font-body': systemFonts.body, '--font-display': systemFonts.display },
    });
    // Arabic-script letters join; spacing them apart breaks the words.
    if (script === 'Arab') api.addBase({ [`:lang(${locale})`]: { 'letter-spacing': '0 !important' } });
    // The switcher names the Arabic-script editions in their script: on a page in another script, from the few
    // letters of those names (3 KB), not a whole face; on an Arabic-script page the page's own face has them.
    else
      api.addBase({
        [`:root:lang(${locale}) .edition-name`]: {
          'font-family': 'var(--font-edition-names), var(--font-serif-latin), serif',
        },
      });
  }
});

/**
 * Sahifa's design tokens. Font families point at CSS variables that the edition styles set,
 * so `font-body` is Naskh in Arabic, Vazirmatn in Persian and a serif in English from one stylesheet.
 */
const config: Config = {
  content: ['./app/**/*.{ts,tsx}', './components/**/*.{ts,tsx}'],
  plugins: [editionStyles],
  theme: {
    extend: {
      colors: {
        paper: '#fbfaf7',
        ink: '#1b1b1b',
        muted: '#52524e',
        rule: '#dcd6cb',
        accent: { DEFAULT: '#9c1c1f', dark: '#6f1416' },
        wash: '#f1ece2',
      },
      fontFamily: {
        body: ['var(--font-body)'],
        display: ['var(--font-display)'],
      },
      fontSize: {
        // [size, line-height]: Arabic body copy never below 18px / 1.7.
        kicker: ['0.875rem', { lineHeight: '1.5' }],
        meta: ['0.9375rem', { lineHeight: '1.6' }],
        body: ['1.1875rem', { lineHeight: '1.85' }],
        dek: ['1.25rem', { lineHeight: '1.8' }],
        'title-sm': ['1.25rem', { lineHeight: '1.5' }],
        'title-md': ['1.625rem', { lineHeight: '1.45' }],
        'title-lg': ['2.125rem', { lineHeight: '1.4' }],
        'title-xl': ['2.75rem', { lineHeight: '1.35' }],
      },
      maxWidth: {
        measure: '42rem',
        page: '76rem',
      },
    },
  },
};

export default config;
