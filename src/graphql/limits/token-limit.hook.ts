import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { acceptsJsonOnly } from '../../graphql/request-error-status.js';
import type { MetricsService } from '../../ops/metrics.service.js';
import { ErrorCode } from '../../common/errors/error-code.js';
import { tokenLimitError } from './limits.js';

/**
 * The token limit, checked on /graphql before Apollo sees the request, as
 * a preHandler hook once the body is read (a plugin error that early would
 * come out as a bare internal error): the
 * document is lexed only up to the limit, so a huge one costs no more than a
 * limit-sized one. The other limits are validation rules (limits.ts).
 * Clients send the same few documents over and over: those found within the
 * limit are remembered (up to `remember`, then forgotten all at once), as
 * Apollo remembers parsed and validated ones, so they are lexed once.
 * This runs before authentication, so what it keeps has a fixed size: a
 * digest per document, and only for documents of ordinary size (a client's
 * own queries are a few kB; a megabyte string literal is lexed each time).
 */
export function tokenLimitHook(
  maxTokens: number,
  metrics: MetricsService,
  remember = 1000,
  rememberUpToChars = 16_384,
): (req: FastifyRequest, reply: FastifyReply, next: () => void) => void {
  const withinLimit = new Set<string>();
  return (req, reply, next) => {
    if (req.routeOptions.url !== '/graphql') return next();
    const body = req.body as { query?: unknown } | undefined;
    const query =
      req.method === 'GET'
        ? (req.query as { query?: unknown }).query
        : body && typeof body === 'object' && !Array.isArray(body)
          ? body.query
          : undefined;
    if (typeof query !== 'string') return next();
    const digest = query.length <= rememberUpToChars ? createHash('sha256').update(query).digest('base64') : null;
    if (digest !== null && withinLimit.has(digest)) return next();
    const error = tokenLimitError(query, maxTokens);
    if (!error) {
      if (digest !== null) {
        if (withinLimit.size >= remember) withinLimit.clear();
        withinLimit.add(digest);
      }
      return next();
    }
    metrics.graphqlErrors.inc({ code: ErrorCode.QUERY_TOO_COMPLEX });
    // As for every request error (request-error-status.ts): 200 to a client that takes only application/json.
    const status = acceptsJsonOnly(req.headers.accept) ? 200 : 400;
    void reply
      .code(status)
      .send({ errors: [{ message: error.message, extensions: { code: ErrorCode.QUERY_TOO_COMPLEX } }] });
  };
}
