import type { INestApplication } from '@nestjs/common';
import { request } from 'node:http';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import { createApp } from '../../src/app.setup.js';
import { startTestApp, TestApp } from '../support/app.js';

/**
 * A TCP proxy in front of the test Neo4j that can play a database gone
 * wrong: `hung` holds every byte (connections stay open, nothing answers),
 * `down` drops every connection and refuses new ones.
 */
async function boltProxy(
  target: string,
): Promise<{ uri: string; mode: 'up' | 'hung' | 'down'; close(): Promise<void> }> {
  const { hostname, port } = new URL(target.replace(/^bolt/, 'http'));
  const sockets = new Set<Socket>();
  const held: Array<() => void> = [];
  const state = { mode: 'up' as 'up' | 'hung' | 'down' };
  const forward = (from: Socket, to: Socket) =>
    from.on('data', (chunk) => (state.mode === 'hung' ? held.push(() => to.write(chunk)) : to.write(chunk)));
  const server: Server = createServer((client) => {
    if (state.mode === 'down') return void client.destroy();
    const upstream = connect(Number(port), hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    forward(client, upstream);
    forward(upstream, client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const proxy = {
    uri: `bolt://127.0.0.1:${(server.address() as { port: number }).port}`,
    get mode() {
      return state.mode;
    },
    set mode(mode: 'up' | 'hung' | 'down') {
      state.mode = mode;
      if (mode === 'down') sockets.forEach((s) => s.destroy());
      if (mode === 'up') held.splice(0).forEach((send) => send());
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return proxy;
}

/** Issue 5, operations: request ids, liveness and readiness, metrics, and a graceful shutdown that drains requests. */
describe('operations', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  it('echoes a sane x-request-id and makes one up otherwise', async () => {
    const given = await fetch(`${t.url}/health/live`, { headers: { 'x-request-id': 'trace-42' } });
    expect(given.headers.get('x-request-id')).toBe('trace-42');
    const odd = await fetch(`${t.url}/health/live`, { headers: { 'x-request-id': 'a b <script>' } });
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('is live, and ready once Neo4j answers with the whole schema online', async () => {
    expect((await fetch(`${t.url}/health/live`)).status).toBe(200);
    const ready = await fetch(`${t.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', neo4j: 'reachable', schema: 'applied', missing: [] });
  });

  it('serves Prometheus metrics: latency, errors by code, Neo4j transactions and retries', async () => {
    await t.gql('{ actors(first: 1) { totalCount } }');
    await t.gql('mutation { upsertActor(input: { name: "", kind: STATE }) { id } }');
    const text = await (await fetch(`${t.url}/metrics`)).text();
    expect(text).toMatch(/stance_http_request_duration_seconds_bucket\{.*route="\/graphql"/);
    expect(text).toMatch(/stance_graphql_errors_total\{code="BAD_USER_INPUT"\} [1-9]/);
    expect(text).toMatch(/stance_neo4j_transactions_total\{mode="read",outcome="committed"\} [1-9]/);
    expect(text).toMatch(/stance_neo4j_transaction_retries_total\{mode="write"\} \d/);
    expect(text).toMatch(/stance_graphql_operations_total\{type="query"\} [1-9]/);
    // every query ran compiled (src/graphql/compiled-execution.ts), none fell back to graphql-js
    expect(text).toMatch(/stance_graphql_executions_total\{executor="compiled"\} [1-9]/);
    expect(text).not.toMatch(/stance_graphql_executions_total\{executor="graphql-js"\} [1-9]/);
    expect(text).toMatch(/stance_process_cpu_seconds_total/);
  });

  it('says on /health whether Neo4j answers, and nothing about which database', async () => {
    const res = await fetch(`${t.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', neo4j: 'reachable' });
  });

  describe('with a database that hangs or goes away (through a proxy)', () => {
    let proxy: Awaited<ReturnType<typeof boltProxy>>;
    let app: INestApplication;
    let url: string;
    const lines: string[] = [];
    const json = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

    beforeAll(async () => {
      proxy = await boltProxy(process.env.NEO4J_URI!);
      const saved = { NEO4J_URI: process.env.NEO4J_URI, NEO4J_MAX_RETRY_MS: process.env.NEO4J_MAX_RETRY_MS };
      Object.assign(process.env, { NEO4J_URI: proxy.uri, NEO4J_MAX_RETRY_MS: '0' });
      try {
        const logDestination = new Writable({
          write(chunk: Buffer, _encoding, done) {
            lines.push(
              ...chunk
                .toString()
                .split('\n')
                .filter((l) => l !== ''),
            );
            done();
          },
        });
        app = await createApp({ logger: ['error', 'warn', 'log'], logDestination });
        await app.listen(0, '127.0.0.1');
      } finally {
        Object.assign(process.env, { NEO4J_URI: saved.NEO4J_URI, NEO4J_MAX_RETRY_MS: saved.NEO4J_MAX_RETRY_MS ?? '' });
      }
      url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    });

    afterAll(async () => {
      if (proxy) proxy.mode = 'up';
      await app?.close();
      await proxy?.close();
    });

    it('answers /health and /health/ready within the probe timeout while Neo4j hangs', async () => {
      proxy.mode = 'hung';
      try {
        for (const path of ['/health', '/health/ready']) {
          const started = Date.now();
          const res = await fetch(`${url}${path}`, { signal: AbortSignal.timeout(10_000) });
          const ms = Date.now() - started;
          expect([path, res.status, ms < 3000]).toEqual([path, 503, true]);
          expect(await res.json()).toMatchObject({
            status: path === '/health' ? 'unavailable' : 'not ready',
            neo4j: 'unreachable',
          });
        }
      } finally {
        proxy.mode = 'up';
      }
      expect((await fetch(`${url}/health/ready`)).status).toBe(200);
    });

    it('logs JSON lines: the request id on a line logged while serving the request, one access line, and no token', async () => {
      const token = t.tokens.reader;
      proxy.mode = 'down';
      try {
        const res = await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${token}`,
            'x-request-id': 'trace-down-1',
          },
          body: JSON.stringify({ query: '{ actors(first: 1) { totalCount } }' }),
        });
        expect(
          ((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code,
        ).toBe('SERVICE_UNAVAILABLE');
      } finally {
        proxy.mode = 'up';
      }
      // The access line is written when the response has finished.
      const deadline = Date.now() + 2000;
      while (!json().some((l) => l.context === 'HTTP' && l.requestId === 'trace-down-1') && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      const mine = json().filter((l) => l.requestId === 'trace-down-1');
      // DomainErrorFilter's warning, logged from inside the resolver, knows which request it was.
      expect(mine).toContainEqual(
        expect.objectContaining({
          level: 'warn',
          context: 'Neo4j',
          msg: expect.stringMatching(/database unavailable/),
        }),
      );
      expect(mine).toContainEqual({
        level: 'info',
        time: expect.any(String),
        context: 'HTTP',
        msg: 'request',
        requestId: 'trace-down-1',
        method: 'POST',
        route: '/graphql',
        status: 200,
        ms: expect.any(Number),
      });
      expect(lines.join('\n')).not.toContain(token);
      expect(lines.join('\n')).not.toContain(token.split('.')[2]);
    });
  });

  it('drains a request in flight on shutdown before closing the driver', async () => {
    const draining = await startTestApp();
    const { port } = new URL(draining.url);
    const body = JSON.stringify({ query: '{ actors(first: 1) { totalCount } }' });
    // A request whose body arrives slowly: in flight when the shutdown starts.
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/graphql',
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          let text = '';
          res.on('data', (c) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 10));
      setTimeout(() => req.end(body.slice(10)), 700);
    });
    await new Promise((r) => setTimeout(r, 200));
    let closedAt = 0;
    const closing = draining.close().then(() => (closedAt = Date.now()));
    const res = await answer;
    const answeredAt = Date.now();
    await closing;
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text).data.actors.totalCount).toEqual(expect.any(Number));
    expect(closedAt).toBeGreaterThanOrEqual(answeredAt);
  });
});
