import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import neo4j, { Driver, ManagedTransaction, Session } from 'neo4j-driver';
import { APP_CONFIG, type AppConfig } from '../common/config/config.js';
import { recordToObject } from './neo4j-mapper.js';

export type Params = Record<string, unknown>;

/**
 * The one place Cypher runs. Every call goes through a managed transaction
 * (executeRead / executeWrite: retried by the driver on transient errors, so
 * the work passed in must be idempotent), on the configured database, with a
 * transaction timeout, and the session is closed in `finally`.
 */
@Injectable()
export class Neo4jService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Neo4j');
  readonly driver: Driver;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const { uri, username, password, maxConnectionPoolSize } = config.neo4j;
    this.driver = neo4j.driver(uri, neo4j.auth.basic(username, password), {
      maxConnectionPoolSize,
      connectionAcquisitionTimeout: 10_000,
      maxTransactionRetryTime: 15_000,
      userAgent: 'stance-graph/0.1',
    });
  }

  async onModuleInit(): Promise<void> {
    await this.driver.verifyConnectivity({ database: this.config.neo4j.database });
    this.logger.log(`connected to ${this.config.neo4j.uri} (database ${this.config.neo4j.database})`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.driver.close();
  }

  /** Runs a read statement and returns its rows as plain objects. */
  read<T>(cypher: string, params: Params = {}): Promise<T[]> {
    return this.withSession('READ', (session) =>
      session.executeRead((tx) => this.rows<T>(tx, cypher, params), this.txConfig()),
    );
  }

  /** Runs a write statement in its own transaction and returns its rows. */
  write<T>(cypher: string, params: Params = {}): Promise<T[]> {
    return this.withSession('WRITE', (session) =>
      session.executeWrite((tx) => this.rows<T>(tx, cypher, params), this.txConfig()),
    );
  }

  /** Several statements in one write transaction: all of them or none. */
  writeTransaction<T>(work: (tx: TxRunner) => Promise<T>): Promise<T> {
    return this.withSession('WRITE', (session) =>
      session.executeWrite((tx) => work({ run: (cypher, params = {}) => this.rows(tx, cypher, params) }), this.txConfig()),
    );
  }

  /** Statements that cannot run in a transaction function (schema). */
  async runAutoCommit(cypher: string, params: Params = {}): Promise<void> {
    const session = this.driver.session({ database: this.config.neo4j.database });
    try {
      await session.run(cypher, params, this.txConfig());
    } finally {
      await session.close();
    }
  }

  async isReachable(): Promise<boolean> {
    try {
      await this.driver.verifyConnectivity({ database: this.config.neo4j.database });
      return true;
    } catch {
      return false;
    }
  }

  get database(): string {
    return this.config.neo4j.database;
  }

  private async withSession<T>(mode: 'READ' | 'WRITE', work: (session: Session) => Promise<T>): Promise<T> {
    const session = this.driver.session({
      database: this.config.neo4j.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    try {
      return await work(session);
    } finally {
      await session.close();
    }
  }

  private async rows<T>(tx: ManagedTransaction, cypher: string, params: Params): Promise<T[]> {
    const result = await tx.run(cypher, params);
    return result.records.map((r) => recordToObject<T>(r));
  }

  private txConfig() {
    return { timeout: this.config.neo4j.transactionTimeoutMs };
  }
}

export interface TxRunner {
  run<T>(cypher: string, params?: Params): Promise<T[]>;
}
