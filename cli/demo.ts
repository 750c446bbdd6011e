import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../src/app.module.js';
import { DemoService } from '../src/demo/demo.service.js';
import { StderrLogger } from './stderr-logger.js';
import { runAs } from '../src/common/operation-context.js';

/** `npm run demo`: (re)loads the demo graph into the configured Neo4j. Idempotent. */
async function main(): Promise<void> {
  process.env.STANCE_LOAD_DEMO = 'false';
  const app = await NestFactory.createApplicationContext(AppModule, {
    logger: new StderrLogger(),
    abortOnError: false,
  });
  try {
    const counts = await app.get(DemoService).load();
    console.error(
      `demo graph loaded: ${counts.actors} actors, ${counts.proposals} proposals, ${counts.articles} articles, ${counts.stances} stances`,
    );
  } finally {
    await app.close();
  }
}

runAs('cli demo', main).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
