import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { Neo4jService } from '../neo4j/neo4j.service.js';
import { ShutdownService } from './shutdown.service.js';

/** Process metrics (memory, CPU, event loop) are collected once per process, whatever the number of apps in it. */
let processRegistry: Registry | null = null;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, prefix: 'stance_' });
  }
  return processRegistry;
}

/** Routes by name, so that labels stay few whatever paths clients try. */
const ROUTES = [
  '/graphql',
  '/metrics',
  '/health/live',
  '/health/ready',
  '/health',
  '/export/graphml',
  '/export/csv/nodes',
  '/export/csv/edges',
  '/view',
  '/desk',
  '/ide',
];
export function routeLabel(path: string): string {
  for (const r of ROUTES) if (path === r || path.startsWith(`${r}/`)) return r;
  return path === '/' ? '/' : 'other';
}

/** Prometheus metrics at /metrics: HTTP latency, GraphQL errors by code, Neo4j transactions and retries. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'stance_http_request_duration_seconds',
    help: 'HTTP request latency by route, method and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  readonly graphqlOperations = new Counter({
    name: 'stance_graphql_operations_total',
    help: 'GraphQL operations by type (query, mutation, subscription; unknown when it never parsed)',
    labelNames: ['type'] as const,
    registers: [this.registry],
  });

  readonly graphqlExecutions = new Counter({
    name: 'stance_graphql_executions_total',
    help: 'GraphQL operations executed, by executor: compiled once per operation (graphql-jit), or graphql-js (STANCE_GRAPHQL_EXECUTOR=graphql-js, or what the compiler refused)',
    labelNames: ['executor'] as const,
    registers: [this.registry],
  });

  readonly graphqlErrors = new Counter({
    name: 'stance_graphql_errors_total',
    help: 'GraphQL errors sent to clients, by extensions.code',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  constructor(neo4j: Neo4jService, shutdown: ShutdownService) {
    new Counter({
      name: 'stance_neo4j_transactions_total',
      help: 'Neo4j managed transactions by mode and outcome',
      labelNames: ['mode', 'outcome'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const mode of ['read', 'write'] as const) {
          this.inc({ mode, outcome: 'committed' }, neo4j.stats.transactions[mode].committed);
          this.inc({ mode, outcome: 'failed' }, neo4j.stats.transactions[mode].failed);
        }
      },
    });
    this.perMode(
      'stance_neo4j_transaction_retries_total',
      'Attempts the driver retried after a transient error (deadlock, leader switch, lost connection)',
      neo4j.stats.retries,
    );
    this.perMode(
      'stance_neo4j_statements_total',
      'Cypher statements sent to Neo4j (one round trip each), by the mode of their transaction',
      neo4j.stats.statements,
    );
    new Gauge({
      name: 'stance_http_requests_in_flight',
      help: 'HTTP requests being served',
      registers: [this.registry],
      collect() {
        this.set(shutdown.requestsInFlight);
      },
    });
  }

  async render(): Promise<{ contentType: string; body: string }> {
    const merged = Registry.merge([processMetrics(), this.registry]);
    return { contentType: merged.contentType, body: await merged.metrics() };
  }

  /** A counter read, when scraped, from one of Neo4jService's per-mode tallies (which it keeps itself). */
  private perMode(name: string, help: string, tally: Readonly<Record<'read' | 'write', number>>): void {
    new Counter({
      name,
      help,
      labelNames: ['mode'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const mode of ['read', 'write'] as const) this.inc({ mode }, tally[mode]);
      },
    });
  }
}
