import { Injectable } from '@nestjs/common';
import { CypherRegistry } from '../neo4j/cypher-registry.js';
import { Neo4jService, TxRunner } from '../neo4j/neo4j.service.js';
import type { ArticleRow, ArticleWrite } from '../graph/article.row.js';

@Injectable()
export class ArticlesRepository {
  private readonly q: Record<'findByIds' | 'upsert' | 'linkSameReport' | 'text', string>;

  constructor(
    private readonly neo4j: Neo4jService,
    cypher: CypherRegistry,
  ) {
    this.q = cypher.load({
      findByIds: 'articles/find-by-ids',
      upsert: 'articles/upsert',
      linkSameReport: 'articles/link-same-report',
      text: 'articles/text',
    });
  }

  findByIds(ids: readonly string[]): Promise<ArticleRow[]> {
    return this.neo4j.read<ArticleRow>(this.q.findByIds, { ids });
  }

  /** An ingested article's text; null when it has none (or there is no such article). */
  async text(id: string): Promise<string | null> {
    const [row] = await this.neo4j.read<{ text: string | null }>(this.q.text, { id });
    return row?.text ?? null;
  }

  /** Inside a caller's transaction: articles are written with the stances they back. */
  async upsert(tx: TxRunner, rows: ArticleWrite[]): Promise<void> {
    if (rows.length > 0) await tx.run(this.q.upsert, { rows });
  }

  async linkSameReport(tx: TxRunner, id: string, otherId: string): Promise<void> {
    await tx.run(this.q.linkSameReport, { id, otherId });
  }
}
