import { DomainError, ErrorCode } from '../common/errors/error-code.js';
import { inMemoryPubSub } from '../live/pubsub.js';
import type { IngestArticleInput } from '../ingest/dto/ingest-article.input.js';
import { INGEST_PROGRESS, isTransient, type IngestFn, type IngestProgressEvent } from './ingest-queue.js';
import { batchFinished, JobState, type BatchRecord } from './job-records.js';
import { LocalIngestQueue } from './local-queue.js';

const CONFIG = { concurrency: 2, attempts: 3, backoffMs: 10, maxQueued: 5 };

/** What ingest answers for a text: an article id from it, one stance. */
function outcome(input: IngestArticleInput) {
  return {
    article: { id: `art-${input.text.length}` } as never,
    stances: [{}] as never,
    duplicate: false,
    sameReportAs: null,
    newActorIds: ['a'],
    newProposalIds: [],
  };
}

async function settle(queue: LocalIngestQueue, id: string, ms = 5000): Promise<BatchRecord> {
  const deadline = Date.now() + ms;
  for (;;) {
    const batch = (await queue.batch(id))!;
    if (batchFinished(batch)) return batch;
    if (Date.now() > deadline) throw new Error(`batch not finished: ${JSON.stringify(batch)}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const articles = (n: number): IngestArticleInput[] =>
  Array.from({ length: n }, (_, i) => ({ text: 'x'.repeat(i + 1) }));

describe('LocalIngestQueue', () => {
  it('runs every job once, at most `concurrency` at a time, and files each as DONE with what ingest answered', async () => {
    let running = 0;
    let most = 0;
    const ingest: IngestFn = async (input) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 10));
      running -= 1;
      return outcome(input);
    };
    const queue = new LocalIngestQueue(ingest, inMemoryPubSub(), CONFIG);
    const batch = await queue.enqueue(articles(5));
    expect(batch).toMatchObject({ total: 5, queued: 5, done: 0 });
    const end = await settle(queue, batch.id);
    expect(end).toMatchObject({ total: 5, queued: 0, running: 0, done: 5, failed: 0 });
    expect(most).toBe(2);
    const jobs = await queue.jobs(batch.id, null, 100);
    expect(jobs.map((j) => [j.index, j.state, j.articleId, j.stances, j.newActors, j.attempts])).toEqual(
      [0, 1, 2, 3, 4].map((i) => [i, JobState.DONE, `art-${i + 1}`, 1, 1, 1]),
    );
    await queue.close();
  });

  it('retries a transient failure with back-off and files a permanent one as FAILED at once, with its code', async () => {
    const tries = new Map<string, number>();
    const ingest: IngestFn = (input) => {
      const n = (tries.get(input.text) ?? 0) + 1;
      tries.set(input.text, n);
      if (input.text === 'flaky' && n < 3)
        return Promise.reject(new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'away'));
      if (input.text === 'down') return Promise.reject(new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'away'));
      if (input.text === 'bad') return Promise.reject(new DomainError(ErrorCode.BAD_USER_INPUT, 'text: no words'));
      return Promise.resolve(outcome(input));
    };
    const queue = new LocalIngestQueue(ingest, inMemoryPubSub(), CONFIG);
    const batch = await queue.enqueue([{ text: 'flaky' }, { text: 'down' }, { text: 'bad' }]);
    expect(await settle(queue, batch.id)).toMatchObject({ done: 1, failed: 2 });
    const [flaky, down, bad] = await queue.jobs(batch.id, null, 10);
    expect([flaky.state, flaky.attempts, flaky.error]).toEqual([JobState.DONE, 3, null]);
    expect([down.state, down.attempts, down.error?.code]).toEqual([JobState.FAILED, 3, 'SERVICE_UNAVAILABLE']);
    expect([bad.state, bad.attempts, bad.error]).toEqual([
      JobState.FAILED,
      1,
      { code: 'BAD_USER_INPUT', message: 'text: no words' },
    ]);
    expect(tries).toEqual(
      new Map([
        ['flaky', 3],
        ['down', 3],
        ['bad', 1],
      ]),
    );
    await queue.close();
  });

  it('publishes every change with the batch counts, in an order that ends finished', async () => {
    const pubsub = inMemoryPubSub();
    const events: IngestProgressEvent[] = [];
    await pubsub.subscribe(INGEST_PROGRESS, (e: IngestProgressEvent) => events.push(e), {});
    const queue = new LocalIngestQueue((i) => Promise.resolve(outcome(i)), pubsub, CONFIG);
    const batch = await queue.enqueue(articles(2));
    await settle(queue, batch.id);
    // filed, then RUNNING and DONE for each job
    expect(events).toHaveLength(5);
    expect(events[0]).toMatchObject({ job: null, batch: { queued: 2 } });
    expect(events.filter((e) => e.job?.state === JobState.RUNNING)).toHaveLength(2);
    expect(events.at(-1)!.batch).toMatchObject({ done: 2, queued: 0, running: 0 });
    await queue.close();
  });

  it('refuses a batch past its bound whole, with QUEUE_FULL, and queues nothing of it', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const queue = new LocalIngestQueue(
      async (i) => {
        await gate;
        return outcome(i);
      },
      inMemoryPubSub(),
      { ...CONFIG, concurrency: 1 },
    );
    const first = await queue.enqueue(articles(4));
    await expect(queue.enqueue(articles(3))).rejects.toMatchObject({ code: 'QUEUE_FULL' });
    release();
    expect(await settle(queue, first.id)).toMatchObject({ done: 4 });
    await queue.close();
  });
});

describe('isTransient', () => {
  it('retries the database away and full queues, never bad input', () => {
    expect(isTransient(new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'x'))).toBe(true);
    expect(isTransient(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isTransient(new DomainError(ErrorCode.BAD_USER_INPUT, 'x'))).toBe(false);
    expect(isTransient(new DomainError(ErrorCode.EXTRACTION_TIMEOUT, 'x'))).toBe(false);
    expect(isTransient(new TypeError('bug'))).toBe(false);
  });
});
