import type { LoggerService } from '@nestjs/common';
import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';
import type { AuthResult, AuthService } from '../auth/auth.service.js';
import { authStatus } from '../auth/auth.service.js';
import { canonicalPath, httpRequirement } from '../auth/policy.js';
import type { AppConfig } from '../common/config/config.js';
import { ErrorCode } from '../common/errors/error-code.js';
import { logAccess } from './logger.js';
import { MetricsService, routeLabel } from './metrics.service.js';
import { RateLimitError, type RateLimitService } from '../auth/rate-limit.service.js';
import { requestIdFrom, requestScope } from './request-id.js';
import { runAs, withBookmarks } from '../common/operation-context.js';
import { ShutdownService } from './shutdown.service.js';

declare module 'express-serve-static-core' {
  interface Request {
    /** Who sent the request, from its Authorization header (set for every request). */
    stanceAuth?: AuthResult;
    requestId?: string;
  }
}

export interface HttpDeps {
  config: AppConfig;
  auth: AuthService;
  metrics: MetricsService;
  shutdown: ShutdownService;
  logger: LoggerService;
  rates: RateLimitService;
}

/** A GraphQL-shaped error body, so clients parse every refusal the same way. */
export function errorBody(code: ErrorCode, message: string) {
  return { errors: [{ message, extensions: { code } }] };
}

/**
 * The first middleware of every request: a request id (x-request-id in and
 * out, and on every log line), latency and in-flight counts for /metrics,
 * an access log line, refusal while shutting down, and authentication (the
 * result rides on the request; /graphql decides per operation, the other
 * routes here by policy.ts).
 */
export function requestMiddleware(deps: HttpDeps): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const requestId = requestIdFrom(req.headers['x-request-id']);
    req.requestId = requestId;
    res.setHeader('x-request-id', requestId);
    // Every decision below is made on the canonical spelling of the path.
    const path = canonicalPath(req.path);
    const started = process.hrtime.bigint();
    deps.shutdown.started();
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      deps.shutdown.finished();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeLabel(path);
      deps.metrics.httpDuration.observe({ method: req.method, route, status: String(res.statusCode) }, seconds);
      logAccess(deps.logger, {
        requestId,
        method: req.method,
        route,
        status: res.statusCode,
        ms: Math.round(seconds * 1000),
      });
    };
    res.once('finish', finish);
    res.once('close', finish);

    // Transactions name the route, until /graphql names its operation (graphql-security.ts).
    requestScope.run({ requestId }, () =>
      runAs(`http ${req.method} ${path}`, () => {
        const sent = bookmarksOf(req.headers[BOOKMARK_HEADER]);
        if (sent === null) {
          res.status(400).json(errorBody(ErrorCode.BAD_REQUEST, BAD_BOOKMARK_HEADER));
          return;
        }
        returnBookmarks(res, withBookmarks(sent));
        if (deps.shutdown.draining && !path.startsWith('/health')) {
          res.setHeader('connection', 'close');
          res
            .status(503)
            .json(errorBody(ErrorCode.SERVICE_UNAVAILABLE, 'the service is shutting down; try again shortly'));
          return;
        }
        void admit(deps, req, res, path).then((admitted) => admitted && next(), next);
      }),
    );
  };
}

/**
 * The causal chain a client keeps across replicas: every answer carries the
 * Neo4j bookmarks of the newest transaction it ran (or the ones it was sent)
 * in this header, and a request that carries them back, to any replica,
 * runs after that transaction (src/neo4j/neo4j.service.ts). Bookmarks are
 * opaque, comma-separated.
 */
export const BOOKMARK_HEADER = 'stance-bookmark';
const BOOKMARK = /^[A-Za-z0-9:+/=_.-]{1,256}$/;
const MAX_BOOKMARKS = 16;
const BAD_BOOKMARK_HEADER = `the ${BOOKMARK_HEADER} header must hold at most ${MAX_BOOKMARKS} bookmarks an earlier answer returned, comma-separated`;

/** The bookmarks a request carried ([] for none), or null when the header is malformed. */
export function bookmarksOf(header: string | string[] | undefined): string[] | null {
  if (header === undefined) return [];
  const values = (Array.isArray(header) ? header.join(',') : header)
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b !== '');
  if (values.length > MAX_BOOKMARKS || !values.every((b) => BOOKMARK.test(b))) return null;
  return [...new Set(values)];
}

/** Sets the bookmark header as the answer's headers go out, whoever writes them (Apollo, a route, an error). */
function returnBookmarks(res: Response, bookmarks: () => string[]): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: Response, ...args: Parameters<Response['writeHead']>) {
    const latest = bookmarks();
    if (latest.length > 0 && !this.headersSent) this.setHeader(BOOKMARK_HEADER, latest.join(','));
    return writeHead.apply(this, args);
  } as Response['writeHead'];
}

/**
 * Authentication, the policy of the plain HTTP routes, and the rate limits
 * that apply before any route runs: credentials that do not hold (per
 * address) and exports (per token, or per address when anonymous). False
 * when the request was answered here.
 */
async function admit(deps: HttpDeps, req: Request, res: Response, path: string): Promise<boolean> {
  const auth = deps.auth.authenticate(req.headers.authorization);
  req.stanceAuth = auth;
  const graphql = path === '/graphql';
  const needed = httpRequirement(path, deps.config.auth.openReads, deps.config.auth.metrics);
  if (needed === 'off') {
    res.status(404).json(errorBody(ErrorCode.NOT_FOUND, 'not found'));
    return false;
  }
  try {
    if (auth.kind === 'invalid')
      await deps.rates.take('authFailures', `address:${req.socket.remoteAddress ?? 'unknown'}`);
    // /graphql decides per operation (auth plugin); here only the plain HTTP routes.
    const refusal = graphql ? null : deps.auth.check(auth, needed);
    if (refusal) {
      if (refusal.code === ErrorCode.UNAUTHENTICATED) res.setHeader('www-authenticate', 'Bearer realm="stance-graph"');
      res.status(authStatus(refusal)).json({ error: { code: refusal.code, message: refusal.message } });
      return false;
    }
    if (path === '/export' || path.startsWith('/export/')) await deps.rates.take('exports', callerKey(req, auth));
    return true;
  } catch (error) {
    if (!(error instanceof RateLimitError)) throw error;
    res.setHeader('retry-after', String(error.retryAfterSeconds));
    res
      .status(429)
      .json(graphql ? errorBody(error.code, error.message) : { error: { code: error.code, message: error.message } });
    return false;
  }
}

/** Whom a rate limit counts: a token's subject, or an anonymous caller's address. */
function callerKey(req: Request, auth: AuthResult): string {
  return auth.kind === 'principal' ? `token:${auth.subject}` : `address:${req.socket.remoteAddress ?? 'unknown'}`;
}

/**
 * Body parser failures as clean, coded answers: a body over the limit is 413
 * PAYLOAD_TOO_LARGE, malformed JSON 400 BAD_REQUEST (body-parser marks its
 * errors with `type`).
 */
export function bodyErrorHandler(limitBytes: number): ErrorRequestHandler {
  return (
    error: { type?: string; status?: number; statusCode?: number },
    _req: Request,
    res: Response,
    next: NextFunction,
  ) => {
    if (!error || typeof error.type !== 'string' || res.headersSent) return next(error);
    if (error.type === 'entity.too.large') {
      res
        .status(413)
        .json(errorBody(ErrorCode.PAYLOAD_TOO_LARGE, `the request body is larger than ${limitBytes} bytes`));
      return;
    }
    const status = error.status ?? error.statusCode ?? 400;
    if (status >= 400 && status < 500) {
      const message =
        error.type === 'entity.parse.failed'
          ? 'the request body is not valid JSON'
          : `the request body could not be read (${error.type})`;
      res.status(status).json(errorBody(ErrorCode.BAD_REQUEST, message));
      return;
    }
    next(error);
  };
}

export async function serveMetrics(deps: Pick<HttpDeps, 'metrics'>, res: Response): Promise<void> {
  const { contentType, body } = await deps.metrics.render();
  res.setHeader('content-type', contentType);
  res.setHeader('cache-control', 'no-store');
  res.send(body);
}
