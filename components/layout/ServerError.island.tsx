'use client';
/**
 * The error page as the browser draws it, for app/global-error.tsx: what is left when the layout itself
 * fails in the browser. A page that fails on the server, the case that matters, is answered by the front
 * door with the prerendered app/[locale]/server-error, header and all, without JavaScript
 * (lib/http/error-page.mjs, docs/adr/0015). This one is kept small, since every page loads it: the
 * message and the way home, in the edition's words, fetched as their own chunk only when it is shown.
 */
import { useParams } from 'next/navigation';
import { use } from 'react';
import { messageLoaders, type Messages } from '@/i18n/messages';
import { localeOrDefault, type Locale } from '@/lib/locales';
import { ServerErrorView } from './ServerErrorView';

const loaded = new Map<Locale, Promise<Messages>>();
function messagesOf(locale: Locale): Promise<Messages> {
  let messages = loaded.get(locale);
  if (!messages) {
    messages = messageLoaders[locale]().then((module) => module.default);
    loaded.set(locale, messages);
  }
  return messages;
}

export function useErrorLocale(): Locale {
  return localeOrDefault(useParams<{ locale?: string }>()?.locale);
}

export function ServerError({ locale }: { locale: Locale }) {
  const m = use(messagesOf(locale));
  return (
    <>
      <title>{m.errors.serverTitle}</title>
      <ServerErrorView
        locale={locale}
        text={{
          title: m.errors.serverTitle,
          body: m.errors.serverBody,
          retry: m.errors.retry,
          backHome: m.notFound.backHome,
        }}
      />
    </>
  );
}
