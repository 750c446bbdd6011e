import type { Redis } from 'ioredis';
import { closeRedis } from '../common/redis.js';
import {
  batchFinished,
  JobState,
  parseJobId,
  type BatchRecord,
  type JobBook,
  type JobPatch,
  type JobRecord,
} from './job-records.js';

const COUNT: Record<JobState, 'queued' | 'running' | 'done' | 'failed'> = {
  QUEUED: 'queued',
  RUNNING: 'running',
  DONE: 'done',
  FAILED: 'failed',
};

function newJobs(batchId: string, labels: string[], queuedAt: string): JobRecord[] {
  return labels.map((label, index) => ({
    id: `${batchId}.${index}`,
    batchId,
    index,
    state: JobState.QUEUED,
    attempts: 0,
    label,
    articleId: null,
    stances: null,
    newActors: null,
    newProposals: null,
    duplicate: null,
    sameReportAs: null,
    error: null,
    queuedAt,
    finishedAt: null,
  }));
}

/**
 * The book of one process: the latest `keep` batches. When it is full, the
 * oldest finished batch is forgotten to make room; unfinished ones stay
 * (the queue's own bound, STANCE_INGEST_MAX_QUEUED, limits how many there are).
 */
export class MemoryJobBook implements JobBook {
  private readonly batches = new Map<string, { record: BatchRecord; jobs: JobRecord[] }>();

  constructor(private readonly keep = 200) {}

  createBatch(id: string, labels: string[]): Promise<BatchRecord> {
    this.evict();
    const createdAt = new Date().toISOString();
    const record = { id, total: labels.length, queued: labels.length, running: 0, done: 0, failed: 0, createdAt };
    this.batches.set(id, { record, jobs: newJobs(id, labels, createdAt) });
    return Promise.resolve({ ...record });
  }

  transition(id: string, patch: JobPatch): Promise<{ batch: BatchRecord; job: JobRecord } | null> {
    const at = parseJobId(id);
    const batch = at ? this.batches.get(at.batchId) : undefined;
    const job = at && batch ? batch.jobs[at.index] : undefined;
    if (!batch || !job) return Promise.resolve(null);
    batch.record[COUNT[job.state]] -= 1;
    Object.assign(job, patch);
    batch.record[COUNT[job.state]] += 1;
    return Promise.resolve({ batch: { ...batch.record }, job: { ...job } });
  }

  batch(id: string): Promise<BatchRecord | null> {
    const batch = this.batches.get(id);
    return Promise.resolve(batch ? { ...batch.record } : null);
  }

  job(id: string): Promise<JobRecord | null> {
    const at = parseJobId(id);
    const job = at ? this.batches.get(at.batchId)?.jobs[at.index] : undefined;
    return Promise.resolve(job ? { ...job } : null);
  }

  jobs(batchId: string, state: JobState | null, limit: number): Promise<JobRecord[]> {
    const jobs = this.batches.get(batchId)?.jobs ?? [];
    return Promise.resolve(
      jobs
        .filter((j) => state === null || j.state === state)
        .slice(0, limit)
        .map((j) => ({ ...j })),
    );
  }

  discard(batchId: string): Promise<void> {
    this.batches.delete(batchId);
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  private evict(): void {
    if (this.batches.size < this.keep) return;
    for (const [id, batch] of this.batches) {
      if (batchFinished(batch.record)) {
        this.batches.delete(id);
        if (this.batches.size < this.keep) return;
      }
    }
  }
}

/**
 * A job's transition in Redis, atomically: the counts of its old and new
 * state move with it, so a job re-run after a worker died (BullMQ's stalled
 * jobs) is never counted twice. Answers the batch's meta and counts, and the job.
 */
const TRANSITION = `
local old = redis.call('HGET', KEYS[1], ARGV[1])
if not old then return nil end
local job = cjson.decode(old)
local patch = cjson.decode(ARGV[2])
redis.call('HINCRBY', KEYS[1], job.state, -1)
for k, v in pairs(patch) do job[k] = v end
redis.call('HINCRBY', KEYS[1], job.state, 1)
redis.call('HSET', KEYS[1], ARGV[1], cjson.encode(job))
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[3]))
local row = redis.call('HMGET', KEYS[1], 'meta', 'QUEUED', 'RUNNING', 'DONE', 'FAILED')
table.insert(row, cjson.encode(job))
return row
`;

/** How long a batch stays readable after its last change. */
const BATCH_TTL_SECONDS = 7 * 24 * 3600;

/**
 * The book shared by replicas: one Redis hash per batch (meta, a count per
 * state, and a field per job), expiring a week after its last change.
 */
export class RedisJobBook implements JobBook {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'stance-graph:ingest:batch:',
  ) {
    redis.defineCommand('stanceJobTransition', { numberOfKeys: 1, lua: TRANSITION });
  }

  async createBatch(id: string, labels: string[]): Promise<BatchRecord> {
    const createdAt = new Date().toISOString();
    const fields: Record<string, string | number> = {
      meta: JSON.stringify({ total: labels.length, createdAt }),
      QUEUED: labels.length,
      RUNNING: 0,
      DONE: 0,
      FAILED: 0,
    };
    for (const job of newJobs(id, labels, createdAt)) fields[`j:${job.index}`] = JSON.stringify(job);
    await this.redis.multi().hset(this.key(id), fields).expire(this.key(id), BATCH_TTL_SECONDS).exec();
    return { id, total: labels.length, queued: labels.length, running: 0, done: 0, failed: 0, createdAt };
  }

  async transition(id: string, patch: JobPatch): Promise<{ batch: BatchRecord; job: JobRecord } | null> {
    const at = parseJobId(id);
    if (!at) return null;
    const run = (this.redis as unknown as Record<string, (...a: unknown[]) => Promise<Array<string | null> | null>>)
      .stanceJobTransition;
    const row = await run.call(
      this.redis,
      this.key(at.batchId),
      `j:${at.index}`,
      JSON.stringify(patch),
      BATCH_TTL_SECONDS,
    );
    const batch = row ? this.batchOf(at.batchId, row) : null;
    return batch && row?.[5] ? { batch, job: JSON.parse(row[5]) as JobRecord } : null;
  }

  async batch(id: string): Promise<BatchRecord | null> {
    return this.batchOf(id, await this.redis.hmget(this.key(id), 'meta', 'QUEUED', 'RUNNING', 'DONE', 'FAILED'));
  }

  async job(id: string): Promise<JobRecord | null> {
    const at = parseJobId(id);
    if (!at) return null;
    const raw = await this.redis.hget(this.key(at.batchId), `j:${at.index}`);
    return raw ? (JSON.parse(raw) as JobRecord) : null;
  }

  async jobs(batchId: string, state: JobState | null, limit: number): Promise<JobRecord[]> {
    const batch = await this.batch(batchId);
    if (!batch) return [];
    const out: JobRecord[] = [];
    for (let from = 0; from < batch.total && out.length < limit; from += 500) {
      const fields = Array.from({ length: Math.min(500, batch.total - from) }, (_, i) => `j:${from + i}`);
      for (const raw of await this.redis.hmget(this.key(batchId), ...fields)) {
        if (!raw) continue;
        const job = JSON.parse(raw) as JobRecord;
        if ((state === null || job.state === state) && out.length < limit) out.push(job);
      }
    }
    return out;
  }

  async discard(batchId: string): Promise<void> {
    await this.redis.del(this.key(batchId));
  }

  async close(): Promise<void> {
    await closeRedis(this.redis);
  }

  private key(batchId: string): string {
    return `${this.prefix}${batchId}`;
  }

  private batchOf(id: string, row: Array<string | null>): BatchRecord | null {
    const [meta, queued, running, done, failed] = row;
    if (!meta) return null;
    const { total, createdAt } = JSON.parse(meta) as { total: number; createdAt: string };
    return {
      id,
      total,
      queued: Number(queued ?? 0),
      running: Number(running ?? 0),
      done: Number(done ?? 0),
      failed: Number(failed ?? 0),
      createdAt,
    };
  }
}
