import { serverEnv } from './neo4j-home.js';

describe("reading `server.sh start`'s stdout", () => {
  const env = 'NEO4J_URI=bolt://localhost:7687\nNEO4J_USERNAME=neo4j\nNEO4J_PASSWORD=a=b c\n';

  it('takes its three variables, a value holding "=" or spaces included', () => {
    expect(serverEnv(env)).toEqual({
      NEO4J_URI: 'bolt://localhost:7687',
      NEO4J_USERNAME: 'neo4j',
      NEO4J_PASSWORD: 'a=b c',
    });
  });

  it('refuses any other line: a progress message there is a broken contract, not data', () => {
    const fresh = 'stance: fetching the Neo4j server jars from Maven Central (once, about 140 MB)...\n' + env;
    expect(() => serverEnv(fresh)).toThrow(/unexpected line on stdout: stance: fetching/);
    expect(() => serverEnv(`${env}OTHER=1\n`)).toThrow(/unexpected line/);
  });

  it('refuses output that lacks a variable', () => {
    expect(() => serverEnv('NEO4J_URI=bolt://localhost:7687\nNEO4J_USERNAME=neo4j\n')).toThrow(
      /did not print NEO4J_PASSWORD/,
    );
  });
});
