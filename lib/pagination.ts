/** Section fronts are paginated by path (/section/world/page/2), so every page is static and crawlable. */
export const SECTION_PAGE_SIZE = 10;

export function pageCount(total: number, size = SECTION_PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / size));
}

/** A page number from a URL segment: a plain positive integer, or null. */
export function parsePage(raw: string): number | null {
  return /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : null;
}
