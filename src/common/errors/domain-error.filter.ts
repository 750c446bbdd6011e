import { ArgumentsHost, Catch, Logger } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import type { FastifyReply } from 'fastify';
import { isRetryableError, Neo4jError } from 'neo4j-driver';
import { DomainError, ErrorCode } from './error-code.js';
import { UNAVAILABLE_NEO4J_CODES } from './format-error.js';

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
  [ErrorCode.EXTRACTION_TIMEOUT]: 422,
};

/**
 * Domain errors are answers, not failures: hand them to GraphQL as they are
 * (formatGraphQLError gives them their code) without Nest logging a stack
 * trace for every unknown id. Driver errors are handed on too (masked by
 * formatGraphQLError), logged here once: a database that is away is a
 * warning without a stack, anything else an error with it. On plain HTTP
 * routes (exports) both become a coded JSON answer. Unexpected errors still
 * reach Nest's own log.
 */
@Catch(DomainError, Neo4jError)
export class DomainErrorFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('Neo4j');

  catch(error: DomainError | Neo4jError, host: ArgumentsHost): DomainError | Neo4jError | void {
    let code: ErrorCode;
    let message = error.message;
    if (error instanceof Neo4jError) {
      if (UNAVAILABLE_NEO4J_CODES.has(error.code) || isRetryableError(error)) {
        this.logger.warn(`database unavailable (${error.code})`);
        [code, message] = [ErrorCode.SERVICE_UNAVAILABLE, 'the database is unavailable; try again shortly'];
      } else {
        this.logger.error(`${error.code}: ${error.message}`, error.stack);
        [code, message] = [ErrorCode.INTERNAL_SERVER_ERROR, 'internal error'];
      }
    } else {
      code = error.code;
    }
    if (host.getType() !== 'http') return error;
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (reply.sent) return;
    void reply.code(HTTP_STATUS[code] ?? 500).send({
      error: { code, message, ...(error instanceof DomainError && error.field ? { field: error.field } : {}) },
    });
  }
}
