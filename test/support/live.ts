import { Client, createClient } from 'graphql-ws';
import { PubSubEngine } from 'graphql-subscriptions';
import { PUBSUB } from '../../src/live/pubsub.js';
import type { TestApp } from './app.js';

export interface Received<T> {
  events: T[];
  errors: unknown[];
  /** Resolves with the first `count` events, or rejects after `ms`. */
  next(count?: number, ms?: number): Promise<T[]>;
}

/** A graphql-ws client on the app's own loopback port: a real WebSocket, the real protocol. */
export function wsClient(t: TestApp): Client {
  return createClient({
    url: t.url.replace(/^http/, 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
  });
}

export function subscribe<T>(client: Client, query: string, variables: Record<string, unknown> = {}): Received<T> {
  const events: T[] = [];
  const errors: unknown[] = [];
  const waiters: Array<() => void> = [];
  client.subscribe<T>(
    { query, variables },
    {
      next: (msg) => {
        if (msg.errors) errors.push(...msg.errors);
        if (msg.data) events.push(msg.data as T);
        waiters.splice(0).forEach((w) => w());
      },
      error: (error) => {
        errors.push(error);
        waiters.splice(0).forEach((w) => w());
      },
      complete: () => undefined,
    },
  );
  return {
    events,
    errors,
    next(count = 1, ms = 5000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(
                `timed out waiting for ${count} event(s); got ${events.length}, errors ${JSON.stringify(errors)}`,
              ),
            ),
          ms,
        );
        const check = () => {
          if (events.length >= count) {
            clearTimeout(timer);
            resolve(events.slice(0, count));
          } else if (errors.length > 0) {
            clearTimeout(timer);
            reject(new Error(`subscription failed: ${JSON.stringify(errors)}`));
          } else waiters.push(check);
        };
        check();
      });
    },
  };
}

/**
 * graphql-ws has no "subscribed" acknowledgement, so a test waits until the
 * server's in-memory engine has a listener on each topic before it acts
 * (the default PubSub keeps them on an EventEmitter).
 */
export async function untilListening(t: TestApp, atLeast: Record<string, number>, ms = 5000): Promise<void> {
  const engine = t.app.get<PubSubEngine>(PUBSUB) as unknown as { ee: { listenerCount(topic: string): number } };
  const deadline = Date.now() + ms;
  while (!Object.entries(atLeast).every(([topic, n]) => engine.ee.listenerCount(topic) >= n)) {
    if (Date.now() > deadline) throw new Error(`fewer subscribers than ${JSON.stringify(atLeast)} after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
