/** Runs once when a server process starts: load the content index now, so problems are logged at start. */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { getContent } = await import('./lib/content');
    getContent();
  }
}
