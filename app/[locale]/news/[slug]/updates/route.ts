import { answerLivePoll } from '@/lib/live-poll';

export const dynamic = 'force-dynamic';

/** What an open live page polls (lib/live-poll.ts). server.mjs answers it before Next once it can. */
export async function GET(request: Request, { params }: RouteContext<'/[locale]/news/[slug]/updates'>) {
  const { locale, slug } = await params;
  const { status, cacheControl, body } = await answerLivePoll(locale, slug, new URL(request.url).searchParams);
  return Response.json(body, { status, headers: { 'Cache-Control': cacheControl } });
}
