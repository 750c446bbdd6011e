import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { DomainError, ErrorCode } from '../../src/common/errors/error-code.js';
import type { IngestArticleInput } from '../../src/ingest/dto/ingest-article.input.js';
import { BullIngestQueue, INGEST_QUEUE } from '../../src/jobs/bullmq-queue.js';
import type { IngestFn } from '../../src/jobs/ingest-queue.js';
import { batchFinished, JobState, type BatchRecord } from '../../src/jobs/job-records.js';
import { inMemoryPubSub } from '../../src/live/pubsub.js';
import { startRedis, type RedisServer } from '../../bench/support/redis-server.js';

/**
 * The BullMQ engine on a real Redis: retries with back-off, the failed set,
 * the book's counts. The job body is a stand-in for the pipeline (the
 * pipeline itself runs as jobs in replicas.rel-spec.ts), so that failures
 * come exactly when the test says.
 */
describe('BullIngestQueue on a real Redis', () => {
  let redis: RedisServer;
  let queue: BullIngestQueue;
  const tries = new Map<string, number>();

  const ingest: IngestFn = (input: IngestArticleInput) => {
    const n = (tries.get(input.text) ?? 0) + 1;
    tries.set(input.text, n);
    const fail = (code: ErrorCode) => Promise.reject(new DomainError(code, `${input.text} failed`));
    if (input.text.startsWith('flaky') && n < 3) return fail(ErrorCode.SERVICE_UNAVAILABLE);
    if (input.text.startsWith('down')) return fail(ErrorCode.SERVICE_UNAVAILABLE);
    if (input.text.startsWith('bad')) return fail(ErrorCode.BAD_USER_INPUT);
    return Promise.resolve({
      article: { id: `art-${input.text}` } as never,
      stances: [],
      duplicate: false,
      sameReportAs: null,
      newActorIds: [],
      newProposalIds: [],
    });
  };

  beforeAll(async () => {
    redis = await startRedis();
    queue = new BullIngestQueue(redis.url, ingest, inMemoryPubSub(), {
      concurrency: 2,
      attempts: 3,
      backoffMs: 50,
      maxQueued: 100,
    });
  });

  afterAll(async () => {
    await queue?.close();
    await redis?.stop();
  });

  async function settle(id: string): Promise<BatchRecord> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const batch = (await queue.batch(id))!;
      if (batchFinished(batch)) return batch;
      if (Date.now() > deadline) throw new Error(`not finished: ${JSON.stringify(batch)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('retries transient failures with back-off, fails permanent ones at once, and keeps the failed in BullMQ’s failed set', async () => {
    const batch = await queue.enqueue([{ text: 'ok-1' }, { text: 'flaky-1' }, { text: 'down-1' }, { text: 'bad-1' }]);
    expect(await settle(batch.id)).toMatchObject({ total: 4, done: 2, failed: 2, queued: 0, running: 0 });
    const jobs = await queue.jobs(batch.id, null, 10);
    expect(jobs.map((j) => [j.state, j.attempts, j.error?.code ?? null])).toEqual([
      [JobState.DONE, 1, null],
      [JobState.DONE, 3, null],
      [JobState.FAILED, 3, 'SERVICE_UNAVAILABLE'],
      [JobState.FAILED, 1, 'BAD_USER_INPUT'],
    ]);
    expect(jobs[1].articleId).toBe('art-flaky-1');
    expect(tries.get('down-1')).toBe(3);
    expect(tries.get('bad-1')).toBe(1);
    const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
    const inspect = new Queue(INGEST_QUEUE, { connection, prefix: 'stance-graph' });
    const failed = await inspect.getFailed();
    expect(failed.map((j) => [j.id, j.failedReason]).sort()).toEqual([
      [`${batch.id}.2`, 'SERVICE_UNAVAILABLE: down-1 failed'],
      [`${batch.id}.3`, 'BAD_USER_INPUT: bad-1 failed'],
    ]);
    await inspect.close();
    await connection.quit();
  });

  it('answers unknown batches and jobs with null', async () => {
    expect(await queue.batch('b-ffffffffffffffffffff')).toBeNull();
    expect(await queue.job('b-ffffffffffffffffffff.0')).toBeNull();
  });
});
