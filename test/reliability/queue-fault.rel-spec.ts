import { randomBytes } from 'node:crypto';
import neo4j, { type Driver } from 'neo4j-driver';
import { signToken } from '../../src/auth/tokens.js';
import { startRedis, type RedisServer } from '../../bench/support/redis-server.js';
import type { TestApp } from '../support/app.js';
import { generateArticles } from './support/articles.js';
import { recordFigures } from './support/figures.js';
import { integrity } from './support/graph-checks.js';
import { knobs } from './support/knobs.js';
import { startServiceProcess, type ServiceProcess } from './support/service-process.js';

/**
 * Issue 15's fault test: one batch of generated articles on BullMQ, two
 * worker replicas, one killed (SIGKILL) mid-run and started again. Every
 * article is ingested exactly once (counted with Cypher), none is lost, and
 * the batch reports the right counts; then Redis goes away for a few seconds:
 * enqueueing answers SERVICE_UNAVAILABLE at once and nothing of that batch is
 * written anywhere, and the service queues again once Redis is back.
 */
const ARTICLES = knobs.queueArticles;

const BATCH = `query ($id: ID!) { ingestBatch(id: $id) { total queued running done failed finished } }`;
const ENQUEUE = `mutation ($x: [IngestArticleInput!]!) { ingestArticles(articles: $x) { id total } }`;

interface Batch {
  total: number;
  queued: number;
  running: number;
  done: number;
  failed: number;
  finished: boolean;
}

describe(`a batch of ${ARTICLES} articles while a worker replica is killed, and while Redis is away`, () => {
  let redis: RedisServer;
  let a: ServiceProcess;
  let b: ServiceProcess;
  let driver: Driver;
  let editor: string;
  let env: Record<string, string>;
  const tag = randomBytes(4).toString('hex');

  const gql = async <T>(service: ServiceProcess, query: string, variables: Record<string, unknown>) => {
    const res = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${editor}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: T; errors?: Array<{ extensions?: { code?: string } }> };
  };
  const cypher = async <T>(statement: string, params: Record<string, unknown> = {}): Promise<T[]> =>
    (await driver.executeQuery(statement, params)).records.map((r) => r.toObject() as T);

  beforeAll(async () => {
    redis = await startRedis();
    const secret = randomBytes(32).toString('base64url');
    editor = signToken(secret, { sub: 'fault-editor', role: 'editor', ttlSeconds: 3600 });
    // Pattern extraction (no parser): the test is about the queue, and stays within CI's time.
    env = { STANCE_AUTH_SECRET: secret, REDIS_URL: redis.url, STANCE_INGEST_CONCURRENCY: '2', CORENLP_URL: '' };
    const started = await Promise.allSettled([startServiceProcess(env), startServiceProcess(env)]);
    const up = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    if (up.length < 2) {
      await Promise.all(up.map((s) => s.stop()));
      throw (started.find((s) => s.status === 'rejected') as PromiseRejectedResult).reason;
    }
    [a, b] = up;
    driver = neo4j.driver(
      process.env.NEO4J_URI!,
      neo4j.auth.basic(process.env.NEO4J_USERNAME!, process.env.NEO4J_PASSWORD!),
    );
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await redis?.stop();
    await driver?.close();
  });

  it('ingests every article exactly once, none lost, though a worker replica died mid-run', async () => {
    const articles = generateArticles(ARTICLES, knobs.seed, `queue-${tag}`);
    const started = performance.now();
    const queued = await gql<{ ingestArticles: { id: string; total: number } }>(a, ENQUEUE, {
      x: articles.map(({ text, url, outlet, title, publishedOn }) => ({ text, url, outlet, title, publishedOn })),
    });
    expect(queued.errors).toBeUndefined();
    const id = queued.data!.ingestArticles.id;
    const read = async () => (await gql<{ ingestBatch: Batch }>(a, BATCH, { id })).data!.ingestBatch;

    // Kill B once a fifth is done: it holds running jobs then.
    let batch = await read();
    while (batch.done < ARTICLES / 5) {
      await new Promise((r) => setTimeout(r, 200));
      batch = await read();
    }
    const atKill = batch;
    await b.kill();
    b = await startServiceProcess(env);

    const deadline = Date.now() + 15 * 60_000;
    while (!(batch = await read()).finished) {
      if (Date.now() > deadline) throw new Error(`batch not finished: ${JSON.stringify(batch)}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    const seconds = (performance.now() - started) / 1000;
    expect(batch).toMatchObject({ total: ARTICLES, done: ARTICLES, failed: 0, queued: 0, running: 0 });

    // Exactly once, by Cypher: one Article per url, each with the stances it states, nothing duplicated.
    const [{ articles: stored, urls }] = await cypher<{ articles: number; urls: number }>(
      `MATCH (a:Article) WHERE a.url STARTS WITH $prefix RETURN count(a) AS articles, count(DISTINCT a.url) AS urls`,
      { prefix: `https://reliability.example/queue-${tag}/` },
    );
    expect([Number(stored), Number(urls)]).toEqual([ARTICLES, ARTICLES]);
    const check = await integrity({ cypher } as unknown as TestApp);
    expect(check.duplicateNodes).toBe(0);
    expect(check.duplicateRelationships).toEqual({});
    expect(check.pairsWithSeveralCurrentEdges).toBe(0);
    recordFigures('queue-fault', {
      articles: ARTICLES,
      seconds: Number(seconds.toFixed(1)),
      articlesPerSecond: Number((ARTICLES / seconds).toFixed(1)),
      killedAt: atKill,
    });
  });

  it('answers SERVICE_UNAVAILABLE at once while Redis is away, writes nothing of that batch, and queues again once it is back', async () => {
    await redis.stop();
    const url = `https://reliability.example/redis-away-${tag}`;
    const asked = performance.now();
    const refused = await gql(a, ENQUEUE, {
      x: [{ text: 'Kenya backed the ceasefire plan on Monday, officials said.', url }],
    });
    const waitedMs = performance.now() - asked;
    expect(refused.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(waitedMs).toBeLessThan(5000);
    // A replica asked to stop while Redis is away stops by itself (its worker given up after the grace).
    expect(await b.stop()).toBe('exit 0');
    redis = await startRedis(redis.port);
    // The connections come back on their own (back-off up to 5 s).
    const deadline = Date.now() + 30_000;
    let again = await gql<{ ingestArticles: { id: string } }>(a, ENQUEUE, {
      x: [{ text: 'Kenya backed the ceasefire plan on Tuesday, officials said.', url: `${url}-2` }],
    });
    while (again.errors && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      again = await gql(a, ENQUEUE, {
        x: [{ text: 'Kenya backed the ceasefire plan on Tuesday, officials said.', url: `${url}-2` }],
      });
    }
    expect(again.errors).toBeUndefined();
    const id = again.data!.ingestArticles.id;
    let batch: Batch;
    while (!(batch = (await gql<{ ingestBatch: Batch }>(a, BATCH, { id })).data!.ingestBatch).finished)
      await new Promise((r) => setTimeout(r, 200));
    expect(batch).toMatchObject({ done: 1, failed: 0 });
    const [{ refusedArticles }] = await cypher<{ refusedArticles: number }>(
      `MATCH (a:Article {url: $url}) RETURN count(a) AS refusedArticles`,
      { url },
    );
    expect(Number(refusedArticles)).toBe(0);
  });
});
