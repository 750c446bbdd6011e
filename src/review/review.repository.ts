import { Injectable } from '@nestjs/common';
import neo4j from 'neo4j-driver';
import type { StancePage } from '../graph/stance.row.js';
import { StanceStatus } from '../graph/vocabulary.js';
import { CypherRegistry } from '../neo4j/cypher-registry.js';
import { Neo4jService } from '../neo4j/neo4j.service.js';
import type { CueCandidateRow } from '../stances/stances.repository.js';

/** Which stances the queue and bulk decisions take (null: any). */
export interface ReviewScope {
  proposalId: string | null;
  actorId: string | null;
  outlet: string | null;
  articleId: string | null;
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
  private readonly q: Record<'queue' | 'amendments' | 'cueCandidates', string>;

  constructor(
    private readonly neo4j: Neo4jService,
    cypher: CypherRegistry,
  ) {
    this.q = cypher.load({
      queue: 'review/queue',
      amendments: 'review/amendments',
      cueCandidates: 'review/cue-candidates',
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

  amendments(stanceIds: readonly string[]): Promise<AmendmentRow[]> {
    return this.neo4j.read<AmendmentRow>(this.q.amendments, { stanceIds });
  }
}
