import { Injectable } from '@nestjs/common';
import neo4j from 'neo4j-driver';
import { badInput } from '../common/errors/error-code.js';
import { LIMITS, nameKey, pageSize, requireText } from '../common/validation.js';
import { CypherRegistry } from '../neo4j/cypher-registry.js';
import { Neo4jService } from '../neo4j/neo4j.service.js';

/**
 * A Lucene query from free text. The text is cut into words of letters and
 * digits only, as the index's analyzer cuts names, so no query syntax from a
 * user ever reaches Lucene. Every word must match; the last one as a prefix,
 * so that "Pyong" finds Pyongyang while typing.
 */
export function toLuceneQuery(text: string): string {
  const words = text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 12);
  return words.map((w, i) => (i === words.length - 1 ? `${w}*` : w)).join(' AND ');
}

@Injectable()
export class SearchService {
  private readonly q: Record<'search', string>;

  constructor(
    private readonly neo4j: Neo4jService,
    cypher: CypherRegistry,
  ) {
    this.q = cypher.load({ search: 'search/search' });
  }

  async search(textInput: string, first: number | null | undefined) {
    const text = requireText('text', textInput, LIMITS.name);
    const lucene = toLuceneQuery(text);
    if (lucene === '') throw badInput('text', 'must contain a letter or digit');
    const limit = pageSize('first', first, 10);
    const hits = await this.neo4j.read<{ type: 'Actor' | 'Proposal'; score: number; node: object }>(this.q.search, {
      key: nameKey(text),
      lucene,
      limit: neo4j.int(limit),
    });
    return hits.map((h) => ({ score: h.score, node: { ...h.node, __type: h.type } }));
  }
}
