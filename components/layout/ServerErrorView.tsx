import type { Locale } from '@/lib/locales';
import { paths } from '@/lib/paths';

export interface ServerErrorText {
  title: string;
  body: string;
  retry: string;
  backHome: string;
}

/**
 * The message of the error page as markup only, so the prerendered page and the browser's last-resort page draw the
 * same.
 */
export function ServerErrorView({ locale, text }: { locale: Locale; text: ServerErrorText }) {
  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-measure px-4 py-16 sm:px-6">
      <h1 className="font-display text-title-lg font-bold">{text.title}</h1>
      <p className="mt-4 text-body">{text.body}</p>
      <p className="mt-6 flex flex-wrap gap-x-6 gap-y-2">
        {/* Plain links: "again" is this same address, whichever page failed; both work without JavaScript. */}
        <a href="" className="font-bold text-accent underline">
          {text.retry}
        </a>
        <a href={paths.home(locale)} className="font-bold text-accent underline">
          {text.backHome}
        </a>
      </p>
    </main>
  );
}
