import type { StanceRow } from './stance.row.js';
import type { Position, ShiftKind } from './vocabulary.js';

/** A shift as the Cypher files return it: the newer stance and the one it supersedes. */
export interface ShiftRow {
  id: string;
  kind: ShiftKind;
  actorId: string;
  proposalId: string;
  on: string | null;
  recordedAt: string;
  stance: StanceRow;
  previous: StanceRow | null;
}

/** A shift as the GraphQL type shows it (shifts/shifts.service.ts toView). */
export interface ShiftView extends ShiftRow {
  fromPosition: Position | null;
  toPosition: Position;
  conditionsGained: string[];
  conditionsDropped: string[];
}
