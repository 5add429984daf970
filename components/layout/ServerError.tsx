'use client';
/**
 * The error page as the browser draws it, for app/global-error.tsx: what is left when the page's own
 * rendering fails in the browser. A page that fails on the server, the case that matters, is answered by
 * the front door with the prerendered app/[locale]/server-error, which needs no JavaScript
 * (lib/http/error-page.mjs, docs/adr/0014). Its words are the edition's messages, fetched as their own
 * chunk only when an error is shown, so no page pays for them.
 */
import { useParams } from 'next/navigation';
import { use } from 'react';
import { messageLoaders, type Messages } from '@/i18n/messages';
import { localeOrDefault, otherLocales, type Locale } from '@/lib/locales';
import { paths } from '@/lib/paths';
import { ServerErrorView } from './ServerErrorView';
import { SiteHeaderView } from './SiteHeaderView';

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
      <SiteHeaderView
        locale={locale}
        text={{ siteName: m.site.name, mainNav: m.site.mainNav, editions: m.language.editions, sections: m.sections, search: m.search }}
        editionLinks={otherLocales(locale).map((other) => ({ locale: other, href: paths.home(other) }))}
      />
      <ServerErrorView locale={locale} text={{ title: m.errors.serverTitle, body: m.errors.serverBody, retry: m.errors.retry, backHome: m.notFound.backHome }} />
    </>
  );
}
