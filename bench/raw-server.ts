import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import neo4j from 'neo4j-driver';
import { CypherRegistry } from '../src/neo4j/cypher-registry.js';
import { DRIVER_TUNING } from '../src/neo4j/driver-options.js';
import { recordToObject } from '../src/neo4j/neo4j-mapper.js';
import { cpuProfilesOnSignal } from '../src/ops/cpu-profile.js';
import { QUESTIONS, Runner } from './questions.js';

/**
 * The limit of the stack: the same Cypher files the service runs, through
 * the same driver used the same way (database on every session, one
 * auto-commit read per statement as Neo4jService.read, the same row mapper),
 * behind node:http with nothing else: POST /<question> with the parameters
 * as a JSON body answers the JSON the service would. What the service spends
 * beyond this is the GraphQL layer.
 *
 * `node dist-tools/bench/raw-server.js` with NEO4J_URI / NEO4J_USERNAME /
 * NEO4J_PASSWORD and PORT; prints "listening <url>" when ready.
 */
async function main(): Promise<void> {
  // (for npm run bench:cpu -- --server raw: SIGUSR2 samples the load window, as in the service)
  cpuProfilesOnSignal(process.env.STANCE_CPU_PROFILE_DIR);
  const driver = neo4j.driver(
    process.env.NEO4J_URI!,
    neo4j.auth.basic(process.env.NEO4J_USERNAME ?? 'neo4j', process.env.NEO4J_PASSWORD!),
    {
      maxConnectionPoolSize: 50,
      userAgent: 'stance-graph-bench-raw',
      ...DRIVER_TUNING,
    },
  );
  const database = process.env.NEO4J_DATABASE ?? 'neo4j';
  await driver.verifyConnectivity({ database });
  const cypher = new CypherRegistry();
  const run: Runner = async (name, params) => {
    const statement = cypher.get(name);
    const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
    try {
      return (await session.run(statement, params)).records.map((r) => recordToObject(r));
    } finally {
      await session.close();
    }
  };
  const byName = new Map(QUESTIONS.map((q) => [`/${q.name}`, q]));

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const question = byName.get(req.url ?? '');
      if (req.method !== 'POST' || !question) {
        res.writeHead(404).end();
        return;
      }
      question
        .raw(run, JSON.parse(Buffer.concat(chunks).toString('utf8')))
        .then((answer) => {
          const body = JSON.stringify(answer);
          res
            .writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
            .end(body);
        })
        .catch((error: unknown) => {
          const body = JSON.stringify({
            errors: [{ message: error instanceof Error ? error.message : String(error) }],
          });
          res.writeHead(500, { 'content-type': 'application/json' }).end(body);
        });
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
    console.log(`listening http://127.0.0.1:${(server.address() as { port: number }).port}/`);
  });
  const stop = () => server.close(() => void driver.close().then(() => process.exit(0)));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
