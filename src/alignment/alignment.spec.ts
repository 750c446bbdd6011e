import { agreement, alignPairs, compare, Relation } from './alignment.js';
import { Position, StanceStatus } from '../graph/vocabulary.js';
import type { StanceRow } from '../graph/stance.row.js';

const row = (
  actorId: string,
  proposalId: string,
  position: Position,
  cue: string,
  conditions: string[] = [],
): StanceRow => ({
  id: `${actorId}-${proposalId}`,
  position,
  cue,
  cues: [cue],
  conditions,
  statedOn: '2021-10-19',
  effectiveOn: '2021-10-19',
  confidence: 1,
  recordedAt: '2025-01-01T00:00:00Z',
  version: 0,
  status: StanceStatus.CONFIRMED,
  rule: null,
  actorId,
  proposalId,
  speakerId: null,
});

const japan = { id: 'japan', name: 'Japan' };
const north = { id: 'north-korea', name: 'North Korea' };
const south = { id: 'south-korea', name: 'South Korea' };
const us = { id: 'united-states', name: 'United States' };

describe('alignment', () => {
  it('scores agreement as 1 - |rank(a) - rank(b)| on OPPOSE -1, NONCOMMITTAL 0, SUPPORT +1', () => {
    expect(agreement(Position.SUPPORT, Position.SUPPORT)).toBe(1);
    expect(agreement(Position.NONCOMMITTAL, Position.NONCOMMITTAL)).toBe(1);
    expect(agreement(Position.SUPPORT, Position.NONCOMMITTAL)).toBe(0);
    expect(agreement(Position.OPPOSE, Position.NONCOMMITTAL)).toBe(0);
    expect(agreement(Position.SUPPORT, Position.OPPOSE)).toBe(-1);
  });

  it('shows agreement on different grounds, naming whose condition is whose', () => {
    const c = compare(
      japan,
      north,
      'eow',
      row('japan', 'eow', Position.OPPOSE, 'premature'),
      row('north-korea', 'eow', Position.OPPOSE, 'reject', ['unless the US withdraws its hostile policy']),
    );
    expect([c.relation, c.agreement, c.sameGrounds]).toEqual([Relation.AGREE, 1, false]);
    expect(c.conditionsOnlyA).toEqual([]);
    expect(c.conditionsOnlyB).toEqual(['unless the US withdraws its hostile policy']);
    expect(c.explanation).toContain('Both oppose, on different grounds');
    expect(c.explanation).toContain("North Korea's own condition: unless the US withdraws its hostile policy");
    expect(c.explanation).toContain('Japan sets no condition');
  });

  it('averages over the proposals both hold a stance on and leaves the rest out', () => {
    const stances = [
      row('japan', 'p1', Position.OPPOSE, 'no'),
      row('south-korea', 'p1', Position.SUPPORT, 'yes'),
      row('united-states', 'p1', Position.NONCOMMITTAL, 'unclear'),
      row('japan', 'p2', Position.SUPPORT, 'yes'),
    ];
    const pairs = alignPairs([japan, us, south], ['p1', 'p2'], stances);
    const by = (a: string, b: string) => pairs.find((p) => p.actorA.id === a && p.actorB.id === b)!;
    expect(by('japan', 'south-korea')).toMatchObject({ compared: 1, agree: 0, disagree: 1, opposed: 1, score: -1 });
    expect(by('japan', 'united-states')).toMatchObject({ compared: 1, agree: 0, disagree: 1, opposed: 0, score: 0 });
    expect(by('united-states', 'south-korea')).toMatchObject({ compared: 1, score: 0 });
    expect(by('japan', 'south-korea').proposals[1]).toMatchObject({
      relation: Relation.NOT_COMPARABLE,
      agreement: null,
    });
    expect(by('japan', 'south-korea').proposals[1].explanation).toBe('No stance on record from South Korea.');
  });
});
