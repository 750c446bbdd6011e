/**
 * Configuration, read from the environment once at start-up. Every bad
 * variable is reported together, so one failed start tells the whole story.
 */
import { availableParallelism } from 'node:os';

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
    /** How long the driver keeps retrying a transaction that failed with a transient error. */
    maxRetryTimeMs: number;
  };
  loadDemo: boolean;
  /** Longest article text accepted for ingestion, in characters. */
  maxArticleChars: number;
  /** Most stances (and proposals) one network export may hold; a larger one is refused with RESULT_TOO_LARGE. */
  exportMaxStances: number;
  extraction: ExtractionConfig;
  parser: ParserConfig;
  redis: RedisConfig;
  jobs: JobsConfig;
  auth: AuthConfig;
  graphql: GraphqlConfig;
  ops: OpsConfig;
}

/** Extraction runs in worker threads, off the event loop (src/ingest/extraction-pool.ts). */
export interface ExtractionConfig {
  /** Worker threads reading articles at once. */
  workers: number;
  /** Longest one article may take to read, in ms; past it the reading is stopped (EXTRACTION_TIMEOUT). */
  budgetMs: number;
  /** Articles that may wait for a free worker; past it ingestion answers SERVICE_UNAVAILABLE at once. */
  queue: number;
  /**
   * The workers' nice value (0–19): reading yields the CPU to the event loop,
   * so reads, health probes and writes are answered first while articles are read.
   */
  nice?: number;
}

/** The parser server at the front of extraction (src/ingest/parser.service.ts). */
export interface ParserConfig {
  /**
   * The CoreNLP server (CORENLP_URL, e.g. http://127.0.0.1:9000); null: the pattern extractor alone.
   * While the server is unreachable or loading, articles are read by the patterns alone.
   */
  url: string | null;
  /** Longest one parse may take, in ms (STANCE_PARSER_TIMEOUT_MS); past it the article is read without it. */
  timeoutMs: number;
}

/** Redis, shared by replicas (live updates, the ingest queue); absent: one process, everything in memory. */
export interface RedisConfig {
  /** REDIS_URL, e.g. redis://127.0.0.1:6379 (rediss:// for TLS); null: no Redis. */
  url: string | null;
}

/** Bulk ingestion as jobs (src/jobs): BullMQ on Redis when REDIS_URL is set, else an in-process queue. */
export interface JobsConfig {
  /** Jobs this process runs at once (STANCE_INGEST_CONCURRENCY); 0: this process only enqueues. */
  concurrency: number;
  /** Tries per job before it lands in the failed set (STANCE_INGEST_ATTEMPTS). */
  attempts: number;
  /** First retry's delay in ms, doubled at each try (STANCE_INGEST_BACKOFF_MS). */
  backoffMs: number;
  /** Jobs that may wait in this process's own queue (in-process queue only); past it enqueueing answers QUEUE_FULL. */
  maxQueued: number;
}

export type Role = 'reader' | 'editor' | 'admin';
export const ROLES: readonly Role[] = ['reader', 'editor', 'admin'];

export interface AuthConfig {
  /** HMAC secret that signs and verifies bearer tokens (null: no signed tokens). */
  secret: string | null;
  /** Fixed tokens from STANCE_TOKENS (role:token,…). */
  tokens: Array<{ role: Role; token: string }>;
  /** Queries, subscriptions and exports without a token. */
  openReads: boolean;
  /** Who may read /metrics. */
  metrics: 'open' | 'reader' | 'off';
}

export interface GraphqlConfig {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
  introspection: boolean;
  /** The GraphiQL IDE at GET /graphql (browsers) and /ide/*. */
  ide: boolean;
  /** Largest JSON request body, in bytes. */
  maxBodyBytes: number;
  /** Largest message a WebSocket client may send, in bytes: a larger one closes the connection (1009). */
  wsMaxPayloadBytes: number;
  /** Operations (subscriptions, and queries in flight) one WebSocket connection may hold at once. */
  wsMaxSubscriptions: number;
  /** Who executes operations: each compiled once (graphql-jit), or graphql-js walking each request. */
  executor: 'compiled' | 'graphql-js';
}

export type LogLevelName = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
export const LOG_LEVELS: readonly LogLevelName[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'];

export interface OpsConfig {
  logFormat: 'json' | 'text';
  /** The least severe level written (health and metrics requests are logged at debug). */
  logLevel: LogLevelName;
  /** How long SIGTERM waits for in-flight requests before closing the database driver. */
  shutdownGraceMs: number;
  rateLimits: RateLimitsConfig;
}

/** Requests allowed per caller (a token's subject, or the address of an anonymous caller) in a sliding minute. */
export interface RateLimitsConfig {
  /** Articles ingested (ingestArticle) per token. */
  ingestPerMinute: number;
  /** Export downloads (/export/*) per token or address. */
  exportsPerMinute: number;
  /** Requests with credentials that do not hold, per address; past it, such requests are refused for a minute. */
  authFailuresPerMinute: number;
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
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    problems.push(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
    return fallback;
  };

  const httpUrl = (name: string): string | null => {
    const raw = env[name]?.trim();
    if (!raw) return null;
    if (!/^https?:\/\/[^\s/]+(?::\d+)?\/?$/.test(raw)) {
      problems.push(`${name} must be an http:// address like http://127.0.0.1:9000 (got "${raw}")`);
      return null;
    }
    return raw.replace(/\/$/, '');
  };
  const redisUrl = (name: string): string | null => {
    const raw = env[name]?.trim();
    if (!raw) return null;
    if (!/^rediss?:\/\/[^\s]+$/.test(raw)) {
      // The value may hold a password: not repeated here.
      problems.push(`${name} must be a redis:// or rediss:// address like redis://127.0.0.1:6379`);
      return null;
    }
    return raw;
  };

  const production = env.NODE_ENV === 'production';
  const auth = authConfig(env, production, problems, bool, oneOf);

  const config: AppConfig = {
    port: int('PORT', 3000, 0, 65535),
    host: text('HOST', '127.0.0.1'),
    production,
    neo4j: {
      uri,
      username: text('NEO4J_USERNAME', 'neo4j'),
      password: text('NEO4J_PASSWORD'),
      database,
      maxConnectionPoolSize: int('NEO4J_MAX_POOL_SIZE', 50, 1, 1000),
      transactionTimeoutMs: int('NEO4J_TX_TIMEOUT_MS', 30000, 100, 600000),
      maxRetryTimeMs: int('NEO4J_MAX_RETRY_MS', 15000, 0, 600000),
    },
    loadDemo: bool('STANCE_LOAD_DEMO', false),
    maxArticleChars: int('STANCE_MAX_ARTICLE_CHARS', 200_000, 1_000, 5_000_000),
    exportMaxStances: int('STANCE_EXPORT_MAX_STANCES', 50_000, 1, 10_000_000),
    // One core for the event loop (and Neo4j's client), the rest for reading, up to four.
    extraction: {
      workers: int('STANCE_EXTRACT_WORKERS', Math.min(4, Math.max(1, availableParallelism() - 1)), 1, 64),
      budgetMs: int('STANCE_EXTRACT_BUDGET_MS', 10_000, 100, 600_000),
      queue: int('STANCE_EXTRACT_QUEUE', 32, 0, 10_000),
      nice: int('STANCE_EXTRACT_NICE', 10, 0, 19),
    },
    parser: {
      url: httpUrl('CORENLP_URL'),
      timeoutMs: int('STANCE_PARSER_TIMEOUT_MS', 20_000, 100, 600_000),
    },
    redis: { url: redisUrl('REDIS_URL') },
    jobs: {
      concurrency: int('STANCE_INGEST_CONCURRENCY', 2, 0, 64),
      attempts: int('STANCE_INGEST_ATTEMPTS', 4, 1, 20),
      backoffMs: int('STANCE_INGEST_BACKOFF_MS', 1000, 10, 600_000),
      maxQueued: int('STANCE_INGEST_MAX_QUEUED', 10_000, 1, 1_000_000),
    },
    auth,
    // graphql-armor's defaults, but for cost: armor multiplies a list's cost by
    // its `first`, and the analyst view's own matrix (100 proposals with their
    // current stances) costs ~9,700 that way, so the limit is twice that; and
    // for depth, one more than armor's 6: a connection's `nodes` is a level of
    // its own, and the analyst view's timeline (proposal, timeline, nodes,
    // stances, evidence, article, its fields) needs seven.
    // The IDE and introspection are for development.
    graphql: {
      maxDepth: int('STANCE_GQL_MAX_DEPTH', 7, 1, 100),
      maxCost: int('STANCE_GQL_MAX_COST', 20_000, 1, 10_000_000),
      maxAliases: int('STANCE_GQL_MAX_ALIASES', 15, 0, 1000),
      maxTokens: int('STANCE_GQL_MAX_TOKENS', 1000, 10, 100_000),
      maxDirectives: int('STANCE_GQL_MAX_DIRECTIVES', 50, 0, 1000),
      introspection: bool('STANCE_INTROSPECTION', !production),
      ide: bool('STANCE_IDE', !production),
      maxBodyBytes: int('STANCE_MAX_BODY_BYTES', 2 * 1024 * 1024, 1024, 100 * 1024 * 1024),
      wsMaxPayloadBytes: int('STANCE_WS_MAX_PAYLOAD_BYTES', 64 * 1024, 1024, 100 * 1024 * 1024),
      wsMaxSubscriptions: int('STANCE_WS_MAX_SUBSCRIPTIONS', 20, 1, 10_000),
      executor: oneOf('STANCE_GRAPHQL_EXECUTOR', ['compiled', 'graphql-js'] as const, 'compiled'),
    },
    ops: {
      logFormat: oneOf('STANCE_LOG_FORMAT', ['json', 'text'] as const, 'json'),
      logLevel: oneOf('STANCE_LOG_LEVEL', LOG_LEVELS, 'info'),
      shutdownGraceMs: int('STANCE_SHUTDOWN_GRACE_MS', 10_000, 0, 300_000),
      rateLimits: {
        ingestPerMinute: int('STANCE_RATE_INGEST', 120, 1, 1_000_000),
        exportsPerMinute: int('STANCE_RATE_EXPORTS', 30, 1, 1_000_000),
        authFailuresPerMinute: int('STANCE_RATE_AUTH_FAILURES', 30, 1, 1_000_000),
      },
    },
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

const TOKEN = /^[A-Za-z0-9._~+/=-]{24,512}$/;

/**
 * Who may do what. Production opens nothing by default and refuses to start
 * without a way to authenticate (a signing secret or a token list); in
 * development reads are open unless STANCE_OPEN_READS=false, and writes
 * always need a token (main.ts makes a development one).
 */
function authConfig(
  env: Env,
  production: boolean,
  problems: string[],
  bool: (name: string, fallback: boolean) => boolean,
  oneOf: <T extends string>(name: string, allowed: readonly T[], fallback: T) => T,
): AuthConfig {
  const rawSecret = env.STANCE_AUTH_SECRET?.trim();
  let secret: string | null = null;
  if (rawSecret) {
    if (rawSecret.length < 32)
      problems.push(`STANCE_AUTH_SECRET must be at least 32 characters (got ${rawSecret.length})`);
    else secret = rawSecret;
  }
  const tokens: AuthConfig['tokens'] = [];
  const rawTokens = env.STANCE_TOKENS?.trim();
  if (rawTokens) {
    rawTokens.split(',').forEach((entry, i) => {
      const at = entry.indexOf(':');
      const role = entry.slice(0, at).trim() as Role;
      const token = entry.slice(at + 1).trim();
      if (at < 0 || !ROLES.includes(role)) {
        problems.push(`STANCE_TOKENS entry ${i + 1} must be role:token with role reader, editor or admin`);
      } else if (!TOKEN.test(token)) {
        problems.push(
          `STANCE_TOKENS entry ${i + 1} (${role}) must be 24 to 512 characters of letters, digits and ._~+/=-`,
        );
      } else {
        tokens.push({ role, token });
      }
    });
  }
  if (production && !rawSecret && !rawTokens) {
    problems.push(
      'STANCE_AUTH_SECRET (32+ characters) or STANCE_TOKENS (role:token,…) is required when NODE_ENV=production',
    );
  }
  return {
    secret,
    tokens,
    openReads: bool('STANCE_OPEN_READS', !production),
    metrics: oneOf('STANCE_METRICS', ['open', 'reader', 'off'] as const, 'open'),
  };
}
