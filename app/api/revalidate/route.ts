import { revalidatePath } from 'next/cache';
import { after } from 'next/server';
import { normalizeSlugs } from '@/lib/content';
import { bearerMatches } from '@/lib/http/bearer.mjs';
import { purgeCdn } from '@/lib/cdn';
import { tellOtherServers } from '@/lib/fleet';
import { log } from '@/lib/ops/log.mjs';
import { metrics } from '@/lib/ops/metrics.mjs';
import { publish, publishAll } from '@/lib/publish';
import { contentSource } from '@/lib/site';

export const dynamic = 'force-dynamic';

const MAX_BODY_BYTES = 64 * 1024;
const MAX_SLUGS = 100;
const NO_STORE = { 'Cache-Control': 'private, no-store' };

function reply(body: unknown, status: number) {
  return Response.json(body, { status, headers: NO_STORE });
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

/** `{"all": true}`: the whole folder changed (a deploy replaced it). */
function wantsEverything(body: unknown): boolean {
  return (body as { all?: unknown } | null)?.all === true;
}

function slugsOf(body: unknown): string[] | null {
  const slugs = (body as { slugs?: unknown } | null)?.slugs;
  if (!Array.isArray(slugs) || slugs.length > MAX_SLUGS) return null;
  const valid = normalizeSlugs(slugs);
  return valid && [...new Set(valid)];
}

/**
 * The publish hook: POST {"slugs": [...]} with `Authorization: Bearer <REVALIDATE_SECRET>` re-reads
 * the named stories and revalidates the pages they appear on. POST {"all": true} rescans the whole
 * folder after the response, then lets every page regenerate on its next request.
 */
export async function POST(request: Request) {
  const response = await answer(request);
  metrics().publishes.inc({ outcome: String(response.status) });
  return response;
}

async function answer(request: Request) {
  if (!bearerMatches(request.headers.get('authorization'), process.env.REVALIDATE_SECRET)) {
    return Response.json(
      { error: 'unauthorized' },
      { status: 401, headers: { ...NO_STORE, 'WWW-Authenticate': 'Bearer realm="sahifa-publish"' } },
    );
  }
  const text = await readBody(request);
  if (text === null) return reply({ error: `the body is larger than ${MAX_BODY_BYTES} bytes` }, 413);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return reply({ error: 'the body is not JSON' }, 400);
  }
  if (wantsEverything(body)) {
    after(async () => {
      const { changed, removed } = await publishAll(() => revalidatePath('/', 'layout'), tellOtherServers);
      log().info(
        'publish.rescanned',
        `[publish] rescanned the content folder: ${changed} files changed, ${removed} removed`,
        { changed, removed },
      );
    });
    return reply({ rescan: 'started' }, 202);
  }
  const slugs = slugsOf(body);
  if (!slugs)
    return reply({ error: `expected {"slugs": [...]} with 1 to ${MAX_SLUGS} story slugs, or {"all": true}` }, 400);
  // WordPress calls from inside its own request, and Sahifa asks WordPress back for the posts: answered at
  // once, the work after, so a single-worker PHP server never waits on itself.
  if (contentSource === 'wordpress') {
    after(async () => purgeCdn((await publishAndLog(slugs)).revalidated));
    return reply({ accepted: slugs }, 202);
  }
  const result = await publishAndLog(slugs);
  after(() => purgeCdn(result.revalidated));
  return reply(result, 200);
}

async function publishAndLog(slugs: string[]) {
  const started = performance.now();
  const result = await publish(slugs, (path) => revalidatePath(path), tellOtherServers);
  const seconds = (performance.now() - started) / 1000;
  metrics().publishDuration.observe(seconds);
  log().info(
    'publish.done',
    `[publish] ${slugs.length} stories re-read, ${result.revalidated.length} paths revalidated in ${Math.round(seconds * 1000)} ms`,
    {
      slugs,
      revalidated: result.revalidated.length,
      problems: result.problems.length,
      fleet: result.fleet,
      ms: Math.round(seconds * 1000),
    },
  );
  return result;
}
