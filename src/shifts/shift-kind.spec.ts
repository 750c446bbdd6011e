import { classifyShift, conditionDelta } from './shift-kind.js';
import { Position, ShiftKind } from '../graph/vocabulary.js';

const { SUPPORT, OPPOSE, NONCOMMITTAL } = Position;
const s = (position: Position, ...conditions: string[]) => ({ position, conditions });

describe('classifyShift', () => {
  it('calls the first stance on record FIRST_STATED', () => {
    expect(classifyShift(null, s(OPPOSE))).toBe(ShiftKind.FIRST_STATED);
  });

  it('calls SUPPORT <-> OPPOSE REVERSED, whatever the conditions', () => {
    expect(classifyShift(s(SUPPORT), s(OPPOSE))).toBe(ShiftKind.REVERSED);
    expect(classifyShift(s(OPPOSE, 'unless X'), s(SUPPORT, 'only if Y'))).toBe(ShiftKind.REVERSED);
  });

  it('calls one step toward SUPPORT SOFTENED and toward OPPOSE HARDENED', () => {
    expect(classifyShift(s(OPPOSE), s(NONCOMMITTAL))).toBe(ShiftKind.SOFTENED);
    expect(classifyShift(s(NONCOMMITTAL), s(SUPPORT))).toBe(ShiftKind.SOFTENED);
    expect(classifyShift(s(SUPPORT), s(NONCOMMITTAL))).toBe(ShiftKind.HARDENED);
    expect(classifyShift(s(NONCOMMITTAL), s(OPPOSE, 'unless X'))).toBe(ShiftKind.HARDENED);
  });

  it('calls the same position and conditions REAFFIRMED, ignoring case, spacing and end punctuation', () => {
    expect(classifyShift(s(OPPOSE), s(OPPOSE))).toBe(ShiftKind.REAFFIRMED);
    expect(
      classifyShift(
        s(OPPOSE, 'Unless the US withdraws its hostile policy.'),
        s(OPPOSE, 'unless the US  withdraws its hostile policy'),
      ),
    ).toBe(ShiftKind.REAFFIRMED);
  });

  it('reads conditions on SUPPORT as terms: more terms harden, fewer soften', () => {
    expect(classifyShift(s(SUPPORT), s(SUPPORT, 'only if X'))).toBe(ShiftKind.HARDENED);
    expect(classifyShift(s(SUPPORT, 'only if X'), s(SUPPORT, 'only if X', 'and Y'))).toBe(ShiftKind.HARDENED);
    expect(classifyShift(s(SUPPORT, 'only if X', 'and Y'), s(SUPPORT, 'only if X'))).toBe(ShiftKind.SOFTENED);
    expect(classifyShift(s(SUPPORT, 'only if X'), s(SUPPORT))).toBe(ShiftKind.SOFTENED);
  });

  it('reads conditions on OPPOSE as the way out: naming one softens, closing it hardens, more demands harden', () => {
    expect(classifyShift(s(OPPOSE), s(OPPOSE, 'unless X'))).toBe(ShiftKind.SOFTENED);
    expect(classifyShift(s(OPPOSE, 'unless X'), s(OPPOSE))).toBe(ShiftKind.HARDENED);
    expect(classifyShift(s(OPPOSE, 'unless X'), s(OPPOSE, 'unless X', 'and Y'))).toBe(ShiftKind.HARDENED);
    expect(classifyShift(s(OPPOSE, 'unless X', 'and Y'), s(OPPOSE, 'unless X'))).toBe(ShiftKind.SOFTENED);
  });

  it('calls changed terms without a direction REQUALIFIED', () => {
    expect(classifyShift(s(SUPPORT, 'only if X'), s(SUPPORT, 'only if Y'))).toBe(ShiftKind.REQUALIFIED);
    expect(classifyShift(s(OPPOSE, 'unless X'), s(OPPOSE, 'unless Y'))).toBe(ShiftKind.REQUALIFIED);
    expect(classifyShift(s(NONCOMMITTAL), s(NONCOMMITTAL, 'depends on X'))).toBe(ShiftKind.REQUALIFIED);
  });

  it('names the conditions gained, dropped and shared', () => {
    expect(conditionDelta(['A', 'B'], ['b', 'C'])).toEqual({ gained: ['C'], dropped: ['A'], shared: ['b'] });
  });
});
