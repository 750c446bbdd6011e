import { Controller, Get, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError, ErrorCode } from '../common/errors/error-code.js';
import { ExportsService, NetworkFormat } from './exports.service.js';

const TYPES: Record<NetworkFormat, { type: string; file: string }> = {
  [NetworkFormat.GRAPHML]: { type: 'application/graphml+xml; charset=utf-8', file: 'stance-network.graphml' },
  [NetworkFormat.CSV_NODES]: { type: 'text/csv; charset=utf-8; header=present', file: 'stance-network-nodes.csv' },
  [NetworkFormat.CSV_EDGES]: { type: 'text/csv; charset=utf-8; header=present', file: 'stance-network-edges.csv' },
};

const STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.RESULT_TOO_LARGE]: 422,
};

/**
 * Downloads of the stance network for Gephi, R or Python:
 *   GET /export/graphml?proposalIds=a,b&from=2021-01&to=2021-12
 *   GET /export/csv/nodes?…   GET /export/csv/edges?…
 * Bad input is answered here (400 / 404 with the same code and field as the
 * GraphQL errors): the app's exception filter serves GraphQL only.
 */
@Controller('export')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('graphml')
  graphml(@Query() query: Record<string, unknown>, @Res() res: FastifyReply) {
    return this.send(NetworkFormat.GRAPHML, query, res);
  }

  @Get('csv/nodes')
  nodes(@Query() query: Record<string, unknown>, @Res() res: FastifyReply) {
    return this.send(NetworkFormat.CSV_NODES, query, res);
  }

  @Get('csv/edges')
  edges(@Query() query: Record<string, unknown>, @Res() res: FastifyReply) {
    return this.send(NetworkFormat.CSV_EDGES, query, res);
  }

  private async send(format: NetworkFormat, query: Record<string, unknown>, res: FastifyReply): Promise<void> {
    try {
      const body = await this.exports.render(format, this.exports.parse(query));
      void res
        .code(200)
        .header('Content-Type', TYPES[format].type)
        .header('Content-Disposition', `attachment; filename="${TYPES[format].file}"`)
        .header('Cache-Control', 'no-store')
        .send(body);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      void res
        .code(STATUS[error.code] ?? 500)
        .send({ error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) } });
    }
  }
}
