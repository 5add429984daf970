import fs from 'node:fs';

/**
 * The browser our tests and benchmarks drive: Debian's Chromium where it is installed, with the flags
 * this closed network needs; elsewhere `undefined`, and Playwright or Lighthouse bring their own.
 */
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export const chromiumPath = fs.existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined;

export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
