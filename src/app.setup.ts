import { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyStatic from '@fastify/static';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module.js';
import { AuthService } from './auth/auth.service.js';
import { loadConfig } from './common/config/config.js';
import { tokenLimitHook } from './graphql/limits/token-limit.hook.js';
import { graphiqlPage, mountGraphiQL } from './ide/graphiql.js';
import { addRequestHooks, enterScope, serveMetrics } from './ops/http.js';
import { createLogger, pinoLevel } from './ops/logger.js';
import { MetricsService } from './ops/metrics.service.js';
import { RateLimitService } from './auth/rate-limit.service.js';
import { ShutdownService } from './ops/shutdown.service.js';
import { mountAnalystView, VIEW_ROOT } from './view/analyst-view.js';

export interface AppOptions {
  /** Nest's levels to log, instead of STANCE_LOG_LEVEL. */
  logger?: LogLevel[];
  /** Where log lines go instead of stdout (tests read them). */
  logDestination?: DestinationStream;
}

/** Builds the application exactly as production runs it; tests use the same function. */
export async function createApp(options: AppOptions = {}): Promise<NestFastifyApplication> {
  const config = loadConfig();
  const level = options.logger ? pinoLevel(options.logger) : config.ops.logLevel;
  const logger = createLogger({ format: config.ops.logFormat, level, destination: options.logDestination });
  // Fastify, routing as Express did (any case, a trailing slash or a doubled one
  // ignored: auth decides on the same canonical path, ops/http.ts), and
  // Fastify's own JSON body parser under the configured size limit.
  const adapter = new FastifyAdapter({
    bodyLimit: config.graphql.maxBodyBytes,
    routerOptions: { caseSensitive: false, ignoreTrailingSlash: true, ignoreDuplicateSlashes: true },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, {
    logger,
    abortOnError: false,
    bodyParser: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  const metrics = app.get(MetricsService);
  // First of all: request id, access log, latency, shutdown refusal, authentication.
  addRequestHooks(fastify, {
    config,
    auth: app.get(AuthService),
    metrics,
    shutdown: app.get(ShutdownService),
    logger,
    rates: app.get(RateLimitService),
  });
  // Once the body is read: the token limit, the IDE page, then the request's scope around its handler.
  fastify.addHook('preHandler', tokenLimitHook(config.graphql.maxTokens, metrics));
  if (config.graphql.ide) fastify.addHook('preHandler', graphiqlPage);
  fastify.addHook('preHandler', enterScope);
  await app.register(fastifyStatic, { root: VIEW_ROOT, serve: false });
  fastify.get('/metrics', (_req, reply) => serveMetrics({ metrics }, reply));
  if (config.graphql.ide) mountGraphiQL(fastify);
  mountAnalystView(fastify);
  // Shut down through process.exit, so that pino writes what it still holds (logger.ts). The
  // signals a process manager or a terminal sends; not SIGUSR2, Nest's default too, which
  // starts and stops a CPU profile for the bench (ops/cpu-profile.ts).
  app.enableShutdownHooks(['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGQUIT'], { useProcessExit: true });
  return app;
}
