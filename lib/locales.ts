/**
 * Per-locale presentation rules, in one place (after the BBC's simorgh):
 * direction, numerals, the OpenGraph locale and whether dates carry a second,
 * Latin month name. Everything that differs between editions reads from here.
 */
export const locales = ['ar', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'ar';

export interface LocaleConfig {
  dir: 'rtl' | 'ltr';
  /** BCP 47 tag for Intl: Gregorian calendar and Western digits, as the newsroom writes them. */
  intlTag: string;
  ogLocale: string;
  /** Arabic readers across the region know the month by different names; print the Latin one beside it. */
  latinMonthAlongside: boolean;
}

export const localeConfig: Record<Locale, LocaleConfig> = {
  ar: { dir: 'rtl', intlTag: 'ar-u-ca-gregory-nu-latn', ogLocale: 'ar_AR', latinMonthAlongside: true },
  en: { dir: 'ltr', intlTag: 'en-GB-u-ca-gregory-nu-latn', ogLocale: 'en_US', latinMonthAlongside: false },
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** The locale a value names, or the default edition's. */
export function localeOrDefault(value: unknown): Locale {
  return isLocale(value) ? value : defaultLocale;
}

export function otherLocale(locale: Locale): Locale {
  return locale === 'ar' ? 'en' : 'ar';
}
