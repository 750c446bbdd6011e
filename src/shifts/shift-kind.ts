import { registerEnumType } from '@nestjs/graphql';
import { Position } from '../graph/vocabulary.js';
import { ShiftKind } from '../graph/vocabulary.js';

/**
 * How a stance moved from the same actor's previous live stance on the same
 * proposal. Positions are ordered OPPOSE < NONCOMMITTAL < SUPPORT.
 *
 * Conditions are "what would change it". On SUPPORT they are terms ("only
 * if ..."): more terms is less support. On OPPOSE they are the way out
 * ("unless ..."): naming a way out softens a refusal, closing it hardens it,
 * and among ways out more demands is harder and fewer is softer.
 */

/** What the kinds mean, for clients (the schema's ShiftKind) and readers of classifyShift. */
export const SHIFT_KIND_DESCRIPTION =
  "How a stance moved from the same actor's previous live stance on the same proposal (positions ordered OPPOSE < NONCOMMITTAL < SUPPORT; conditions compared ignoring case, spacing and end punctuation).";

const SHIFT_KIND_VALUES: Record<ShiftKind, string> = {
  FIRST_STATED: 'The first stance on record.',
  REAFFIRMED: 'Same position, same conditions (the wording of the cue may differ).',
  REVERSED: 'SUPPORT to OPPOSE or OPPOSE to SUPPORT, whatever the conditions.',
  SOFTENED:
    'One step toward SUPPORT (OPPOSE to NONCOMMITTAL, NONCOMMITTAL to SUPPORT); or SUPPORT that only dropped conditions; or OPPOSE that now names a way out (no condition before, some now) or only dropped some of several conditions.',
  HARDENED:
    'One step toward OPPOSE; or SUPPORT that only gained conditions; or OPPOSE that only gained conditions, or dropped its last one (a refusal without a way out).',
  REQUALIFIED:
    'Same position with conditions both gained and dropped, or NONCOMMITTAL with changed conditions: the terms changed with no clear direction; read them.',
};

registerEnumType(ShiftKind, {
  name: 'ShiftKind',
  description: SHIFT_KIND_DESCRIPTION,
  valuesMap: Object.fromEntries(
    Object.entries(SHIFT_KIND_VALUES).map(([kind, description]) => [kind, { description }]),
  ) as Record<ShiftKind, { description: string }>,
});

/** The kinds that are a change of position or of terms, not a first or repeated statement. */
export const MOVEMENT_KINDS: ShiftKind[] = [
  ShiftKind.SOFTENED,
  ShiftKind.HARDENED,
  ShiftKind.REVERSED,
  ShiftKind.REQUALIFIED,
];

const RANK: Record<Position, number> = { [Position.OPPOSE]: -1, [Position.NONCOMMITTAL]: 0, [Position.SUPPORT]: 1 };

/** OPPOSE -1, NONCOMMITTAL 0, SUPPORT +1: the scale shifts and alignment both use. */
export function positionRank(position: Position): number {
  return RANK[position];
}

export interface StanceFace {
  position: Position;
  conditions: readonly string[];
}

/** Conditions are free text: compare them ignoring case, spacing, quotes and end punctuation. */
export function conditionKey(condition: string): string {
  return condition
    .toLowerCase()
    .replace(/[\u2018\u2019\u201c\u201d"']/g, '')
    .replace(/\s+/g, ' ')
    .replace(/[\s.,;:!?]+$/, '')
    .trim();
}

export interface ConditionDelta {
  gained: string[];
  dropped: string[];
  shared: string[];
}

/** Conditions of `next` not in `previous` (gained), of `previous` not in `next` (dropped), and in both. */
export function conditionDelta(previous: readonly string[], next: readonly string[]): ConditionDelta {
  const before = new Set(previous.map(conditionKey));
  const after = new Set(next.map(conditionKey));
  return {
    gained: next.filter((c) => !before.has(conditionKey(c))),
    dropped: previous.filter((c) => !after.has(conditionKey(c))),
    shared: next.filter((c) => before.has(conditionKey(c))),
  };
}

/** The pure classifier: see ShiftKind and SHIFT_KIND_VALUES. */
export function classifyShift(previous: StanceFace | null, next: StanceFace): ShiftKind {
  if (previous === null) return ShiftKind.FIRST_STATED;
  const step = RANK[next.position] - RANK[previous.position];
  if (Math.abs(step) === 2) return ShiftKind.REVERSED;
  if (step === 1) return ShiftKind.SOFTENED;
  if (step === -1) return ShiftKind.HARDENED;

  const { gained, dropped } = conditionDelta(previous.conditions, next.conditions);
  if (gained.length === 0 && dropped.length === 0) return ShiftKind.REAFFIRMED;
  if (gained.length > 0 && dropped.length > 0) return ShiftKind.REQUALIFIED;
  const onlyGained = gained.length > 0;
  switch (next.position) {
    case Position.SUPPORT:
      return onlyGained ? ShiftKind.HARDENED : ShiftKind.SOFTENED;
    case Position.OPPOSE:
      if (previous.conditions.length === 0) return ShiftKind.SOFTENED; // a way out named
      if (next.conditions.length === 0) return ShiftKind.HARDENED; // the way out closed
      return onlyGained ? ShiftKind.HARDENED : ShiftKind.SOFTENED;
    default:
      return ShiftKind.REQUALIFIED;
  }
}
