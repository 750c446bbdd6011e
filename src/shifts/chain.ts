import { classifyShift } from './shift-kind.js';
import { Position, ShiftKind } from '../graph/vocabulary.js';

/** One stance of an (actor, proposal) pair as shifts/chains reads it, in chain order. */
export interface ChainStance {
  id: string;
  live: boolean;
  position: Position;
  conditions: string[];
  /** What the graph says now. */
  shiftKind: ShiftKind | null;
  supersedesIds: string[];
}

/** What a stance's SUPERSEDES link and shift kind must be. */
export interface LinkWrite {
  id: string;
  kind: ShiftKind | null;
  supersedesId: string | null;
}

export interface ChainPlan {
  /** Only the stances whose link or kind differs from what the graph holds. */
  writes: LinkWrite[];
  /** Newer stances of links that are new or newly classified: the shifts to announce. */
  shifted: string[];
}

/**
 * Plans the SUPERSEDES chain of one (actor, proposal) pair: live stances
 * (PROPOSED, CONFIRMED), in the order given (effectiveOn, recordedAt, id),
 * each pointing at the one before it and classified against it; stances that
 * are not live have no link and no kind. Returns only the differences, so
 * running it on a chain that is already right writes nothing.
 */
export function planChain(stances: readonly ChainStance[]): ChainPlan {
  const writes: LinkWrite[] = [];
  const shifted: string[] = [];
  let previous: ChainStance | null = null;
  for (const stance of stances) {
    const want: LinkWrite = stance.live
      ? { id: stance.id, kind: classifyShift(previous, stance), supersedesId: previous?.id ?? null }
      : { id: stance.id, kind: null, supersedesId: null };
    const has = stance.supersedesIds;
    const sameLink = want.supersedesId === null ? has.length === 0 : has.length === 1 && has[0] === want.supersedesId;
    if (!sameLink || stance.shiftKind !== want.kind) {
      writes.push(want);
      if (want.supersedesId !== null) shifted.push(want.id);
    }
    if (stance.live) previous = stance;
  }
  return { writes, shifted };
}
