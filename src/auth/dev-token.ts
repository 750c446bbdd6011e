import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PROJECT_ROOT } from '../common/project-root.js';
import { randomSecret } from './tokens.js';

/** .stance/ at the project root (git-ignored): the service and `npm run token` share its dev secret. */
export const STANCE_DIR = join(PROJECT_ROOT, '.stance');
export const DEV_SECRET_FILE = join(STANCE_DIR, 'dev-secret');
export const DEV_TOKEN_FILE = join(STANCE_DIR, 'dev-token');
export const DEV_TOKEN_TTL_SECONDS = 30 * 86400;

/**
 * Development only (NODE_ENV is not production and no STANCE_AUTH_SECRET or
 * STANCE_TOKENS is set): sign tokens with a secret kept in .stance/dev-secret
 * (made once, readable by its owner only), so that a development token and
 * `npm run token` work without any set-up. Returns whether it did.
 */
export function useDevelopmentSecret(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NODE_ENV === 'production' || env.STANCE_AUTH_SECRET?.trim() || env.STANCE_TOKENS?.trim()) return false;
  env.STANCE_AUTH_SECRET = developmentSecret();
  return true;
}

export function developmentSecret(): string {
  if (existsSync(DEV_SECRET_FILE)) {
    const secret = readFileSync(DEV_SECRET_FILE, 'utf8').trim();
    if (secret.length >= 32) return secret;
  }
  const secret = randomSecret();
  writePrivate(DEV_SECRET_FILE, secret + '\n');
  return secret;
}

export function writePrivate(file: string, content: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content, { mode: 0o600 });
  chmodSync(file, 0o600);
}
