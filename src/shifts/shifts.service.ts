import { Injectable } from '@nestjs/common';
import { Connection, decodeCursor, toConnection } from '../common/pagination/connection.js';
import { pageSize, requireId } from '../common/validation.js';
import { recordedSinceBound } from '../common/instants.js';
import { ShiftFilter } from './models/shift.model.js';
import { conditionDelta } from './shift-kind.js';
import { ShiftQuery, ShiftsRepository } from './shifts.repository.js';
import { ShiftKind } from '../graph/vocabulary.js';
import { ShiftRow } from '../graph/shift.row.js';
import type { ShiftView } from '../graph/shift.row.js';

/**
 * Questions about the SUPERSEDES chain of every (actor, proposal) pair. The
 * chain itself is kept by the stance write path (recording/stance-writer.ts,
 * GraphWrite.relink), in the transaction of every stance change.
 */
@Injectable()
export class ShiftsService {
  constructor(private readonly repository: ShiftsRepository) {}

  async page(
    filter: ShiftFilter | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Connection<ShiftView>> {
    const size = pageSize('first', first);
    const query = toQuery(filter ?? {});
    const cursor = decodeCursor('after', after);
    const [rows, total] = await Promise.all([this.repository.page(query, cursor, size), this.repository.count(query)]);
    const connection = toConnection(rows, { first: size, after: cursor }, total, (row) => row.sortKey);
    return {
      totalCount: connection.totalCount,
      pageInfo: connection.pageInfo,
      nodes: connection.nodes.map(toView),
      edges: connection.edges.map((e) => ({ ...e, node: toView(e.node) })),
    };
  }

  /** Newest first, up to `limit`: for changes(since). */
  async recent(query: ShiftQuery, limit: number): Promise<ShiftView[]> {
    return (await this.repository.page(query, null, limit)).slice(0, limit).map(toView);
  }

  async byActors(
    actorIds: readonly string[],
    proposalId: string | null,
    since: string | null,
    kinds: ShiftKind[] | null,
  ): Promise<ShiftView[]> {
    const rows = await this.repository.byActors(
      actorIds,
      proposalId == null ? null : requireId('proposalId', proposalId),
      since,
      kinds && kinds.length > 0 ? kinds : null,
    );
    return rows.map(toView);
  }

  async ofStances(ids: readonly string[]): Promise<ShiftView[]> {
    return (await this.repository.ofStances(ids)).map(toView);
  }
}

export function toView(row: ShiftRow): ShiftView {
  const delta = conditionDelta(row.previous?.conditions ?? [], row.stance.conditions);
  return {
    ...row,
    fromPosition: row.previous?.position ?? null,
    toPosition: row.stance.position,
    conditionsGained: row.previous ? delta.gained : [],
    conditionsDropped: row.previous ? delta.dropped : [],
  };
}

function toQuery(filter: ShiftFilter): ShiftQuery {
  const since = filter.since ?? null;
  return {
    actorId: filter.actorId == null ? null : requireId('filter.actorId', filter.actorId),
    proposalId: filter.proposalId == null ? null : requireId('filter.proposalId', filter.proposalId),
    kinds: filter.kinds && filter.kinds.length > 0 ? filter.kinds : null,
    since,
    recordedSince: recordedSinceBound('filter.recordedSince', filter.recordedSince),
  };
}
