import { Injectable } from '@nestjs/common';
import { CypherRegistry } from '../neo4j/cypher-registry.js';
import { Neo4jService } from '../neo4j/neo4j.service.js';
import type { ActorRow } from '../graph/actor.row.js';
import type { ProposalRow } from '../graph/proposal.row.js';
import type { StanceRow } from '../graph/stance.row.js';
import { LIVE_STATUSES } from '../graph/vocabulary.js';

/** What an alignment is computed from: the actors and proposals found, and the actors' stances on them. */
export interface AlignmentInputs {
  actors: ActorRow[];
  proposals: ProposalRow[];
  stances: StanceRow[];
}

@Injectable()
export class AlignmentRepository {
  private readonly q: Record<'align', string>;

  constructor(
    private readonly neo4j: Neo4jService,
    cypher: CypherRegistry,
  ) {
    this.q = cypher.load({ align: 'alignment/align' });
  }

  /** One statement (alignment/align): the inputs of an alignment as of a date (null: now). */
  async inputs(
    actorIds: string[],
    proposalIds: string[],
    asOf: string | null,
    knownAsOf: string | null,
  ): Promise<AlignmentInputs> {
    const [row] = await this.neo4j.read<AlignmentInputs>(this.q.align, {
      actorIds,
      proposalIds,
      asOf,
      knownAsOf,
      liveStatuses: LIVE_STATUSES,
    });
    return row;
  }
}
