/**
 * The edition registry (after the BBC's simorgh, one entry per language service): everything that
 * differs between editions is data here, and everything else reads it: routing, the edition switcher,
 * page fonts (tailwind.config.ts writes each edition's stacks), share-card faces, dates and numbers,
 * metadata, feeds, sitemaps, the content store, search tables and the tests, which loop over `locales`.
 *
 * Adding an edition: an entry here, `messages/{tag}.json`, its stories (`content/stories/{slug}/{tag}.md`)
 * and, for a new script, its faces in app/fonts.ts. README, "Adding an edition".
 */
export const locales = ['ar', 'en', 'fa'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'ar';

export interface Edition {
  dir: 'rtl' | 'ltr';
  /** The edition's name in its own language, as its readers look for it in the switcher. */
  ownName: string;
  /** OpenGraph `og:locale`. */
  ogLocale: string;
  /** RSS `<language>` (RFC 1766). */
  feedLanguage: string;
  /** Unicode locale for numbers (counts, page numbers): its `nu` names the digits readers expect. */
  numbers: string;
  dates: DateLineSettings;
  /** Where the edition's readers live, if not the site's zone (`SITE_TIME_ZONE`). */
  timeZone?: string;
  /** Font stacks of the page, as CSS `font-family` values over the variables of app/fonts.ts. */
  fonts: { body: string; display: string };
  /** The lite page's stacks (docs/adr/0020): faces readers' devices already have, so the page fetches none. */
  systemFonts: { body: string; display: string };
  /**
   * The share card's faces, TTF files under node_modules (HarfBuzz reads no WOFF): first that maps a character draws
   * it.
   */
  shareCardFaces: { bold: readonly string[]; regular: readonly string[] };
  /**
   * ISO 15924 script of the edition's text. Arabic-script letters join, so they are never letter-spaced;
   * a page in another script draws the Arabic-script names in its edition switcher from a small subset
   * face (app/fonts.ts `editionNames`) rather than a whole Arabic face. tailwind.config.ts writes both rules.
   */
  script: 'Arab' | 'Latn';
}

export interface DateLineSettings {
  /**
   * One Unicode locale per calendar of the date line, in the order printed: the tag's `ca` is the
   * calendar, its `nu` the digits. The first also names the weekday and is the short date of lists.
   */
  calendars: readonly string[];
  /** Arabic readers across the region know the Gregorian month by different names: print the Latin one beside it. */
  latinMonthAlongside?: boolean;
}

const GREGORIAN_LATIN = 'en-GB-u-ca-gregory-nu-latn';
/** Umm al-Qura Hijri dates: add to the Arabic edition's `calendars` to print a Hijri date after the Gregorian one. */
export const HIJRI_ARABIC = 'ar-u-ca-islamic-umalqura-nu-latn';

const kufiBold = '@expo-google-fonts/noto-kufi-arabic/700Bold/NotoKufiArabic_700Bold.ttf';
const kufiRegular = '@expo-google-fonts/noto-kufi-arabic/400Regular/NotoKufiArabic_400Regular.ttf';
const sansBold = '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf';
const sansRegular = '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf';
const vazirmatnBold = '@expo-google-fonts/vazirmatn/700Bold/Vazirmatn_700Bold.ttf';
const vazirmatnRegular = '@expo-google-fonts/vazirmatn/400Regular/Vazirmatn_400Regular.ttf';

export const editions: Record<Locale, Edition> = {
  ar: {
    dir: 'rtl',
    ownName: 'العربية',
    ogLocale: 'ar_AR',
    feedLanguage: 'ar',
    numbers: 'ar-u-nu-latn',
    dates: { calendars: ['ar-u-ca-gregory-nu-latn'], latinMonthAlongside: true },
    fonts: {
      body: "var(--font-naskh), 'Naskh Fallback', 'Naskh Fallback Linux', var(--font-naskh-extended), var(--font-serif-latin), serif",
      display: "var(--font-kufi), var(--font-kufi-extended), var(--font-sans-latin), 'Noto Naskh Arabic', sans-serif",
    },
    // Android's, Apple's and Windows' Arabic faces.
    systemFonts: {
      body: "'Noto Naskh Arabic', 'Geeza Pro', 'Times New Roman', serif",
      display: "'Noto Kufi Arabic', 'Noto Sans Arabic', 'Geeza Pro', Tahoma, sans-serif",
    },
    shareCardFaces: { bold: [kufiBold, sansBold], regular: [kufiRegular, sansRegular] },
    script: 'Arab',
  },
  en: {
    dir: 'ltr',
    ownName: 'English',
    ogLocale: 'en_US',
    feedLanguage: 'en',
    numbers: 'en-GB-u-nu-latn',
    dates: { calendars: [GREGORIAN_LATIN] },
    fonts: {
      body: 'var(--font-serif-latin), var(--font-naskh-beside-latin), var(--font-naskh-extended), Georgia, serif',
      display:
        'var(--font-sans-latin), var(--font-kufi-beside-latin), var(--font-kufi-extended), system-ui, sans-serif',
    },
    systemFonts: { body: 'Georgia, serif', display: 'system-ui, sans-serif' },
    shareCardFaces: { bold: [kufiBold, sansBold], regular: [kufiRegular, sansRegular] },
    script: 'Latn',
  },
  fa: {
    dir: 'rtl',
    ownName: 'فارسی',
    ogLocale: 'fa_IR',
    feedLanguage: 'fa',
    numbers: 'fa-u-nu-arabext',
    // As BBC Persian prints it: the Solar Hijri date in Persian digits, then the Gregorian one.
    dates: { calendars: ['fa-u-ca-persian-nu-arabext', GREGORIAN_LATIN] },
    fonts: {
      body: "var(--font-vazirmatn), 'Vazirmatn Fallback', 'Vazirmatn Fallback Linux', var(--font-vazirmatn-latin), Tahoma, sans-serif",
      display: 'var(--font-vazirmatn-headline), var(--font-vazirmatn-latin), Tahoma, sans-serif',
    },
    // Windows' Tahoma has the Persian letters; Android's and Apple's Arabic faces do too.
    systemFonts: {
      body: "Tahoma, 'Noto Sans Arabic', 'Geeza Pro', sans-serif",
      display: "Tahoma, 'Noto Sans Arabic', 'Geeza Pro', sans-serif",
    },
    shareCardFaces: { bold: [vazirmatnBold, sansBold], regular: [vazirmatnRegular, sansRegular] },
    script: 'Arab',
  },
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** The locale a value names, or the default edition's. */
export function localeOrDefault(value: unknown): Locale {
  return isLocale(value) ? value : defaultLocale;
}

/** Every edition but this one, in registry order: the switcher's and hreflang's candidates. */
export function otherLocales(locale: Locale): Locale[] {
  return locales.filter((other) => other !== locale);
}
