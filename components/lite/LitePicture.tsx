import { getTranslations } from 'next-intl/server';
import type { StoryImage } from '@/lib/content/schema';
import { formatKilobytes } from '@/lib/dates';
import type { Locale } from '@/lib/locales';
import { pictureBytes } from '@/lib/pictures';

/** A lite page's picture: loaded only when the reader asks, knowing what it costs. */
export async function LitePicture({ image, locale }: { image: StoryImage; locale: Locale }) {
  const bytes = await pictureBytes(image.src);
  if (bytes === undefined) return null;
  const t = await getTranslations({ locale, namespace: 'lite' });
  return (
    <a
      href={image.src}
      className="inline-flex min-h-11 items-center rounded-sm border border-rule px-4 text-meta font-bold text-accent underline"
    >
      {t('showPicture', { size: formatKilobytes(bytes, locale) })}
      <span className="sr-only">{t('pictureOf', { alt: image.alt })}</span>
    </a>
  );
}
