/**
 * WordPress as a content source (CONTENT_SOURCE=wordpress). Posts feed Sahifa's read model (the story
 * index): readers' pages are answered from it and never wait on WordPress. A first sync pages through
 * every post; after that the publish hook names the stories that changed (the plugin calls it on every
 * save, trash and scheduled publication) and a poll of `modified_after` every WORDPRESS_POLL_MS catches
 * what a lost hook call missed. Scheduled posts published by WP-cron keep their `modified` date, so the
 * hook, not the poll, brings them. Drafts are read from WordPress on each preview request.
 */
import fs from 'node:fs';
import path from 'node:path';
import { locales, type Locale } from '../../locales';
import { log } from '../../ops/log.mjs';
import { renderStory } from '../parse';
import { applyLivePosts, applyStory, readModel, type EditionUpdate, type LiveEditionUpdate } from '../read-model';
import { StoryIndex } from '../story-index';
import type { ContentProblem, ContentSource, ReloadedStory, Story } from '../types';
import { createClient, WordPressError, type WordPressConfig } from './client';
import { livePostId, mapLivePost, mapPost, postPath, type Mapped, type WpMedia, type WpPost } from './map';

export interface WordPressStoreOptions {
  wordpress: WordPressConfig;
  indexFile: string;
  mediaDir: string;
  /** Whether `ready()` waits for the first sync (a build must see every post). */
  waitForSync: boolean;
  pollMs?: number;
}

/**
 * Posts saved this long before the last one seen are asked for again: `modified_after` compares in the site's own time,
 * to the second.
 */
const OVERLAP_MS = 10 * 60_000;
/** A draft key for a post that has no slug yet: its ID. */
const DRAFT_KEY = /^wp-(\d{1,12})$/;

export const draftKey = (postId: number) => `wp-${postId}`;

export function createWordPressStore({ wordpress, indexFile, mediaDir, waitForSync, pollMs = 60_000 }: WordPressStoreOptions): ContentSource {
  const index = new StoryIndex(indexFile);
  const client = createClient(wordpress);
  const syncedKey = `wordpress:${client.base}:modified`;
  let progress = { scanning: false, examined: 0, found: 0 };
  let reachable: boolean | undefined;

  const say = (up: boolean, message: string) => {
    if (reachable === up) return;
    reachable = up;
    if (up) log().info('content.wordpress_up', `[content] WordPress at ${client.base} answers`);
    else log().error('content.wordpress_down', `[content] ${message}: serving the stories Sahifa has; changes are caught up when WordPress answers`);
  };

  /** The picture, copied once to this server so readers never ask WordPress for it. */
  async function keepMedia(media: WpMedia | undefined, src: string | undefined) {
    if (!media?.source_url || !src) return;
    const file = path.join(mediaDir, path.basename(src));
    if (fs.existsSync(file)) return;
    try {
      fs.mkdirSync(mediaDir, { recursive: true });
      fs.writeFileSync(`${file}.part`, await client.media(media.source_url));
      fs.renameSync(`${file}.part`, file);
    } catch (error) {
      log().error('content.problem', `[content] ${postPath(media)}: featured_media: the picture could not be copied (${(error as Error).message})`);
    }
  }

  /** A post's problems, logged once per version of the post (a poll sees recent posts again and again). */
  function report(post: WpPost, problems: ContentProblem[]) {
    const mtime = Date.parse(`${post.modified_gmt}Z`) || 0;
    if (index.stamp(`wordpress/${post.id}`)?.mtime === mtime) return;
    for (const problem of problems) log().error('content.problem', `[content] ${problem.path}: ${problem.field}: ${problem.message}`, { ...problem, postId: post.id });
    index.setFile(`wordpress/${post.id}`, { mtime, size: 0 }, problems);
  }

  /**
   * One story's posts into the index. `complete`: these are all its posts, so an edition without one is
   * gone; otherwise (a page of changed posts) only the editions named change.
   */
  async function takeIn(key: string, posts: WpPost[], complete: boolean): Promise<ReloadedStory> {
    const byEdition = new Map<Locale, Mapped & { post: WpPost }>();
    const problems: ContentProblem[] = [];
    // The oldest post of an edition is the story; a later one with the same key is reported.
    for (const post of [...posts].sort((a, b) => a.id - b.id)) {
      const mapped = mapPost(post);
      if (mapped.key === null) {
        report(post, mapped.problems);
        problems.push(...mapped.problems);
        continue;
      }
      const gone = post.status === 'trash' || post.status === 'private';
      const taken = byEdition.get(mapped.locale);
      if (taken && !gone && taken.post.status !== 'trash') {
        const duplicate = { path: postPath(post), field: 'sahifa_story', message: `post ${taken.post.id} is already the ${mapped.locale} edition of "${key}": this one is left out` };
        report(post, [duplicate]);
        problems.push(duplicate);
        continue;
      }
      if (!taken || taken.post.status === 'trash') byEdition.set(mapped.locale, { ...mapped, post });
      report(post, gone ? [] : mapped.problems);
      if (!gone) problems.push(...mapped.problems);
    }
    const updates: EditionUpdate[] = [];
    const live: LiveEditionUpdate[] = [];
    for (const locale of locales) {
      const entry = byEdition.get(locale);
      if (entry?.story?.live && entry.post.status !== 'trash' && entry.post.status !== 'private') live.push(await livePostsOf(key, locale, entry.post.id));
    }
    for (const locale of locales) {
      const entry = byEdition.get(locale);
      if (!entry) {
        if (complete) updates.push({ locale, gone: true });
      } else if (entry.post.status === 'trash' || entry.post.status === 'private') updates.push({ locale, gone: true });
      else if (entry.story) {
        await keepMedia(entry.media, entry.story.image?.src);
        updates.push({ locale, story: entry.story });
      } else updates.push({ locale, keep: true });
    }
    const applyLive = () => live.filter((update) => applyLivePosts(index, key, update)).map((update) => update.locale);
    return { ...applyStory(index, key, updates, undefined, applyLive), problems };
  }

  /**
   * A live story's posts in one edition that changed since the last look (every one the first time): the
   * published ones to store, the others (trashed, back to draft) to take down. During breaking news a story
   * may hold thousands of posts, and its hook comes every minute: only the changes cross the network.
   */
  async function livePostsOf(key: string, locale: Locale, parent: number): Promise<LiveEditionUpdate> {
    const seenKey = `wordpress:${client.base}:live:${parent}`;
    const last = index.meta(seenKey);
    const since = last ? new Date(Date.parse(`${last}Z`) - OVERLAP_MS).toISOString().slice(0, 19) : undefined;
    const startedAtGmt = new Date().toISOString().slice(0, 19);
    const update: LiveEditionUpdate = { locale, put: [], remove: [] };
    let newest = last ?? '';
    for await (const page of client.livePosts([parent], since)) {
      for (const post of page) {
        if (post.modified_gmt > newest && post.modified_gmt <= startedAtGmt) newest = post.modified_gmt;
        const mapped = mapLivePost(post, { key, locale });
        if (mapped.gone) update.remove.push(livePostId(post));
        else {
          report(post, mapped.problems);
          if (mapped.post) update.put.push(mapped.post);
        }
      }
    }
    // The first look saw every post: any other the index holds for this edition is gone.
    if (!last) {
      const present = new Set(update.put.map((post) => post.id));
      update.remove.push(...index.liveIds(locale, key).filter((id) => !present.has(id)));
    }
    if (newest) index.setMeta(seenKey, newest);
    return update;
  }

  /**
   * Stories a sync found changed are published like any other change, through this server's own hook
   * (server.mjs says where it listens): their pages are revalidated and the other servers told. Without
   * it a change the poll caught would wait for the pages' hourly revalidation.
   */
  async function publishChanges(since: number) {
    const keys = [...new Set(index.changedSince(since).map((ref) => ref.slug))];
    if (keys.length) log().info('content.synced', `[content] WordPress changed ${keys.length} stories since the last look: publishing them`, { stories: keys.length });
    const self = process.env.SAHIFA_SELF_URL;
    const secret = process.env.REVALIDATE_SECRET;
    if (!keys.length || !self || !secret || process.env.NEXT_PHASE === 'phase-production-build') return;
    for (let i = 0; i < keys.length; i += 100) {
      await fetch(`${self}/api/revalidate`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body: JSON.stringify({ slugs: keys.slice(i, i + 100) }),
        signal: AbortSignal.timeout(10_000),
      }).catch((error) => log().error('publish.failed', `[publish] the stories a sync found changed could not be published: ${(error as Error).message}`));
    }
  }

  let syncing: Promise<{ changed: number; removed: number }> | undefined;
  /** One sync at a time: a poll that comes while one runs waits for it instead. */
  function sync(full = false) {
    syncing ??= syncOnce(full).finally(() => (syncing = undefined));
    return syncing;
  }

  /** Every post changed since the last sync (all of them the first time, or with `full`). */
  async function syncOnce(full: boolean): Promise<{ changed: number; removed: number }> {
    const startedAt = Date.now();
    const startedAtGmt = new Date(startedAt).toISOString().slice(0, 19);
    const last = full ? undefined : index.meta(syncedKey);
    const since = last ? new Date(Date.parse(last) - OVERLAP_MS).toISOString().slice(0, 19) : undefined;
    let newest = last ?? '';
    let changed = 0;
    const seen = new Set<string>();
    progress = { scanning: true, examined: 0, found: 0 };
    try {
      for await (const page of client.postsChangedSince(since)) {
        progress.found += page.length;
        const byKey = new Map<string, WpPost[]>();
        for (const post of page) {
          const mapped = mapPost(post);
          if (mapped.key === null) report(post, mapped.problems);
          else byKey.set(mapped.key, [...(byKey.get(mapped.key) ?? []), post]);
          // A scheduled post's `modified` is its future date: counting it would skip every edit until then.
          if (post.modified_gmt > newest && post.modified_gmt <= startedAtGmt) newest = post.modified_gmt;
        }
        for (const [key, posts] of byKey) {
          seen.add(key);
          await takeIn(key, posts, false);
          changed += posts.length;
        }
        progress.examined += page.length;
        // Other requests go first between pages.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      let removed = 0;
      if (full) {
        for (const key of index.slugs().filter((slug) => !seen.has(slug))) {
          await takeIn(key, [], true);
          removed++;
        }
      }
      if (newest) index.setMeta(syncedKey, newest);
      say(true, '');
      if (last) await publishChanges(startedAt - 1);
      return { changed, removed };
    } finally {
      progress.scanning = false;
    }
  }

  const firstSync = sync(!index.meta(syncedKey)).catch((error) => {
    say(false, (error as Error).message);
    return { changed: 0, removed: 0 };
  });
  const ready = waitForSync || !index.meta(syncedKey) ? firstSync.then(() => undefined) : Promise.resolve();
  if (pollMs > 0 && process.env.NEXT_PHASE !== 'phase-production-build') {
    setInterval(() => {
      sync().catch((error) => say(false, (error as Error).message));
    }, pollMs).unref();
  }

  /**
   * A post as its editor sees it now, for preview: by ID (`wp-123`, the key the plugin's Preview button
   * signs, since a draft has no slug yet), with its newest autosave's title, excerpt and text (what
   * Preview on a published post shows), always as a draft: a preview is never the published page.
   */
  async function draft(locale: Locale, key: string): Promise<Story | undefined> {
    const id = DRAFT_KEY.exec(key)?.[1];
    if (!id) return undefined;
    const post = await client.post(Number(id));
    if (!post || post.status === 'trash') return undefined;
    const autosave = await client.latestAutosave(post.id);
    const current = autosave && autosave.modified_gmt > post.modified_gmt ? { ...post, title: autosave.title, excerpt: autosave.excerpt, content: autosave.content } : post;
    const mapped = mapPost({ ...current, status: 'draft' });
    if (mapped.key === null || mapped.locale !== locale) return undefined;
    if (!mapped.story) {
      for (const problem of mapped.problems) log().warn('preview.problem', `[preview] ${problem.path}: ${problem.field}: ${problem.message}`, { ...problem });
      return undefined;
    }
    return renderStory({ ...mapped.story, slug: key });
  }

  return {
    ready: () => ready,
    ...readModel(index, () => ready),

    async draft(locale, key) {
      try {
        return await draft(locale, key);
      } catch (error) {
        if (!(error instanceof WordPressError)) throw error;
        say(false, error.message);
        return undefined;
      }
    },

    async reload(keys) {
      await ready;
      const reloaded: ReloadedStory[] = [];
      for (const key of keys) {
        try {
          reloaded.push(await takeIn(key, await client.storyPosts(key), true));
          say(true, '');
        } catch (error) {
          if (!(error instanceof WordPressError)) throw error;
          say(false, error.message);
          reloaded.push({ slug: key, published: index.editions(key), sections: [], labels: [], storyChanged: false, liveChanged: [], problems: [{ path: client.base, field: '(WordPress)', message: error.message }] });
        }
      }
      return reloaded;
    },

    scanProgress: () => ({ ...progress }),

    async rescan() {
      await ready;
      return sync(true);
    },
  };
}
