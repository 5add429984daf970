/** Section fronts are paginated by path (/section/world/page/2), so every page is static and crawlable. */
export const SECTION_PAGE_SIZE = 10;
export const SEARCH_PAGE_SIZE = 10;

export function pageCount(total: number, size = SECTION_PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / size));
}

/** A page number from a URL segment: a plain positive integer, or null. */
export function parsePage(raw: string): number | null {
  return /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : null;
}

/**
 * The page numbers a pager shows: the first, the last, and the current page with `radius` pages
 * either side, with a gap where numbers are left out. A section of 2,500 pages links a handful.
 */
export function pageWindow(page: number, total: number, radius = 2): (number | 'gap')[] {
  const shown = new Set([1, total]);
  for (let n = Math.max(1, page - radius); n <= Math.min(total, page + radius); n++) shown.add(n);
  const numbers = [...shown].sort((a, b) => a - b);
  return numbers.flatMap((n, i) => (i > 0 && n - numbers[i - 1] > 1 ? ['gap' as const, n] : [n]));
}
