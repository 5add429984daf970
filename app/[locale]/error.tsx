'use client';
import { ServerError, useErrorLocale } from '@/components/layout/ServerError';

/** A page that threw: the layout (html lang and dir, fonts, footer) stays; the page becomes the edition's error page. */
export default function PageError() {
  return <ServerError locale={useErrorLocale()} />;
}
