import { Injectable } from '@nestjs/common';
import neo4j from 'neo4j-driver';
import type { StancePage } from '../graph/stance.row.js';
import { StanceStatus } from '../graph/vocabulary.js';
import { CypherRegistry } from '../neo4j/cypher-registry.js';
import { Neo4jService, type TxRunner } from '../neo4j/neo4j.service.js';
import type { CueCandidateRow } from '../stances/stances.repository.js';

/** Which stances the queue and bulk decisions take (null: any). */
export interface ReviewScope {
  proposalId: string | null;
  actorId: string | null;
  outlet: string | null;
  articleId: string | null;
}

/** Stances besides one that still stand on its proposal, with its holder, with its speaker. */
export interface OthersLive {
  onProposal: number;
  heldByActor: number;
  voicedBySpeaker: number;
}

/** An amendment as stored: the readings before and after are JSON text. */
export interface AmendmentRow {
  stanceId: string;
  id: string;
  by: string;
  at: string;
  fields: string[];
  before: string;
  after: string;
  note: string | null;
  taught: string[];
  fromId: string;
  toId: string;
}

/** The review desk's reads: the queue and the amendments of stances (its writes go through StanceWriter). */
@Injectable()
export class ReviewRepository {
  private readonly q: Record<'queue' | 'amendments' | 'cueCandidates' | 'othersLive', string>;

  constructor(
    private readonly neo4j: Neo4jService,
    cypher: CypherRegistry,
  ) {
    this.q = cypher.load({
      queue: 'review/queue',
      amendments: 'review/amendments',
      cueCandidates: 'review/cue-candidates',
      othersLive: 'review/others-live',
    });
  }

  async queue(scope: ReviewScope, after: string | null, first: number, withCount: boolean): Promise<StancePage> {
    const [row] = await this.neo4j.read<StancePage>(this.q.queue, {
      ...scope,
      statuses: [StanceStatus.PROPOSED],
      after,
      limit: neo4j.int(first + 1),
      withCount,
    });
    return row;
  }

  cueCandidates(status: string | null, limit: number): Promise<CueCandidateRow[]> {
    return this.neo4j.read<CueCandidateRow>(this.q.cueCandidates, { status, limit: neo4j.int(limit) });
  }

  /** Inside an amendment's transaction: what else still stands on its proposal, holder and speaker. */
  async othersLive(
    tx: TxRunner,
    stance: { id: string; proposalId: string; actorId: string; speakerId: string | null },
  ): Promise<OthersLive> {
    const [row] = await tx.run<OthersLive>(this.q.othersLive, {
      stanceId: stance.id,
      proposalId: stance.proposalId,
      actorId: stance.actorId,
      speakerId: stance.speakerId,
    });
    return row;
  }

  amendments(stanceIds: readonly string[]): Promise<AmendmentRow[]> {
    return this.neo4j.read<AmendmentRow>(this.q.amendments, { stanceIds });
  }
}
