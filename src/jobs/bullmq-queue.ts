import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { PubSubEngine } from 'graphql-subscriptions';
import type { Redis } from 'ioredis';
import type { JobsConfig } from '../common/config/config.js';
import { closeRedis, redisConnection } from '../common/redis.js';
import type { IngestArticleInput } from '../ingest/dto/ingest-article.input.js';
import { codedError, IngestQueue, isTransient, type IngestFn } from './ingest-queue.js';
import { RedisJobBook } from './job-book.js';
import { jobId, type JobData, type JobRecord } from './job-records.js';

/** The BullMQ queue's name; its keys live under the `stance-graph` prefix in Redis. */
export const INGEST_QUEUE = 'ingest';
const PREFIX = 'stance-graph';

/**
 * Bulk ingestion on BullMQ (Redis): any replica enqueues, every replica
 * whose STANCE_INGEST_CONCURRENCY is above 0 runs workers. BullMQ retries a
 * job with exponential back-off while tries are left (a permanent error ends
 * it at once, as UnrecoverableError), keeps the failed ones a week in its
 * failed set, and re-runs a job whose worker died (a stalled job); the book
 * (RedisJobBook) keeps the states and counts every replica reads.
 */
export class BullIngestQueue extends IngestQueue {
  readonly engine = 'bullmq' as const;
  private readonly queue: Queue<JobData, JobRecord>;
  private readonly worker: Worker<JobData, JobRecord> | null;
  /** The connections handed to BullMQ: it treats them as shared and leaves closing them to us. */
  private readonly connections: Redis[];

  constructor(url: string, ingest: IngestFn, pubsub: PubSubEngine, config: JobsConfig) {
    super(new RedisJobBook(redisConnection(url, 'enqueue')), ingest, pubsub, config);
    this.connections = [
      redisConnection(url, 'enqueue'),
      ...(config.concurrency > 0 ? [redisConnection(url, 'worker')] : []),
    ];
    this.queue = new Queue<JobData, JobRecord>(INGEST_QUEUE, {
      connection: this.connections[0],
      prefix: PREFIX,
      defaultJobOptions: {
        attempts: config.attempts,
        backoff: { type: 'exponential', delay: config.backoffMs },
        removeOnComplete: { age: 24 * 3600, count: 10_000 },
        removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
      },
    });
    this.queue.on('error', (error) => this.logger.warn(`queue: ${error.message}`));
    this.worker =
      config.concurrency > 0
        ? new Worker<JobData, JobRecord>(INGEST_QUEUE, (job) => this.process(job), {
            connection: this.connections[1],
            prefix: PREFIX,
            concurrency: config.concurrency,
          })
        : null;
    this.worker?.on('error', (error) => this.logger.warn(`worker: ${error.message}`));
  }

  protected admit(_inputs: IngestArticleInput[]): void {
    // Redis answers for its own bound: noeviction refuses a write past maxmemory (add() then says QUEUE_FULL).
  }

  protected async add(jobs: JobData[]): Promise<void> {
    await this.queue.addBulk(
      jobs.map((data) => ({ name: 'article', data, opts: { jobId: jobId(data.batchId, data.index) } })),
    );
  }

  /**
   * Lets running jobs finish, for up to `graceMs`; past it (a job still
   * running, or Redis away, which BullMQ's close waits on forever) the worker
   * is closed without waiting and the connections are dropped. A job cut off
   * so runs again on another worker (a stalled job): idempotent.
   */
  async close(graceMs = 10_000): Promise<void> {
    const graceful = (async () => {
      await this.worker?.close();
      await this.queue.close();
    })();
    const closed = await Promise.race([
      graceful.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), graceMs).unref()),
    ]);
    if (!closed) {
      this.logger.warn(
        `the ingest worker did not stop within ${graceMs} ms; its running jobs will run again elsewhere`,
      );
      void this.worker?.close(true).catch(() => undefined);
    }
    await this.book.close();
    await Promise.all(this.connections.map(closeRedis));
  }

  private async process(job: Job<JobData, JobRecord>): Promise<JobRecord> {
    const attempt = job.attemptsMade + 1;
    try {
      return await this.run(job.data, attempt, attempt >= (job.opts.attempts ?? 1));
    } catch (error) {
      // BullMQ keeps the message as the job's failedReason: the coded error, as the book has it.
      const { code, message } = codedError(error);
      throw isTransient(error) ? new Error(`${code}: ${message}`) : new UnrecoverableError(`${code}: ${message}`);
    }
  }
}
