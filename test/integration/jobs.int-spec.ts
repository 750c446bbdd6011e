import { INGEST_PROGRESS } from '../../src/jobs/ingest-queue.js';
import { startTestApp, TestApp, uniq } from '../support/app.js';
import { subscribe, untilListening, wsClient } from '../support/live.js';

/*
 * Bulk ingestion as jobs on the in-process queue (no REDIS_URL), against a
 * real Neo4j: the same API the BullMQ engine serves (that one is tested with
 * real processes in test/reliability/replicas.rel-spec.ts and queue*.rel-spec.ts).
 * The articles are invented (not claims about what anyone said).
 */
const BATCH = `id total queued running done failed finished jobs { id index state attempts label stanceCount duplicate newActors article { id url } error { code message } }`;

interface Job {
  id: string;
  index: number;
  state: string;
  attempts: number;
  label: string;
  stanceCount: number | null;
  duplicate: boolean | null;
  article: { id: string; url: string } | null;
  error: { code: string; message: string } | null;
}
interface Batch {
  id: string;
  total: number;
  done: number;
  failed: number;
  finished: boolean;
  jobs: Job[];
}

describe('ingestArticles: bulk ingestion as jobs (in-process queue)', () => {
  let t: TestApp;
  const tag = uniq('jobs');
  const articles = [
    {
      url: `https://example.test/${tag}/kenya`,
      title: 'Kenya backs the Sudan ceasefire plan',
      publishedOn: '2024-05-10',
      text: 'NAIROBI - Kenya on Monday backed the ceasefire plan for Sudan, Foreign Minister Musalia Mudavadi said.',
    },
    {
      url: `https://example.test/${tag}/ghana`,
      publishedOn: '2024-05-11',
      text: 'ACCRA - Ghana rejected the ceasefire plan for Sudan on Tuesday, its foreign ministry said.',
    },
  ];

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  async function finished(id: string): Promise<Batch> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const res = await t.gql<{ ingestBatch: Batch }>(`query ($id: ID!) { ingestBatch(id: $id) { ${BATCH} } }`, { id });
      expect(res.errors).toBeUndefined();
      if (res.data!.ingestBatch.finished) return res.data!.ingestBatch;
      if (Date.now() > deadline) throw new Error(`not finished: ${JSON.stringify(res.data)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('queues a batch, answers at once, and every job ends DONE with its article; progress streams live', async () => {
    const client = wsClient(t);
    const enqueued = await t.gql<{ ingestArticles: { id: string; total: number } }>(
      `mutation ($x: [IngestArticleInput!]!) { ingestArticles(articles: $x) { id total queued finished } }`,
      { x: articles },
    );
    expect(enqueued.errors).toBeUndefined();
    const id = enqueued.data!.ingestArticles.id;
    expect(id).toMatch(/^b-[0-9a-f]{20}$/);
    // Following a batch already running: the events from now on, and the final one among them.
    const progress = subscribe<{ ingestProgress: { batch: { id: string; done: number; finished: boolean } } }>(
      client,
      `subscription ($id: ID!) { ingestProgress(batchId: $id) { batch { id done finished } job { state } } }`,
      { id },
    );
    await untilListening(t, { [INGEST_PROGRESS]: 1 });
    const batch = await finished(id);
    expect(batch).toMatchObject({ total: 2, done: 2, failed: 0, finished: true });
    expect(batch.jobs.map((j) => [j.index, j.state, j.attempts, j.article?.url, j.error])).toEqual([
      [0, 'DONE', 1, articles[0].url, null],
      [1, 'DONE', 1, articles[1].url, null],
    ]);
    expect(batch.jobs[0].label).toBe('Kenya backs the Sudan ceasefire plan');
    expect(batch.jobs.every((j) => (j.stanceCount ?? 0) >= 1 && j.duplicate === false)).toBe(true);
    const one = await t.gql<{ ingestJob: Job }>(`query ($id: ID!) { ingestJob(id: $id) { id state article { id } } }`, {
      id: `${id}.1`,
    });
    expect(one.data!.ingestJob).toEqual({ id: `${id}.1`, state: 'DONE', article: { id: batch.jobs[1].article!.id } });
    await progress.next(1, 10_000);
    const deadline = Date.now() + 5000;
    while (!progress.events.some((e) => e.ingestProgress.batch.finished) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    expect(progress.events.every((e) => e.ingestProgress.batch.id === id)).toBe(true);
    expect(progress.events.some((e) => e.ingestProgress.batch.finished)).toBe(true);
    await client.dispose();

    // The same batch again changes nothing: every job is a duplicate of the same article.
    const again = await t.gql<{ ingestArticles: { id: string } }>(
      `mutation ($x: [IngestArticleInput!]!) { ingestArticles(articles: $x) { id } }`,
      { x: articles },
    );
    const second = await finished(again.data!.ingestArticles.id);
    expect(second.jobs.map((j) => [j.state, j.duplicate, j.article?.id])).toEqual(
      batch.jobs.map((j) => ['DONE', true, j.article!.id]),
    );
  });

  it('files an article the pipeline refuses as FAILED with its code, without retrying it', async () => {
    const enqueued = await t.gql<{ ingestArticles: { id: string } }>(
      `mutation ($x: [IngestArticleInput!]!) { ingestArticles(articles: $x) { id } }`,
      { x: [{ text: 'A short text.', url: 'not a url' }] },
    );
    const batch = await finished(enqueued.data!.ingestArticles.id);
    expect(batch).toMatchObject({ done: 0, failed: 1 });
    expect(batch.jobs[0]).toMatchObject({ state: 'FAILED', attempts: 1, error: { code: 'BAD_USER_INPUT' } });
  });

  it.each([
    ['no articles', [], 'BAD_USER_INPUT'],
    ['an empty text', [{ text: 'Kenya backed it.' }, { text: '  ' }], 'BAD_USER_INPUT'],
    ['501 articles', Array.from({ length: 501 }, () => ({ text: 'x' })), 'BAD_USER_INPUT'],
  ])('refuses %s with a coded error and queues nothing', async (_what, x, code) => {
    const res = await t.gql(`mutation ($x: [IngestArticleInput!]!) { ingestArticles(articles: $x) { id } }`, { x });
    expect(res.errors?.[0]?.extensions?.code).toBe(code);
    expect(res.data?.ingestArticles ?? null).toBeNull();
  });

  it('needs an editor to queue, a reader to follow, and answers unknown or malformed ids', async () => {
    const asReader = await t.gql(
      `mutation ($x: [IngestArticleInput!]!) { ingestArticles(articles: $x) { id } }`,
      { x: articles },
      { as: 'reader' },
    );
    expect(asReader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const unknown = await t.gql<{ ingestBatch: null }>(`{ ingestBatch(id: "b-00000000000000000000") { id } }`);
    expect(unknown.data).toEqual({ ingestBatch: null });
    const malformed = await t.gql(`{ ingestJob(id: "nope") { id } }`);
    expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
