import { Injectable } from '@nestjs/common';
import neo4j from 'neo4j-driver';
import { CypherRegistry } from '../neo4j/cypher-registry.js';
import { Neo4jService, TxRunner } from '../neo4j/neo4j.service.js';
import type { ArticleRow } from '../graph/article.row.js';
import type { EvidenceRow, StanceWithRefs } from '../graph/stance.row.js';
import type { ProposalRow, ProposalWrite, ProposerRow } from '../graph/proposal.row.js';

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
    'findByIds' | 'page' | 'count' | 'upsert' | 'proposers' | 'proposedBy' | 'currentView' | 'addAliases',
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
      addAliases: 'proposals/add-aliases',
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

  /** The one write of proposals (cypher/proposals/upsert.cypher), inside a caller's transaction: a batch from ingestion or the demo graph. */
  upsert(tx: TxRunner, rows: ProposalWrite[]): Promise<ProposalRow[]> {
    return rows.length > 0 ? tx.run<ProposalRow>(this.q.upsert, { rows }) : Promise.resolve([]);
  }

  /** One proposal in its own transaction, by the same statement; null when a proposal it names does not exist (nothing written). */
  /** Adds aliases (each with its name key) to one node, but none another node (bar `except`) is named by; returns those added. */
  async addAliases(
    tx: TxRunner,
    id: string,
    aliases: Array<{ alias: string; key: string }>,
    except: string | null,
  ): Promise<string[]> {
    if (aliases.length === 0) return [];
    const [row] = await tx.run<{ added: string[] }>(this.q.addAliases, { id, aliases, except });
    return row?.added ?? [];
  }

  async upsertOne(row: ProposalWrite): Promise<ProposalRow | null> {
    const [written] = await this.neo4j.writeTransaction((tx) => this.upsert(tx, [row]));
    return written ?? null;
  }

  proposers(proposalIds: readonly string[]): Promise<ProposerRow[]> {
    return this.neo4j.read<ProposerRow>(this.q.proposers, { ids: proposalIds });
  }

  proposedBy(actorIds: readonly string[]): Promise<ProposerRow[]> {
    return this.neo4j.read<ProposerRow>(this.q.proposedBy, { ids: actorIds });
  }
}
