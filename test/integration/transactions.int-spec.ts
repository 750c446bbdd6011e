import neo4j, { Driver } from 'neo4j-driver';
import { DomainError, ErrorCode } from '../../src/common/errors/error-code.js';
import { Neo4jService, TRANSACTION_APP } from '../../src/neo4j/neo4j.service.js';
import { resetGraph, startTestApp, TestApp, uniq } from '../support/app.js';

const UPSERT = `mutation RenameForProbe($input: UpsertActorInput!) { upsertActor(input: $input) { id name } }`;

/**
 * What the service's transactions say about themselves: a write that breaks
 * a uniqueness constraint is a CONFLICT (not an internal error), and every
 * transaction names the operation it runs for in its metadata, where
 * SHOW TRANSACTIONS (and query.log) show it.
 */
describe('transactions', () => {
  let t: TestApp;
  let driver: Driver;
  // A constraint of this test's own, on a property the service writes: the graph starts empty, so it holds.
  const CONSTRAINT = 'test_actor_name_unique';

  beforeAll(async () => {
    await resetGraph();
    t = await startTestApp();
    driver = neo4j.driver(
      process.env.NEO4J_URI!,
      neo4j.auth.basic(process.env.NEO4J_USERNAME!, process.env.NEO4J_PASSWORD!),
    );
  });
  afterAll(async () => {
    await t.cypher(`DROP CONSTRAINT ${CONSTRAINT} IF EXISTS`);
    await driver.close();
    await t.close();
  });

  const count = async (statement: string, params: Record<string, unknown>) =>
    Number((await t.cypher<{ n: unknown }>(statement, params))[0].n);

  it('maps a uniqueness constraint violation to CONFLICT in Neo4jService, whatever the way in', async () => {
    const service = t.app.get(Neo4jService);
    // Outlets are unique by name (cypher/schema/001-constraints.cypher).
    const name = uniq('Conflict Outlet');
    const create = 'CREATE (:Outlet {name: $name})';
    await service.write(create, { name });
    const attempts: Array<() => Promise<unknown>> = [
      () => service.write(create, { name }),
      () => service.writeTransaction((tx) => tx.run(create, { name })),
      () => service.runAutoCommit(create, { name }),
    ];
    for (const attempt of attempts) {
      const error = await attempt().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe(ErrorCode.CONFLICT);
      // No driver text reaches a client.
      expect((error as DomainError).message).not.toMatch(/Neo\.|already exists|Node\(/);
    }
    expect(await count('MATCH (o:Outlet {name: $name}) RETURN count(o) AS n', { name })).toBe(1);
    await t.cypher('MATCH (o:Outlet {name: $name}) DETACH DELETE o', { name });
  });

  it('answers a GraphQL write that breaks a constraint with CONFLICT, and writes nothing', async () => {
    await t.cypher(`CREATE CONSTRAINT ${CONSTRAINT} IF NOT EXISTS FOR (a:Actor) REQUIRE a.name IS UNIQUE`);
    try {
      const name = uniq('Same name');
      const first = await t.gql(UPSERT, { input: { id: uniq('first'), name, kind: 'STATE' } });
      expect(first.errors).toBeUndefined();
      const second = await t.gql(UPSERT, { input: { id: uniq('second'), name, kind: 'STATE' } });
      expect(second.errors?.[0].extensions).toEqual({ code: 'CONFLICT' });
      expect(second.errors?.[0].message).not.toMatch(/Neo\.|constraint/i);
      expect(await count('MATCH (a:Actor {name: $name}) RETURN count(a) AS n', { name })).toBe(1);
    } finally {
      await t.cypher(`DROP CONSTRAINT ${CONSTRAINT} IF EXISTS`);
    }
  });

  it('names the GraphQL operation in the metadata of its transaction', async () => {
    const id = uniq('probe');
    expect((await t.gql(UPSERT, { input: { id, name: uniq('Probe'), kind: 'STATE' } })).errors).toBeUndefined();
    // A write lock held from outside makes the service's write wait, long enough to be seen running.
    const lockSession = driver.session({ database: 'neo4j' });
    const lock = await lockSession.beginTransaction();
    let pending: ReturnType<TestApp['gql']> | undefined;
    const seen: Array<Record<string, unknown>> = [];
    try {
      await lock.run('MATCH (a:Actor {id: $id}) SET a.lockedByTest = true', { id });
      pending = t.gql(UPSERT, { input: { id, name: uniq('Renamed'), kind: 'STATE' } });
      for (let i = 0; i < 100 && seen.length === 0; i++) {
        const show = driver.session({ database: 'neo4j' });
        try {
          // SHOW TRANSACTIONS runs on its own (auto-commit), not in a transaction function.
          const result = await show.run(
            'SHOW TRANSACTIONS YIELD metaData, currentQuery WHERE metaData.app = $app RETURN metaData',
            { app: TRANSACTION_APP },
          );
          seen.push(...result.records.map((r) => r.get('metaData') as Record<string, unknown>));
        } finally {
          await show.close();
        }
        if (seen.length === 0) await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await lock.rollback();
      await lockSession.close();
    }
    expect((await pending!).errors).toBeUndefined();
    expect(seen).toContainEqual({ app: 'stance-graph', operation: 'graphql mutation RenameForProbe' });
  });
});
