import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.setup.js';
import { loadConfig } from './common/config/config.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp();
  await app.listen(config.port, config.host);
  const url = `http://${config.host === '127.0.0.1' ? 'localhost' : config.host}:${config.port}`;
  Logger.log(`GraphQL API and IDE at ${url}/graphql, health at ${url}/health`, 'StanceGraph');
}

main().catch((error: unknown) => {
  // Configuration errors list every bad variable; anything else is a start-up failure.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
