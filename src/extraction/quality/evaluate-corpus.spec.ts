import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { evaluateFolder } from './evaluate-extraction.js';
import { formatTable } from './score.js';

// The dev corpus: invented wire-style reports (test/fixtures/articles) with an analyst's gold,
// written before the extractor was tuned. Files 01-13 were used for tuning ("train"); files 14-26
// were first scored once as a held-out half (F1 0.39); in the second round ALL 26 were used for
// tuning, so neither half is held out any more.
// The blind set (test/fixtures/articles-blind) was written, with its gold, before the second round
// and never used for tuning: 14 reports on other topics, outlets and styles. It was scored at the
// start of the round (F1 0.20) and once at the end (F1 0.27); one bug that end-of-round output
// exposed (a proposal named by a pronoun, "It", matching every later "it") was then fixed, giving
// 0.38 -- a figure no longer strictly blind. New blind articles are needed for the next honest measure.
// The floors are the figures reached, minus a margin: they catch regressions, they are not
// targets to tune the corpora towards.
const CORPUS = fileURLToPath(new URL('../../../test/fixtures/articles/', import.meta.url));
const GOLD = `${CORPUS}gold.json`;
const BLIND = fileURLToPath(new URL('../../../test/fixtures/articles-blind/', import.meta.url));
const BLIND_GOLD = `${BLIND}gold.json`;
const split = (JSON.parse(readFileSync(GOLD, 'utf8')) as { split: Record<'train' | 'heldout', string[]> }).split;

describe('extraction quality on the dev corpus (unseen outlets, regions and proposals)', () => {
  it.each([
    ['train', 0.75],
    ['heldout', 0.75],
  ] as const)('%s half reaches F1 >= %s on (actor, proposal, position)', (name, floor) => {
    const { report, results } = evaluateFolder(CORPUS, GOLD, { files: split[name] });
    console.log(`${name}\n${formatTable(report)}`);
    expect(results.map((r) => r.file)).toEqual(split[name]);
    expect(report.overall.f1).toBeGreaterThanOrEqual(floor);
  });
});

describe('extraction quality on the blind set (topics and styles never tuned on)', () => {
  it('reaches F1 >= 0.33 on (actor, proposal, position)', () => {
    const { report, results } = evaluateFolder(BLIND, BLIND_GOLD);
    console.log(`blind\n${formatTable(report)}`);
    expect(results).toHaveLength(14);
    expect(report.overall.f1).toBeGreaterThanOrEqual(0.33);
  });
});
