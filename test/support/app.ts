import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { getOperationAST, parse } from 'graphql';
import neo4j, { Driver } from 'neo4j-driver';
import { createApp } from '../../src/app.setup.js';
import { operationRole } from '../../src/auth/operation-role.js';
import type { Role } from '../../src/auth/roles.js';
import { signToken } from '../../src/auth/tokens.js';

/**
 * The real application (AppModule, as production builds it) listening on a
 * random loopback port, against the Neo4j container that globalSetup started.
 */
export interface TestApp {
  app: INestApplication;
  url: string;
  /** Signed tokens for each role, valid for this app. */
  tokens: Record<Role, string>;
  /**
   * POSTs an operation. It authenticates as the least role the operation
   * needs (reader for reads, editor for writes, admin for merges and
   * retractions), or as `options.as` ('anonymous': no token at all).
   */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { as?: Role | 'anonymous' },
  ): Promise<GqlResponse<T>>;
  cypher<T = Record<string, unknown>>(statement: string, params?: Record<string, unknown>): Promise<T[]>;
  close(): Promise<void>;
}

export interface GqlResponse<T> {
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: { code?: string; field?: string } }>;
}

/** The signing secret of the test apps in this process (tests authenticate; auth is never switched off). */
const TEST_SECRET = randomBytes(32).toString('base64url');

export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  // Rate limits are tested on their own (rate-limits.int-spec.ts); suites that ingest or export a lot are not held back by them.
  const unlimited = {
    STANCE_RATE_INGEST: '1000000',
    STANCE_RATE_EXPORTS: '1000000',
    STANCE_RATE_AUTH_FAILURES: '1000000',
  };
  Object.assign(process.env, { PORT: '0', HOST: '127.0.0.1', STANCE_AUTH_SECRET: TEST_SECRET, ...unlimited }, env);
  const secret = process.env.STANCE_AUTH_SECRET!;
  const mint = (role: Role) => signToken(secret, { sub: `test-${role}`, role, ttlSeconds: 86400 });
  const tokens: Record<Role, string> = { reader: mint('reader'), editor: mint('editor'), admin: mint('admin') };
  const app = await createApp({ logger: ['error', 'warn'] });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const driver: Driver = neo4j.driver(
    process.env.NEO4J_URI!,
    neo4j.auth.basic(process.env.NEO4J_USERNAME!, process.env.NEO4J_PASSWORD!),
  );

  return {
    app,
    url,
    tokens,
    async gql(query, variables, options = {}) {
      const as = options.as ?? leastRole(query);
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (as !== 'anonymous' && as !== null) headers.authorization = `Bearer ${tokens[as]}`;
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as GqlResponse<never>;
    },
    async cypher(statement, params = {}) {
      const result = await driver.executeQuery(statement, params, { database: 'neo4j' });
      return result.records.map((r) => r.toObject() as never);
    },
    async close() {
      await app.close();
      await driver.close();
    },
  };
}

/** The least role an operation needs with reads closed (reader for any read); null when it does not parse. */
function leastRole(query: string): Role | null {
  try {
    const document = parse(query);
    const operation = getOperationAST(document);
    return operation ? operationRole(operation, document, false) : null;
  } catch {
    return null;
  }
}

/** A prefix that keeps one test's ids apart from another's in the shared database. */
export function uniq(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

/** Counts nodes, relationships and properties: the fingerprint of "nothing changed". */
export async function graphFingerprint(t: TestApp): Promise<{ nodes: number; rels: number; props: number }> {
  const [row] = await t.cypher<{ nodes: number; rels: number; props: number }>(
    `CALL () { MATCH (n) RETURN count(n) AS nodes, sum(size(keys(n))) AS np }
     CALL () { MATCH ()-[r]->() RETURN count(r) AS rels, sum(size(keys(r))) AS rp }
     RETURN toInteger(nodes) AS nodes, toInteger(rels) AS rels, toInteger(np + rp) AS props`,
  );
  return { nodes: Number(row.nodes), rels: Number(row.rels), props: Number(row.props) };
}

/**
 * Empties the shared test database, for a suite that needs an exact picture
 * (the demo graph alone, or seed articles read into an empty graph). Suites
 * run one after another, so no other suite is writing meanwhile.
 */
export async function resetGraph(): Promise<void> {
  const driver = neo4j.driver(
    process.env.NEO4J_URI!,
    neo4j.auth.basic(process.env.NEO4J_USERNAME!, process.env.NEO4J_PASSWORD!),
  );
  const session = driver.session({ database: 'neo4j' });
  try {
    // CALL … IN TRANSACTIONS needs an implicit (auto-commit) transaction: session.run.
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS');
  } finally {
    await session.close();
    await driver.close();
  }
}
