import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../common/config/config.js';
import { DomainError, ErrorCode } from '../common/errors/error-code.js';
import { allows, type Role } from './roles.js';
import { looksSigned, sameToken, signToken, verifyToken } from './tokens.js';

/** Who sent a request: nobody, a principal with a role, or credentials that do not hold. */
export type AuthResult =
  | { kind: 'anonymous' }
  /** expiresAt (ms since the epoch) for signed tokens; fixed tokens do not expire. */
  | { kind: 'principal'; role: Role; subject: string; expiresAt?: number }
  | { kind: 'invalid'; reason: string };

const BEARER = /^Bearer[ \t]+([^\s]+)[ \t]*$/i;

/**
 * Authenticates bearer tokens: signed tokens (sg1.…, HMAC under
 * STANCE_AUTH_SECRET) and the fixed tokens of STANCE_TOKENS, each compared in
 * constant time. Decides nothing about operations: see policy.ts.
 */
/** How many verified signed tokens are remembered (then forgotten all at once). */
const REMEMBERED_TOKENS = 10_000;

@Injectable()
export class AuthService {
  /**
   * Signed tokens already verified, with their claims: a client sends the
   * same token with every request, and the HMAC was a few per cent of the
   * service's CPU per read. Expiry is still checked on every use; only
   * valid tokens are kept (a wrong one is verified, and refused, each time).
   */
  private readonly verified = new Map<string, { role: Role; subject: string; exp: number }>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get openReads(): boolean {
    return this.config.auth.openReads;
  }

  authenticate(authorization: unknown): AuthResult {
    if (authorization === undefined || authorization === null || authorization === '') return { kind: 'anonymous' };
    if (typeof authorization !== 'string') return { kind: 'invalid', reason: 'send one Authorization header' };
    const m = BEARER.exec(authorization);
    if (!m) return { kind: 'invalid', reason: 'use the Bearer scheme: Authorization: Bearer <token>' };
    return this.verify(m[1]);
  }

  verify(token: string): AuthResult {
    const { secret, tokens } = this.config.auth;
    if (secret && looksSigned(token)) {
      const known = this.verified.get(token);
      if (known) {
        if (known.exp * 1000 > Date.now())
          return { kind: 'principal', role: known.role, subject: known.subject, expiresAt: known.exp * 1000 };
        this.verified.delete(token);
      }
      const result = verifyToken(secret, token);
      if (result.ok) {
        if (this.verified.size >= REMEMBERED_TOKENS) this.verified.clear();
        this.verified.set(token, { role: result.claims.role, subject: result.claims.sub, exp: result.claims.exp });
        return {
          kind: 'principal',
          role: result.claims.role,
          subject: result.claims.sub,
          expiresAt: result.claims.exp * 1000,
        };
      }
      return {
        kind: 'invalid',
        reason: result.reason === 'expired' ? 'the token has expired' : 'the token is not valid',
      };
    }
    // Every configured token is compared, so timing does not tell which one (or whether any) matched.
    let match: { role: Role; token: string } | null = null;
    for (const candidate of tokens) if (sameToken(token, candidate.token) && match === null) match = candidate;
    if (match) return { kind: 'principal', role: match.role, subject: `token:${match.role}` };
    return { kind: 'invalid', reason: 'the token is not valid' };
  }

  /** Null when the request may go on; otherwise the error to answer with. */
  check(auth: AuthResult, needed: Role | null): DomainError | null {
    if (auth.kind === 'invalid') return new DomainError(ErrorCode.UNAUTHENTICATED, `not authenticated: ${auth.reason}`);
    if (needed === null) return null;
    if (auth.kind === 'anonymous') {
      return new DomainError(
        ErrorCode.UNAUTHENTICATED,
        `not authenticated: this needs the ${needed} role; send Authorization: Bearer <token>`,
      );
    }
    if (!allows(auth.role, needed))
      return new DomainError(
        ErrorCode.FORBIDDEN,
        `forbidden: this needs the ${needed} role (the token has ${auth.role})`,
      );
    return null;
  }

  /** A signed token (for the development token and `npm run token`); null without a signing secret. */
  mint(role: Role, subject: string, ttlSeconds: number): string | null {
    const secret = this.config.auth.secret;
    return secret ? signToken(secret, { sub: subject, role, ttlSeconds }) : null;
  }
}

/** The HTTP status that goes with an auth error. */
export function authStatus(error: DomainError): number {
  return error.code === ErrorCode.FORBIDDEN ? 403 : 401;
}

/**
 * Who an operation is recorded as having been done by: the token's subject,
 * or 'anonymous' where writes are open to callers without one. `req` is the
 * HTTP request as the service's middleware annotated it (ops/http.ts).
 */
export function actingSubject(req: { stanceAuth?: AuthResult } | undefined): string {
  const auth = req?.stanceAuth;
  return auth?.kind === 'principal' ? auth.subject : 'anonymous';
}
