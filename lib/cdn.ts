/**
 * Where a CDN in front of the servers hears of a publish. With CDN_PURGE_URL set, the hook POSTs
 * `{"urls": [...]}` (absolute URLs of every page it revalidated) there after it answers, with
 * `Authorization: Bearer $CDN_PURGE_TOKEN`: the shape most CDN purge APIs take, or a small adapter's.
 * A failed purge is logged and the CDN catches up within `s-maxage`.
 */
import { log } from './ops/log.mjs';
import { absoluteUrl } from './site';

const PURGE_TIMEOUT_MS = 5000;

export async function purgeCdn(paths: string[]): Promise<void> {
  const endpoint = process.env.CDN_PURGE_URL;
  if (!endpoint || paths.length === 0) return;
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(process.env.CDN_PURGE_TOKEN ? { authorization: `Bearer ${process.env.CDN_PURGE_TOKEN}` } : {}),
      },
      body: JSON.stringify({ urls: paths.map(absoluteUrl) }),
      signal: AbortSignal.timeout(PURGE_TIMEOUT_MS),
    });
    if (!response.ok)
      log().error(
        'publish.cdn_purge_failed',
        `[publish] CDN purge answered ${response.status}: the CDN shows the change within s-maxage`,
        { status: response.status },
      );
  } catch (error) {
    log().error(
      'publish.cdn_purge_failed',
      `[publish] CDN purge failed (${(error as Error).message}): the CDN shows the change within s-maxage`,
    );
  }
}
