import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import neo4j, { isRetryableError, Neo4jError } from 'neo4j-driver';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CYPHER_ROOT, CypherRegistry, listCypherFiles } from './cypher-registry.js';
import { Neo4jService } from './neo4j.service.js';
import { runAs } from '../common/operation-context.js';

/** How long start-up waits for new indexes to come online. */
export const AWAIT_INDEXES_SECONDS = 60;

/**
 * Applies cypher/schema/*.cypher (constraints and indexes, all
 * `IF NOT EXISTS`) in file-name order at start-up, then waits for the
 * indexes to come online. Idempotent: a second boot changes nothing.
 */
@Injectable()
export class SchemaService implements OnModuleInit {
  private readonly logger = new Logger('Schema');

  private readonly awaitIndexes: string;

  constructor(
    private readonly neo4j: Neo4jService,
    cypher: CypherRegistry,
  ) {
    this.awaitIndexes = cypher.get('neo4j/await-indexes');
  }

  onModuleInit(): Promise<void> {
    return runAs('startup apply schema', () => this.apply());
  }

  private async apply(): Promise<void> {
    const files = listCypherFiles(join(CYPHER_ROOT, 'schema'));
    let count = 0;
    for (const file of files) {
      for (const statement of splitStatements(readFileSync(file, 'utf8'))) {
        await this.withRetries(() => this.neo4j.runAutoCommit(statement));
        count += 1;
      }
    }
    // The wait gets a transaction timeout longer than itself (NEO4J_TX_TIMEOUT_MS is 30 s by
    // default), so it ends by its own deadline. Indexes still populating then (a large graph) do
    // not stop the service: /health/ready answers 503 until every one is online.
    try {
      await this.neo4j.runAutoCommit(
        this.awaitIndexes,
        { seconds: neo4j.int(AWAIT_INDEXES_SECONDS) },
        (AWAIT_INDEXES_SECONDS + 15) * 1000,
      );
    } catch (error) {
      // The procedure reports its own timeout (and an index that failed) as ProcedureCallFailed.
      if (!(error instanceof Neo4jError) || error.code !== 'Neo.ClientError.Procedure.ProcedureCallFailed') throw error;
      this.logger.warn(
        `indexes not all online after ${AWAIT_INDEXES_SECONDS} s (${error.code}); not ready until they are`,
      );
    }
    this.logger.log(`schema applied: ${count} statements from ${files.length} files`);
  }

  /**
   * Replicas starting together apply the same schema at once. Neo4j may then
   * answer one of them with a deadlock (a transient error: the statement is
   * tried again after a short random wait), or say that the other has just
   * made the same index or constraint (what `IF NOT EXISTS` asked for: done).
   */
  private async withRetries(work: () => Promise<void>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        if (error instanceof Neo4jError && ALREADY_THERE.test(error.code)) return;
        if (!isRetryableError(error) || attempt >= 10) throw error;
        await new Promise((r) => setTimeout(r, 50 * attempt + Math.random() * 200));
      }
    }
  }
}

/** What Neo4j answers a schema statement that lost the race to an identical one. */
const ALREADY_THERE =
  /^Neo\.ClientError\.Schema\.(EquivalentSchemaRuleAlreadyExists|IndexAlreadyExists|ConstraintAlreadyExists)$/;

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
