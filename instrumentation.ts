/** Runs once when a server process starts: load the content index now, so problems are logged at start. */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { getContent } = await import('./lib/content');
    getContent();
    if (!process.env.PREVIEW_SECRET) console.warn('[preview] PREVIEW_SECRET is not set: preview links are off');
    if (!process.env.REVALIDATE_SECRET) console.warn('[publish] REVALIDATE_SECRET is not set: the publish hook refuses every call');
  }
}
