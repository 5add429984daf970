// @ts-check
/**
 * The server's log: one line per event, from pino. `LOG_FORMAT=json` writes JSON lines for a log
 * pipeline (level, time, event, msg and the event's fields); otherwise one readable line each
 * (pino-pretty), for a terminal. LOG_LEVEL (default info) filters both.
 *
 * Every event has a name (`event`: `cache.redis_up`, `publish.done`, …) that a pipeline can match on;
 * the message says the same in words. A field never holds a secret, a signature or a cookie: requests
 * are logged by path alone (see accessLogFields).
 *
 * One logger per process: Next bundles lib/ code into each route, and server.mjs loads it again,
 * so the instance lives on globalThis like the content source.
 */
import { format } from 'node:util';
import pino from 'pino';
import pretty from 'pino-pretty';

const LOGGER = Symbol.for('sahifa.logger');

/**
 * @typedef {'debug' | 'info' | 'warn' | 'error'} Level
 * @typedef {{ (event: string, message: string, fields?: Record<string, unknown>): void }} LogFunction
 * @typedef {{ debug: LogFunction, info: LogFunction, warn: LogFunction, error: LogFunction, pino: import('pino').Logger }} Log
 */

/** @param {NodeJS.ProcessEnv} env */
function createPino(env) {
  const options = { level: env.LOG_LEVEL ?? 'info', base: undefined, timestamp: pino.stdTimeFunctions.isoTime };
  if (env.LOG_FORMAT === 'json') return pino({ ...options, formatters: { level: (label) => ({ level: label }) } });
  return pino(
    options,
    pretty({
      sync: true,
      singleLine: true,
      colorize: Boolean(process.stdout.isTTY),
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'event',
    }),
  );
}

/** @param {import('pino').Logger} instance @returns {Log} */
function wrap(instance) {
  /** @param {Level} level @returns {LogFunction} */
  const at = (level) => (event, message, fields) => instance[level]({ event, ...fields }, message);
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), pino: instance };
}

/** The process's logger. */
export function log() {
  const state = /** @type {any} */ (globalThis);
  state[LOGGER] ??= wrap(createPino(process.env));
  return /** @type {Log} */ (state[LOGGER]);
}

/**
 * Lines the Redis cache library writes on its own for every failed call while Redis is down, slow or
 * full (hundreds a minute under load). The shared cache logs each state change once instead
 * (lib/cache/shared-cache.mjs), so these go to debug.
 */
const LIBRARY_NOISE =
  /^(Redis client error|Failed to (re)?connect Redis client|Subscriber (client error|reconnect attempt)|Failed to connect subscriber|Error (setting up pub\/sub client|during (initial sync|periodic resync|cleanup))|Failed to setup SyncedMap|RedisStringsHandler|Error occurred while unlinking)/;

/** Control characters (escape sequences, carriage returns) that a URL in a message could carry. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * A message printed by Next or a library may quote what a stranger sent (a URL): its control
 * characters are written as escapes, and in the text format every line after the first is indented, so
 * no message can draw a line that looks like another event.
 * @param {string} text
 * @param {boolean} json
 */
export function containMessage(text, json) {
  const escaped = text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return json ? escaped : escaped.replace(/\n/g, '\n    ');
}

/**
 * Sends what Next and libraries print with console.* through the logger, one event per call, so a
 * JSON log stays one JSON object per line (a stack trace included, as a field).
 */
export function routeConsoleThroughLog() {
  const logger = log();
  const json = process.env.LOG_FORMAT === 'json';
  /** @type {[keyof Console & ('log' | 'info' | 'warn' | 'error' | 'debug'), Level][]} */
  const methods = [
    ['log', 'info'],
    ['info', 'info'],
    ['debug', 'debug'],
    ['warn', 'warn'],
    ['error', 'error'],
  ];
  for (const [method, level] of methods) {
    console[method] = (...args) => {
      const text = containMessage(format(...args), json);
      if (LIBRARY_NOISE.test(text)) logger.debug('redis.library', text.split('\n', 1)[0]);
      else logger[level]('console', text);
    };
  }
}
