import { Injectable } from '@nestjs/common';
import neo4j from 'neo4j-driver';
import { CypherRegistry } from '../neo4j/cypher-registry.js';
import { Neo4jService } from '../neo4j/neo4j.service.js';
import type { ProposalRow } from '../graph/proposal.row.js';
import type { StanceRow } from '../graph/stance.row.js';
import { LIVE_STATUSES } from '../graph/vocabulary.js';

/** Since-bounds: exactly one of them is set. */
export interface SinceBound {
  since: string | null;
  recordedSince: string | null;
}

@Injectable()
export class TimelineRepository {
  private readonly q: Record<'changedStances' | 'newProposals', string>;

  constructor(
    private readonly neo4j: Neo4jService,
    cypher: CypherRegistry,
  ) {
    this.q = cypher.load({ changedStances: 'timeline/changed-stances', newProposals: 'timeline/new-proposals' });
  }

  changedStances(bound: SinceBound, limit: number): Promise<StanceRow[]> {
    return this.neo4j.read<StanceRow>(this.q.changedStances, {
      ...bound,
      limit: neo4j.int(limit),
      liveStatuses: LIVE_STATUSES,
    });
  }

  newProposals(bound: SinceBound, limit: number): Promise<ProposalRow[]> {
    return this.neo4j.read<ProposalRow>(this.q.newProposals, { ...bound, limit: neo4j.int(limit) });
  }
}
