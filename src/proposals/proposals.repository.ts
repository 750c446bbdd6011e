import { Injectable } from '@nestjs/common';
import neo4j from 'neo4j-driver';
import { CypherRegistry } from '../neo4j/cypher-registry.js';
import { Neo4jService } from '../neo4j/neo4j.service.js';
import type { ArticleRow } from '../articles/articles.repository.js';
import type { EvidenceRow, StanceWithRefs } from '../stances/stances.repository.js';

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

interface CurrentViewRow {
  proposal: ProposalRow;
  stances: Array<Omit<StanceWithRefs, 'evidence'> & { evidence: EvidenceRow[] | null }>;
  articles: ArticleRow[];
}

/** Puts each quote's article on it (the articles of a set of stances come once each, apart from their quotes). */
export function withArticles(stances: CurrentViewRow['stances'], articles: ArticleRow[]): StanceWithRefs[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  return stances.map((s) => ({
    ...s,
    evidence: s.evidence && s.evidence.map((e) => ({ ...e, article: byId.get(e.articleId)! })),
  }));
}

@Injectable()
export class ProposalsRepository {
  private readonly q: Record<
    'findByIds' | 'page' | 'count' | 'upsert' | 'proposers' | 'proposedBy' | 'currentView',
    string
  >;

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
      currentView: 'proposals/current-view',
    });
  }

  /**
   * One statement (proposals/current-view): a proposal with its current
   * stances, their actors and, if asked, their evidence, each quote with its
   * article (read once per article, put on each of its quotes here).
   */
  async currentView(
    id: string,
    withEvidence: boolean,
  ): Promise<{ proposal: ProposalRow; stances: StanceWithRefs[] } | null> {
    const [row] = await this.neo4j.read<CurrentViewRow>(this.q.currentView, { id, withEvidence });
    if (!row) return null;
    return { proposal: row.proposal, stances: withArticles(row.stances, row.articles) };
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
