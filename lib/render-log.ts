import { log } from './ops/log.mjs';

/**
 * With SAHIFA_LOG_RENDERS=1, each render of a page says so in the server log: how the many-servers
 * tests count regenerations (a page published once is rendered once for the whole fleet).
 */
export function logRender(path: string) {
  if (process.env.SAHIFA_LOG_RENDERS === '1') log().info('render', `[render] ${path}`, { path });
}
