import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j from 'neo4j-driver';
import { PEER_TYPE_DEFS } from './peer/type-defs.js';

/**
 * The peer: @neo4j/graphql 7 over the same database, behind Apollo Server's
 * standalone HTTP server, set up as its documentation recommends (one
 * driver, the database named in the context). `node dist-tools/bench/peer-server.js`
 * with NEO4J_URI / NEO4J_USERNAME / NEO4J_PASSWORD and PORT; prints
 * "listening <url>" when ready.
 */
async function main(): Promise<void> {
  const driver = neo4j.driver(
    process.env.NEO4J_URI!,
    neo4j.auth.basic(process.env.NEO4J_USERNAME ?? 'neo4j', process.env.NEO4J_PASSWORD!),
    {
      maxConnectionPoolSize: 50,
      userAgent: 'stance-graph-bench-peer',
    },
  );
  const database = process.env.NEO4J_DATABASE ?? 'neo4j';
  // String ranges (effectiveOn >= a date) are opt-in in @neo4j/graphql 7.
  const features = { filters: { String: { GT: true, GTE: true, LT: true, LTE: true } } };
  const schema = await new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver, features }).getSchema();
  if (process.argv.includes('--print-schema')) {
    const { printSchema } = await import('graphql');
    console.log(printSchema(schema));
    await driver.close();
    return;
  }
  const server = new ApolloServer({ schema, introspection: false });
  const { url } = await startStandaloneServer(server, {
    listen: { port: Number(process.env.PORT ?? 0), host: '127.0.0.1' },
    context: async () => ({ sessionConfig: { database } }),
  });
  console.log(`listening ${url}`);
  const stop = async () => {
    await server.stop();
    await driver.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
