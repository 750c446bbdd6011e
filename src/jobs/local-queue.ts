import type { PubSubEngine } from 'graphql-subscriptions';
import type { JobsConfig } from '../common/config/config.js';
import { DomainError, ErrorCode } from '../common/errors/error-code.js';
import type { IngestArticleInput } from '../ingest/dto/ingest-article.input.js';
import { IngestQueue, isTransient, type IngestFn } from './ingest-queue.js';
import { MemoryJobBook } from './job-book.js';
import type { JobData } from './job-records.js';

interface Waiting {
  data: JobData;
  /** The try this will be (from 1). */
  attempt: number;
  /** Not before this time (ms since the epoch): a retry's back-off. */
  notBefore: number;
}

/**
 * The queue of one process, without Redis: the same API, states, retries and
 * progress events as BullMQ's, held in memory. Bounded: at most
 * STANCE_INGEST_MAX_QUEUED jobs (and their text) wait; a batch past that is
 * refused whole with QUEUE_FULL. Jobs not run when the process stops are
 * lost, like a Redis without persistence: the batch says which did not finish.
 */
export class LocalIngestQueue extends IngestQueue {
  readonly engine = 'local' as const;
  private readonly waiting: Waiting[] = [];
  private running = 0;
  private closing = false;
  private readonly idle = new Set<() => void>();
  private timer: NodeJS.Timeout | null = null;

  constructor(ingest: IngestFn, pubsub: PubSubEngine, config: JobsConfig) {
    super(new MemoryJobBook(), ingest, pubsub, config);
  }

  protected admit(inputs: IngestArticleInput[]): void {
    if (this.closing) throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'the service is shutting down');
    if (this.waiting.length + inputs.length > this.config.maxQueued)
      throw new DomainError(
        ErrorCode.QUEUE_FULL,
        `the ingest queue holds ${this.waiting.length} jobs and takes at most ${this.config.maxQueued}; try again when it has run some`,
      );
  }

  protected add(jobs: JobData[]): Promise<void> {
    for (const data of jobs) this.waiting.push({ data, attempt: 1, notBefore: 0 });
    this.pump();
    return Promise.resolve();
  }

  async close(graceMs = 10_000): Promise<void> {
    this.closing = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.running > 0)
      await Promise.race([
        new Promise<void>((resolve) => this.idle.add(resolve)),
        new Promise((resolve) => setTimeout(resolve, graceMs).unref()),
      ]);
    await this.book.close();
  }

  private pump(): void {
    if (this.closing) return;
    const now = Date.now();
    const slots = Math.max(1, this.config.concurrency);
    while (this.running < slots) {
      const next = this.waiting.findIndex((w) => w.notBefore <= now);
      if (next < 0) break;
      const [job] = this.waiting.splice(next, 1);
      this.running += 1;
      void this.start(job);
    }
    // A retry waiting for its back-off: wake up when the first one is due.
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const due = this.waiting.reduce((min, w) => Math.min(min, w.notBefore), Infinity);
    if (this.running < slots && Number.isFinite(due)) {
      this.timer = setTimeout(() => this.pump(), Math.max(0, due - now));
      this.timer.unref();
    }
  }

  private async start(job: Waiting): Promise<void> {
    const last = job.attempt >= this.config.attempts;
    try {
      await this.run(job.data, job.attempt, last);
    } catch (error) {
      // run() filed it as QUEUED again (transient, tries left) or as FAILED: the same rule here.
      if (!last && isTransient(error) && !this.closing)
        this.waiting.push({ ...job, attempt: job.attempt + 1, notBefore: Date.now() + this.backoff(job.attempt) });
    } finally {
      this.running -= 1;
      if (this.running === 0) for (const resolve of this.idle) resolve();
      this.pump();
    }
  }
}
