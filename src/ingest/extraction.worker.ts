/**
 * The extraction worker: runs the pure pipeline (extractArticle) off the
 * service's event loop. It keeps the gazetteer the pool sent last (sent once
 * per version, not with every article) and answers each article with its
 * result or the error the pipeline threw. See extraction-pool.ts.
 */
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { extractArticle, type ArticleInput, type ExtractionResult, type KnownEntities } from '../extraction/index.js';

export type ToWorker =
  { type: 'known'; version: number; known: KnownEntities } | { type: 'extract'; id: number; input: ArticleInput };

export type FromWorker =
  /** loaded; `niced`: false when the nice value asked for could not be set (the thread runs at the process's) */
  | { type: 'ready'; niced: boolean }
  | { type: 'result'; id: number; result: ExtractionResult }
  | { type: 'error'; id: number; message: string };

/** What the pool starts each worker with. */
export interface WorkerSettings {
  /** This thread's nice value: on Linux a thread's own, so the event loop keeps its priority. */
  nice: number;
}

const port = parentPort;
if (port) {
  const settings = workerData as WorkerSettings | undefined;
  let niced = true;
  if (settings?.nice) {
    try {
      setPriority(0, settings.nice);
    } catch {
      niced = false; // not permitted here: the pool says so once
    }
  }
  let known: KnownEntities = { actors: [], proposals: [] };
  port.on('message', (message: ToWorker) => {
    if (message.type === 'known') {
      known = message.known;
      return;
    }
    let answer: FromWorker;
    try {
      answer = { type: 'result', id: message.id, result: extractArticle(message.input, known) };
    } catch (error) {
      answer = {
        type: 'error',
        id: message.id,
        message: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      };
    }
    port.postMessage(answer);
  });
  // Loaded (the lexicon compiled): the pool may send articles.
  port.postMessage({ type: 'ready', niced } satisfies FromWorker);
}
