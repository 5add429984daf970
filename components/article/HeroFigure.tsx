import { getTranslations } from 'next-intl/server';
import type { StoryImage } from '@/lib/content/schema';
import type { Locale } from '@/lib/locales';
import { LitePicture } from '@/components/lite/LitePicture';
import { isLite } from '@/components/lite/render-mode';
import { ResponsiveImage } from './ResponsiveImage';

export async function HeroFigure({ image, locale }: { image: StoryImage; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'story' });
  return (
    <figure className="my-6">
      {isLite() ? (
        <LitePicture image={image} locale={locale} />
      ) : (
        <ResponsiveImage
          src={image.src}
          alt={image.alt}
          width={image.width}
          height={image.height}
          sizes="(min-width: 800px) 768px, 100vw"
          preload
          className="h-auto w-full rounded-sm bg-wash"
        />
      )}
      {(image.caption || image.credit) && (
        <figcaption className="mt-2 text-meta text-muted">
          {image.caption}
          {image.caption && image.credit && t('creditSeparator')}
          {/* No line height of its own: a second face in the line would change the line's height when it arrives. */}
          {image.credit && <span className="font-display leading-0 font-bold">{image.credit}</span>}
        </figcaption>
      )}
    </figure>
  );
}
