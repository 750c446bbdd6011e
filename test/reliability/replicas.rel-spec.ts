import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import { signToken } from '../../src/auth/tokens.js';
import { startRedis, type RedisServer } from '../../bench/support/redis-server.js';
import { recordFigures } from './support/figures.js';
import { startServiceProcess, type ServiceProcess } from './support/service-process.js';

/**
 * Issue 15: two service replicas (real processes, on loopback ports) over one
 * Neo4j and one Redis. Live updates cross replicas once each; a client that
 * wrote through one replica reads its write through the other with the
 * bookmark it was given; bulk ingestion runs as BullMQ jobs that either
 * replica's workers take, reported by both. Replica B reaches Neo4j through a
 * routing URI (neo4j://), A through bolt://.
 */
const ARTICLES = resolve(import.meta.dirname, '../fixtures/articles');

interface Answer<T> {
  status: number;
  data: T | null;
  errors: Array<{ message: string; extensions?: { code?: string } }>;
  bookmark: string | null;
}

async function gql<T>(
  service: ServiceProcess,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
  bookmark?: string | null,
): Promise<Answer<T>> {
  const res = await fetch(`${service.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      ...(bookmark ? { 'stance-bookmark': bookmark } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: Answer<T>['errors'] };
  return {
    status: res.status,
    data: body.data ?? null,
    errors: body.errors ?? [],
    bookmark: res.headers.get('stance-bookmark'),
  };
}

const clients: Client[] = [];

function ws(service: ServiceProcess, token: string): Client {
  const client = createClient({
    url: service.url.replace(/^http/, 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    lazy: false,
    retryAttempts: 0,
  });
  clients.push(client);
  return client;
}

/** Collects a subscription's events. */
function collect<T>(
  client: Client,
  query: string,
  variables: Record<string, unknown>,
): { events: T[]; at: number[]; errors: unknown[]; stop: () => void } {
  const events: T[] = [];
  const at: number[] = [];
  const errors: unknown[] = [];
  const stop = client.subscribe<T>(
    { query, variables },
    {
      next: (m) => {
        if (m.errors) errors.push(...m.errors);
        if (m.data) {
          events.push(m.data as T);
          at.push(performance.now());
        }
      },
      error: (e) => errors.push(e),
      complete: () => undefined,
    },
  );
  return { events, at, errors, stop };
}

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('two replicas over one Neo4j and one Redis', () => {
  let redis: RedisServer;
  let a: ServiceProcess;
  let b: ServiceProcess;
  let editor: string;
  let reader: string;
  const tag = randomBytes(4).toString('hex');

  beforeAll(async () => {
    redis = await startRedis();
    const secret = randomBytes(32).toString('base64url');
    editor = signToken(secret, { sub: 'replica-editor', role: 'editor', ttlSeconds: 3600 });
    reader = signToken(secret, { sub: 'replica-reader', role: 'reader', ttlSeconds: 3600 });
    const env = { STANCE_AUTH_SECRET: secret, REDIS_URL: redis.url, STANCE_INGEST_CONCURRENCY: '1' };
    // Started together, as replicas are; one that started is stopped even when the other did not.
    const started = await Promise.allSettled([
      startServiceProcess(env),
      startServiceProcess({ ...env, NEO4J_URI: process.env.NEO4J_URI!.replace(/^bolt:/, 'neo4j:') }),
    ]);
    const up = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    if (up.length < 2) {
      await Promise.all(up.map((s) => s.stop()));
      throw (started.find((s) => s.status === 'rejected') as PromiseRejectedResult).reason;
    }
    [a, b] = up;
  });

  const figures: Record<string, unknown> = {};

  afterAll(async () => {
    recordFigures('replicas', figures);
    for (const c of clients) await c.dispose();
    await Promise.all([a?.stop(), b?.stop()]);
    await redis?.stop();
  });

  it('delivers a stance recorded through B, once, to subscribers on A and on B', async () => {
    const actorId = `replica-state-${tag}`;
    const proposalId = `replica-proposal-${tag}`;
    const setup = await gql(
      b,
      editor,
      `mutation ($a: UpsertActorInput!, $p: UpsertProposalInput!) { upsertActor(input: $a) { id } upsertProposal(input: $p) { id } }`,
      {
        a: { id: actorId, name: `Replica State ${tag}`, kind: 'STATE' },
        p: { id: proposalId, name: `Replica Proposal ${tag}` },
      },
    );
    expect(setup.errors).toEqual([]);
    const query = `subscription ($p: ID) { stanceRecorded(proposalId: $p) { id position actor { id } } }`;
    const onA = collect<{ stanceRecorded: { id: string } }>(ws(a, reader), query, { p: proposalId });
    const onB = collect<{ stanceRecorded: { id: string } }>(ws(b, reader), query, { p: proposalId });
    // Give both subscriptions time to be registered (with Redis: SUBSCRIBE acknowledged).
    await new Promise((r) => setTimeout(r, 1000));
    const recorded = await gql<{ recordStance: { id: string } }>(
      b,
      editor,
      `mutation ($i: RecordStanceInput!) { recordStance(input: $i) { id } }`,
      { i: { actorId, proposalId, position: 'SUPPORT', statedOn: '2024-05-01', cue: 'backs' } },
    );
    const answered = performance.now();
    expect(recorded.errors).toEqual([]);
    await until('the event on both replicas', () => onA.events.length >= 1 && onB.events.length >= 1, 10_000);
    // Anything sent twice would have arrived by now.
    await new Promise((r) => setTimeout(r, 1500));
    expect(onA.errors).toEqual([]);
    expect(onA.events.map((e) => e.stanceRecorded.id)).toEqual([recorded.data!.recordStance.id]);
    expect(onB.events.map((e) => e.stanceRecorded.id)).toEqual([recorded.data!.recordStance.id]);
    onA.stop();
    onB.stop();
    // After recordStance answered on B: the event crossed Redis to A (and back to B).
    figures.eventMsAfterAnswer = { onA: Math.round(onA.at[0] - answered), onB: Math.round(onB.at[0] - answered) };
  });

  it('lets a client that wrote through A read its write through B with the bookmark A returned', async () => {
    const id = `bookmarked-${tag}`;
    const write = await gql(a, editor, `mutation ($a: UpsertActorInput!) { upsertActor(input: $a) { id } }`, {
      a: { id, name: `Bookmarked ${tag}`, kind: 'ORGANIZATION' },
    });
    expect(write.errors).toEqual([]);
    expect(write.bookmark).toMatch(/^[A-Za-z0-9:+/=_.-]+(,[A-Za-z0-9:+/=_.-]+)*$/);
    const read = await gql<{ actor: { id: string } | null }>(
      b,
      reader,
      `query ($id: ID!) { actor(id: $id) { id } }`,
      { id },
      write.bookmark,
    );
    expect(read.errors).toEqual([]);
    expect(read.data!.actor).toEqual({ id });
    // B hands the chain on: at least as new as what it was sent.
    expect(read.bookmark).toBeTruthy();
  });

  it('refuses a bookmark that is malformed, or that the database never issued, with BAD_REQUEST', async () => {
    const malformed = await gql(b, reader, '{ viewer { canRead } }', {}, 'not a bookmark;');
    expect([malformed.status, malformed.errors[0]?.extensions?.code]).toEqual([400, 'BAD_REQUEST']);
    // Well formed for the header, unknown to Neo4j: B passed it on, and Neo4j refused it.
    const unknown = await gql(b, reader, '{ actors(first: 1) { totalCount } }', {}, 'FB:nonsense');
    expect(unknown.errors[0]?.extensions?.code).toBe('BAD_REQUEST');
  });

  it('runs ingestArticles as BullMQ jobs that every replica reports, and a batch run twice changes nothing', async () => {
    const files = readdirSync(ARTICLES)
      .filter((f) => f.endsWith('.txt'))
      .slice(0, 4);
    const articles = files.map((f) => ({ text: readFileSync(join(ARTICLES, f), 'utf8'), header: true }));
    const batchQuery = `query ($id: ID!) { ingestBatch(id: $id) { id total done failed queued running finished jobs { state attempts stanceCount duplicate article { id } error { code } } } }`;
    type Batch = {
      id: string;
      total: number;
      done: number;
      failed: number;
      finished: boolean;
      jobs: Array<{
        state: string;
        stanceCount: number | null;
        duplicate: boolean | null;
        article: { id: string } | null;
      }>;
    };
    const enqueue = () =>
      gql<{ ingestArticles: Batch }>(
        a,
        editor,
        `mutation ($x: [IngestArticleInput!]!) { ingestArticles(articles: $x) { id total queued finished } }`,
        {
          x: articles,
        },
      );

    const queued = performance.now();
    const first = await enqueue();
    expect(first.errors).toEqual([]);
    const id = first.data!.ingestArticles.id;
    expect(first.data!.ingestArticles).toMatchObject({ total: files.length, finished: false });
    // Progress, followed from the other replica.
    const progress = collect<{ ingestProgress: { batch: { done: number; total: number; finished: boolean } } }>(
      ws(b, reader),
      `subscription ($id: ID!) { ingestProgress(batchId: $id) { batch { done total finished } job { state } } }`,
      { id },
    );
    let batch: Batch | null = null;
    await until(
      'the batch to finish (read through B)',
      async () => {
        batch = (await gql<{ ingestBatch: Batch }>(b, reader, batchQuery, { id })).data?.ingestBatch ?? null;
        return batch?.finished === true;
      },
      120_000,
    );
    figures.batch = {
      articles: files.length,
      seconds: Number(((performance.now() - queued) / 1000).toFixed(1)),
      workers: 2,
    };
    expect(batch!).toMatchObject({ total: files.length, done: files.length, failed: 0 });
    expect(batch!.jobs.every((j) => j.state === 'DONE' && j.article !== null && j.duplicate === false)).toBe(true);
    await until(
      'the last progress event on B',
      () => progress.events.some((e) => e.ingestProgress.batch.finished),
      10_000,
    );
    progress.stop();

    const stancesOf = async () =>
      (await gql<{ stances: { totalCount: number } }>(a, reader, '{ stances(first: 1) { totalCount } }')).data!.stances
        .totalCount;
    const before = await stancesOf();
    const again = await enqueue();
    const id2 = again.data!.ingestArticles.id;
    let second: Batch | null = null;
    await until(
      'the second batch to finish',
      async () => {
        second = (await gql<{ ingestBatch: Batch }>(a, reader, batchQuery, { id: id2 })).data?.ingestBatch ?? null;
        return second?.finished === true;
      },
      120_000,
    );
    expect(second!.jobs.map((j) => [j.state, j.duplicate])).toEqual(files.map(() => ['DONE', true]));
    expect(second!.jobs.map((j) => j.article!.id)).toEqual(batch!.jobs.map((j) => j.article!.id));
    expect(await stancesOf()).toBe(before);
  });
});
