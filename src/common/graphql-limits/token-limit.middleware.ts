import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { MetricsService } from '../../ops/metrics.service.js';
import { ErrorCode } from '../errors/error-code.js';
import { tokenLimitError } from './limits.js';

/**
 * The token limit, checked on /graphql before Apollo sees the request (a
 * plugin error that early would come out as a bare internal error): the
 * document is lexed only up to the limit, so a huge one costs no more than a
 * limit-sized one. The other limits are validation rules (limits.ts).
 */
export function tokenLimitMiddleware(maxTokens: number, metrics: MetricsService): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const body = req.body as { query?: unknown } | undefined;
    const query = req.method === 'GET' ? req.query.query : body && !Array.isArray(body) ? body.query : undefined;
    if (typeof query !== 'string') return next();
    const error = tokenLimitError(query, maxTokens);
    if (!error) return next();
    metrics.graphqlErrors.inc({ code: ErrorCode.QUERY_TOO_COMPLEX });
    res.status(400).json({ errors: [{ message: error.message, extensions: { code: ErrorCode.QUERY_TOO_COMPLEX } }] });
  };
}
