import { EventEmitter } from 'node:events';
import { PubSub, PubSubEngine } from 'graphql-subscriptions';

/**
 * The one publish path for live updates: a graphql-subscriptions
 * PubSubEngine behind this token. The default is in memory, which serves one
 * process. Replicas share events by providing a shared engine instead, e.g.
 * graphql-redis-subscriptions (its RedisPubSub extends PubSubEngine):
 *
 *   { provide: PUBSUB, useFactory: () => new RedisPubSub({ connection: redisUrl }) }
 *
 * Nothing else changes: payloads are plain JSON objects (rows read after the
 * commit), and subscribers filter by their arguments on receipt.
 */
export const PUBSUB = 'STANCE_GRAPH_PUBSUB';

export function inMemoryPubSub(): PubSubEngine {
  const emitter = new EventEmitter();
  // One listener per open subscription: many analysts may watch at once.
  emitter.setMaxListeners(0);
  return new PubSub({ eventEmitter: emitter });
}
