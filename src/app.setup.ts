import { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module.js';
import { AuthService } from './auth/auth.service.js';
import { loadConfig } from './common/config/config.js';
import { tokenLimitMiddleware } from './graphql/limits/token-limit.middleware.js';
import { mountGraphiQL } from './ide/graphiql.js';
import { bodyErrorHandler, requestMiddleware, serveMetrics } from './ops/http.js';
import { createLogger, pinoLevel } from './ops/logger.js';
import { MetricsService } from './ops/metrics.service.js';
import { RateLimitService } from './auth/rate-limit.service.js';
import { ShutdownService } from './ops/shutdown.service.js';
import { mountAnalystView } from './view/analyst-view.js';

export interface AppOptions {
  /** Nest's levels to log, instead of STANCE_LOG_LEVEL. */
  logger?: LogLevel[];
  /** Where log lines go instead of stdout (tests read them). */
  logDestination?: DestinationStream;
}

/** Builds the application exactly as production runs it; tests use the same function. */
export async function createApp(options: AppOptions = {}): Promise<INestApplication> {
  const config = loadConfig();
  const level = options.logger ? pinoLevel(options.logger) : config.ops.logLevel;
  const logger = createLogger({ format: config.ops.logFormat, level, destination: options.logDestination });
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { logger, abortOnError: false });
  const express = app.getHttpAdapter().getInstance();
  // No banner naming the stack, and no ETag hashed over every answer sent (a GraphQL POST is
  // never asked conditionally: about 1% of the main thread under the bench's load; static
  // files keep serve-static's own validators).
  express.disable('x-powered-by');
  express.set('etag', false);
  const metrics = app.get(MetricsService);
  // First of all: request id, access log, latency, shutdown refusal, authentication.
  app.use(
    requestMiddleware({
      config,
      auth: app.get(AuthService),
      metrics,
      shutdown: app.get(ShutdownService),
      logger,
      rates: app.get(RateLimitService),
    }),
  );
  app.useBodyParser('json', { limit: config.graphql.maxBodyBytes });
  app.use(bodyErrorHandler(config.graphql.maxBodyBytes));
  app.use('/graphql', tokenLimitMiddleware(config.graphql.maxTokens, metrics));
  express.get('/metrics', (_req: Request, res: Response) => serveMetrics({ metrics }, res));
  if (config.graphql.ide) mountGraphiQL(express);
  mountAnalystView(express);
  // Shut down through process.exit, so that pino writes what it still holds (logger.ts). The
  // signals a process manager or a terminal sends; not SIGUSR2, Nest's default too, which
  // starts and stops a CPU profile for the bench (ops/cpu-profile.ts).
  app.enableShutdownHooks(['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGQUIT'], { useProcessExit: true });
  return app;
}
