import { ArgumentsHost, Catch, HttpException, Inject } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../common/config/config.js';
import { bodyErrorAnswer } from './http.js';

/**
 * A body the server would not read (too large, not JSON, of a type no route
 * takes) answered as every other refusal is: a GraphQL-shaped body with a
 * stable code (ops/http.ts). Fastify raises these before any route runs,
 * and Nest hands them here as an HttpException whose cause is Fastify's
 * error; every other HttpException goes on to Nest's own answer.
 */
@Catch(HttpException)
export class BodyErrorFilter extends BaseExceptionFilter {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super();
  }

  override catch(exception: HttpException, host: ArgumentsHost): unknown {
    if (host.getType() !== 'http') return exception;
    const answer = bodyErrorAnswer(exception.cause, this.config.graphql.maxBodyBytes);
    if (answer === null) return super.catch(exception, host);
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (!reply.sent) void reply.code(answer.status).send(answer.body);
  }
}
