// Mints a signed bearer token: npm run token -- ROLE [TTL] [SUBJECT]
// (npm run token -- admin 7d alice; built, node dist-tools/cli/token.js).
// Signs with STANCE_AUTH_SECRET, or in development with the secret in
// .stance/dev-secret (the one the service signs its dev token with).
import { developmentSecret } from '../src/auth/dev-token.js';
import { ROLES, type Role } from '../src/auth/roles.js';
import { parseTtl, signToken } from '../src/auth/tokens.js';

function main(args: string[]): number {
  const [role, ttlText = '30d', subject = process.env.USER ?? 'cli'] = args;
  if (!(ROLES as readonly string[]).includes(role)) {
    console.error(`usage: npm run token -- ${ROLES.join('|')} [ttl, e.g. 30d, 12h] [subject]`);
    return 2;
  }
  const ttl = parseTtl(ttlText);
  if (ttl === null) {
    console.error(`ttl "${ttlText}" must be like 3600, 90m, 12h or 30d (at most 366 days)`);
    return 2;
  }
  let secret = process.env.STANCE_AUTH_SECRET?.trim();
  if (!secret) {
    if (process.env.NODE_ENV === 'production') {
      console.error('STANCE_AUTH_SECRET is not set');
      return 1;
    }
    secret = developmentSecret();
  }
  if (secret.length < 32) {
    console.error('STANCE_AUTH_SECRET must be at least 32 characters');
    return 1;
  }
  console.log(signToken(secret, { sub: subject.slice(0, 200), role: role as Role, ttlSeconds: ttl }));
  return 0;
}

process.exitCode = main(process.argv.slice(2));
