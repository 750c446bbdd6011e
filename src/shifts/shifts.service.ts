import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Connection, decodeCursor, toConnection } from '../common/pagination/connection.js';
import { pageSize, requireId } from '../common/validation.js';
import { Neo4jService, TxRunner } from '../neo4j/neo4j.service.js';
import { runAs } from '../common/operation-context.js';
import type { Pair } from '../stances/stances.repository.js';
import { recordedSinceBound } from '../timeline/instants.js';
import { planChain } from './chain.js';
import { ShiftFilter } from './models/shift.model.js';
import { conditionDelta, ShiftKind } from './shift-kind.js';
import { ShiftQuery, ShiftRow, ShiftsRepository } from './shifts.repository.js';

/** A shift as the GraphQL type shows it. */
export interface ShiftView extends ShiftRow {
  fromPosition: ShiftRow['stance']['position'] | null;
  toPosition: ShiftRow['stance']['position'];
  conditionsGained: string[];
  conditionsDropped: string[];
}

/**
 * Keeps the SUPERSEDES chain of every (actor, proposal) pair and answers
 * questions about it. relinkIn runs inside the transaction of every stance
 * change (StancesService.writeBatch and setStatus, ActorMergeService.merge)
 * for the pairs it touched: it reads the pair's stances, plans the chain
 * (chain.ts) and writes only what differs, so it is idempotent and safe under
 * the driver's retries.
 */
@Injectable()
export class ShiftsService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Shifts');

  constructor(
    private readonly neo4j: Neo4jService,
    private readonly repository: ShiftsRepository,
  ) {}

  /** Recomputes the chains of the pairs; returns the newer stance ids of links that are new or newly classified. */
  async relinkIn(tx: TxRunner, pairs: Pair[]): Promise<string[]> {
    if (pairs.length === 0) return [];
    const chains = await this.repository.chains(tx, pairs);
    const plans = chains.map((c) => planChain(c.stances));
    await this.repository.relink(
      tx,
      plans.flatMap((p) => p.writes),
    );
    return plans.flatMap((p) => p.shifted);
  }

  /** Stances written before the chain was kept get linked once, at start-up (a no-op afterwards). */
  onApplicationBootstrap(): Promise<void> {
    return runAs('startup link shifts', () => this.linkUnlinked());
  }

  private async linkUnlinked(): Promise<void> {
    let linked = 0;
    for (let round = 0; round < 1000; round++) {
      const done = await this.neo4j.writeTransaction(async (tx) => {
        const pairs = await this.repository.unlinkedPairs(tx, 500);
        await this.relinkIn(tx, pairs);
        return pairs.length;
      });
      linked += done;
      if (done < 500) break;
    }
    if (linked > 0) this.logger.log(`linked the SUPERSEDES chains of ${linked} (actor, proposal) pairs`);
  }

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
      ...connection,
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
