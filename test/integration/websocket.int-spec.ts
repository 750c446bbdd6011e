import { Client, createClient } from 'graphql-ws';
import { PubSubEngine } from 'graphql-subscriptions';
import { signToken } from '../../src/auth/tokens.js';
import { PUBSUB } from '../../src/live/pubsub.js';
import { STANCE_RECORDED } from '../../src/live/stance-events.js';
import { startTestApp, TestApp } from '../support/app.js';
import { untilListening } from '../support/live.js';

/** The promise's value, or a failure naming what did not happen within ms. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: nothing within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Issue 11: limits on GraphQL over WebSocket: message size, operations per connection, and the token's lifetime. */
describe('WebSocket limits', () => {
  let t: TestApp;
  const clients: Client[] = [];
  const wsUrl = () => t.url.replace(/^http/, 'ws') + '/graphql';
  const client = (connectionParams?: Record<string, string>) => {
    // onNonLazyError: a connection the server closes on purpose is no error to print.
    const c = createClient({
      url: wsUrl(),
      webSocketImpl: WebSocket,
      lazy: false,
      retryAttempts: 0,
      connectionParams,
      onNonLazyError: () => undefined,
    });
    clients.push(c);
    return c;
  };
  const listeners = () =>
    (t.app.get<PubSubEngine>(PUBSUB) as unknown as { ee: { listenerCount(topic: string): number } }).ee.listenerCount(
      STANCE_RECORDED,
    );
  const RECORDED = 'subscription { stanceRecorded { id } }';
  const untilAtMost = async (n: number) => {
    const deadline = Date.now() + 5000;
    while (listeners() > n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    expect(listeners()).toBe(n);
  };

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await t?.close();
  });

  it('closes a connection that sends a message over 64 KiB (1009), and goes on serving', async () => {
    const socket = new WebSocket(wsUrl(), 'graphql-transport-ws');
    const messages: string[] = [];
    socket.addEventListener('message', (event) => messages.push(String(event.data)));
    const closed = new Promise<{ code: number; at: number }>((resolve) =>
      socket.addEventListener('close', (event) => resolve({ code: event.code, at: Date.now() })),
    );
    await new Promise((resolve, reject) => {
      socket.addEventListener('open', resolve);
      socket.addEventListener('error', reject);
    });
    socket.send(JSON.stringify({ type: 'connection_init' }));
    while (!messages.some((m) => m.includes('connection_ack'))) await new Promise((r) => setTimeout(r, 10));
    // Just under the limit is still a message like any other.
    socket.send(
      JSON.stringify({
        id: 'small',
        type: 'subscribe',
        payload: { query: `# ${'x'.repeat(60 * 1024)}\n{ __typename }` },
      }),
    );
    while (!messages.some((m) => m.includes('"small"'))) await new Promise((r) => setTimeout(r, 10));
    expect(messages.find((m) => m.includes('"small"') && m.includes('"next"'))).toContain('"__typename":"Query"');

    const sentAt = Date.now();
    socket.send(
      JSON.stringify({
        id: 'big',
        type: 'subscribe',
        payload: { query: `# ${'x'.repeat(65 * 1024)}\n{ __typename }` },
      }),
    );
    const { code, at } = await within(closed, 5000, 'the oversized message closing the connection');
    expect(code).toBe(1009);
    expect(at - sentAt).toBeLessThan(2000);
    expect(messages.some((m) => m.includes('"big"'))).toBe(false);

    expect((await fetch(`${t.url}/health/live`)).status).toBe(200);
    const fresh = client();
    const answer = await new Promise<unknown>((resolve, reject) =>
      fresh.subscribe(
        { query: '{ __typename }' },
        { next: (m) => resolve(m.data), error: reject, complete: () => undefined },
      ),
    );
    expect(answer).toEqual({ __typename: 'Query' });
  });

  it('refuses the 21st operation on one connection with TOO_MANY_SUBSCRIPTIONS, and takes one again once a slot is free', async () => {
    const c = client();
    const before = listeners();
    const unsubscribe = Array.from({ length: 20 }, () =>
      c.subscribe({ query: RECORDED }, { next: () => undefined, error: () => undefined, complete: () => undefined }),
    );
    await untilListening(t, { [STANCE_RECORDED]: before + 20 });

    const refused = await within(
      new Promise<unknown>((resolve) =>
        c.subscribe(
          { query: RECORDED },
          { next: (m) => resolve(m.errors), error: (e) => resolve(e), complete: () => resolve('completed') },
        ),
      ),
      5000,
      'the 21st subscription being refused',
    );
    expect((refused as Array<{ extensions?: { code?: string } }>)[0]?.extensions?.code).toBe('TOO_MANY_SUBSCRIPTIONS');
    expect(listeners()).toBe(before + 20);

    unsubscribe.shift()!();
    await untilAtMost(before + 19);
    unsubscribe.push(
      c.subscribe({ query: RECORDED }, { next: () => undefined, error: () => undefined, complete: () => undefined }),
    );
    await untilListening(t, { [STANCE_RECORDED]: before + 20 });
    unsubscribe.forEach((u) => u());
    await untilAtMost(before);
  });

  it('closes a connection when its token expires (4401), completing its subscriptions', async () => {
    const token = signToken(process.env.STANCE_AUTH_SECRET!, { sub: 'short-lived', role: 'reader', ttlSeconds: 2 });
    const expiresAt = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).exp * 1000;
    const c = client({ authorization: `Bearer ${token}` });
    const closed = new Promise<{ code: number; at: number }>((resolve) =>
      c.on('closed', (event) => resolve({ code: (event as CloseEvent).code, at: Date.now() })),
    );
    const before = listeners();
    const ended = new Promise<string>((resolve) =>
      c.subscribe(
        { query: RECORDED },
        { next: () => resolve('event'), error: () => resolve('ended'), complete: () => resolve('ended') },
      ),
    );
    await untilListening(t, { [STANCE_RECORDED]: before + 1 });

    const { code, at } = await within(
      closed,
      expiresAt - Date.now() + 5000,
      'the connection closing at its token expiry',
    );
    expect(code).toBe(4401);
    expect(at).toBeGreaterThanOrEqual(expiresAt);
    expect(at - expiresAt).toBeLessThan(1500);
    // The client's subscription ends, and the server's (its listener on the topic is gone).
    expect(await ended).toBe('ended');
    await untilAtMost(before);
  });
});
