import { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module.js';
import { mountGraphiQL } from './ide/graphiql.js';
import { mountAnalystView } from './view/analyst-view.js';

/** Builds the application exactly as production runs it; tests use the same function. */
export async function createApp(options: { logger?: LogLevel[] } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { logger: options.logger, abortOnError: false });
  app.useBodyParser('json', { limit: '2mb' });
  mountGraphiQL(app.getHttpAdapter().getInstance());
  mountAnalystView(app.getHttpAdapter().getInstance());
  app.enableShutdownHooks();
  return app;
}
