/**
 * Each edition's messages, and the types that make a missing or misspelt message key a compile error.
 * messages/ar.json (the default edition's) is the reference every call of `t()` is checked against
 * (types/next-intl.d.ts); every other edition's file must have exactly its keys.
 */
import type reference from '../messages/ar.json';
import type { Locale } from '../lib/locales';

export type Messages = typeof reference;

/** Keyed by the registry's editions: an edition without a messages file does not compile. */
export const messageLoaders = {
  ar: () => import('../messages/ar.json'),
  en: () => import('../messages/en.json'),
  fa: () => import('../messages/fa.json'),
} satisfies Record<Locale, () => Promise<{ default: Messages }>>;

/** "site.name", "search.results", … : every leaf of a messages file. */
type KeyPaths<T> = { [K in keyof T & string]: T[K] extends string ? K : `${K}.${KeyPaths<T[K]>}` }[keyof T & string];
type EditionMessages<L extends Locale> = Awaited<ReturnType<(typeof messageLoaders)[L]>>['default'];
/** Keys an edition's file has and the reference has not: a misspelling, or a key the reference lost. */
type UnknownKeys = { [L in Locale]: `${L}: ${Exclude<KeyPaths<EditionMessages<L>>, KeyPaths<Messages>>}` }[Locale];

// Empty unless some file has a key the reference lacks; tsc then names it ("Property 'fa: site.nmae' is missing").
export const noUnknownKeys: Record<UnknownKeys, never> = {};
