/**
 * Loaded into the benchmark's server with `--require` (and `--expose-gc`): on SIGUSR2 it collects
 * garbage and writes the live heap and the resident memory to HEAP_PROBE_FILE, so a benchmark can tell
 * memory the server keeps from garbage it has not collected yet. Never part of the site.
 */
const fs = require('node:fs');

process.on('SIGUSR2', () => {
  global.gc();
  const { heapUsed, external, rss } = process.memoryUsage();
  fs.writeFileSync(process.env.HEAP_PROBE_FILE, JSON.stringify({ heapUsed, external, rss }));
});
