import fs from 'node:fs/promises';
import path from 'node:path';
import { mediaDir } from '@/lib/site';

/**
 * Pictures of stories from WordPress, copied to this server when the story was taken in
 * (lib/content/wordpress/store.ts): served from this origin, so the CSP's `img-src 'self'` holds and a
 * reader's page never asks WordPress for anything. Under /images/, the one folder the image optimizer serves.
 */
const FILE = /^(\d{1,12})\.(webp|avif|png|jpe?g|gif)$/;
const TYPES: Record<string, string> = {
  webp: 'image/webp',
  avif: 'image/avif',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
};

export async function GET(_request: Request, { params }: RouteContext<'/images/wp/[file]'>) {
  const { file } = await params;
  const match = FILE.exec(file);
  const notFound = () =>
    new Response('Not Found', { status: 404, headers: { 'Cache-Control': 'public, max-age=0, s-maxage=10' } });
  if (!match) return notFound();
  try {
    const bytes = await fs.readFile(path.join(mediaDir, file));
    return new Response(new Uint8Array(bytes), {
      headers: { 'Content-Type': TYPES[match[2]], 'Cache-Control': 'public, max-age=86400' },
    });
  } catch {
    return notFound();
  }
}
