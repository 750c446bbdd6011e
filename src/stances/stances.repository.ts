import { Injectable } from '@nestjs/common';
import neo4j from 'neo4j-driver';
import type { PageArgs } from '../common/pagination/connection.js';
import { CypherRegistry } from '../neo4j/cypher-registry.js';
import { Neo4jService, TxRunner } from '../neo4j/neo4j.service.js';
import { Position, StanceStatus, LIVE_STATUSES } from '../graph/vocabulary.js';
import type { EvidenceRow, Pair, StancePage, StanceRow, StanceWrite } from '../graph/stance.row.js';
import { pageParams } from '../neo4j/page-params.js';

export interface StanceQuery {
  /** Only the stance in force on this date for each (actor, proposal): the latest effective on or before it. */
  asOf: string | null;
  /** Only stances recorded by this instant (inclusive ISO date-time). */
  knownAsOf: string | null;
  actorId: string | null;
  proposalId: string | null;
  position: Position | null;
  from: string | null;
  to: string | null;
  outlet: string | null;
  statuses: StanceStatus[];
}

export interface MissingRefs {
  missingActors: string[];
  missingProposals: string[];
  missingArticles: string[];
  missingStances: string[];
}

@Injectable()
export class StancesRepository {
  private readonly q: Record<
    | 'checkRefs'
    | 'record'
    | 'refreshCurrent'
    | 'setStatus'
    | 'findByIds'
    | 'page'
    | 'pageScoped'
    | 'currentByProposals'
    | 'byProposals'
    | 'byActors'
    | 'byArticles'
    | 'evidence'
    | 'rekey',
    string
  >;

  constructor(
    private readonly neo4j: Neo4jService,
    cypher: CypherRegistry,
  ) {
    this.q = cypher.load({
      checkRefs: 'stances/check-refs',
      record: 'stances/record',
      refreshCurrent: 'stances/refresh-current',
      setStatus: 'stances/set-status',
      findByIds: 'stances/find-by-ids',
      page: 'stances/page',
      pageScoped: 'stances/page-scoped',
      currentByProposals: 'stances/current-by-proposals',
      byProposals: 'stances/by-proposals',
      byActors: 'stances/by-actors',
      byArticles: 'stances/by-articles',
      evidence: 'stances/evidence',
      rekey: 'stances/rekey',
    });
  }

  async missingRefs(
    tx: TxRunner,
    refs: { actorIds: string[]; proposalIds: string[]; articleIds?: string[]; stanceIds?: string[] },
  ): Promise<MissingRefs> {
    const [row] = await tx.run<MissingRefs>(this.q.checkRefs, { articleIds: [], stanceIds: [], ...refs });
    return row;
  }

  async record(tx: TxRunner, rows: StanceWrite[]): Promise<void> {
    if (rows.length > 0) await tx.run(this.q.record, { rows });
  }

  async refreshCurrent(tx: TxRunner, pairs: Pair[]): Promise<void> {
    if (pairs.length > 0) await tx.run(this.q.refreshCurrent, { pairs, liveStatuses: LIVE_STATUSES });
  }

  async setStatus(tx: TxRunner, id: string, status: StanceStatus): Promise<Pair | null> {
    const [pair] = await tx.run<Pair>(this.q.setStatus, { id, status });
    return pair ?? null;
  }

  /** Moves stances to new ids under the holder and proposal each row names (merges; stances/rekey). */
  async rekey(
    tx: TxRunner,
    rows: Array<{ oldId: string; newId: string; holderId: string; proposalId: string }>,
  ): Promise<void> {
    if (rows.length > 0) await tx.run(this.q.rekey, { rows });
  }

  findByIds(ids: readonly string[]): Promise<StanceRow[]> {
    return this.neo4j.read<StanceRow>(this.q.findByIds, { ids });
  }

  /** One statement: up to `first` + 1 rows after the cursor, each with its holder, and (withCount) how many match in all. */
  async page(query: StanceQuery, after: string | null, first: number, withCount: boolean): Promise<StancePage> {
    // A proposal's or an actor's stances are read in one pass (page-scoped); any other page reads the filter twice.
    const statement = query.proposalId !== null || query.actorId !== null ? this.q.pageScoped : this.q.page;
    const [row] = await this.neo4j.read<StancePage>(statement, {
      ...query,
      after,
      limit: neo4j.int(first + 1),
      withCount,
    });
    return row;
  }

  /** Each proposal's stance of each actor as of a date (null: now), a page of each in holder order (page null: all). */
  currentByProposals(
    proposalIds: readonly string[],
    asOf: string | null,
    position: Position | null,
    knownAsOf: string | null,
    page: PageArgs | null,
  ): Promise<Array<StancePage & { proposalId: string }>> {
    return this.neo4j.read(this.q.currentByProposals, {
      proposalIds,
      asOf,
      position,
      knownAsOf,
      liveStatuses: LIVE_STATUSES,
      ...pageParams(page),
    });
  }

  /** Each proposal's stances, oldest first, a page of each (page null: all). */
  byProposals(
    proposalIds: readonly string[],
    position: Position | null,
    statuses: StanceStatus[],
    knownAsOf: string | null,
    page: PageArgs | null,
  ): Promise<Array<StancePage & { proposalId: string }>> {
    return this.neo4j.read(this.q.byProposals, { proposalIds, position, statuses, knownAsOf, ...pageParams(page) });
  }

  /** Each actor's live stances, oldest first, a page of each (page null: all). */
  byActors(
    actorIds: readonly string[],
    proposalId: string | null,
    from: string | null,
    to: string | null,
    knownAsOf: string | null,
    page: PageArgs | null,
  ): Promise<Array<StancePage & { actorId: string }>> {
    return this.neo4j.read(this.q.byActors, {
      actorIds,
      proposalId,
      from,
      to,
      knownAsOf,
      ...pageParams(page),
      liveStatuses: LIVE_STATUSES,
    });
  }

  byArticles(articleIds: readonly string[]): Promise<Array<StanceRow & { articleId: string }>> {
    return this.neo4j.read(this.q.byArticles, { articleIds });
  }

  evidence(stanceIds: readonly string[]): Promise<EvidenceRow[]> {
    return this.neo4j.read<EvidenceRow>(this.q.evidence, { stanceIds });
  }
}
