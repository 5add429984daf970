import fs from 'node:fs/promises';
import path from 'node:path';
import { mediaDir } from './site';

const WORDPRESS_PICTURES = '/images/wp/';
const publicDir = path.join(/*turbopackIgnore: true*/ process.cwd(), 'public');

/**
 * How many bytes a story's picture is (the file its `src` names: under public/, or a WordPress picture's
 * copy under MEDIA_DIR), for the lite page's "show the picture (245 kilobytes)"; undefined when it is missing.
 */
export async function pictureBytes(src: string): Promise<number | undefined> {
  const file = src.startsWith(WORDPRESS_PICTURES) ? path.join(mediaDir, path.basename(src)) : path.join(publicDir, src);
  try {
    return (await fs.stat(file)).size;
  } catch {
    return undefined;
  }
}
