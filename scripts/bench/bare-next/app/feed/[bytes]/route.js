import fs from 'node:fs';

/**
 * The reference for a feed: a static route handler (what a feed is in Next) answering RSS of the seed
 * story's text, `bytes` long, one per size the bench asks for (BARE_FEED_SIZES), built at build time.
 */
const text = fs.readFileSync(process.env.BARE_SEED_FILE, 'utf8').split('\n').filter(Boolean);
const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return (process.env.BARE_FEED_SIZES ?? '')
    .split(',')
    .filter(Boolean)
    .map((bytes) => ({ bytes }));
}

export async function GET(_request, { params }) {
  const { bytes } = await params;
  let xml = '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>bare</title>';
  for (let i = 0; Buffer.byteLength(xml) < Number(bytes) - 30; i++)
    xml += `<item><title>${escape(text[i % text.length])}</title></item>`;
  xml += '</channel></rss>';
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}
