import type { IngestArticleInput } from '../ingest/dto/ingest-article.input.js';

/** Where one ingest job is. A job waiting for a retry is QUEUED again, with its last error. */
export enum JobState {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}

export const JOB_STATES: readonly JobState[] = [JobState.QUEUED, JobState.RUNNING, JobState.DONE, JobState.FAILED];

/** What a job carries through the queue: its batch, its place in it, and the article. */
export interface JobData {
  batchId: string;
  index: number;
  input: IngestArticleInput;
}

/** One job as the book keeps it (no article text: that travels with the job only). */
export interface JobRecord {
  id: string;
  batchId: string;
  index: number;
  state: JobState;
  /** Tries started so far. */
  attempts: number;
  /** What a person recognises the article by: its title, url or first words. */
  label: string;
  articleId: string | null;
  stances: number | null;
  /** Actors and proposals the article added to the graph. */
  newActors: number | null;
  newProposals: number | null;
  duplicate: boolean | null;
  sameReportAs: string | null;
  /** The last try's coded error: final when FAILED, the reason for the retry when QUEUED again. */
  error: { code: string; message: string } | null;
  queuedAt: string;
  finishedAt: string | null;
}

/** A batch's counts, as every progress event carries them. */
export interface BatchRecord {
  id: string;
  total: number;
  queued: number;
  running: number;
  done: number;
  failed: number;
  createdAt: string;
}

/** A batch is finished when every job is DONE or FAILED. */
export function batchFinished(batch: BatchRecord): boolean {
  return batch.done + batch.failed >= batch.total;
}

/** A job's id: its batch and its place, so that ingestJob(id) finds the batch without an index of its own. */
export function jobId(batchId: string, index: number): string {
  return `${batchId}.${index}`;
}

/** The batch and index of a job id, or null when it is none of ours. */
export function parseJobId(id: string): { batchId: string; index: number } | null {
  const match = /^(b-[0-9a-f]{16,32})\.(\d{1,6})$/.exec(id);
  return match ? { batchId: match[1], index: Number(match[2]) } : null;
}

export const BATCH_ID = /^b-[0-9a-f]{16,32}$/;

/** What a person recognises an article by, at most 120 characters. */
export function labelOf(input: IngestArticleInput): string {
  const words = (input.title ?? input.url ?? input.text.slice(0, 200)).replace(/\s+/g, ' ').trim();
  return words.length > 120 ? `${words.slice(0, 119)}…` : words;
}

/** The change one transition makes to a job record. */
export type JobPatch = Partial<Omit<JobRecord, 'id' | 'batchId' | 'index' | 'label' | 'queuedAt'>> & {
  state: JobState;
};

/**
 * Where jobs and batches are kept: in memory for one process, in Redis for
 * replicas (job-book.ts). A transition updates the job and its batch's
 * counts together, and answers both as they now are.
 */
export interface JobBook {
  createBatch(id: string, labels: string[]): Promise<BatchRecord>;
  transition(id: string, patch: JobPatch): Promise<{ batch: BatchRecord; job: JobRecord } | null>;
  batch(id: string): Promise<BatchRecord | null>;
  job(id: string): Promise<JobRecord | null>;
  /** A batch's jobs in order, optionally in one state, at most `limit`. */
  jobs(batchId: string, state: JobState | null, limit: number): Promise<JobRecord[]>;
  /** Forgets a batch that could not be queued. */
  discard(batchId: string): Promise<void>;
  close(): Promise<void>;
}
