/**
 * The browser the tests drive: Debian's Chromium and its flags, defined with the scripts' helpers (benches use them
 * too).
 */
export { chromiumFlags, chromiumPath } from '../scripts/shared/chromium';
