import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractArticle } from '../pipeline/extract.js';
import { evaluateFolder, missCauses } from './evaluate-extraction.js';
import { formatTable, type GoldFile, type GoldStance } from './score.js';

// The seeds live next to the repository (../shared/seeds), never inside it.
const SEEDS = fileURLToPath(new URL('../../../../shared/seeds/', import.meta.url));
const GOLD = `${SEEDS}gold.json`;

(existsSync(GOLD) ? describe : describe.skip)('extraction quality on the seed articles', () => {
  // 002's date comes from its inline header, not from the caller
  const evaluation = evaluateFolder(SEEDS, GOLD, { publishedOn: { '002_9eeac597d1877c74.txt': null } });

  it('reaches F1 >= 0.9 on (actor, proposal, position)', () => {
    console.log(formatTable(evaluation.report));
    expect(evaluation.report.overall.f1).toBeGreaterThanOrEqual(0.9);
  });

  it('reads the publication date from the inline header when none is given', () => {
    const r = evaluation.results.find((x) => x.file.startsWith('002'))!.result;
    expect(r.metadata.publishedOn).toBe('2017-07-19');
    expect(r.text.startsWith('date')).toBe(false);
  });

  it('finds two revisions in 003 and gives each of its stances evidence from both', () => {
    const r = evaluation.results.find((x) => x.file.startsWith('003'))!.result;
    expect(r.revisions).toHaveLength(2);
    expect(r.stances.length).toBeGreaterThanOrEqual(3);
    for (const s of r.stances) expect(new Set(s.evidence.map((e) => e.revision))).toEqual(new Set([0, 1]));
  });

  it('keeps every referenced id in the result', () => {
    for (const { result } of evaluation.results) {
      const actorIds = new Set(result.actors.map((a) => a.id));
      const proposalIds = new Set(result.proposals.map((p) => p.id));
      for (const s of result.stances) {
        expect(actorIds.has(s.actorId)).toBe(true);
        if (s.speakerId) expect(actorIds.has(s.speakerId)).toBe(true);
        expect(proposalIds.has(s.proposalId)).toBe(true);
      }
      for (const a of result.actors) if (a.representsId) expect(actorIds.has(a.representsId)).toBe(true);
      for (const p of result.proposals) {
        if (p.proposedById) expect(actorIds.has(p.proposedById)).toBe(true);
        if (p.proposerId) expect(actorIds.has(p.proposerId)).toBe(true);
      }
    }
  });
});

describe('why a gold stance was missed', () => {
  const text =
    'Japan rejected the proposed summit with North Korea on Monday. China said nothing. ' +
    'South Korea welcomed the summit.';
  const result = extractArticle({ text, publishedOn: '2024-03-15' }, { actors: [], proposals: [] });
  const stance = (actor: string, proposal: string, position: GoldStance['position']): GoldStance => ({
    actor,
    speaker: null,
    proposal,
    position,
    cue: [],
    conditions: [],
    statedOn: null,
  });
  const gold = (stances: GoldStance[]): GoldFile => ({
    proposals: [{ name: 'Japan–North Korea summit', aliases: ['summit with North Korea'] }],
    actors: [],
    articles: [{ file: 'a.txt', publishedOn: '2024-03-15', stances, mentions: [] }],
  });

  it('tells a proposal never read, an actor never read, a stance not read and another position apart', () => {
    const summit = 'Japan–North Korea summit';
    expect(missCauses(gold([stance('Japan', summit, 'OPPOSE')]), 'a.txt', result)).toEqual([]);
    expect(missCauses(gold([stance('Japan', 'Six-party talks', 'OPPOSE')]), 'a.txt', result)).toEqual(['no proposal']);
    expect(missCauses(gold([stance('Mongolia', summit, 'SUPPORT')]), 'a.txt', result)).toEqual(['no actor']);
    expect(missCauses(gold([stance('China', summit, 'SUPPORT')]), 'a.txt', result)).toEqual(['no stance']);
    expect(missCauses(gold([stance('Japan', summit, 'SUPPORT')]), 'a.txt', result)).toEqual(['position']);
  });
});
