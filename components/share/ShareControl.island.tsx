'use client';

/**
 * The page's only client island. The server renders working links first (a <details> that opens
 * without JavaScript, plus one-tap WhatsApp and Telegram); once hydrated, "share" opens the device's
 * own share sheet where the browser can share, else an accessible dialog.
 */
import { useId, useRef, useState, useSyncExternalStore, type MouseEvent } from 'react';
import { trackedUrl, type Platform } from '@/lib/share';
import { Icon } from './icons';

export interface ShareTarget {
  platform: Platform;
  href: string;
  name: string;
  label: string;
}

export interface ShareData {
  /** The tracked URL for "copy link" (the share sheet tracks the canonical URL as `native`). */
  copyUrl: string;
  targets: ShareTarget[];
  labels: {
    share: string;
    more: string;
    close: string;
    copy: string;
    copied: string;
    copyFallback: string;
    urlLabel: string;
  };
}

const ONE_TAP: Platform[] = ['whatsapp', 'telegram'];
const SHARE_PANEL_ID = 'share';
/** For useSyncExternalStore, read once: whether the page has hydrated, which never changes back. */
const noSubscription = () => () => {};
const inBrowser = () => true;
const onServer = () => false;
/**
 * Defined in globals.css: a story page draws eighteen of these, and utilities would spell out fifteen classes on each.
 */
const button = 'share-button';

/**
 * The story's title and summary as the page's <head> already has them (its canonical URL too), rather than a second
 * copy in the RSC payload.
 */
function pageMeta(attribute: string): string {
  return document.querySelector<HTMLMetaElement>(`meta[${attribute}]`)?.content ?? '';
}

function TargetLink({ target, withName }: { target: ShareTarget; withName: boolean }) {
  const external = target.platform !== 'email';
  return (
    <a
      href={target.href}
      aria-label={target.label}
      data-platform={target.platform}
      {...(external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
      className={withName ? `${button} w-full` : `${button} px-3`}
    >
      <Icon name={target.platform} />
      {withName && <span>{target.name}</span>}
    </a>
  );
}

/**
 * Takes its data as one object: a page with two controls passes the same object to both, and the RSC
 * payload then carries it once.
 */
export function ShareControl({
  share,
  withPanel,
}: {
  share: ShareData;
  /** The page's first control: the one that works without JavaScript. */ withPanel: boolean;
}) {
  const { copyUrl, targets, labels } = share;
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const urlRef = useRef<HTMLInputElement>(null);
  // False on the server and while hydrating, true in the browser's renders after that.
  const hydrated = useSyncExternalStore(noSubscription, inBrowser, onServer);
  const [status, setStatus] = useState('');

  async function open(event: MouseEvent) {
    event.preventDefault();
    const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? location.href;
    const data = {
      title: pageMeta('property="og:title"'),
      text: pageMeta('name="description"'),
      url: trackedUrl(canonical, 'native'),
    };
    if (typeof navigator.share === 'function' && navigator.canShare?.(data)) {
      try {
        await navigator.share(data);
        return;
      } catch (error) {
        if ((error as Error).name === 'AbortError') return;
      }
    }
    setStatus('');
    // A modal <dialog> makes the page behind inert, closes on Esc, and on closing gives focus back
    // to what had it before (the trigger): no focus trap, Esc or restore handler of our own.
    dialogRef.current?.showModal();
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(copyUrl);
      setStatus(labels.copied);
    } catch {
      urlRef.current?.focus();
      urlRef.current?.select();
      setStatus(labels.copyFallback);
    }
  }

  return (
    <div className="flex flex-wrap items-start gap-2" data-share>
      {withPanel ? (
        <details className="group" id={SHARE_PANEL_ID}>
          <summary
            onClick={(event) => void open(event)}
            aria-haspopup="dialog"
            className={`${button} cursor-pointer list-none [&::-webkit-details-marker]:hidden`}
          >
            <Icon name="share" />
            {labels.share}
          </summary>
          {/* Without JavaScript the summary opens this panel: every platform and the link to copy by hand. */}
          <div
            className="mt-2 grid gap-2 rounded-lg border border-rule bg-paper p-3 sm:grid-cols-2"
            aria-label={labels.more}
            role="group"
          >
            {targets.map((target) => (
              <TargetLink key={target.platform} target={target} withName />
            ))}
            <label className="text-kicker text-muted sm:col-span-2">
              {labels.urlLabel}
              <input
                readOnly
                value={copyUrl}
                dir="ltr"
                className="mt-1 w-full rounded border border-rule bg-wash px-2 py-1 text-meta text-ink"
              />
            </label>
          </div>
        </details>
      ) : (
        // Without JavaScript this goes to the page's first control, whose panel has every link.
        <a href={`#${SHARE_PANEL_ID}`} onClick={(event) => void open(event)} aria-haspopup="dialog" className={button}>
          <Icon name="share" />
          {labels.share}
        </a>
      )}
      {targets
        .filter((target) => ONE_TAP.includes(target.platform))
        .map((target) => (
          <TargetLink key={target.platform} target={target} withName={false} />
        ))}
      {hydrated && (
        <dialog
          ref={dialogRef}
          aria-labelledby={`${id}-title`}
          className="m-auto w-[min(28rem,calc(100%-2rem))] rounded-xl bg-paper p-5 text-ink shadow-xl backdrop:bg-ink/60"
        >
          <h2 id={`${id}-title`} className="font-display text-title-sm font-bold">
            {labels.share}
          </h2>
          <ul className="mt-4 grid grid-cols-2 gap-2">
            {targets.map((target) => (
              <li key={target.platform}>
                <TargetLink target={target} withName />
              </li>
            ))}
          </ul>
          <div className="mt-4 flex flex-col gap-2">
            <button type="button" onClick={() => void copy()} className={button}>
              <Icon name="copy" />
              {labels.copy}
            </button>
            <label className="text-kicker text-muted">
              {labels.urlLabel}
              <input
                ref={urlRef}
                readOnly
                value={copyUrl}
                dir="ltr"
                className="mt-1 w-full rounded border border-rule bg-wash px-2 py-1 text-meta text-ink"
              />
            </label>
            <p role="status" aria-live="polite" className="min-h-6 font-display text-meta font-bold text-accent">
              {status}
            </p>
          </div>
          <button type="button" onClick={() => dialogRef.current?.close()} className={`${button} mt-2`}>
            {labels.close}
          </button>
        </dialog>
      )}
    </div>
  );
}
