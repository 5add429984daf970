import { ImageResponse } from 'next/og';
import { renderShareCardSvg, SHARE_CARD_SIZE, svgToDataUri, type ShareCardText } from '@/lib/og';

const IMMUTABLE = { 'Cache-Control': 'public, max-age=31536000, immutable' };

/**
 * The share card as a PNG. The text is already shaped into glyph outlines (lib/og), because
 * ImageResponse itself would lay Arabic out left to right and unjoined.
 * The URL carries the card's version, so the picture behind it never changes: cache it for good
 * (a draft's card in preview is the exception, and says so in its headers).
 */
export async function shareImageResponse(
  card: ShareCardText,
  headers: Record<string, string> = IMMUTABLE,
): Promise<ImageResponse> {
  const { svg } = await renderShareCardSvg(card);
  return new ImageResponse(
    // eslint-disable-next-line @next/next/no-img-element
    <img src={svgToDataUri(svg)} width={SHARE_CARD_SIZE.width} height={SHARE_CARD_SIZE.height} alt="" />,
    {
      ...SHARE_CARD_SIZE,
      headers,
    },
  );
}
