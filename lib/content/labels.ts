/** Tags and authors: the names stories carry, each with a page at its key (label-key.mjs). */
import { labelKey } from './label-key.mjs';

export { labelKey };

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

/** The labels of one kind a story carries, by key, first spelling kept. */
export function labelsOf(names: readonly string[] | undefined, kind: LabelKind): Label[] {
  const byKey = new Map<string, Label>();
  for (const name of names ?? []) {
    const key = labelKey(name);
    if (key && !byKey.has(key)) byKey.set(key, { kind, key, name });
  }
  return [...byKey.values()];
}
