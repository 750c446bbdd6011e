import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CYPHER_ROOT, listCypherFiles } from './cypher-registry.js';
import { Neo4jService } from './neo4j.service.js';

/**
 * Applies cypher/schema/*.cypher (constraints and indexes, all
 * `IF NOT EXISTS`) in file-name order at start-up, then waits for the
 * indexes to come online. Idempotent: a second boot changes nothing.
 */
@Injectable()
export class SchemaService implements OnModuleInit {
  private readonly logger = new Logger('Schema');

  constructor(private readonly neo4j: Neo4jService) {}

  async onModuleInit(): Promise<void> {
    const files = listCypherFiles(join(CYPHER_ROOT, 'schema'));
    let count = 0;
    for (const file of files) {
      for (const statement of splitStatements(readFileSync(file, 'utf8'))) {
        await this.neo4j.runAutoCommit(statement);
        count += 1;
      }
    }
    await this.neo4j.runAutoCommit('CALL db.awaitIndexes(60)');
    this.logger.log(`schema applied: ${count} statements from ${files.length} files`);
  }
}

/** Schema files hold one statement per `;`-terminated block; `//` comments are dropped. */
export function splitStatements(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
