/**
 * WordPress's core REST API, as Sahifa calls it: Basic authentication with an Application Password
 * (an Editor's, so drafts and `context=edit` are readable), a timeout on every call, and every answer
 * checked to be the JSON it should be. A WordPress that answers 500 or an HTML page is an error naming
 * what came back, never a crash.
 */
import type { WpPost } from './map';

const TIMEOUT_MS = 10_000;
/** WordPress's own largest page. */
export const PER_PAGE = 100;
/** Embeds a post needs, and no others (WordPress 5.4+). */
const EMBED = 'author,wp:featuredmedia,wp:term';

export interface WordPressConfig {
  url: string;
  user: string;
  appPassword: string;
}

export class WordPressError extends Error {}

export function createClient({ url, user, appPassword }: WordPressConfig) {
  const base = url.replace(/\/+$/, '');
  const authorization = `Basic ${Buffer.from(`${user}:${appPassword.replace(/\s+/g, '')}`).toString('base64')}`;

  async function get(path: string, params: Record<string, string | number>): Promise<{ body: unknown; totalPages: number }> {
    const query = new URLSearchParams(Object.entries(params).map(([key, value]) => [key, String(value)]));
    // `rest_route` works whether or not the site has pretty permalinks.
    query.set('rest_route', path);
    let response: Response;
    try {
      response = await fetch(`${base}/?${query}`, { headers: { authorization, accept: 'application/json' }, signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      throw new WordPressError(`WordPress at ${base} did not answer: ${(error as Error).message}`);
    }
    const type = response.headers.get('content-type') ?? '';
    if (response.status === 401 || response.status === 403) throw new WordPressError(`WordPress refused the application password of ${user} (${response.status}): check WORDPRESS_USER and WORDPRESS_APP_PASSWORD`);
    if (!response.ok && response.status !== 400) throw new WordPressError(`WordPress answered ${response.status} to ${path}`);
    if (!type.includes('json')) throw new WordPressError(`WordPress answered ${type || 'no content type'} instead of JSON to ${path}`);
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new WordPressError(`WordPress's answer to ${path} is not valid JSON`);
    }
    if (response.status === 400) throw new WordPressError(`WordPress refused ${path}: ${(body as { message?: string })?.message ?? 'bad request'}`);
    return { body, totalPages: Number(response.headers.get('x-wp-totalpages') ?? 1) };
  }

  const postParams = { context: 'edit', _embed: EMBED, status: 'publish,future,draft,pending,private,trash' };

  return {
    base,
    /** Every post changed after `since` (all posts without it), oldest change first, a page at a time. */
    async *postsChangedSince(since?: string): AsyncGenerator<WpPost[]> {
      for (let page = 1, pages = 1; page <= pages; page++) {
        const { body, totalPages } = await get('/wp/v2/posts', { ...postParams, per_page: PER_PAGE, page, orderby: 'modified', order: 'asc', ...(since ? { modified_after: since } : {}) });
        pages = totalPages;
        if (!Array.isArray(body)) throw new WordPressError('WordPress answered something other than a list of posts');
        yield body as WpPost[];
      }
    },

    /** The posts of one story, every edition and status (the plugin's `sahifa_story` parameter). */
    async storyPosts(key: string): Promise<WpPost[]> {
      const { body } = await get('/wp/v2/posts', { ...postParams, per_page: PER_PAGE, sahifa_story: key });
      if (!Array.isArray(body)) throw new WordPressError('WordPress answered something other than a list of posts');
      return body as WpPost[];
    },

    /**
     * The live posts of these story posts (the plugin's `sahifa_live_post`, children of the story's post in
     * each edition), every status, changed after `since` (all without it), a page at a time.
     */
    async *livePosts(parents: number[], since?: string): AsyncGenerator<WpPost[]> {
      for (let page = 1, pages = 1; page <= pages; page++) {
        const { body, totalPages } = await get('/wp/v2/sahifa_live_posts', {
          context: 'edit',
          status: postParams.status,
          parent: parents.join(','),
          per_page: PER_PAGE,
          page,
          orderby: 'modified',
          order: 'asc',
          ...(since ? { modified_after: since } : {}),
        });
        pages = totalPages;
        if (!Array.isArray(body)) throw new WordPressError('WordPress answered something other than a list of live posts');
        yield body as WpPost[];
      }
    },

    /** One post by ID, any status. */
    async post(id: number): Promise<WpPost | null> {
      try {
        return (await get(`/wp/v2/posts/${id}`, postParams)).body as WpPost;
      } catch (error) {
        if (error instanceof WordPressError && /answered 404/.test(error.message)) return null;
        throw error;
      }
    },

    /** The newest autosave of a post (what its editor has typed and not yet saved), if any. */
    async latestAutosave(id: number): Promise<Pick<WpPost, 'modified_gmt' | 'title' | 'excerpt' | 'content'> | null> {
      const { body } = await get(`/wp/v2/posts/${id}/autosaves`, { context: 'edit' });
      if (!Array.isArray(body) || body.length === 0) return null;
      return (body as WpPost[]).reduce((newest, autosave) => (autosave.modified_gmt > newest.modified_gmt ? autosave : newest));
    },

    /** A picture's bytes, for Sahifa to serve from its own origin. */
    async media(sourceUrl: string): Promise<Buffer> {
      const response = await fetch(sourceUrl, { headers: { authorization }, signal: AbortSignal.timeout(TIMEOUT_MS) });
      if (!response.ok) throw new WordPressError(`WordPress answered ${response.status} for ${sourceUrl}`);
      return Buffer.from(await response.arrayBuffer());
    },
  };
}

export type WordPressClient = ReturnType<typeof createClient>;
