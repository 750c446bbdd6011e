import { stanceId } from '../../src/common/ids.js';
import { parseCount, tierLabel } from '../support/args.js';
import { syntheticPlan } from './synthetic.js';

describe('the synthetic stance graph', () => {
  const ids = (n: number) => {
    const out: string[] = [];
    for (const p of syntheticPlan(n).proposals())
      for (const s of p.stances)
        out.push(stanceId(s.input.actorId, s.input.proposalId, s.input.position, s.input.statedOn ?? null));
    return out;
  };

  it('has exactly N stances, each a distinct fact', () => {
    const stances = ids(6000);
    expect(stances).toHaveLength(6000);
    expect(new Set(stances).size).toBe(6000);
  });

  it('is the same every time, and a smaller tier is a prefix of a bigger one', () => {
    expect(ids(3000)).toEqual(ids(3000));
    expect(ids(8000).slice(0, 2500)).toEqual(ids(3000).slice(0, 2500));
  });

  it('names every actor once, states before those who represent them', () => {
    const actors = syntheticPlan(12_000).actors();
    expect(new Set(actors.map((a) => a.id)).size).toBe(actors.length);
    const seen = new Set<string>();
    for (const a of actors) {
      if (a.represents) expect(seen.has(a.represents.stateId)).toBe(true);
      seen.add(a.id!);
    }
  });

  it('refers only to actors and articles it makes', () => {
    const plan = syntheticPlan(2000);
    const actors = new Set(plan.actors().map((a) => a.id));
    for (const p of plan.proposals()) {
      for (const s of p.stances) {
        expect(actors.has(s.input.actorId)).toBe(true);
        if (s.input.speakerId) expect(actors.has(s.input.speakerId)).toBe(true);
        expect(s.input.evidence!.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('bench arguments', () => {
  it('reads tier sizes as analysts write them', () => {
    expect(parseCount('10k')).toBe(10_000);
    expect(parseCount('1m')).toBe(1_000_000);
    expect(parseCount('2500')).toBe(2500);
    expect(parseCount('ten')).toBeNull();
    expect(tierLabel(100_000)).toBe('100k');
    expect(tierLabel(1_000_000)).toBe('1m');
  });
});
