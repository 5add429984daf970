'use client';

/**
 * The live page's client island: polls for posts newer than the newest the page has, and adds them without
 * a reload. The server rendered the whole page first (it works without JavaScript); this only adds to it:
 * - new posts go in at the top when the reader is there, else a button "3 new posts" (and "(3)" in the tab's
 *   title) puts them in, so what the reader is reading never moves;
 * - edited posts change in place and deleted ones disappear (the answer lists the newest posts' revisions);
 * - it waits while the tab is hidden, backs off when the server or the network fails, catches up from its
 *   cursor when they return, and stops when the live page ends.
 * Posts are drawn by filling a hidden copy of the server's own post markup (LivePostView), so no second
 * template lives here. The stream's nodes are the server's; React never renders them again on this page.
 */
import { useEffect, useRef, useState } from 'react';
import type { LivePostViewData } from '@/lib/live-post-view';
import { relativeTime } from '@/lib/relative-time';

interface Props {
  /** The poll's URL without its query. */
  updatesPath: string;
  /** The cursor of the posts the page was rendered with. */
  cursor: string;
  pollMs: number;
  /** The edition's number locale: plural rules, digits, relative times. */
  numbersLocale: string;
  newPosts: Partial<Record<Intl.LDMLPluralRule, string>>;
  showLabel: string;
  reloadLabel: string;
}

interface Answer {
  status: 'live' | 'ended';
  cursor: string;
  posts: LivePostViewData[];
  gap: boolean;
  window?: { id: string; rev: string }[];
  /** The oldest time the window reaches, when older posts exist beyond it. */
  windowStart: number | null;
}

const MAX_BACKOFF_MS = 5 * 60_000;
const RELATIVE_EVERY_MS = 30_000;

const byId = (id: string) => document.querySelectorAll<HTMLElement>(`[data-post-holder] > [data-post-id="${id}"]`);

/** A post drawn from the hidden copy of the server's markup. */
function drawPost(post: LivePostViewData): HTMLElement {
  const article = document.getElementById('live-post-template')!.firstElementChild!.cloneNode(true) as HTMLElement;
  const slot = (name: string) => article.querySelector<HTMLElement>(`[data-slot="${name}"]`)!;
  article.id = `post-${post.id}`;
  article.dataset.postId = post.id;
  article.dataset.rev = post.rev;
  const time = slot('time') as HTMLTimeElement;
  time.dateTime = post.dateTime;
  time.textContent = post.timeText;
  for (const name of ['permalink-time', 'permalink']) (slot(name) as HTMLAnchorElement).href = post.permalink;
  (slot('share') as HTMLAnchorElement).href = post.shareHref;
  if (post.headline) slot('headline').textContent = post.headline;
  else slot('headline').remove();
  if (!post.key) slot('key').remove();
  // HTML the server made from the post's Markdown or sanitized from the CMS: what the page itself renders.
  slot('body').innerHTML = post.bodyHtml;
  return article;
}

function showRelativeTimes(numbersLocale: string) {
  const now = Date.now();
  for (const article of document.querySelectorAll<HTMLElement>('[data-post-holder] > article')) {
    const time = article.querySelector('time');
    const relative = article.querySelector('[data-slot="relative"]');
    if (time && relative) relative.textContent = relativeTime(Date.parse(time.dateTime), now, numbersLocale) ?? '';
  }
}

export function LiveUpdates({
  updatesPath,
  cursor: initialCursor,
  pollMs,
  numbersLocale,
  newPosts,
  showLabel,
  reloadLabel,
}: Props) {
  const [waiting, setWaiting] = useState<{ posts: LivePostViewData[]; gap: boolean }>({ posts: [], gap: false });
  const [announcement, setAnnouncement] = useState('');
  const waitingRef = useRef(waiting);
  const title = useRef('');

  const countText = (count: number) =>
    (newPosts[new Intl.PluralRules(numbersLocale).select(count)] ?? newPosts.other ?? '#').replace(
      '#',
      new Intl.NumberFormat(numbersLocale).format(count),
    );

  function hold(next: { posts: LivePostViewData[]; gap: boolean }) {
    waitingRef.current = next;
    setWaiting(next);
    document.title = next.posts.length
      ? `(${new Intl.NumberFormat(numbersLocale).format(next.posts.length)}) ${title.current}`
      : title.current;
  }

  /** Puts posts (newest first) at the top of the stream, above what it shows. */
  function insert(posts: LivePostViewData[]) {
    const stream = document.getElementById('live-posts')!;
    const items = posts.map((post) => {
      const item = document.createElement('li');
      item.dataset.postHolder = '';
      item.append(drawPost(post));
      return item;
    });
    stream.prepend(...items);
    showRelativeTimes(numbersLocale);
  }

  function showWaiting() {
    if (waitingRef.current.gap) return location.reload();
    const posts = waitingRef.current.posts;
    hold({ posts: [], gap: false });
    insert(posts);
    const first = document.getElementById(`post-${posts[0]?.id}`);
    first?.setAttribute('tabindex', '-1');
    first?.focus();
  }

  useEffect(() => {
    title.current = document.title;
    let cursor = initialCursor;
    let delay = pollMs;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let ended = false;

    const readerAtTop = () => document.getElementById('live-posts')!.getBoundingClientRect().top >= 0;

    async function refresh(ids: string[]) {
      if (!ids.length) return;
      const response = await fetch(`${updatesPath}?posts=${ids.join(',')}`);
      if (!response.ok) return;
      for (const post of ((await response.json()) as Answer).posts) {
        for (const shown of byId(post.id)) {
          shown.dataset.rev = post.rev;
          shown.replaceChildren(...drawPost(post).childNodes);
        }
      }
      showRelativeTimes(numbersLocale);
    }

    async function take(answer: Answer) {
      const known = new Set(waitingRef.current.posts.map((post) => post.id));
      const fresh = answer.posts.filter((post) => !known.has(post.id) && byId(post.id).length === 0);
      if (fresh.length || answer.gap) {
        if (readerAtTop() && !answer.gap && !waitingRef.current.posts.length) insert(fresh);
        else hold({ posts: [...fresh, ...waitingRef.current.posts], gap: waitingRef.current.gap || answer.gap });
        setAnnouncement(countText(fresh.length));
      }
      if (!answer.window) return;
      const revs = new Map(answer.window.map((post) => [post.id, post.rev]));
      const edited = new Set<string>();
      for (const shown of document.querySelectorAll<HTMLElement>('[data-post-holder] > article')) {
        const id = shown.dataset.postId!;
        const rev = revs.get(id);
        const time = Date.parse(shown.querySelector('time')?.dateTime ?? '');
        if (rev === undefined && (answer.windowStart === null || time >= answer.windowStart))
          (shown.closest<HTMLElement>('[data-post-holder]') ?? shown).hidden = true;
        else if (rev !== undefined && rev !== shown.dataset.rev) edited.add(id);
      }
      await refresh([...edited]);
    }

    async function poll() {
      try {
        const response = await fetch(`${updatesPath}?after=${cursor}`);
        if (response.status === 404) ended = true;
        if (!response.ok) throw new Error(String(response.status));
        const answer = (await response.json()) as Answer;
        cursor = answer.cursor;
        delay = pollMs;
        await take(answer);
        if (answer.status === 'ended') {
          ended = true;
          for (const badge of document.querySelectorAll<HTMLElement>('[data-live-badge]')) badge.hidden = true;
        }
      } catch {
        delay = Math.min(delay * 2, MAX_BACKOFF_MS);
      }
      schedule(delay);
    }

    function schedule(ms: number) {
      clearTimeout(timer);
      if (!ended && !document.hidden) timer = setTimeout(() => void poll(), ms);
    }

    const onVisibility = () => (document.hidden ? clearTimeout(timer) : schedule(0));
    document.addEventListener('visibilitychange', onVisibility);
    showRelativeTimes(numbersLocale);
    const relativeTimer = setInterval(() => showRelativeTimes(numbersLocale), RELATIVE_EVERY_MS);
    schedule(pollMs);
    return () => {
      clearTimeout(timer);
      clearInterval(relativeTimer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
    // Once per page: the props are the page's own and do not change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const count = waiting.posts.length;
  return (
    <>
      <p role="status" aria-live="polite" data-live-announcement className="sr-only">
        {announcement}
      </p>
      {(count > 0 || waiting.gap) && (
        <button
          type="button"
          data-live-show
          onClick={showWaiting}
          className="fixed inset-x-0 bottom-4 z-10 mx-auto flex min-h-11 w-fit items-center gap-2 rounded-full bg-accent px-5 font-display font-bold text-paper shadow-lg"
        >
          {waiting.gap ? reloadLabel : `${countText(count)} · ${showLabel}`}
        </button>
      )}
    </>
  );
}
