import { Logger } from '@nestjs/common';
import type { PubSubEngine } from 'graphql-subscriptions';
import { isRetryableError, Neo4jError } from 'neo4j-driver';
import { randomBytes } from 'node:crypto';
import type { JobsConfig } from '../common/config/config.js';
import { DomainError, ErrorCode } from '../common/errors/error-code.js';
import { runAs } from '../common/operation-context.js';
import type { IngestArticleInput } from '../ingest/dto/ingest-article.input.js';
import type { IngestOutcome } from '../ingest/ingest.service.js';
import {
  jobId,
  JobState,
  labelOf,
  type BatchRecord,
  type JobBook,
  type JobData,
  type JobRecord,
} from './job-records.js';

/** The topic progress events go out on (every replica's subscribers, through PUBSUB). */
export const INGEST_PROGRESS = 'stance-graph.ingest-progress';

export interface IngestProgressEvent {
  batch: BatchRecord;
  /** The job whose change this is. */
  job: JobRecord | null;
}

/** What reads one article: IngestService.ingest, or a stand-in with its signature. */
export type IngestFn = (
  input: IngestArticleInput,
) => Promise<
  Pick<IngestOutcome, 'article' | 'stances' | 'duplicate' | 'sameReportAs' | 'newActorIds' | 'newProposalIds'>
>;

/** An error a later try may not meet again: the database away, a deadlock, a full extraction queue. */
export function isTransient(error: unknown): boolean {
  if (error instanceof DomainError) return error.code === ErrorCode.SERVICE_UNAVAILABLE;
  if (error instanceof Neo4jError) return isRetryableError(error);
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EAI_AGAIN)$/.test(code);
}

/** A job's error as readers see it: the stable code, and a message that gives away nothing internal. */
export function codedError(error: unknown): { code: string; message: string } {
  if (error instanceof DomainError) return { code: error.code, message: error.message };
  if (isTransient(error))
    return { code: ErrorCode.SERVICE_UNAVAILABLE, message: 'the database or a server it needs did not answer' };
  return { code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'the article could not be ingested (see the service log)' };
}

/** Why a batch was not queued, as a coded error: nothing of it was. */
function refusal(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  if (/\bOOM\b/.test(error instanceof Error ? error.message : String(error)))
    return new DomainError(
      ErrorCode.QUEUE_FULL,
      'the ingest queue is full (Redis is at its memory limit); try again later',
    );
  return new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'the ingest queue did not answer; nothing was queued');
}

/**
 * Bulk ingestion as jobs: `enqueue` files a batch and answers at once;
 * workers (this process's, and with Redis every replica's) run each job
 * through the same pipeline as ingestArticle, retry it with back-off on a
 * transient failure, and file it as FAILED with its coded error after the
 * last try or at once on a permanent one. Every change of a job is published
 * (INGEST_PROGRESS) with its batch's counts. A job run twice changes nothing:
 * the pipeline's ids come from the content.
 *
 * Two engines behind this one API: LocalIngestQueue (in process, no Redis)
 * and BullIngestQueue (BullMQ on Redis).
 */
export abstract class IngestQueue {
  protected readonly logger = new Logger('IngestQueue');
  /** 'bullmq' or 'local': what the start-up log and /health say. */
  abstract readonly engine: 'bullmq' | 'local';

  constructor(
    protected readonly book: JobBook,
    protected readonly ingest: IngestFn,
    protected readonly pubsub: PubSubEngine,
    protected readonly config: JobsConfig,
  ) {}

  /** Files the articles as one batch of jobs, in order; answers the batch once every job is queued. */
  async enqueue(inputs: IngestArticleInput[]): Promise<BatchRecord> {
    const batchId = `b-${randomBytes(10).toString('hex')}`;
    this.admit(inputs);
    const batch = await this.book.createBatch(batchId, inputs.map(labelOf)).catch((error: unknown) => {
      throw refusal(error);
    });
    // Announced before any job can start, so that the filing comes first; only the caller knows the id yet.
    await this.publish(batch, null);
    try {
      await this.add(inputs.map((input, index) => ({ batchId, index, input })));
    } catch (error) {
      await this.book.discard(batchId).catch(() => undefined);
      throw refusal(error);
    }
    return batch;
  }

  batch(id: string): Promise<BatchRecord | null> {
    return this.book.batch(id);
  }

  job(id: string): Promise<JobRecord | null> {
    return this.book.job(id);
  }

  jobs(batchId: string, state: JobState | null, limit: number): Promise<JobRecord[]> {
    return this.book.jobs(batchId, state, limit);
  }

  /** Stops taking jobs, lets the running ones finish (for up to `graceMs`), and closes the connections. */
  abstract close(graceMs?: number): Promise<void>;

  /** Refuses a batch the engine cannot take (QUEUE_FULL); nothing is filed then. */
  protected abstract admit(inputs: IngestArticleInput[]): void;

  /** Hands the jobs to the engine. */
  protected abstract add(jobs: JobData[]): Promise<void>;

  /**
   * One try of one job: `attempt` counts from 1, and `last` says whether a
   * failure now is final. Resolves with the job as filed; rejects with the
   * error (wrapped by the engine as final when it is permanent).
   */
  protected async run(data: JobData, attempt: number, last: boolean): Promise<JobRecord> {
    const id = jobId(data.batchId, data.index);
    await this.transition(id, { state: JobState.RUNNING, attempts: attempt });
    try {
      const outcome = await runAs(`job ingest ${id}`, () => this.ingest(data.input));
      return await this.transition(id, {
        state: JobState.DONE,
        attempts: attempt,
        articleId: outcome.article.id,
        stances: outcome.stances.length,
        newActors: outcome.newActorIds.length,
        newProposals: outcome.newProposalIds.length,
        duplicate: outcome.duplicate,
        sameReportAs: outcome.sameReportAs?.id ?? null,
        error: null,
        finishedAt: new Date().toISOString(),
      });
    } catch (error) {
      const final = last || !isTransient(error);
      const coded = codedError(error);
      if (coded.code === ErrorCode.INTERNAL_SERVER_ERROR)
        this.logger.error(
          `job ${id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
      await this.transition(id, {
        state: final ? JobState.FAILED : JobState.QUEUED,
        attempts: attempt,
        error: coded,
        finishedAt: final ? new Date().toISOString() : null,
      });
      throw error;
    }
  }

  /** The retry delay after try `attempt`: the configured back-off, doubled each time, with a little jitter. */
  protected backoff(attempt: number): number {
    return Math.round(this.config.backoffMs * 2 ** (attempt - 1) * (0.9 + Math.random() * 0.2));
  }

  private async transition(id: string, patch: Parameters<JobBook['transition']>[1]): Promise<JobRecord> {
    const changed = await this.book.transition(id, patch);
    if (!changed) throw new DomainError(ErrorCode.NOT_FOUND, `job "${id}" is no longer in the book`);
    await this.publish(changed.batch, changed.job);
    return changed.job;
  }

  private async publish(batch: BatchRecord, job: JobRecord | null): Promise<void> {
    try {
      await this.pubsub.publish(INGEST_PROGRESS, { batch, job } satisfies IngestProgressEvent);
    } catch (error) {
      this.logger.warn(`progress not published: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
