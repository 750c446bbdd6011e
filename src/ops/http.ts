import type { LoggerService } from '@nestjs/common';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
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

declare module 'fastify' {
  interface FastifyRequest {
    /** Who sent the request, from its Authorization header (set for every request). */
    stanceAuth?: AuthResult;
    requestId?: string;
    /** The bookmarks this answer returns (BOOKMARK_HEADER): the newest a transaction of the request ran, or those sent. */
    stanceBookmarks?: () => string[];
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

/** The path of a request URL, without its query string. */
function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/**
 * The first steps of every request, as Fastify hooks:
 * - on arrival, a request id (x-request-id in and out, and on every log
 *   line), latency and in-flight counts for /metrics, an access log line,
 *   the bookmarks sent, refusal while shutting down, and authentication (the
 *   result rides on the request; /graphql decides per operation, the other
 *   routes here by policy.ts); this runs before the body is read, so a
 *   refused caller's body never is;
 * - once the body is read, the request's scope (its id and the operation
 *   its transactions name), entered last before the handler so that the
 *   handler runs inside it (`enterScope`, which app.setup.ts adds after the
 *   other checks of a read body);
 * - as the answer's headers go out, whoever sends it (Apollo, a route, an
 *   error), the bookmark header.
 */
export function addRequestHooks(fastify: FastifyInstance, deps: HttpDeps): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    const requestId = requestIdFrom(request.headers['x-request-id']);
    request.requestId = requestId;
    reply.header('x-request-id', requestId);
    // Every decision below is made on the canonical spelling of the path.
    const path = canonicalPath(pathOf(request.url));
    const started = process.hrtime.bigint();
    deps.shutdown.started();
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      deps.shutdown.finished();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeLabel(path);
      const status = reply.raw.statusCode;
      deps.metrics.httpDuration.observe({ method: request.method, route, status: String(status) }, seconds);
      logAccess(deps.logger, { requestId, method: request.method, route, status, ms: Math.round(seconds * 1000) });
    };
    reply.raw.once('finish', finish);
    reply.raw.once('close', finish);

    const sent = bookmarksOf(request.headers[BOOKMARK_HEADER]);
    if (sent === null) {
      reply.code(400).send(errorBody(ErrorCode.BAD_REQUEST, BAD_BOOKMARK_HEADER));
      return;
    }
    request.stanceBookmarks = () => sent;
    if (deps.shutdown.draining && !path.startsWith('/health')) {
      reply
        .header('connection', 'close')
        .code(503)
        .send(errorBody(ErrorCode.SERVICE_UNAVAILABLE, 'the service is shutting down; try again shortly'));
      return;
    }
    admit(deps, request, reply, path).then((admitted) => admitted && done(), done);
  });
  fastify.addHook('onSend', (request, reply, payload, done) => {
    const latest = request.stanceBookmarks?.();
    if (latest !== undefined && latest.length > 0) reply.header(BOOKMARK_HEADER, latest.join(','));
    done(null, payload);
  });
}

/**
 * Enters the request's scope and runs the handler in it: its transactions
 * name the route until /graphql names its operation (graphql-security.ts),
 * and log lines carry its id. A preHandler hook, added after every other.
 */
export function enterScope(request: FastifyRequest, _reply: FastifyReply, done: () => void): void {
  const sent = request.stanceBookmarks?.() ?? [];
  requestScope.run({ requestId: request.requestId ?? requestIdFrom(undefined) }, () =>
    runAs(`http ${request.method} ${canonicalPath(pathOf(request.url))}`, () => {
      request.stanceBookmarks = withBookmarks(sent);
      done();
    }),
  );
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

/**
 * Authentication, the policy of the plain HTTP routes, and the rate limits
 * that apply before any route runs: credentials that do not hold (per
 * address) and exports (per token, or per address when anonymous). False
 * when the request was answered here.
 */
async function admit(deps: HttpDeps, req: FastifyRequest, res: FastifyReply, path: string): Promise<boolean> {
  const auth = deps.auth.authenticate(req.headers.authorization);
  req.stanceAuth = auth;
  const graphql = path === '/graphql';
  const needed = httpRequirement(path, deps.config.auth.openReads, deps.config.auth.metrics);
  if (needed === 'off') {
    res.code(404).send(errorBody(ErrorCode.NOT_FOUND, 'not found'));
    return false;
  }
  try {
    if (auth.kind === 'invalid')
      await deps.rates.take('authFailures', `address:${req.socket.remoteAddress ?? 'unknown'}`);
    // /graphql decides per operation (auth plugin); here only the plain HTTP routes.
    const refusal = graphql ? null : deps.auth.check(auth, needed);
    if (refusal) {
      if (refusal.code === ErrorCode.UNAUTHENTICATED) res.header('www-authenticate', 'Bearer realm="stance-graph"');
      res.code(authStatus(refusal)).send({ error: { code: refusal.code, message: refusal.message } });
      return false;
    }
    if (path === '/export' || path.startsWith('/export/')) await deps.rates.take('exports', callerKey(req, auth));
    return true;
  } catch (error) {
    if (!(error instanceof RateLimitError)) throw error;
    res
      .header('retry-after', String(error.retryAfterSeconds))
      .code(429)
      .send(graphql ? errorBody(error.code, error.message) : { error: { code: error.code, message: error.message } });
    return false;
  }
}

/** Whom a rate limit counts: a token's subject, or an anonymous caller's address. */
function callerKey(req: FastifyRequest, auth: AuthResult): string {
  return auth.kind === 'principal' ? `token:${auth.subject}` : `address:${req.socket.remoteAddress ?? 'unknown'}`;
}

/**
 * Body failures as clean, coded answers: a body over the limit is 413
 * PAYLOAD_TOO_LARGE, malformed JSON 400 BAD_REQUEST, a body of a type no
 * route reads 415 BAD_REQUEST (Fastify marks its errors with codes
 * FST_ERR_CTP_*). Null for any other error. Used by BodyErrorFilter, which
 * sees them as Nest's HttpException with the Fastify error as its cause.
 */
export function bodyErrorAnswer(
  error: unknown,
  limitBytes: number,
): { status: number; body: ReturnType<typeof errorBody> } | null {
  const { code, statusCode } = (error ?? {}) as Partial<FastifyError>;
  if (typeof code !== 'string' || !code.startsWith('FST_ERR_CTP_')) return null;
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return {
      status: 413,
      body: errorBody(ErrorCode.PAYLOAD_TOO_LARGE, `the request body is larger than ${limitBytes} bytes`),
    };
  const status = statusCode !== undefined && statusCode >= 400 && statusCode < 500 ? statusCode : 400;
  const message =
    code === 'FST_ERR_CTP_INVALID_JSON_BODY' || code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
      ? 'the request body is not valid JSON'
      : code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
        ? 'the request body is of a type this route does not read (send application/json)'
        : `the request body could not be read (${code})`;
  return { status, body: errorBody(ErrorCode.BAD_REQUEST, message) };
}

export async function serveMetrics(deps: Pick<HttpDeps, 'metrics'>, reply: FastifyReply): Promise<void> {
  const { contentType, body } = await deps.metrics.render();
  void reply.header('content-type', contentType).header('cache-control', 'no-store').send(body);
}
