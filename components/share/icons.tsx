import type { Platform } from '@/lib/share';
import type { StaticImageData } from 'next/image';
import sprite from './icons.svg';

type IconName = Platform | 'share' | 'copy';

/**
 * Small icons from one sprite file, which the browser caches once for every page: drawn inline, the
 * eighteen icons of a story page's two share controls weighed 6.6 KB of its HTML. Brand marks keep
 * their shape in both directions; the share arrow is directional and mirrors in RTL (`icon-directional`).
 */
export function Icon({ name }: { name: IconName }) {
  return (
    <svg
      viewBox="0 0 24 24"
      width="20"
      height="20"
      aria-hidden="true"
      focusable="false"
      className={name === 'share' ? 'icon-directional' : undefined}
    >
      <use href={`${(sprite as StaticImageData).src}#${name}`} />
    </svg>
  );
}
