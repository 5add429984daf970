/**
 * Share links for each platform, in the formats the platforms document. Every shared URL is the
 * canonical URL plus a source parameter, so the newsroom can tell where readers came from; the
 * canonical tag itself never carries one.
 */
export const platforms = ['whatsapp', 'telegram', 'x', 'facebook', 'linkedin', 'email'] as const;
export type Platform = (typeof platforms)[number];

export function isPlatform(value: string): value is Platform {
  return (platforms as readonly string[]).includes(value);
}

/** Sources for shares that are not a platform link: the device's share sheet and "copy link". */
export type ShareSource = Platform | 'native' | 'copy_link';

export interface ShareableStory {
  /** Absolute canonical URL, percent-encoded. */
  url: string;
  title: string;
}

export function trackedUrl(canonical: string, source: ShareSource): string {
  const url = new URL(canonical);
  url.searchParams.set('utm_source', source);
  url.searchParams.set('utm_medium', source === 'email' ? 'email' : 'social');
  return url.toString();
}

const enc = encodeURIComponent;

export function shareLink(platform: Platform, story: ShareableStory): string {
  const url = trackedUrl(story.url, platform);
  switch (platform) {
    case 'whatsapp':
      return `https://wa.me/?text=${enc(`${story.title}\n${url}`)}`;
    case 'telegram':
      return `https://t.me/share/url?url=${enc(url)}&text=${enc(story.title)}`;
    case 'x':
      return `https://x.com/intent/tweet?text=${enc(story.title)}&url=${enc(url)}`;
    case 'facebook':
      return `https://www.facebook.com/sharer/sharer.php?u=${enc(url)}`;
    case 'linkedin':
      return `https://www.linkedin.com/sharing/share-offsite/?url=${enc(url)}`;
    case 'email':
      return `mailto:?subject=${enc(story.title)}&body=${enc(url)}`;
  }
}
