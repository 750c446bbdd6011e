import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, loadConfig } from '../common/config/config.js';
import { CypherRegistry } from './cypher-registry.js';
import { Neo4jService } from './neo4j.service.js';
import { SchemaService } from './schema.service.js';

/** The driver, the Cypher files and the schema: one module, shared by every feature. */
@Global()
@Module({
  providers: [
    { provide: APP_CONFIG, useFactory: () => loadConfig() },
    { provide: CypherRegistry, useFactory: () => new CypherRegistry() },
    Neo4jService,
    SchemaService,
  ],
  exports: [APP_CONFIG, CypherRegistry, Neo4jService],
})
export class Neo4jModule {}
