import { Injectable } from '@nestjs/common';
import neo4j from 'neo4j-driver';
import { CypherRegistry } from '../neo4j/cypher-registry.js';
import { Neo4jService, TxRunner } from '../neo4j/neo4j.service.js';
import { ChainStance, LinkWrite } from './chain.js';
import type { Pair } from '../graph/stance.row.js';
import { ShiftKind, LIVE_STATUSES } from '../graph/vocabulary.js';
import type { ShiftRow } from '../graph/shift.row.js';

export interface ShiftQuery {
  actorId: string | null;
  proposalId: string | null;
  kinds: ShiftKind[] | null;
  since: string | null;
  recordedSince: string | null;
}

@Injectable()
export class ShiftsRepository {
  private readonly q: Record<
    'chains' | 'rewrite' | 'unlinkedPairs' | 'page' | 'count' | 'byActors' | 'ofStances',
    string
  >;

  constructor(
    private readonly neo4j: Neo4jService,
    cypher: CypherRegistry,
  ) {
    this.q = cypher.load({
      chains: 'shifts/chains',
      rewrite: 'shifts/rewrite',
      unlinkedPairs: 'shifts/unlinked-pairs',
      page: 'shifts/page',
      count: 'shifts/count',
      byActors: 'shifts/by-actors',
      ofStances: 'shifts/of-stances',
    });
  }

  chains(tx: TxRunner, pairs: Pair[]): Promise<Array<Pair & { stances: ChainStance[] }>> {
    return tx.run(this.q.chains, { pairs, liveStatuses: LIVE_STATUSES });
  }

  /** The pairs' current-stance edges (stanceId null: none) and the SUPERSEDES links planned, in one statement. */
  async rewrite(tx: TxRunner, pairs: Array<Pair & { stanceId: string | null }>, links: LinkWrite[]): Promise<void> {
    if (pairs.length > 0 || links.length > 0) await tx.run(this.q.rewrite, { pairs, links });
  }

  unlinkedPairs(tx: TxRunner, limit: number): Promise<Pair[]> {
    return tx.run(this.q.unlinkedPairs, { limit: neo4j.int(limit), liveStatuses: LIVE_STATUSES });
  }

  page(query: ShiftQuery, after: string | null, first: number): Promise<Array<ShiftRow & { sortKey: string }>> {
    return this.neo4j.read(this.q.page, { ...query, after, limit: neo4j.int(first + 1) });
  }

  async count(query: ShiftQuery): Promise<number> {
    const [row] = await this.neo4j.read<{ count: number }>(this.q.count, { ...query });
    return row.count;
  }

  byActors(
    actorIds: readonly string[],
    proposalId: string | null,
    since: string | null,
    kinds: ShiftKind[] | null,
  ): Promise<ShiftRow[]> {
    return this.neo4j.read(this.q.byActors, { actorIds, proposalId, since, kinds });
  }

  ofStances(ids: readonly string[]): Promise<ShiftRow[]> {
    return this.neo4j.read(this.q.ofStances, { ids });
  }
}
