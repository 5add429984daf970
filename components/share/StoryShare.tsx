import { cache } from 'react';
import { getTranslations } from 'next-intl/server';
import type { StorySummary } from '@/lib/content';
import { paths } from '@/lib/paths';
import { platforms, trackedUrl } from '@/lib/share';
import { absoluteUrl } from '@/lib/site';
import { ShareControl, type ShareData } from './ShareControl.island';

/**
 * The share links, built on the server so they are in the HTML before any JavaScript runs; once per
 * render, so the page's two controls share one object (and one copy in the RSC payload).
 * Web platforms go through the story's own share redirect: a platform link carries the headline
 * percent-encoded (about 0.5 KB in Arabic) and a story page shows sixteen of them; through the
 * redirect each is 60 bytes; email too (a `mailto:` link with the headline is 0.7 KB). The title and
 * summary for the device's share sheet are the page's own OpenGraph tags, read in the browser.
 */
const shareData = cache(async (story: StorySummary): Promise<ShareData> => {
  const t = await getTranslations({ locale: story.locale, namespace: 'share' });
  const url = absoluteUrl(paths.story(story.locale, story.slug));
  return {
    copyUrl: trackedUrl(url, 'copy_link'),
    targets: platforms.map((platform) => ({
      platform,
      href: paths.storyShare(story.locale, story.slug, platform),
      name: t(`names.${platform}`),
      label: t(`labels.${platform}`),
    })),
    labels: {
      share: t('button'),
      more: t('more'),
      close: t('close'),
      copy: t('copy'),
      copied: t('copied'),
      copyFallback: t('copyFallback'),
      urlLabel: t('urlLabel'),
    },
  };
});

/**
 * `withPanel` on the page's first control: its panel lists every link for readers without JavaScript, and later ones
 * link to it.
 */
export async function StoryShare({ story, withPanel = false }: { story: StorySummary; withPanel?: boolean }) {
  return <ShareControl share={await shareData(story)} withPanel={withPanel} />;
}
