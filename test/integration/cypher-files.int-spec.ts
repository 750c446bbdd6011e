import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import neo4j, { Driver } from 'neo4j-driver';
import { CYPHER_ROOT, CypherRegistry, listFiles } from '../../src/neo4j/cypher-registry.js';
import { startTestApp, TestApp } from '../support/app.js';

/**
 * Every statement in cypher/ must compile against the real schema (EXPLAIN),
 * and every one must be used by some repository: a file nobody loads is dead.
 */
describe('cypher/ files', () => {
  let t: TestApp;
  let driver: Driver;
  beforeAll(async () => {
    t = await startTestApp(); // applies the schema, so EXPLAIN sees real indexes
    driver = neo4j.driver(
      process.env.NEO4J_URI!,
      neo4j.auth.basic(process.env.NEO4J_USERNAME!, process.env.NEO4J_PASSWORD!),
    );
  });
  afterAll(async () => {
    await driver.close();
    await t.close();
  });

  const registry = new CypherRegistry();
  const names = registry.names().filter((n) => !n.startsWith('schema/'));

  it.each(names)('EXPLAIN %s', async (name) => {
    const session = driver.session({ database: 'neo4j' });
    try {
      const result = await session.run(`EXPLAIN ${registry.get(name)}`);
      expect(result.summary.plan).toBeTruthy();
    } finally {
      await session.close();
    }
  });

  it('has no file that no repository loads', () => {
    // The service's sources and the tools' (the bench has statements of its own).
    const sources = ['src', 'bench', 'cli']
      .flatMap((dir) => listFiles(join(CYPHER_ROOT, '..', dir), '.ts'))
      .filter((f) => !f.endsWith('.spec.ts'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const unused = names.filter((n) => !sources.includes(`'${n}'`));
    expect(unused).toEqual([]);
  });
});
