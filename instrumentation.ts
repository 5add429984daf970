/** Runs once when a server process starts: open the content index now, so problems are logged at start. */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { formatProblem, getContent } = await import('./lib/content');
    const content = getContent();
    await content.ready();
    for (const problem of await content.problems()) console.error(`[content] ${formatProblem(problem)}`);
    // Not awaited: a server starts and serves whether or not Redis answers yet.
    if (process.env.REDIS_URL) void (await import('./lib/fleet')).joinFleet(content);
    if (!process.env.PREVIEW_SECRET) console.warn('[preview] PREVIEW_SECRET is not set: preview links are off');
    if (!process.env.REVALIDATE_SECRET) console.warn('[publish] REVALIDATE_SECRET is not set: the publish hook refuses every call');
  }
}
