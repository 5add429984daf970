// @ts-check
/**
 * Imported first by server.mjs: on a Node.js older than the oldest supported line the server stops at once with a
 * sentence that says why, rather than later with "No such built-in module: node:sqlite" from the content index.
 * The supported lines and why are in docs/adr/0022-node-24-and-26-not-20.md; scripts/node.sh fetches a supported Node.
 */
const OLDEST_SUPPORTED_NODE = 24;

const major = Number(process.versions.node.split('.')[0]);
if (major < OLDEST_SUPPORTED_NODE) {
  console.error(
    `Sahifa needs Node.js ${OLDEST_SUPPORTED_NODE} or newer (26 recommended); this is ${process.version}. ` +
      'npm run serve fetches a supported Node by itself (README, "Runtimes").',
  );
  process.exit(1);
}
