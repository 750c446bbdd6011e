import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { evaluateFolder } from './evaluate-extraction.js';
import { formatTable } from './score.js';

// The dev corpus: invented wire-style reports (test/fixtures/articles) with an analyst's gold,
// written before the extractor was tuned. Files 01-13 were used for tuning ("train"); files 14-26
// were scored only once, at the end ("heldout"), so the held-out figure is the honest one.
// The floors are the figures reached when the corpus was introduced, minus a margin: they
// catch regressions, they are not targets to tune the corpus towards.
const CORPUS = fileURLToPath(new URL('../../../test/fixtures/articles/', import.meta.url));
const GOLD = `${CORPUS}gold.json`;
const split = (JSON.parse(readFileSync(GOLD, 'utf8')) as { split: Record<'train' | 'heldout', string[]> }).split;

describe('extraction quality on the dev corpus (unseen outlets, regions and proposals)', () => {
  it.each([
    ['train', 0.55],
    ['heldout', 0.32],
  ] as const)('%s half reaches F1 >= %s on (actor, proposal, position)', (name, floor) => {
    const { report, results } = evaluateFolder(CORPUS, GOLD, { files: split[name] });
    console.log(`${name}\n${formatTable(report)}`);
    expect(results.map((r) => r.file)).toEqual(split[name]);
    expect(report.overall.f1).toBeGreaterThanOrEqual(floor);
  });
});
