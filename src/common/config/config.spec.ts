import { ConfigError, loadConfig } from './config.js';

const BASE = { NEO4J_URI: 'bolt://127.0.0.1:7687', NEO4J_PASSWORD: 'x' };
const problems = (env: Record<string, string>) => {
  try {
    loadConfig({ ...BASE, ...env });
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
};

describe('auth and limits configuration', () => {
  it('refuses to start in production without a secret or tokens, and opens nothing there', () => {
    expect(problems({ NODE_ENV: 'production' })).toEqual([expect.stringContaining('STANCE_AUTH_SECRET')]);
    const config = loadConfig({ ...BASE, NODE_ENV: 'production', STANCE_AUTH_SECRET: 's'.repeat(32) });
    expect(config.auth.openReads).toBe(false);
    expect(config.graphql.introspection).toBe(false);
    expect(config.graphql.ide).toBe(false);
  });

  it('opens reads in development, with limits near graphql-armor defaults', () => {
    const config = loadConfig(BASE);
    expect(config.auth.openReads).toBe(true);
    expect(config.graphql).toMatchObject({ maxDepth: 6, maxAliases: 15, maxTokens: 1000, introspection: true, ide: true });
  });

  it('reads fixed tokens and reports every bad one together', () => {
    const config = loadConfig({ ...BASE, STANCE_TOKENS: `reader:${'r'.repeat(24)}, admin:${'a'.repeat(30)}` });
    expect(config.auth.tokens).toEqual([
      { role: 'reader', token: 'r'.repeat(24) },
      { role: 'admin', token: 'a'.repeat(30) },
    ]);
    expect(problems({ STANCE_TOKENS: 'root:xxxxxxxxxxxxxxxxxxxxxxxxxx,editor:short', STANCE_AUTH_SECRET: 'short' })).toHaveLength(3);
  });
});
