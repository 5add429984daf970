/**
 * Runs once when a server process starts, before it takes requests: open the content index now, so problems are logged
 * at start.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { formatProblem, getContent } = await import('./lib/content');
    const { health } = await import('./lib/ops/health.mjs');
    const { log } = await import('./lib/ops/log.mjs');
    const { gaugeOnScrape } = await import('./lib/ops/metrics.mjs');
    const { locales } = await import('./lib/locales');
    const content = getContent();
    try {
      await content.ready();
    } catch (error) {
      health().content = 'failed';
      throw error;
    }
    health().content = 'ready';
    for (const problem of await content.problems())
      log().error('content.problem', `[content] ${formatProblem(problem)}`, { ...problem });
    gaugeOnScrape(
      'sahifa_index_stories',
      'Published stories in the content index, by edition',
      ['locale'],
      async (gauge) => {
        for (const locale of locales) gauge.set({ locale }, (await content.latest(locale, 0, 0)).total);
      },
    );
    gaugeOnScrape(
      'sahifa_index_scan_folders',
      'Story folders found and examined by the current or last scan of the content folder',
      ['state'],
      (gauge) => {
        const { found, examined, scanning } = content.scanProgress();
        gauge.set({ state: 'found' }, found);
        gauge.set({ state: 'examined' }, examined);
        gauge.set({ state: 'scanning' }, scanning ? 1 : 0);
      },
    );
    // server.mjs answers live pages' polls with this, before Next (lib/live-poll.ts).
    const { answerLivePoll, LIVE_POLL_ANSWERER } = await import('./lib/live-poll');
    (globalThis as Record<symbol, unknown>)[LIVE_POLL_ANSWERER] = answerLivePoll;
    // Not awaited: a server starts and serves whether or not Redis answers yet.
    if (process.env.REDIS_URL) void (await import('./lib/fleet')).joinFleet(content);
    if (!process.env.PREVIEW_SECRET)
      log().warn('preview.no_secret', '[preview] PREVIEW_SECRET is not set: preview links are off');
    if (!process.env.REVALIDATE_SECRET)
      log().warn('publish.no_secret', '[publish] REVALIDATE_SECRET is not set: the publish hook refuses every call');
  }
}
