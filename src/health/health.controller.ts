import { Controller, Get, HttpCode, HttpException, HttpStatus } from '@nestjs/common';
import { Neo4jService } from '../neo4j/neo4j.service.js';
import { ShutdownService } from '../ops/shutdown.service.js';
import { CypherRegistry } from '../neo4j/cypher-registry.js';
import { expectedSchemaNames } from './readiness.js';

const PROBE_TIMEOUT_MS = 2000;

/**
 * Liveness, readiness and the overall health:
 *   GET /health/live   200 while the process serves requests at all;
 *   GET /health/ready  200 when Neo4j answers and has the whole schema
 *                      online and the service is not shutting down, else 503;
 *   GET /health        200 when Neo4j is reachable, 503 when not.
 * All three are open, so they say nothing about the data nor where it is
 * kept (no database name), and Neo4j gets PROBE_TIMEOUT_MS to answer: a hung
 * database is "unavailable" or "not ready" within that, not after the
 * driver's own timeouts.
 */
@Controller('health')
export class HealthController {
  private readonly schemaNames = expectedSchemaNames();

  private readonly onlineIndexes: string;

  constructor(
    private readonly neo4j: Neo4jService,
    private readonly shutdown: ShutdownService,
    cypher: CypherRegistry,
  ) {
    this.onlineIndexes = cypher.get('health/online-indexes');
  }

  @Get()
  @HttpCode(HttpStatus.OK)
  async health() {
    const reachable = await this.neo4j.isReachable(PROBE_TIMEOUT_MS);
    const body = { status: reachable ? 'ok' : 'unavailable', neo4j: reachable ? 'reachable' : 'unreachable' };
    if (!reachable) throw new HttpException(body, HttpStatus.SERVICE_UNAVAILABLE);
    return body;
  }

  @Get('live')
  @HttpCode(HttpStatus.OK)
  live() {
    return { status: 'alive', uptimeSeconds: Math.round(process.uptime()) };
  }

  @Get('ready')
  @HttpCode(HttpStatus.OK)
  async ready() {
    const checks = {
      shuttingDown: this.shutdown.draining,
      neo4j: 'unreachable',
      schema: 'unknown',
      missing: [] as string[],
    };
    if (!checks.shuttingDown) {
      try {
        const [row] = await this.neo4j.probe<{ online: string[] }>(this.onlineIndexes, PROBE_TIMEOUT_MS);
        checks.neo4j = 'reachable';
        const present = new Set(row.online);
        checks.missing = this.schemaNames.filter((n) => !present.has(n));
        checks.schema = checks.missing.length === 0 ? 'applied' : 'incomplete';
      } catch {
        checks.neo4j = 'unreachable';
      }
    }
    const ready = !checks.shuttingDown && checks.neo4j === 'reachable' && checks.schema === 'applied';
    const body = { status: ready ? 'ready' : 'not ready', ...checks };
    if (!ready) throw new HttpException(body, HttpStatus.SERVICE_UNAVAILABLE);
    return body;
  }
}
