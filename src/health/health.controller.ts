import { Controller, Get, HttpCode, HttpException, HttpStatus } from '@nestjs/common';
import { Neo4jService } from '../neo4j/neo4j.service.js';

/** Reports whether the service can reach Neo4j: 200 when it can, 503 when it cannot. */
@Controller('health')
export class HealthController {
  constructor(private readonly neo4j: Neo4jService) {}

  @Get()
  @HttpCode(HttpStatus.OK)
  async health() {
    const reachable = await this.neo4j.isReachable();
    const body = { status: reachable ? 'ok' : 'unavailable', neo4j: reachable ? 'reachable' : 'unreachable', database: this.neo4j.database };
    if (!reachable) throw new HttpException(body, HttpStatus.SERVICE_UNAVAILABLE);
    return body;
  }
}
