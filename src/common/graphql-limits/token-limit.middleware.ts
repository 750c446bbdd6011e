import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { MetricsService } from '../../ops/metrics.service.js';
import { ErrorCode } from '../errors/error-code.js';
import { tokenLimitError } from './limits.js';

/**
 * The token limit, checked on /graphql before Apollo sees the request (a
 * plugin error that early would come out as a bare internal error): the
 * document is lexed only up to the limit, so a huge one costs no more than a
 * limit-sized one. The other limits are validation rules (limits.ts).
 * Clients send the same few documents over and over: those found within the
 * limit are remembered (up to `remember`, then forgotten all at once), as
 * Apollo remembers parsed and validated ones, so they are lexed once.
 */
export function tokenLimitMiddleware(maxTokens: number, metrics: MetricsService, remember = 1000): RequestHandler {
  const withinLimit = new Set<string>();
  return (req: Request, res: Response, next: NextFunction) => {
    const body = req.body as { query?: unknown } | undefined;
    const query = req.method === 'GET' ? req.query.query : body && !Array.isArray(body) ? body.query : undefined;
    if (typeof query !== 'string' || withinLimit.has(query)) return next();
    const error = tokenLimitError(query, maxTokens);
    if (!error) {
      if (withinLimit.size >= remember) withinLimit.clear();
      withinLimit.add(query);
      return next();
    }
    metrics.graphqlErrors.inc({ code: ErrorCode.QUERY_TOO_COMPLEX });
    res.status(400).json({ errors: [{ message: error.message, extensions: { code: ErrorCode.QUERY_TOO_COMPLEX } }] });
  };
}
