/**
 * Tags and authors: the names stories carry, each with a page. A name's key is what its URL and
 * the index use: the same name with other capitals, harakat or tatweel, or other punctuation and
 * spacing, is the same label; the letters stay as written, in any script (أرمينيا, CSTO).
 */
export const labelKinds = ['tag', 'author'] as const;
export type LabelKind = (typeof labelKinds)[number];

export function isLabelKind(value: unknown): value is LabelKind {
  return typeof value === 'string' && (labelKinds as readonly string[]).includes(value);
}

export interface Label {
  kind: LabelKind;
  key: string;
  /** As the newest story carrying it writes it. */
  name: string;
}

/** Long enough for any real name, short enough that its URL stays readable. */
const MAX_KEY_LENGTH = 80;
const HARAKAT_AND_TATWEEL = /[\u064b-\u065f\u0670\u0640]/g;

/** The key of a name: lower case, words joined by hyphens. Empty when it has no letter or digit (an emoji). */
export function labelKey(name: string): string {
  const key = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(HARAKAT_AND_TATWEEL, '')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return Array.from(key).slice(0, MAX_KEY_LENGTH).join('').replace(/-+$/, '');
}

/** The labels of one kind a story carries, by key, first spelling kept. */
export function labelsOf(names: readonly string[] | undefined, kind: LabelKind): Label[] {
  const byKey = new Map<string, Label>();
  for (const name of names ?? []) {
    const key = labelKey(name);
    if (key && !byKey.has(key)) byKey.set(key, { kind, key, name });
  }
  return [...byKey.values()];
}
