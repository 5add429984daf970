import { describe, expect, it } from 'vitest';
import { renderShareCardSvg, shareCardVersion, type ShareCardText } from '@/lib/og';

const reference: ShareCardText = {
  locale: 'ar',
  brand: 'صحيفة',
  kicker: 'العالم',
  headline: 'وسط توتر العلاقة.. أرمينيا تجمد مشاركتها في التحالف العسكري مع روسيا',
  fallbackHeadline: 'أخبار',
  footer: 'الجمعة 25 أكتوبر / October 2024',
};

function pathCount(svg: string) {
  return (svg.match(/<path /g) ?? []).length;
}

describe('renderShareCardSvg', () => {
  it('draws a 1200×630 card of glyph outlines, with no text element a renderer could lay out wrongly', async () => {
    const card = await renderShareCardSvg(reference);
    expect(card.svg).toMatch(/^<svg [^>]*width="1200" height="630"/);
    expect(card.svg).not.toContain('<text');
    expect(pathCount(card.svg)).toBeGreaterThan(60);
    expect(card.truncated).toBe(false);
  });

  it('shrinks a long headline, then cuts it after three lines', async () => {
    const short = await renderShareCardSvg({ ...reference, headline: 'عنوان قصير' });
    const long = await renderShareCardSvg({ ...reference, headline: 'كلمة '.repeat(80) });
    expect(long.headlineSize).toBeLessThan(short.headlineSize);
    expect(long.truncated).toBe(true);
  });

  it('falls back to another line when nothing of the headline can be drawn', async () => {
    const emoji = await renderShareCardSvg({ ...reference, headline: '🎉🔥🌸', kicker: undefined });
    const plain = await renderShareCardSvg({ ...reference, headline: reference.fallbackHeadline, kicker: undefined });
    expect(pathCount(emoji.svg)).toBe(pathCount(plain.svg));
  });
});

describe('the age band', () => {
  const band = 'هذا الخبر نُشر قبل أكثر من سنتين';
  const bandRect =
    /<rect y="(\d+)" width="1200" height="(\d+)" fill="#1b1b1b"\/><g transform="translate\((\d+) (\d+)\)">(.*?)<\/g>/;

  it('runs across the card with its words in the middle, where a square crop of the card still shows them', async () => {
    const card = await renderShareCardSvg({ ...reference, band });
    const match = card.svg.match(bandRect)!;
    const [top, height, x] = match.slice(1, 4).map(Number);
    expect(top + height).toBe(630);
    expect(pathCount(match[5])).toBeGreaterThan(10);
    // Centred, and narrower than the square a chat may crop the card to (x from 285 to 915).
    expect(x).toBeGreaterThan(600 - 315);
    expect(x).toBeLessThan(600);
  });

  it('moves the headline, rule and date up, and draws as many glyphs again as the band has', async () => {
    const plain = await renderShareCardSvg(reference);
    const banded = await renderShareCardSvg({ ...reference, band });
    expect(plain.svg).not.toMatch(bandRect);
    expect(plain.svg).toContain('y="530"');
    expect(banded.svg).not.toContain('y="530"');
    expect(pathCount(banded.svg)).toBeGreaterThan(pathCount(plain.svg) + 20);
  });
});

describe('shareCardVersion', () => {
  it('is stable for the same card and changes with every text that can be drawn', () => {
    const base = shareCardVersion(reference);
    expect(shareCardVersion({ ...reference })).toBe(base);
    const changes: Partial<typeof reference>[] = [
      { headline: `${reference.headline}!` },
      { footer: 'السبت 26 أكتوبر / October 2024' },
      { kicker: 'علوم' },
      { brand: 'Sahifa' },
      { locale: 'en' },
      { locale: 'fa' },
      { fallbackHeadline: 'صحيفة' },
      { band: 'هذا الخبر نُشر قبل أكثر من سنتين' },
    ];
    for (const change of changes)
      expect(shareCardVersion({ ...reference, ...change }), JSON.stringify(change)).not.toBe(base);
    expect(base).toMatch(/^[0-9a-f]{12}$/);
  });
});
