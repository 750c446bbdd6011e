/**
 * Configuration, read from the environment once at start-up. Every bad
 * variable is reported together, so one failed start tells the whole story.
 */
export interface AppConfig {
  port: number;
  host: string;
  production: boolean;
  neo4j: {
    uri: string;
    username: string;
    password: string;
    database: string;
    maxConnectionPoolSize: number;
    transactionTimeoutMs: number;
  };
  loadDemo: boolean;
  /** Longest article text accepted for ingestion, in characters. */
  maxArticleChars: number;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];

  const text = (name: string, fallback?: string): string => {
    const value = env[name] ?? fallback;
    if (value === undefined || value.trim() === '') {
      problems.push(`${name} is required`);
      return '';
    }
    return value.trim();
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (/^(1|true|yes)$/i.test(raw)) return true;
    if (/^(0|false|no)$/i.test(raw)) return false;
    problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  };

  const uri = text('NEO4J_URI');
  if (uri && !/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s]+$/.test(uri)) {
    problems.push(`NEO4J_URI must be a bolt:// or neo4j:// URI (got "${uri}")`);
  }
  const database = text('NEO4J_DATABASE', 'neo4j');
  if (database && !/^[A-Za-z][A-Za-z0-9.-]{0,62}$/.test(database)) {
    problems.push(`NEO4J_DATABASE is not a valid database name (got "${database}")`);
  }

  const config: AppConfig = {
    port: int('PORT', 3000, 0, 65535),
    host: text('HOST', '127.0.0.1'),
    production: env.NODE_ENV === 'production',
    neo4j: {
      uri,
      username: text('NEO4J_USERNAME', 'neo4j'),
      password: text('NEO4J_PASSWORD'),
      database,
      maxConnectionPoolSize: int('NEO4J_MAX_POOL_SIZE', 50, 1, 1000),
      transactionTimeoutMs: int('NEO4J_TX_TIMEOUT_MS', 30000, 100, 600000),
    },
    loadDemo: bool('STANCE_LOAD_DEMO', false),
    maxArticleChars: int('STANCE_MAX_ARTICLE_CHARS', 200_000, 1_000, 5_000_000),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
