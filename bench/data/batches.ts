import { ArticlesService } from '../../src/articles/articles.service.js';
import { RecordingService, type StanceBatch } from '../../src/recording/recording.service.js';
import type { SyntheticProposal } from './synthetic.js';
import { ArticleWrite } from '../../src/graph/article.row.js';
import { StanceStatus } from '../../src/graph/vocabulary.js';
import { StanceWrite } from '../../src/graph/stance.row.js';

/** Rows for StanceWriter, and the reprint links to make in the same transaction. */
export interface PreparedBatch {
  batch: StanceBatch;
  reprints: Array<[string, string]>;
  stances: number;
}

/**
 * Turns generated stances into writeBatch rows through the service's own
 * validation (RecordingService.prepare, ArticlesService.toWrite), as
 * recordStance does; extracted ones (PROPOSED) become rows like ingestion's
 * (override false, with the rule that found them).
 */
export function prepareBatch(
  recording: RecordingService,
  articles: ArticlesService,
  proposals: SyntheticProposal[],
): PreparedBatch {
  const rows: StanceWrite[] = [];
  const byId = new Map<string, ArticleWrite>();
  for (const p of proposals) {
    for (const s of p.stances) {
      const prepared = recording.prepare(s.input);
      const row = prepared.stance;
      if (s.status !== 'CONFIRMED') {
        row.status = s.status as StanceStatus;
        row.override = s.status !== 'PROPOSED';
        row.rule = s.rule;
      }
      rows.push(row);
      for (const a of prepared.articles) byId.set(a.id, { ...byId.get(a.id), ...a });
    }
  }
  const reprints = proposals.flatMap((p) =>
    p.reprints.map(
      ([copy, original]) =>
        [articles.toWrite('reprint', { url: copy }).id, articles.toWrite('original', { url: original }).id] as [
          string,
          string,
        ],
    ),
  );
  return { batch: { articles: [...byId.values()], stances: rows }, reprints, stances: rows.length };
}

/** Groups proposals into batches of about `size` stances (a proposal is never split). */
export function* batchesOf(proposals: Iterable<SyntheticProposal>, size: number): Generator<SyntheticProposal[]> {
  let current: SyntheticProposal[] = [];
  let count = 0;
  for (const p of proposals) {
    current.push(p);
    count += p.stances.length;
    if (count >= size) {
      yield current;
      current = [];
      count = 0;
    }
  }
  if (current.length > 0) yield current;
}
