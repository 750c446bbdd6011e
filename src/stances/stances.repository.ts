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

/** What set-status found and did: 'applied', 'same' (already so), 'conflict' (another version), 'refused' (not from that status). */
export interface Decision extends Pair {
  outcome: 'applied' | 'same' | 'conflict' | 'refused';
  version: number;
  status: StanceStatus;
}

export interface DecisionCheck {
  /** The version the analyst saw; null: decide whatever it is now. */
  expectedVersion: number | null;
  /** The statuses the decision may move a stance from. */
  from: StanceStatus[];
  by: string;
}

/** A stance as an amendment starts from: its reading, version and evidence (review/lock-stance). */
export interface AmendSource extends Pair {
  id: string;
  position: Position;
  cue: string | null;
  conditions: string[];
  statedOn: string | null;
  status: StanceStatus;
  version: number;
  speakerId: string | null;
  evidence: StanceWrite['evidence'];
  /** Where the holder, speaker and proposal nodes came from: 'extracted', 'analyst', 'demo' (null: not recorded). */
  actorSource: string | null;
  speakerSource: string | null;
  proposalSource: string | null;
  proposalName: string;
}

/** One amendment as review/amend writes it (before and after as JSON text). */
export interface AmendmentWrite {
  amendmentId: string;
  fromId: string;
  toId: string;
  speakerId: string | null;
  fields: string[];
  before: string;
  after: string;
  note: string | null;
  by: string;
  /** What the amendment taught the extractor ('proposal X: alias'). */
  taught: string[];
}

/** A bulk decision as review/decide-batch writes it. */
export interface BatchWrite {
  batchId: string;
  status: StanceStatus;
  by: string;
  max: number;
  proposalId: string | null;
  actorId: string | null;
  outlet: string | null;
  articleId: string | null;
}

/** A cue analysts used that the lexicon lacked (review/cue-candidates). */
export interface CueCandidateRow {
  words: string;
  position: Position;
  status: string;
  seen: number;
  decidedBy: string | null;
  decidedAt: string | null;
}

/** What undoing a batch did (review/undo-batch). */
export interface UndoneBatch {
  id: string;
  status: StanceStatus;
  by: string;
  at: string;
  count: number;
  undoneAt: string;
  undone: Array<Pair & { stanceId: string }>;
  /** Stances changed by someone since the batch, left as they are. */
  kept: number;
}

@Injectable()
export class StancesRepository {
  private readonly q: Record<
    | 'checkRefs'
    | 'record'
    | 'setStatus'
    | 'findByIds'
    | 'page'
    | 'pageScoped'
    | 'currentByProposals'
    | 'byProposals'
    | 'byActors'
    | 'byArticles'
    | 'evidence'
    | 'rekey'
    | 'lockForAmend'
    | 'amend'
    | 'decideBatch'
    | 'undoBatch'
    | 'noteCue'
    | 'decideCue',
    string
  >;

  constructor(
    private readonly neo4j: Neo4jService,
    cypher: CypherRegistry,
  ) {
    this.q = cypher.load({
      checkRefs: 'stances/check-refs',
      record: 'stances/record',
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
      lockForAmend: 'review/lock-stance',
      amend: 'review/amend',
      decideBatch: 'review/decide-batch',
      undoBatch: 'review/undo-batch',
      noteCue: 'review/note-cue',
      decideCue: 'review/decide-cue',
    });
  }

  async missingRefs(
    tx: TxRunner,
    refs: { actorIds: string[]; proposalIds: string[]; articleIds?: string[]; stanceIds?: string[] },
  ): Promise<MissingRefs> {
    const [row] = await tx.run<MissingRefs>(this.q.checkRefs, { articleIds: [], stanceIds: [], ...refs });
    return row;
  }

  /**
   * Records stances, their references checked in the same statement: when
   * one is missing nothing is written and it is named in the answer.
   * `missingStances` are the ids that did not exist before (created now).
   */
  async record(
    tx: TxRunner,
    rows: StanceWrite[],
    refs: { actorIds: string[]; proposalIds: string[]; stanceIds: string[] },
  ): Promise<Omit<MissingRefs, 'missingArticles'>> {
    const [row] = await tx.run<{ missingActors: string[]; missingProposals: string[]; created: string[] }>(
      this.q.record,
      {
        rows,
        ...refs,
      },
    );
    return { missingActors: row.missingActors, missingProposals: row.missingProposals, missingStances: row.created };
  }

  /** An analyst's decision (stances/set-status); null when there is no such stance. */
  async setStatus(tx: TxRunner, id: string, status: StanceStatus, check: DecisionCheck): Promise<Decision | null> {
    const [row] = await tx.run<Decision>(this.q.setStatus, {
      id,
      status,
      expectedVersion: check.expectedVersion === null ? null : neo4j.int(check.expectedVersion),
      from: check.from,
      by: check.by,
    });
    return row ?? null;
  }

  /** Locks a stance for an amendment and reads it with its evidence; null when there is no such stance. */
  async lockForAmend(tx: TxRunner, id: string): Promise<AmendSource | null> {
    const [row] = await tx.run<AmendSource>(this.q.lockForAmend, { id });
    return row ?? null;
  }

  async amend(tx: TxRunner, amendment: AmendmentWrite): Promise<void> {
    await tx.run(this.q.amend, { ...amendment });
  }

  /** A bulk decision over the stances a filter matches that are still PROPOSED: the stances it moved. */
  decideBatch(tx: TxRunner, batch: BatchWrite): Promise<Array<Pair & { stanceId: string }>> {
    return tx.run(this.q.decideBatch, { ...batch, max: neo4j.int(batch.max) });
  }

  /** A cue an analyst used that the lexicon lacks, noted as a candidate (review/note-cue). */
  async noteCue(
    tx: TxRunner,
    cue: { key: string; words: string; position: Position; stanceId: string },
  ): Promise<void> {
    await tx.run(this.q.noteCue, cue);
  }

  /** Accepts or declines a candidate cue; null when there is no such candidate. */
  async decideCue(tx: TxRunner, key: string, status: string, by: string): Promise<CueCandidateRow | null> {
    const [row] = await tx.run<CueCandidateRow>(this.q.decideCue, { key, status, by });
    return row ?? null;
  }

  /** Undoes a bulk decision; null when there is no such batch. */
  async undoBatch(tx: TxRunner, batchId: string, by: string): Promise<UndoneBatch | null> {
    const [row] = await tx.run<UndoneBatch>(this.q.undoBatch, { batchId, by });
    return row ?? null;
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
