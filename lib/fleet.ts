/**
 * Publishing reaches every server. The server that takes the hook re-reads the stories, tells the
 * others over Redis which ones changed, and waits (at most ACK_WAIT_MS) until each has re-read them
 * into its own index; only then are the shared cache's pages revalidated, once for the fleet, so no
 * server renders an old story back into it. Without REDIS_URL there is one server and nothing to tell.
 */
import { randomUUID } from 'node:crypto';
import { commandOptions, createClient } from 'redis';
import { normalizeSlugs, type ContentSource } from './content';
import { log } from './ops/log.mjs';
import { metrics } from './ops/metrics.mjs';
import { throttledWarning } from './throttled-log';

const CHANNEL = 'sahifa:publish';
const ACK_WAIT_MS = 1500;
const ACK_TTL_SECONDS = 60;
const SERVER_ID = randomUUID();

type Message = { id: string; from: string; slugs: string[] } | { id: string; from: string; all: true };

const STATE = Symbol.for('sahifa.fleet');
type Client = ReturnType<typeof createClient>;
const processState = globalThis as typeof globalThis & { [STATE]?: { publisher: Client; up: boolean } };

const reconnect = (retries: number) => Math.min(250 * 2 ** retries, 5000);
const warnMalformed = throttledWarning(
  'publish.malformed_message',
  '[publish] ignored a message on the publish channel',
);

/**
 * A message from the channel, or null: anyone who can write to the Redis can publish there, so only
 * well-formed story slugs are taken.
 */
export function parseMessage(raw: string): Message | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object') return null;
  const { id, from, all, slugs } = value as Record<string, unknown>;
  if (typeof id !== 'string' || typeof from !== 'string') return null;
  if (all === true) return { id, from, all };
  const valid = Array.isArray(slugs) ? normalizeSlugs(slugs) : null;
  return valid && { id, from, slugs: valid };
}

/** At start: listen for other servers' publishes, and catch up with the folder after any gap. */
export async function joinFleet(content: ContentSource) {
  const url = process.env.REDIS_URL;
  if (!url || processState[STATE]) return;
  const subscriber = createClient({ url, socket: { connectTimeout: 1000, reconnectStrategy: reconnect } });
  const publisher = subscriber.duplicate();
  const state = { publisher, up: false };
  processState[STATE] = state;
  let everConnected = false;
  subscriber.on('ready', () => {
    if (state.up) return;
    state.up = true;
    metrics().redisUp.set({ connection: 'publish' }, 1);
    log().info('publish.redis_up', '[publish] Redis reachable: publishes reach every server');
    // Messages sent while this server could not hear them are lost: the folder says what changed.
    if (everConnected) void content.rescan();
    everConnected = true;
  });
  subscriber.on('error', () => {
    if (!state.up) return;
    state.up = false;
    metrics().redisUp.set({ connection: 'publish' }, 0);
    log().error(
      'publish.redis_down',
      '[publish] Redis unreachable: publishes on other servers reach this one when it returns',
    );
  });
  publisher.on('error', () => {});
  // As long as the page cache waits (lib/cache/shared-cache.mjs): a busy start holds the event loop for seconds.
  const unreachable = setTimeout(() => {
    if (!state.up)
      log().error(
        'publish.redis_down',
        '[publish] Redis unreachable at start: publishes on other servers reach this one when it returns',
      );
  }, 5000);
  unreachable.unref();
  // Both keep trying in the background (reconnectStrategy); commands wait for the connection.
  publisher.connect().catch(() => {});
  await subscriber.connect().catch(() => {});
  await subscriber
    .subscribe(CHANNEL, async (raw) => {
      const message = parseMessage(raw);
      if (!message) return void warnMalformed('not a publish message');
      if (message.from === SERVER_ID) return;
      metrics().fleetMessages.inc({ direction: 'received' });
      if ('all' in message) await content.rescan();
      else await content.reload(message.slugs);
      await publisher.rPush(`${CHANNEL}:ack:${message.id}`, SERVER_ID).catch(() => {});
      await publisher.expire(`${CHANNEL}:ack:${message.id}`, ACK_TTL_SECONDS).catch(() => {});
    })
    .catch(() => {});
}

/**
 * Tells every other server to re-read these stories (or the whole folder) and waits for each to say
 * it has. Resolves with how many heard and answered; with Redis unreachable, with nothing.
 */
export async function tellOtherServers(
  what: { slugs: string[] } | { all: true },
): Promise<{ servers: number; answered: number } | undefined> {
  const state = processState[STATE];
  if (!state?.up) return undefined;
  const id = randomUUID();
  try {
    // Every server's subscriber hears it, this one's included.
    const others = (await state.publisher.publish(CHANNEL, JSON.stringify({ id, from: SERVER_ID, ...what }))) - 1;
    metrics().fleetMessages.inc({ direction: 'sent' });
    metrics().fleetAcks.inc({ result: 'told' }, others);
    let answered = 0;
    const deadline = Date.now() + ACK_WAIT_MS;
    while (answered < others && Date.now() < deadline) {
      const seconds = Math.max((deadline - Date.now()) / 1000, 0.01);
      if (await state.publisher.blPop(commandOptions({ isolated: true }), `${CHANNEL}:ack:${id}`, seconds)) answered++;
    }
    metrics().fleetAcks.inc({ result: 'answered' }, answered);
    return { servers: others, answered };
  } catch {
    return undefined;
  }
}
