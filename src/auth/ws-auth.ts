import type { IncomingMessage } from 'node:http';
import { getOperationAST, GraphQLError, parse } from 'graphql';
import type { Context, ServerOptions, SubscribePayload } from 'graphql-ws';
import { documentLimitErrors, type Limits, tokenLimitError } from '../common/graphql-limits/limits.js';
import type { AuthResult, AuthService } from './auth.service.js';
import { operationRole } from './operation-role.js';

type Extra = { request?: IncomingMessage; stanceAuth?: AuthResult };

/**
 * The same rules over WebSocket (graphql-ws at /graphql) as over HTTP: the
 * token comes with the connection (connectionParams.authorization, or the
 * upgrade request's Authorization header); each operation is held to the
 * limits and to the role its root fields need, queries and mutations sent
 * over the socket included.
 */
export function wsGuards(auth: AuthService, limits: Limits): Pick<ServerOptions, 'onConnect' | 'onSubscribe'> {
  return {
    onConnect(ctx: Context<Record<string, unknown> | undefined, unknown>) {
      const params = ctx.connectionParams ?? {};
      const header = params.authorization ?? params.Authorization ?? (ctx.extra as Extra).request?.headers.authorization;
      const result = auth.authenticate(header);
      (ctx.extra as Extra).stanceAuth = result;
      // Refuse the socket only for bad credentials; what a valid (or no) token may do is decided per operation.
      return result.kind !== 'invalid';
    },
    onSubscribe(ctx: Context<Record<string, unknown> | undefined, unknown>, _id: string, payload: SubscribePayload) {
      const tooMany = tokenLimitError(payload.query, limits.maxTokens);
      if (tooMany) return [tooMany];
      let document;
      try {
        document = parse(payload.query);
      } catch {
        return; // graphql-ws parses again and reports the syntax error
      }
      const limitErrors = documentLimitErrors(document, limits);
      if (limitErrors.length > 0) return limitErrors;
      const operation = getOperationAST(document, payload.operationName ?? undefined);
      if (!operation) return;
      const refusal = auth.check((ctx.extra as Extra).stanceAuth ?? { kind: 'anonymous' }, operationRole(operation, document, auth.openReads));
      if (refusal) return [new GraphQLError(refusal.message, { originalError: refusal })];
      return;
    },
  };
}

