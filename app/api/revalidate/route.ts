import { createHash, timingSafeEqual } from 'node:crypto';
import { revalidatePath } from 'next/cache';
import { normalizeSlug, reloadContent } from '@/lib/content';
import { pathsAffectedByPublishing } from '@/lib/paths';

export const dynamic = 'force-dynamic';

const MAX_BODY_BYTES = 64 * 1024;
const MAX_SLUGS = 100;
const NO_STORE = { 'Cache-Control': 'private, no-store' };

function reply(body: unknown, status: number) {
  return Response.json(body, { status, headers: NO_STORE });
}

/** Compares digests, so neither the length nor any prefix of the secret shows in the timing. */
function authorized(header: string | null): boolean {
  const secret = process.env.REVALIDATE_SECRET;
  if (!secret) return false;
  const given = createHash('sha256').update(header ?? '').digest();
  const expected = createHash('sha256').update(`Bearer ${secret}`).digest();
  return timingSafeEqual(given, expected);
}

/** The body, or null once it passes the limit: a 10 MB upload is cut off, not buffered. */
async function readBody(request: Request): Promise<string | null> {
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return null;
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function slugsOf(body: unknown): string[] | null {
  const slugs = (body as { slugs?: unknown } | null)?.slugs;
  if (!Array.isArray(slugs) || slugs.length === 0 || slugs.length > MAX_SLUGS) return null;
  const valid = slugs.map((slug) => (typeof slug === 'string' ? normalizeSlug(slug) : null));
  return valid.every((slug): slug is string => slug !== null) ? [...new Set(valid)] : null;
}

/**
 * The publish hook: POST {"slugs": [...]} with `Authorization: Bearer <REVALIDATE_SECRET>`.
 * Re-reads the content folder and revalidates every page the named stories appear on.
 */
export async function POST(request: Request) {
  if (!authorized(request.headers.get('authorization'))) {
    return Response.json({ error: 'unauthorized' }, { status: 401, headers: { ...NO_STORE, 'WWW-Authenticate': 'Bearer realm="sahifa-publish"' } });
  }
  const text = await readBody(request);
  if (text === null) return reply({ error: `the body is larger than ${MAX_BODY_BYTES} bytes` }, 413);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return reply({ error: 'the body is not JSON' }, 400);
  }
  const slugs = slugsOf(body);
  if (!slugs) return reply({ error: `expected {"slugs": [...]} with 1 to ${MAX_SLUGS} story slugs` }, 400);

  const content = reloadContent();
  const revalidated = pathsAffectedByPublishing(slugs);
  for (const path of revalidated) revalidatePath(path);
  // "Continue reading" on every other story may now list these.
  revalidatePath('/[locale]/news/[slug]', 'page');
  revalidatePath('/[locale]/section/[section]/page/[page]', 'page');
  return reply({ stories: slugs.map((slug) => ({ slug, published: content.localesOf(slug) })), revalidated }, 200);
}
