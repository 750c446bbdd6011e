import { Injectable } from '@nestjs/common';
import { badInput } from '../common/errors/error-code.js';
import { pageSize } from '../common/validation.js';
import { MOVEMENT_KINDS } from '../shifts/shift-kind.js';
import { ShiftsService } from '../shifts/shifts.service.js';
import { upperBound } from '../stances/stances.service.js';
import { recordedSinceBound } from '../common/instants.js';
import { ChangeClock } from './models/timeline.model.js';
import { SinceBound, TimelineRepository } from './timeline.repository.js';
import type { StanceRow } from '../graph/stance.row.js';

export interface ActorTimelineRow {
  actorId: string;
  stances: StanceRow[];
  latest: StanceRow;
  /** The cursor key of the actor's first stance in the window: actors are in that order. */
  sortKey: string;
}

@Injectable()
export class TimelineService {
  constructor(
    private readonly repository: TimelineRepository,
    private readonly shifts: ShiftsService,
  ) {}

  async changes(since: string, clock: ChangeClock | null | undefined, first: number | null | undefined) {
    const limit = pageSize('first', first, 100);
    const which = clock ?? ChangeClock.RECORDED;
    if (since == null) throw badInput('since', 'is required');
    const bound: SinceBound =
      which === ChangeClock.RECORDED
        ? { since: null, recordedSince: recordedSinceBound('since', since) }
        : { since: effectiveSince(since), recordedSince: null };
    const [stances, shifts, proposals] = await Promise.all([
      this.repository.changedStances(bound, limit),
      this.shifts.recent({ actorId: null, proposalId: null, kinds: MOVEMENT_KINDS, ...bound }, limit),
      this.repository.newProposals(bound, limit),
    ]);
    return { since, clock: which, stances, shifts, proposals };
  }
}

/** The EFFECTIVE clock reads dates (effectiveOn, proposedOn): an instant on it would be compared as text with days. */
function effectiveSince(since: string): string {
  if (since.includes('T'))
    throw badInput('since', 'the EFFECTIVE clock reads dates (YYYY-MM-DD or YYYY-MM), not a date-time');
  return since;
}

/**
 * Groups a proposal's live stances (oldest first, each with its cursor key)
 * by actor, within an optional window on effectiveOn; actors in the order
 * they first took a stance in the window.
 */
export function timelineOf(
  stances: Array<StanceRow & { sortKey: string }>,
  from: string | null,
  to: string | null,
): ActorTimelineRow[] {
  const upper = upperBound(to);
  const byActor = new Map<string, Array<StanceRow & { sortKey: string }>>();
  for (const s of stances) {
    if (from !== null && (s.effectiveOn === null || s.effectiveOn < from)) continue;
    if (upper !== null && (s.effectiveOn === null || s.effectiveOn > upper)) continue;
    const list = byActor.get(s.actorId) ?? [];
    list.push(s);
    byActor.set(s.actorId, list);
  }
  return [...byActor.entries()].map(([actorId, list]) => ({
    actorId,
    stances: list,
    latest: list[list.length - 1],
    sortKey: list[0].sortKey,
  }));
}
