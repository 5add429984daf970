'use client';
import { ServerError, useErrorLocale } from '@/components/layout/ServerError.island';
import { editions } from '@/lib/locales';
import './globals.css';

/**
 * The layout itself threw: this replaces it, so it draws the document, in the edition's language and
 * direction, with the system's faces (the layout that loads the web faces is what failed).
 */
export default function GlobalError() {
  const locale = useErrorLocale();
  return (
    <html lang={locale} dir={editions[locale].dir}>
      <body className="min-h-screen bg-paper font-body text-ink antialiased">
        <ServerError locale={locale} />
      </body>
    </html>
  );
}
