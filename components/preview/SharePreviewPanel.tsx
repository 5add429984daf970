import { getTranslations } from 'next-intl/server';
import type { StorySummary } from '@/lib/content';
import { paths } from '@/lib/paths';
import { siteUrl } from '@/lib/site';

interface Props {
  story: StorySummary;
  /** The draft's share image, as the page's og:image names it. */
  imagePath: string;
}

function CardImage({ src }: { src: string }) {
  // eslint-disable-next-line @next/next/no-img-element
  return <img src={src} alt="" width={1200} height={630} className="block h-auto w-full bg-wash" />;
}

/**
 * The draft's card as three platforms would unfurl it: the editor checks headline, summary and picture before
 * publishing.
 */
export async function SharePreviewPanel({ story, imagePath }: Props) {
  const t = await getTranslations({ locale: story.locale, namespace: 'preview' });
  const host = siteUrl.host;
  const url = paths.story(story.locale, story.slug);
  return (
    <section
      aria-labelledby="when-shared"
      className="mx-auto mt-12 max-w-page border-t-4 border-ink px-4 pt-4 sm:px-6"
      data-share-preview
    >
      <h2 id="when-shared" className="font-display text-title-md font-bold">
        {t('whenShared')}
      </h2>
      <p className="mt-1 text-meta text-muted">{t('whenSharedIntro')}</p>
      <div className="mt-4 grid gap-6 md:grid-cols-3">
        <figure data-platform="x">
          <figcaption className="mb-2 text-kicker font-bold text-muted">{t('platformX')}</figcaption>
          <div className="overflow-hidden rounded-2xl border border-rule">
            <CardImage src={imagePath} />
          </div>
          <p className="mt-1 text-kicker text-muted" dir="ltr">
            {host}
          </p>
          <p className="text-meta font-bold">{story.title}</p>
        </figure>
        <figure data-platform="facebook">
          <figcaption className="mb-2 text-kicker font-bold text-muted">{t('platformFacebook')}</figcaption>
          <div className="overflow-hidden border border-rule">
            <CardImage src={imagePath} />
            <div className="bg-wash px-3 py-2">
              <p className="text-kicker text-muted uppercase" dir="ltr">
                {host}
              </p>
              <p className="text-meta font-bold">{story.title}</p>
              <p className="line-clamp-1 text-kicker text-muted">{story.summary}</p>
            </div>
          </div>
        </figure>
        <figure data-platform="whatsapp">
          <figcaption className="mb-2 text-kicker font-bold text-muted">{t('platformWhatsapp')}</figcaption>
          <div className="rounded-lg bg-[#d9fdd3] p-1.5">
            <div className="overflow-hidden rounded-md bg-[#f0f2f5]">
              <CardImage src={imagePath} />
              <div className="px-2 py-1.5">
                <p className="text-meta font-bold">{story.title}</p>
                <p className="line-clamp-2 text-kicker text-muted">{story.summary}</p>
                <p className="text-kicker text-muted" dir="ltr">
                  {host}
                </p>
              </div>
            </div>
            <p className="px-1 pt-1 text-kicker break-all text-[#027eb5]" dir="ltr">
              {`${siteUrl.origin}${url}`}
            </p>
          </div>
        </figure>
      </div>
    </section>
  );
}
