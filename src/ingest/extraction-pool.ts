import { Logger, type OnModuleDestroy } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ArticleInput, ExtractionResult, KnownEntities } from '../extraction/index.js';
import type { ExtractionConfig } from '../common/config/config.js';
import { DomainError, ErrorCode } from '../common/errors/error-code.js';
import type { FromWorker, WorkerSettings, ToWorker } from './extraction.worker.js';

/**
 * The worker's module, beside this one: the built .js in production; the
 * TypeScript source when the service itself runs from sources (the Jest
 * tiers load src/ through ts-jest, and a worker thread is plain Node).
 */
const SELF = import.meta.url;
const ENTRY = new URL(`./extraction.worker.${SELF.endsWith('.ts') ? 'ts' : 'js'}`, SELF);
/** How long a worker may take to load (compile the lexicon) before start-up gives up. */
const LOAD_TIMEOUT_MS = 60_000;
/** A worker that died unexpectedly is replaced after this pause (so a broken one cannot spin). */
const RESPAWN_DELAY_MS = 1_000;

/**
 * A worker started from the TypeScript sources: Node's own TypeScript
 * transform (node:module stripTypeScriptTypes) behind a load hook, and the
 * sources' `./x.js` specifiers resolved to `./x.ts`. Only ever used when
 * this module is itself a .ts file; production runs the build.
 */
function sourceBootstrap(entry: string): string {
  return `
const { registerHooks, stripTypeScriptTypes } = require('node:module');
const { readFileSync } = require('node:fs');
const { fileURLToPath } = require('node:url');
const emitWarning = process.emitWarning;
process.emitWarning = (warning, ...rest) => /TypeScript/.test(String(warning)) ? undefined : emitWarning.call(process, warning, ...rest);
registerHooks({
  resolve(specifier, context, next) {
    try {
      return next(specifier, context);
    } catch (error) {
      if (error && error.code === 'ERR_MODULE_NOT_FOUND' && /^\\.\\.?\\//.test(specifier) && specifier.endsWith('.js')) return next(specifier.slice(0, -3) + '.ts', context);
      throw error;
    }
  },
  load(url, context, next) {
    if (!url.startsWith('file:') || !url.endsWith('.ts')) return next(url, context);
    const source = stripTypeScriptTypes(readFileSync(fileURLToPath(url), 'utf8'), { mode: 'transform', sourceUrl: url });
    return { format: 'module', source, shortCircuit: true };
  },
});
import(${JSON.stringify(entry)});
`;
}

interface Task {
  id: number;
  input: ArticleInput;
  known: KnownEntities;
  version: number;
  resolve(result: ExtractionResult): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** The gazetteer version this worker holds (-1: none yet). */
  knownVersion: number;
  task: Task | null;
  timer: NodeJS.Timeout | null;
}

const busy = (waiting: number): DomainError =>
  new DomainError(
    ErrorCode.SERVICE_UNAVAILABLE,
    `extraction is busy (${waiting} articles are waiting); try again shortly`,
  );
const closing = (): DomainError =>
  new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'the service is shutting down; try again shortly');

/**
 * Extraction off the event loop: a few worker threads run the pure pipeline
 * (extractArticle), so that one costly article cannot keep the process from
 * answering anything else. Each article has a time budget; past it the
 * worker is terminated and replaced, and the caller gets EXTRACTION_TIMEOUT.
 * Articles wait for a free worker in a bounded queue; a full queue refuses at
 * once (SERVICE_UNAVAILABLE). The gazetteer goes to each worker once per
 * version (its content, not its object identity), not with every article.
 */
export class ExtractionPool implements OnModuleDestroy {
  private readonly logger = new Logger('Extraction');
  private readonly slots: Slot[] = [];
  private readonly waiting: Task[] = [];
  private nextId = 1;
  private closed = false;
  private knownSent = 0;
  private nicedWarned = false;
  private known: { value: KnownEntities | null; key: string; version: number } = { value: null, key: '', version: 0 };

  constructor(
    private readonly options: ExtractionConfig,
    /** The worker's module (tests name a missing one). */
    private readonly entry: URL = ENTRY,
  ) {}

  /** Starts the workers and waits until each has loaded; fails with the reason when one cannot. */
  async start(): Promise<void> {
    if (!existsSync(fileURLToPath(this.entry))) {
      throw new Error(
        `stance: the extraction worker ${fileURLToPath(this.entry)} is missing: build the service (npm run build)`,
      );
    }
    const loads: Array<Promise<void>> = [];
    for (let i = 0; i < this.options.workers; i++) loads.push(this.spawn());
    const settled = await Promise.allSettled(loads);
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) {
      await this.close();
      throw failed.reason;
    }
  }

  /** Throws what extract() would answer at once (shutting down, or the queue full), so a caller can refuse before preparing an article. */
  admit(): void {
    if (this.closed) throw closing();
    const idle = this.slots.some((s) => s.ready && !s.task);
    if (!idle && this.waiting.length >= this.options.queue) throw busy(this.waiting.length);
  }

  /** Reads one article in a worker, with the given gazetteer. */
  extract(input: ArticleInput, known: KnownEntities): Promise<ExtractionResult> {
    try {
      this.admit();
    } catch (error) {
      return Promise.reject(error as Error);
    }
    const version = this.versionOf(known);
    return new Promise<ExtractionResult>((resolve, reject) => {
      this.waiting.push({ id: this.nextId++, input, known, version, resolve, reject });
      this.pump();
    });
  }

  /** Workers, the articles being read and waiting, and how many times a worker was sent the gazetteer. */
  stats(): { workers: number; running: number; waiting: number; gazetteersSent: number } {
    return {
      workers: this.slots.length,
      running: this.slots.filter((s) => s.task).length,
      waiting: this.waiting.length,
      gazetteersSent: this.knownSent,
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const task of this.waiting.splice(0)) task.reject(closing());
    await Promise.all(
      this.slots.splice(0).map(async (slot) => {
        if (slot.timer) clearTimeout(slot.timer);
        slot.task?.reject(closing());
        slot.task = null;
        await slot.worker.terminate();
      }),
    );
  }

  onModuleDestroy(): Promise<void> {
    return this.close();
  }

  /**
   * The gazetteer's version: the same object is the same version; another
   * object with the same content too (the ingest service reloads it every
   * few seconds, mostly unchanged), so workers are sent it only when it changed.
   */
  private versionOf(known: KnownEntities): number {
    if (known === this.known.value) return this.known.version;
    const key = createHash('sha256').update(JSON.stringify(known)).digest('base64');
    if (key !== this.known.key) this.known = { value: known, key, version: this.known.version + 1 };
    else this.known.value = known;
    return this.known.version;
  }

  /** Starts a worker in a new slot; resolves once it has loaded. */
  private spawn(slot?: Slot): Promise<void> {
    const workerData: WorkerSettings = { nice: this.options.nice ?? 0 };
    const worker = this.entry.href.endsWith('.ts')
      ? new Worker(sourceBootstrap(this.entry.href), { eval: true, workerData })
      : new Worker(this.entry, { workerData });
    const current: Slot = slot ?? { worker, ready: false, knownVersion: -1, task: null, timer: null };
    Object.assign(current, { worker, ready: false, knownVersion: -1, task: null, timer: null });
    if (!slot) this.slots.push(current);
    let failure: Error | null = null;
    return new Promise<void>((resolve, reject) => {
      const loading = setTimeout(() => {
        reject(new Error(`stance: an extraction worker did not load within ${LOAD_TIMEOUT_MS / 1000} s`));
        void worker.terminate();
      }, LOAD_TIMEOUT_MS);
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'ready') {
          clearTimeout(loading);
          if (!message.niced && !this.nicedWarned) {
            this.nicedWarned = true;
            this.logger.warn(
              `could not set the extraction workers' nice value (${workerData.nice}): they run at the service's priority`,
            );
          }
          current.ready = true;
          resolve();
          this.pump();
        } else this.settle(current, worker, message);
      });
      worker.on('error', (error) => {
        failure = error;
      });
      worker.on('exit', (code) => {
        clearTimeout(loading);
        if (current.worker !== worker || this.closed) return;
        // Died by itself (not terminated by us): its article fails, a new worker takes the slot.
        const reason = failure ? `${failure.name}: ${failure.message}` : `exit code ${code}`;
        if (!current.ready) {
          reject(new Error(`stance: an extraction worker failed to load (${reason})`));
          if (!slot) return;
        }
        this.logger.error(`an extraction worker died (${reason}); starting another`);
        if (current.timer) clearTimeout(current.timer);
        current.task?.reject(new Error(`extraction failed: the worker died (${reason})`));
        current.task = null;
        current.ready = false;
        setTimeout(() => {
          if (!this.closed && current.worker === worker)
            this.spawn(current).catch((error: Error) => this.logger.error(error.message));
        }, RESPAWN_DELAY_MS).unref();
      });
    });
  }

  /** Gives waiting articles to idle workers, the gazetteer first when the worker holds another version. */
  private pump(): void {
    for (const slot of this.slots) {
      if (this.waiting.length === 0) return;
      if (!slot.ready || slot.task) continue;
      const task = this.waiting.shift()!;
      slot.task = task;
      if (slot.knownVersion !== task.version) {
        slot.worker.postMessage({ type: 'known', version: task.version, known: task.known } satisfies ToWorker);
        slot.knownVersion = task.version;
        this.knownSent += 1;
      }
      slot.worker.postMessage({ type: 'extract', id: task.id, input: task.input } satisfies ToWorker);
      slot.timer = setTimeout(() => this.overBudget(slot, task), this.options.budgetMs);
    }
  }

  private settle(slot: Slot, worker: Worker, message: Exclude<FromWorker, { type: 'ready' }>): void {
    const task = slot.task;
    if (slot.worker !== worker || !task || task.id !== message.id) return;
    if (slot.timer) clearTimeout(slot.timer);
    slot.task = null;
    slot.timer = null;
    if (message.type === 'result') task.resolve(message.result);
    else task.reject(new Error(`extraction failed: ${message.message}`));
    this.pump();
  }

  /** The article took too long: its worker is stopped mid-work and replaced; the caller is told. */
  private overBudget(slot: Slot, task: Task): void {
    if (slot.task !== task || this.closed) return;
    const old = slot.worker;
    slot.timer = null;
    this.logger.warn(`an article took longer than ${this.options.budgetMs} ms to read; its worker was stopped`);
    task.reject(
      new DomainError(
        ErrorCode.EXTRACTION_TIMEOUT,
        `text: reading this article took longer than ${this.options.budgetMs} ms, so it was stopped and nothing was written`,
        'text',
      ),
    );
    this.spawn(slot).catch((error: Error) => this.logger.error(error.message));
    void old.terminate();
  }
}
