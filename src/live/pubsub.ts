import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { PubSub, PubSubEngine } from 'graphql-subscriptions';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../common/config/config.js';
import { closeRedis, redisConnection } from '../common/redis.js';

/**
 * The one publish path for live updates: a graphql-subscriptions
 * PubSubEngine behind this token. With REDIS_URL set it is Redis
 * (graphql-redis-subscriptions over ioredis): an event published after a
 * commit on any replica reaches the subscribers of every replica, once each,
 * the publishing replica included (through Redis, never also locally).
 * Without it, in memory: one process. Payloads are plain JSON objects (rows
 * read after the commit), so they cross Redis unchanged; subscribers filter
 * by their arguments on receipt.
 */
export const PUBSUB = 'STANCE_GRAPH_PUBSUB';

export function inMemoryPubSub(): PubSubEngine {
  const emitter = new EventEmitter();
  // One listener per open subscription: many analysts may watch at once.
  emitter.setMaxListeners(0);
  return new PubSub({ eventEmitter: emitter });
}

/** Owns the engine, so that its Redis connections close with the application. */
@Injectable()
export class PubSubHost implements OnApplicationShutdown {
  readonly engine: PubSubEngine;
  /** 'redis' or 'memory': what /health/ready and the start-up log say. */
  readonly kind: 'redis' | 'memory';
  private readonly connections: Redis[] = [];

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const url = config.redis.url;
    if (url) {
      const [publisher, subscriber] = [redisConnection(url, 'publish'), redisConnection(url, 'subscribe')];
      this.connections.push(publisher, subscriber);
      this.engine = new RedisPubSub({ publisher, subscriber });
      this.kind = 'redis';
      new Logger('Live').log('live updates shared through Redis');
    } else {
      this.engine = inMemoryPubSub();
      this.kind = 'memory';
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.connections.map(closeRedis));
  }
}
