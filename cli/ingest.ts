import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { PubSubEngine } from 'graphql-subscriptions';
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { AppModule } from '../src/app.module.js';
import { runAs } from '../src/common/operation-context.js';
import { parseTextFile } from '../src/extraction/index.js';
import type { IngestArticleInput } from '../src/ingest/dto/ingest-article.input.js';
import { INGEST_PROGRESS, IngestQueue, type IngestProgressEvent } from '../src/jobs/ingest-queue.js';
import { batchFinished, JobState, type BatchRecord, type JobRecord } from '../src/jobs/job-records.js';
import { MAX_BATCH } from '../src/jobs/jobs.resolver.js';
import { PUBSUB } from '../src/live/pubsub.js';
import { listArticleFiles } from './files.js';
import { StderrLogger } from './stderr-logger.js';

/**
 * `npm run ingest -- <files or folders>`: plain-text articles, each with an
 * optional header of `key: value` lines (url, outlet, title, published)
 * ended by `---`, queued as jobs on the ingest queue (BullMQ with REDIS_URL,
 * where every replica's workers help; else in this process) and run through
 * the same pipeline as the ingestArticle mutation. Files are read and queued
 * a batch at a time, the next when the last is mostly done, so a folder of
 * any size holds a bounded number of texts in memory. A line per article and
 * a progress bar go to stderr (they are for people); stdout carries data
 * only: the id of each article ingested, one per line.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.length === 0) {
    console.error('usage: npm run ingest -- <files or folders>');
    process.exit(2);
  }
  // npm runs scripts from the project root; paths are meant from where npm was called.
  const files = listArticleFiles(args.map((a) => resolve(process.env.INIT_CWD ?? process.cwd(), a)));
  process.env.STANCE_LOAD_DEMO = 'false';
  const app = await NestFactory.createApplicationContext(AppModule, {
    logger: new StderrLogger(),
    abortOnError: false,
  });
  const queue = app.get(IngestQueue);
  const pubsub = app.get<PubSubEngine>(PUBSUB);
  const progress = new Progress(files.length);
  const batches = new Map<string, { record: BatchRecord; files: string[] }>();
  const reported = new Set<string>();

  const report = (job: JobRecord): void => {
    const batch = batches.get(job.batchId);
    if (!batch || reported.has(job.id)) return;
    if (job.state !== JobState.DONE && job.state !== JobState.FAILED) return;
    reported.add(job.id);
    progress.finished(job, basename(batch.files[job.index] ?? job.label));
    if (job.state === JobState.DONE && job.articleId) process.stdout.write(`${job.articleId}\n`);
  };
  const onEvent = (event: IngestProgressEvent): void => {
    const batch = batches.get(event.batch.id);
    if (!batch) return;
    batch.record = event.batch;
    if (event.job) report(event.job);
    progress.draw([...batches.values()].map((b) => b.record));
  };
  const subscription = await pubsub.subscribe(INGEST_PROGRESS, onEvent, {});

  // Events can be missed (a Redis reconnect): the books are read too, every two seconds.
  const poll = async (): Promise<void> => {
    for (const [id, batch] of batches) {
      if (batchFinished(batch.record)) continue;
      batch.record = (await queue.batch(id)) ?? batch.record;
      for (const job of await queue.jobs(id, null, MAX_BATCH)) report(job);
    }
    progress.draw([...batches.values()].map((b) => b.record));
  };
  const unfinished = (): number =>
    [...batches.values()].reduce((n, b) => n + b.record.total - b.record.done - b.record.failed, 0);
  const waitUntil = async (done: () => boolean): Promise<void> => {
    while (!done()) {
      await new Promise((r) => setTimeout(r, 2000));
      await poll();
    }
  };

  const started = Date.now();
  let unreadable = 0;
  try {
    for (let from = 0; from < files.length; from += MAX_BATCH) {
      // Back-pressure: the next batch is read when fewer than a batch's worth wait.
      await waitUntil(() => unfinished() < MAX_BATCH / 2);
      const chunk = files.slice(from, from + MAX_BATCH);
      const inputs: IngestArticleInput[] = [];
      const named: string[] = [];
      for (const file of chunk) {
        try {
          const { metadata, text } = parseTextFile(readFileSync(file, 'utf8'));
          inputs.push({ text, ...metadata });
          named.push(file);
        } catch (error) {
          unreadable += 1;
          progress.line(
            `${basename(file)}: FAILED (unreadable): ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }
      if (inputs.length === 0) continue;
      const record = await queue.enqueue(inputs);
      batches.set(record.id, { record, files: named });
      progress.line(`queued ${inputs.length} articles as batch ${record.id} (${queue.engine})`);
    }
    await waitUntil(() => unfinished() === 0);
    await poll();
  } finally {
    pubsub.unsubscribe(subscription);
    progress.end();
    await app.close();
  }
  const totals = progress.totals;
  const seconds = (Date.now() - started) / 1000;
  console.error(
    `ingested ${totals.done} of ${files.length} files in ${seconds.toFixed(1)} s (${(totals.done / Math.max(seconds, 0.001)).toFixed(1)} articles/s): ` +
      `${totals.duplicates} already known, ${totals.reprints} reprints or revisions, ${totals.stances} stances backed, ` +
      `${totals.actors} new actors, ${totals.proposals} new proposals, ${totals.failed + unreadable} failed`,
  );
  if (totals.failed + unreadable > 0) process.exitCode = 1;
}

/** The per-article lines and, on a terminal, a progress bar under them (all on stderr). */
class Progress {
  readonly totals = { done: 0, failed: 0, duplicates: 0, reprints: 0, stances: 0, actors: 0, proposals: 0 };
  private readonly tty = process.stderr.isTTY === true;
  private bar = '';
  private lastPlain = 0;
  private readonly started = Date.now();

  constructor(private readonly files: number) {}

  finished(job: JobRecord, name: string): void {
    const n = this.totals.done + this.totals.failed + 1;
    const prefix = `[${String(n).padStart(String(this.files).length)}/${this.files}] ${name}`;
    if (job.state === JobState.FAILED) {
      this.totals.failed += 1;
      this.line(
        `${prefix}: FAILED${job.error ? ` (${job.error.code}) after ${job.attempts} tries: ${job.error.message}` : ''}`,
      );
      return;
    }
    this.totals.done += 1;
    this.totals.duplicates += job.duplicate ? 1 : 0;
    this.totals.reprints += job.sameReportAs ? 1 : 0;
    this.totals.stances += job.stances ?? 0;
    this.totals.actors += job.newActors ?? 0;
    this.totals.proposals += job.newProposals ?? 0;
    const note = job.duplicate
      ? 'already ingested, nothing changed'
      : `${job.stances ?? 0} stances` +
        (job.sameReportAs ? `, same report as ${job.sameReportAs}` : '') +
        (job.newActors ? `, ${job.newActors} new actors` : '') +
        (job.newProposals ? `, ${job.newProposals} new proposals` : '') +
        (job.attempts > 1 ? ` (try ${job.attempts})` : '');
    this.line(`${prefix}: ${job.articleId}: ${note}`);
  }

  line(text: string): void {
    if (this.tty && this.bar) process.stderr.write('\r\x1b[2K');
    process.stderr.write(`${text}\n`);
    if (this.tty && this.bar) process.stderr.write(this.bar);
  }

  draw(batches: BatchRecord[]): void {
    const sum = (k: 'done' | 'failed' | 'running' | 'queued') => batches.reduce((n, b) => n + b[k], 0);
    const ended = sum('done') + sum('failed');
    const width = 30;
    const filled = Math.round((width * ended) / Math.max(1, this.files));
    const seconds = (Date.now() - this.started) / 1000;
    const rate = ended / Math.max(seconds, 0.001);
    const eta = rate > 0 ? Math.round((this.files - ended) / rate) : null;
    this.bar =
      `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${ended}/${this.files} ` +
      `(${sum('running')} running, ${sum('queued')} queued, ${sum('failed')} failed) ${rate.toFixed(1)}/s` +
      (eta !== null && ended < this.files ? `, about ${eta} s left` : '');
    if (this.tty) process.stderr.write(`\r\x1b[2K${this.bar}`);
    else if (Date.now() - this.lastPlain > 10_000) {
      this.lastPlain = Date.now();
      process.stderr.write(`${this.bar}\n`);
    }
  }

  end(): void {
    if (this.tty && this.bar) process.stderr.write(`\r\x1b[2K${this.bar}\n`);
    this.bar = '';
  }
}

runAs('cli ingest', main).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
