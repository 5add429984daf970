import { getTranslations } from 'next-intl/server';
import type { StorySummary } from '@/lib/content';
import { paths } from '@/lib/paths';
import { platforms, shareLink, trackedUrl } from '@/lib/share';
import { absoluteUrl } from '@/lib/site';
import { ShareControl } from './ShareControl';

/** Builds the share links on the server, so they are in the HTML before any JavaScript runs. */
export async function StoryShare({ story }: { story: StorySummary }) {
  const t = await getTranslations({ locale: story.locale, namespace: 'share' });
  const shareable = { url: absoluteUrl(paths.story(story.locale, story.slug)), title: story.title, summary: story.summary };
  return (
    <ShareControl
      title={story.title}
      summary={story.summary}
      nativeUrl={trackedUrl(shareable.url, 'native')}
      copyUrl={trackedUrl(shareable.url, 'copy_link')}
      targets={platforms.map((platform) => ({
        platform,
        href: shareLink(platform, shareable),
        name: t(`names.${platform}`),
        label: t(`labels.${platform}`),
      }))}
      labels={{
        share: t('button'),
        more: t('more'),
        close: t('close'),
        copy: t('copy'),
        copied: t('copied'),
        copyFallback: t('copyFallback'),
        urlLabel: t('urlLabel'),
      }}
    />
  );
}
