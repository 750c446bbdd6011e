import { Injectable } from '@nestjs/common';
import { badInput } from '../common/errors/error-code.js';
import { optionalIsoDate, pageSize } from '../common/validation.js';
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
        : { since: optionalIsoDate('since', since), recordedSince: null };
    const [stances, shifts, proposals] = await Promise.all([
      this.repository.changedStances(bound, limit),
      this.shifts.recent({ actorId: null, proposalId: null, kinds: MOVEMENT_KINDS, ...bound }, limit),
      this.repository.newProposals(bound, limit),
    ]);
    return { since, clock: which, stances, shifts, proposals };
  }
}

/**
 * Groups a proposal's live stances (oldest first) by actor, within an
 * optional window on effectiveOn; actors in the order they first took a
 * stance.
 */
export function timelineOf(stances: StanceRow[], from: string | null, to: string | null): ActorTimelineRow[] {
  const lower = optionalIsoDate('from', from);
  const upper = upperBound(optionalIsoDate('to', to));
  const byActor = new Map<string, StanceRow[]>();
  for (const s of stances) {
    if (lower !== null && (s.effectiveOn === null || s.effectiveOn < lower)) continue;
    if (upper !== null && (s.effectiveOn === null || s.effectiveOn > upper)) continue;
    const list = byActor.get(s.actorId) ?? [];
    list.push(s);
    byActor.set(s.actorId, list);
  }
  return [...byActor.entries()].map(([actorId, list]) => ({ actorId, stances: list, latest: list[list.length - 1] }));
}
