export const sections = ['world', 'science', 'culture', 'technology'] as const;
export type Section = (typeof sections)[number];

export function isSection(value: unknown): value is Section {
  return typeof value === 'string' && (sections as readonly string[]).includes(value);
}
