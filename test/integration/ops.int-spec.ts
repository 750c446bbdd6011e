import { request } from 'node:http';
import { startTestApp, TestApp } from '../support/app.js';

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
    expect(text).toMatch(/stance_process_cpu_seconds_total/);
  });

  it('drains a request in flight on shutdown before closing the driver', async () => {
    const draining = await startTestApp();
    const { port } = new URL(draining.url);
    const body = JSON.stringify({ query: '{ actors(first: 1) { totalCount } }' });
    // A request whose body arrives slowly: in flight when the shutdown starts.
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
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
