/**
 * The extraction worker: runs the pure pipeline (extractArticle) off the
 * service's event loop. It keeps the gazetteer the pool sent last (sent once
 * per version, not with every article) and answers each article with its
 * result or the error the pipeline threw. See extraction-pool.ts.
 */
import { parentPort } from 'node:worker_threads';
import { extractArticle, type ArticleInput, type ExtractionResult, type KnownEntities } from '../extraction/index.js';

export type ToWorker =
  { type: 'known'; version: number; known: KnownEntities } | { type: 'extract'; id: number; input: ArticleInput };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'result'; id: number; result: ExtractionResult }
  | { type: 'error'; id: number; message: string };

const port = parentPort;
if (port) {
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
  port.postMessage({ type: 'ready' } satisfies FromWorker);
}
