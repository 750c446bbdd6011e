// Proves the integration tier's database is a real Neo4j 5.26 Community that
// global-setup.ts started: Bolt answers Cypher with the credentials it passed
// on, and the HTTP port serves the Neo4j Browser.
import neo4j, { Driver } from 'neo4j-driver';

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run with --config test/jest.int.config.js`);
  return value;
}

describe('Neo4j test container', () => {
  let driver: Driver;

  beforeAll(async () => {
    driver = neo4j.driver(
      requiredEnv('NEO4J_URI'),
      neo4j.auth.basic(requiredEnv('NEO4J_USERNAME'), requiredEnv('NEO4J_PASSWORD')),
    );
    await driver.verifyConnectivity();
  });

  afterAll(async () => {
    await driver?.close();
  });

  it('answers Cypher over Bolt', async () => {
    const { records } = await driver.executeQuery('RETURN 1 AS one', {}, { database: 'neo4j' });
    expect(records).toHaveLength(1);
    expect(records[0].get('one').toNumber()).toBe(1);
  });

  it('is Neo4j 5.26 Community', async () => {
    const { records } = await driver.executeQuery(
      'CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition',
      {},
      { database: 'system' },
    );
    const kernel = records.map((r) => r.toObject()).find((c) => c.name === 'Neo4j Kernel');
    expect(kernel).toBeDefined();
    expect(kernel?.versions[0]).toMatch(/^5\.26\./);
    expect(kernel?.edition).toBe('community');
  });

  it('serves the Neo4j Browser over HTTP', async () => {
    const response = await fetch(`${requiredEnv('NEO4J_HTTP_URL')}/browser/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const body = await response.text();
    expect(body).toMatch(/<title>Neo4j Browser<\/title>/);
  });
});
