import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import neo4j, {
  BookmarkManager,
  Driver,
  isRetryableError,
  ManagedTransaction,
  Neo4jError,
  Session,
} from 'neo4j-driver';
import { APP_CONFIG, type AppConfig } from '../common/config/config.js';
import { conflict, DomainError, ErrorCode } from '../common/errors/error-code.js';
import { bookmarksSent, currentOperation, noteBookmarks } from '../common/operation-context.js';
import { DRIVER_TUNING } from './driver-options.js';
import { recordToObject } from './neo4j-mapper.js';

export type Params = Record<string, unknown>;

/** The Neo4j error code (never its message) of a write that would break a uniqueness constraint. */
export const CONSTRAINT_VIOLATION = 'Neo.ClientError.Schema.ConstraintValidationFailed';

/** What every transaction says it is, for SHOW TRANSACTIONS and query.log. */
export const TRANSACTION_APP = 'stance-graph';

/**
 * The one place Cypher runs. Writes go through a managed transaction
 * (executeWrite: retried by the driver on transient errors, so the work
 * passed in must be idempotent), reads through an auto-commit statement
 * retried alike (see read), all on the configured database, with a
 * transaction timeout and metadata naming the operation it runs for
 * (common/operation-context.ts), and the session is closed in `finally`. A
 * write that would break a uniqueness constraint is a CONFLICT, not an
 * internal error: the caller's data collides with the graph's.
 */
@Injectable()
export class Neo4jService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Neo4j');
  readonly driver: Driver;
  /**
   * One bookmark manager for every session of this driver: each transaction
   * starts after every transaction this process has committed, so on a
   * cluster a read routed to a secondary still sees this process's writes.
   * Across processes, the client carries the chain (the Stance-Bookmark
   * header, src/ops/http.ts): its bookmarks join the session's.
   */
  private readonly bookmarks: BookmarkManager = neo4j.bookmarkManager();
  /** Transactions since start, by outcome, and the retries the driver made: read by /metrics. */
  readonly stats: Neo4jStats = {
    transactions: { read: { committed: 0, failed: 0 }, write: { committed: 0, failed: 0 } },
    retries: { read: 0, write: 0 },
    statements: { read: 0, write: 0 },
  };

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const { uri, username, password, maxConnectionPoolSize } = config.neo4j;
    this.driver = neo4j.driver(uri, neo4j.auth.basic(username, password), {
      maxConnectionPoolSize,
      connectionAcquisitionTimeout: 10_000,
      maxTransactionRetryTime: config.neo4j.maxRetryTimeMs,
      userAgent: 'stance-graph/0.1',
      ...DRIVER_TUNING,
    });
  }

  async onModuleInit(): Promise<void> {
    await this.driver.verifyConnectivity({ database: this.config.neo4j.database });
    this.logger.log(`connected to ${this.config.neo4j.uri} (database ${this.config.neo4j.database})`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.driver.close();
  }

  /**
   * Runs a read statement and returns its rows as plain objects. A read is
   * one statement, so it runs as an auto-commit transaction: one round trip
   * (RUN and PULL) where a transaction function takes three (BEGIN; RUN and
   * PULL; COMMIT), which halves the driver's CPU per read and saves a fifth
   * of the server's (README, Performance). Transient errors are retried here
   * with the driver's back-off, as executeRead would, and counted alike.
   */
  async read<T>(cypher: string, params: Params = {}): Promise<T[]> {
    const deadline = Date.now() + this.config.neo4j.maxRetryTimeMs;
    for (let attempt = 1; ; attempt++) {
      if (attempt > 1) this.stats.retries.read += 1;
      try {
        this.stats.statements.read += 1;
        const rows = await this.withSession('READ', async (session) => {
          const result = await session.run(cypher, params, this.txConfig());
          return result.records.map((r) => recordToObject<T>(r));
        });
        this.stats.transactions.read.committed += 1;
        return rows;
      } catch (error) {
        if (!isRetryableError(error) || Date.now() >= deadline) {
          this.stats.transactions.read.failed += 1;
          throw asDomainError(error);
        }
        await new Promise((resolve) =>
          setTimeout(resolve, Math.min(1000 * 2 ** (attempt - 1), 8000) * (0.8 + Math.random() * 0.4)),
        );
      }
    }
  }

  /** Runs a write statement in its own transaction and returns its rows. */
  write<T>(cypher: string, params: Params = {}): Promise<T[]> {
    return this.managed('write', (tx) => this.rows<T>(tx, cypher, params));
  }

  /** Several statements in one write transaction: all of them or none. */
  writeTransaction<T>(work: (tx: TxRunner) => Promise<T>): Promise<T> {
    return this.managed('write', (tx) => work({ run: (cypher, params = {}) => this.rows(tx, cypher, params) }));
  }

  /**
   * Statements that cannot run in a transaction function (schema), under the
   * configured transaction timeout unless one is given (a statement that
   * waits on its own deadline needs a longer one).
   */
  async runAutoCommit(cypher: string, params: Params = {}, timeoutMs?: number): Promise<void> {
    const session = this.driver.session({ database: this.config.neo4j.database, bookmarkManager: this.bookmarks });
    try {
      await session.run(cypher, params, this.txConfig(timeoutMs));
    } catch (error) {
      throw asDomainError(error);
    } finally {
      await session.close();
    }
  }

  /**
   * A read for health checks: one auto-commit statement, no retries, answered
   * within timeoutMs or rejected, so a probe never waits out the driver's
   * retry window while the database is away. A session whose database does
   * not answer is closed in the background: closing waits for the statement,
   * which is the very wait the timeout is there to cut.
   */
  async probe<T>(cypher: string, timeoutMs: number): Promise<T[]> {
    const session = this.driver.session({
      database: this.config.neo4j.database,
      defaultAccessMode: neo4j.session.READ,
    });
    let timer: NodeJS.Timeout | undefined;
    let answered = false;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      });
      const result = await Promise.race([session.run(cypher, {}, this.txConfig(timeoutMs)), timeout]);
      answered = true;
      return result.records.map((r) => recordToObject<T>(r));
    } finally {
      clearTimeout(timer);
      const closing = session.close().catch(() => undefined);
      if (answered) await closing;
    }
  }

  /**
   * A managed transaction (retried by the driver on transient errors such as
   * deadlocks), counted for /metrics: each attempt after the first is a retry.
   */
  private async managed<T>(mode: 'read' | 'write', work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    let attempts = 0;
    const attempt = (tx: ManagedTransaction) => {
      attempts += 1;
      if (attempts > 1) this.stats.retries[mode] += 1;
      return work(tx);
    };
    try {
      const result = await this.withSession(mode === 'read' ? 'READ' : 'WRITE', (session) =>
        mode === 'read'
          ? session.executeRead(attempt, this.txConfig())
          : session.executeWrite(attempt, this.txConfig()),
      );
      this.stats.transactions[mode].committed += 1;
      return result;
    } catch (error) {
      this.stats.transactions[mode].failed += 1;
      throw asDomainError(error);
    }
  }

  /** Whether the database answers a connectivity check within timeoutMs (a hung server counts as unreachable). */
  async isReachable(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const check = this.driver.verifyConnectivity({ database: this.config.neo4j.database }).then(
      () => true,
      () => false,
    );
    try {
      return await Promise.race([check, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async withSession<T>(mode: 'READ' | 'WRITE', work: (session: Session) => Promise<T>): Promise<T> {
    const sent = bookmarksSent();
    const session = this.driver.session({
      database: this.config.neo4j.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: this.bookmarks,
      ...(sent.length > 0 ? { bookmarks: sent } : {}),
    });
    try {
      const result = await work(session);
      noteBookmarks(session.lastBookmarks(), mode === 'WRITE');
      return result;
    } finally {
      await session.close();
    }
  }

  private async rows<T>(tx: ManagedTransaction, cypher: string, params: Params): Promise<T[]> {
    this.stats.statements.write += 1;
    const result = await tx.run(cypher, params);
    return result.records.map((r) => recordToObject<T>(r));
  }

  /** The configured timeout (or the one given), and the operation the transaction runs for. */
  private txConfig(timeoutMs?: number) {
    return {
      timeout: timeoutMs ?? this.config.neo4j.transactionTimeoutMs,
      metadata: { app: TRANSACTION_APP, operation: currentOperation() },
    };
  }
}

/** A uniqueness constraint the write would break becomes CONFLICT (by error code); anything else is passed on. */
function asDomainError(error: unknown): unknown {
  if (error instanceof Neo4jError && error.code === CONSTRAINT_VIOLATION) {
    return conflict(
      'the write collides with something the graph already holds under the same key; nothing was written',
    );
  }
  if (error instanceof Neo4jError && BAD_BOOKMARK.test(error.code)) {
    return new DomainError(
      ErrorCode.BAD_REQUEST,
      'the Stance-Bookmark header holds a bookmark this database does not know; send the one an answer returned, or none',
    );
  }
  return error;
}

/** Neo4j's codes for a bookmark that is malformed or from another database. */
const BAD_BOOKMARK = /^Neo\.ClientError\.Transaction\.InvalidBookmark/;

export interface Neo4jStats {
  transactions: Record<'read' | 'write', { committed: number; failed: number }>;
  retries: Record<'read' | 'write', number>;
  /** Statements sent (each a round trip), by the mode of the transaction they ran in, retried attempts included. */
  statements: Record<'read' | 'write', number>;
}

export interface TxRunner {
  run<T>(cypher: string, params?: Params): Promise<T[]>;
}
