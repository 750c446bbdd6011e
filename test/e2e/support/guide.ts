import { readFileSync } from 'node:fs';

/**
 * The analysts' saved queries in infra/neo4j/browser/guide.md: each ```cypher
 * block is one snippet of `:param name => value;` lines and one query, the
 * way Neo4j Browser runs it.
 */
export interface Snippet {
  title: string;
  statements: string[];
  params: Array<{ name: string; expression: string }>;
  query: string;
}

export function readGuide(file: string): Snippet[] {
  const markdown = readFileSync(file, 'utf8');
  const snippets: Snippet[] = [];
  let title = '';
  const pattern = /^## (.+)$|^```cypher\n([\s\S]*?)^```$/gm;
  for (const match of markdown.matchAll(pattern)) {
    if (match[1]) {
      title = match[1].trim();
      continue;
    }
    const statements = match[2]
      .split(/;\s*$/m)
      .map((s) => s.trim())
      .filter(Boolean);
    const params: Snippet['params'] = [];
    const queries: string[] = [];
    for (const statement of statements) {
      const param = /^:param\s+(\w+)\s*=>\s*([\s\S]+)$/.exec(statement);
      if (param) params.push({ name: param[1], expression: param[2].trim() });
      else queries.push(statement);
    }
    if (queries.length !== 1)
      throw new Error(`a snippet under "${title}" should hold one query, found ${queries.length}`);
    snippets.push({ title, statements, params, query: queries[0] });
  }
  return snippets;
}
