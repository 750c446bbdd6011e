import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { ROLES, type Role } from './roles.js';

/**
 * Signed bearer tokens: `sg1.<payload>.<signature>`, where payload is the
 * base64url JSON `{ sub, role, iat, exp }` (seconds since the epoch) and
 * signature is base64url HMAC-SHA256 of `sg1.<payload>` under
 * STANCE_AUTH_SECRET. Stateless: the service keeps no token store, a token
 * carries its role and expiry, and rotating the secret revokes every token.
 */
export const TOKEN_PREFIX = 'sg1';
const MAX_TOKEN_LENGTH = 2048;
/** Clock skew tolerated on `iat`. */
const SKEW_SECONDS = 300;

export interface TokenClaims {
  sub: string;
  role: Role;
  iat: number;
  exp: number;
}

export function signToken(
  secret: string,
  claims: { sub: string; role: Role; ttlSeconds: number; now?: number },
): string {
  const iat = Math.floor((claims.now ?? Date.now()) / 1000);
  const payload = Buffer.from(
    JSON.stringify({ sub: claims.sub, role: claims.role, iat, exp: iat + claims.ttlSeconds }),
  ).toString('base64url');
  return `${TOKEN_PREFIX}.${payload}.${mac(secret, `${TOKEN_PREFIX}.${payload}`).toString('base64url')}`;
}

export type VerifyResult =
  { ok: true; claims: TokenClaims } | { ok: false; reason: 'malformed' | 'signature' | 'expired' };

export function looksSigned(token: string): boolean {
  return token.startsWith(`${TOKEN_PREFIX}.`);
}

export function verifyToken(secret: string, token: string, now: number = Date.now()): VerifyResult {
  if (token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'malformed' };
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== TOKEN_PREFIX) return { ok: false, reason: 'malformed' };
  const given = Buffer.from(parts[2], 'base64url');
  const expected = mac(secret, `${parts[0]}.${parts[1]}`);
  // Constant time over the signature; a length mismatch reveals nothing secret.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'signature' };
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (!isClaims(claims)) return { ok: false, reason: 'malformed' };
  const seconds = Math.floor(now / 1000);
  if (claims.exp <= seconds || claims.iat > seconds + SKEW_SECONDS) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}

/**
 * Compares a presented token with a configured one in constant time: both
 * are hashed first, so the comparison never depends on where they differ nor
 * on their lengths.
 */
export function sameToken(presented: string, configured: string): boolean {
  return timingSafeEqual(sha256(presented), sha256(configured));
}

export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** A parsed ttl: "30d", "12h", "90m", "3600s" or plain seconds. */
export function parseTtl(text: string): number | null {
  const m = /^(\d{1,7})([smhd]?)$/.exec(text.trim());
  if (!m) return null;
  const n = Number(m[1]);
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  const seconds = n * unit;
  return seconds > 0 && seconds <= 366 * 86400 ? seconds : null;
}

function mac(secret: string, data: string): Buffer {
  return createHmac('sha256', secret).update(data).digest();
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

function isClaims(value: unknown): value is TokenClaims {
  const c = value as Partial<TokenClaims> | null;
  return (
    typeof c === 'object' &&
    c !== null &&
    typeof c.sub === 'string' &&
    c.sub.length <= 200 &&
    typeof c.role === 'string' &&
    (ROLES as readonly string[]).includes(c.role) &&
    Number.isSafeInteger(c.iat) &&
    Number.isSafeInteger(c.exp)
  );
}
