'use client';

import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';

/**
 * Sets a page's 404 from inside a Suspense boundary (components/layout/NotFound.tsx): it throws while the
 * server renders, so the HTML keeps the boundary's fallback, the localized page; in the browser it draws the
 * same page. Thrown by a server component instead, the browser would throw again after hydrating and draw
 * the segment's not-found.tsx, which Next then writes into every page's RSC payload (3 KB of each story).
 */
export function NotFoundSignal({ children }: { children: ReactNode }) {
  if (typeof window === 'undefined') notFound();
  return children;
}
