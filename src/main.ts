import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { relative } from 'node:path';
import { createApp } from './app.setup.js';
import { AuthService } from './auth/auth.service.js';
import { DEV_TOKEN_FILE, DEV_TOKEN_TTL_SECONDS, useDevelopmentSecret, writePrivate } from './auth/dev-token.js';
import { loadConfig } from './common/config/config.js';
import { cpuProfilesOnSignal } from './ops/cpu-profile.js';

async function main(): Promise<void> {
  // Development without configured credentials: sign with .stance/dev-secret.
  const development = useDevelopmentSecret();
  const config = loadConfig();
  cpuProfilesOnSignal(process.env.STANCE_CPU_PROFILE_DIR);
  const app = await createApp();
  await app.listen(config.port, config.host);
  const url = `http://${config.host === '127.0.0.1' ? 'localhost' : config.host}:${config.port}`;
  const logger = new Logger('StanceGraph');
  logger.log(
    `GraphQL API${config.graphql.ide ? ' and IDE' : ''} at ${url}/graphql, health at ${url}/health/ready, metrics at ${url}/metrics`,
  );
  logger.log(
    `reads ${config.auth.openReads ? 'open to anyone' : 'need a reader token'}; writes need an editor token, merges and retractions an admin token`,
  );
  if (development) {
    const token = app.get(AuthService).mint('editor', 'development', DEV_TOKEN_TTL_SECONDS)!;
    writePrivate(DEV_TOKEN_FILE, token + '\n');
    // The token itself never goes to the log (logs are shipped and kept): where it is, and a fingerprint to tell tokens apart.
    const fingerprint = createHash('sha256').update(token).digest('hex').slice(0, 12);
    const file = relative(process.cwd(), DEV_TOKEN_FILE);
    logger.log(
      `development editor token (30 days, sha256 ${fingerprint}…) written to ${file}; send it as "Authorization: Bearer $(cat ${file})"`,
    );
  }
}

main().catch((error: unknown) => {
  // Configuration errors list every bad variable; anything else is a start-up failure.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
