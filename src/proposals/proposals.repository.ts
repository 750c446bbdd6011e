import { Injectable } from '@nestjs/common';
import neo4j from 'neo4j-driver';
import { CypherRegistry } from '../neo4j/cypher-registry.js';
import { Neo4jService } from '../neo4j/neo4j.service.js';

export interface ProposalRow {
  id: string;
  name: string;
  summary: string | null;
  aliases: string[];
  proposedOn: string | null;
}

export interface ProposerRow {
  proposalId: string;
  actorId: string;
  kind: string;
}

export interface ProposalWrite {
  id: string;
  name: string;
  summary: string | null;
  aliases: string[] | null;
  nameKeys: string[];
  proposedById: string | null;
  proposerId: string | null;
  proposedOn: string | null;
}

@Injectable()
export class ProposalsRepository {
  private readonly q: Record<'findByIds' | 'page' | 'count' | 'upsert' | 'proposers' | 'proposedBy', string>;

  constructor(
    private readonly neo4j: Neo4jService,
    cypher: CypherRegistry,
  ) {
    this.q = cypher.load({
      findByIds: 'proposals/find-by-ids',
      page: 'proposals/page',
      count: 'proposals/count',
      upsert: 'proposals/upsert',
      proposers: 'proposals/proposers',
      proposedBy: 'proposals/proposed-by',
    });
  }

  findByIds(ids: readonly string[]): Promise<ProposalRow[]> {
    return this.neo4j.read<ProposalRow>(this.q.findByIds, { ids });
  }

  page(after: string | null, first: number): Promise<ProposalRow[]> {
    return this.neo4j.read<ProposalRow>(this.q.page, { after, limit: neo4j.int(first + 1) });
  }

  async count(): Promise<number> {
    const [row] = await this.neo4j.read<{ count: number }>(this.q.count);
    return row.count;
  }

  /** Null when a named proposer does not exist; nothing is written then. */
  async upsert(proposal: ProposalWrite): Promise<ProposalRow | null> {
    const rows = await this.neo4j.write<ProposalRow>(this.q.upsert, { ...proposal });
    return rows[0] ?? null;
  }

  proposers(proposalIds: readonly string[]): Promise<ProposerRow[]> {
    return this.neo4j.read<ProposerRow>(this.q.proposers, { ids: proposalIds });
  }

  proposedBy(actorIds: readonly string[]): Promise<ProposerRow[]> {
    return this.neo4j.read<ProposerRow>(this.q.proposedBy, { ids: actorIds });
  }
}
