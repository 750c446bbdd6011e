import { Logger } from '@nestjs/common';
import { Redis, type RedisOptions } from 'ioredis';

/**
 * What a connection is for. Each role gets the failure behaviour it needs
 * while Redis is away:
 * - `publish` (live updates after a commit) and `enqueue` (adding jobs,
 *   reading the book) fail at once once Redis has gone away: the caller
 *   answers (a live update is logged as not sent, a batch as
 *   SERVICE_UNAVAILABLE) and nothing piles up in memory waiting;
 * - `subscribe` and `worker` wait and reconnect: they hold no caller, and
 *   BullMQ's blocking commands need to retry forever.
 */
export type RedisRole = 'publish' | 'subscribe' | 'enqueue' | 'worker';

const FAIL_FAST: ReadonlySet<RedisRole> = new Set(['publish', 'enqueue']);

/** A Redis connection for one role, named in CLIENT LIST, with its errors logged (at most one line per 10 s). */
export function redisConnection(url: string, role: RedisRole): Redis {
  const failFast = FAIL_FAST.has(role);
  const options: RedisOptions = {
    connectionName: `stance-graph-${role}`,
    // Until the first connection, commands wait for it (a replica's first request may come
    // first); after one failed reconnection they are given up.
    maxRetriesPerRequest: failFast ? 1 : null,
    // A Redis that accepts the connection but does not answer (paused, overloaded) fails these too.
    ...(failFast ? { commandTimeout: 5_000 } : {}),
    // Reconnect with back-off, capped at 5 s, for as long as the process runs.
    retryStrategy: (times) => Math.min(100 * 2 ** Math.min(times, 6), 5_000),
  };
  const connection = new Redis(url, options);
  // Once connected, a fail-fast connection queues nothing while Redis is away.
  if (failFast) connection.once('ready', () => (connection.options.enableOfflineQueue = false));
  const logger = new Logger(`Redis ${role}`);
  let lastLogged = 0;
  connection.on('error', (error: Error) => {
    if (Date.now() - lastLogged < 10_000) return;
    lastLogged = Date.now();
    logger.warn(`${error.message} (reconnecting)`);
  });
  return connection;
}

/**
 * Closes a connection: QUIT, so that Redis finishes what it was sent, but no
 * longer than a second (a Redis that is away would hold it), then the socket
 * is dropped and reconnecting stops.
 */
export async function closeRedis(connection: Redis): Promise<void> {
  await Promise.race([
    connection.quit().catch(() => undefined),
    new Promise((resolve) => setTimeout(resolve, 1000).unref()),
  ]);
  connection.disconnect();
}
