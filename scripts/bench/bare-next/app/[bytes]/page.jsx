import fs from 'node:fs';

/**
 * The reference pages: the seed story's text in paragraphs until the HTML is `bytes` long, one static
 * page per size the bench asks for (BARE_PAGE_SIZES), rendered at build and served from the cache.
 */
const text = fs.readFileSync(process.env.BARE_SEED_FILE, 'utf8').split('\n').filter(Boolean);

export const dynamicParams = false;

export function generateStaticParams() {
  return process.env.BARE_PAGE_SIZES.split(',').map((bytes) => ({ bytes }));
}

export default async function Page({ params }) {
  const { bytes: target } = await params;
  const paragraphs = [];
  // The RSC payload repeats the text with JSON escapes (measured: HTML ≈ 2.2 × text + 8 KB).
  for (let bytes = 0, i = 0; bytes < (Number(target) - 8000) / 2.2; i++) {
    const line = text[i % text.length];
    paragraphs.push(<p key={i}>{line}</p>);
    bytes += Buffer.byteLength(line) + 7;
  }
  return <main>{paragraphs}</main>;
}
