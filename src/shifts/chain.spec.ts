import { ChainStance, planChain } from './chain.js';
import { Position, ShiftKind } from '../graph/vocabulary.js';

const stance = (id: string, position: Position, extra: Partial<ChainStance> = {}): ChainStance => ({
  id,
  live: true,
  position,
  conditions: [],
  shiftKind: null,
  supersedesIds: [],
  ...extra,
});

describe('planChain', () => {
  it('links each live stance to the one before it, newer to older, with its kind', () => {
    const plan = planChain([
      stance('a', Position.NONCOMMITTAL),
      stance('b', Position.SUPPORT),
      stance('c', Position.OPPOSE),
    ]);
    expect(plan.writes).toEqual([
      { id: 'a', kind: ShiftKind.FIRST_STATED, supersedesId: null },
      { id: 'b', kind: ShiftKind.SOFTENED, supersedesId: 'a' },
      { id: 'c', kind: ShiftKind.REVERSED, supersedesId: 'b' },
    ]);
    expect(plan.shifted).toEqual(['b', 'c']);
  });

  it('skips stances that are not live, unlinking them, and links across them', () => {
    const plan = planChain([
      stance('a', Position.NONCOMMITTAL, { shiftKind: ShiftKind.FIRST_STATED }),
      stance('b', Position.SUPPORT, { live: false, shiftKind: ShiftKind.SOFTENED, supersedesIds: ['a'] }),
      stance('c', Position.OPPOSE, { shiftKind: ShiftKind.REVERSED, supersedesIds: ['b'] }),
    ]);
    expect(plan.writes).toEqual([
      { id: 'b', kind: null, supersedesId: null },
      { id: 'c', kind: ShiftKind.HARDENED, supersedesId: 'a' },
    ]);
    expect(plan.shifted).toEqual(['c']);
  });

  it('writes nothing when the chain is already right (idempotent)', () => {
    const plan = planChain([
      stance('a', Position.OPPOSE, { shiftKind: ShiftKind.FIRST_STATED }),
      stance('b', Position.OPPOSE, { shiftKind: ShiftKind.REAFFIRMED, supersedesIds: ['a'] }),
    ]);
    expect(plan).toEqual({ writes: [], shifted: [] });
  });

  it('repairs a stance with two outgoing links', () => {
    const plan = planChain([
      stance('a', Position.OPPOSE, { shiftKind: ShiftKind.FIRST_STATED }),
      stance('b', Position.OPPOSE, { shiftKind: ShiftKind.REAFFIRMED, supersedesIds: ['a', 'x'] }),
    ]);
    expect(plan.writes).toEqual([{ id: 'b', kind: ShiftKind.REAFFIRMED, supersedesId: 'a' }]);
  });
});
