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
    expect(config.graphql).toMatchObject({
      maxDepth: 7,
      maxAliases: 15,
      maxTokens: 1000,
      introspection: true,
      ide: true,
    });
  });

  it('reads fixed tokens and reports every bad one together', () => {
    const config = loadConfig({ ...BASE, STANCE_TOKENS: `reader:${'r'.repeat(24)}, admin:${'a'.repeat(30)}` });
    expect(config.auth.tokens).toEqual([
      { role: 'reader', token: 'r'.repeat(24) },
      { role: 'admin', token: 'a'.repeat(30) },
    ]);
    expect(
      problems({ STANCE_TOKENS: 'root:xxxxxxxxxxxxxxxxxxxxxxxxxx,editor:short', STANCE_AUTH_SECRET: 'short' }),
    ).toHaveLength(3);
  });
});

describe('extraction configuration', () => {
  it('defaults to workers that leave a core to the event loop at a lower priority, a 10 s budget and a bounded queue', () => {
    const { extraction } = loadConfig(BASE);
    expect(extraction.workers).toBeGreaterThanOrEqual(1);
    expect(extraction.workers).toBeLessThanOrEqual(4);
    expect(extraction).toMatchObject({ budgetMs: 10_000, queue: 32, nice: 10 });
    expect(
      loadConfig({
        ...BASE,
        STANCE_EXTRACT_WORKERS: '2',
        STANCE_EXTRACT_BUDGET_MS: '2500',
        STANCE_EXTRACT_QUEUE: '0',
        STANCE_EXTRACT_NICE: '0',
      }).extraction,
    ).toEqual({ workers: 2, budgetMs: 2500, queue: 0, nice: 0 });
  });

  it('reports every bad extraction variable together', () => {
    const found = problems({
      STANCE_EXTRACT_WORKERS: '0',
      STANCE_EXTRACT_BUDGET_MS: 'soon',
      STANCE_EXTRACT_QUEUE: '-1',
      STANCE_EXTRACT_NICE: '20',
    });
    expect(found).toEqual([
      expect.stringContaining('STANCE_EXTRACT_WORKERS'),
      expect.stringContaining('STANCE_EXTRACT_BUDGET_MS'),
      expect.stringContaining('STANCE_EXTRACT_QUEUE'),
      expect.stringContaining('STANCE_EXTRACT_NICE'),
    ]);
  });
});
