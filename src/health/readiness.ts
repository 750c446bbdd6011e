import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CYPHER_ROOT, listCypherFiles } from '../neo4j/cypher-registry.js';
import { splitStatements } from '../neo4j/schema.service.js';

/**
 * The constraints and indexes cypher/schema/ creates, by name: the service
 * is ready only when the database has every one of them, online.
 */
export function expectedSchemaNames(root: string = join(CYPHER_ROOT, 'schema')): string[] {
  const names: string[] = [];
  for (const file of listCypherFiles(root)) {
    for (const statement of splitStatements(readFileSync(file, 'utf8'))) {
      const m = /^CREATE\s+(?:CONSTRAINT|(?:[A-Z]+\s+)?INDEX)\s+([A-Za-z_][A-Za-z0-9_]*)/i.exec(statement);
      if (m) names.push(m[1]);
    }
  }
  return names.sort();
}
