import type { IncomingMessage } from 'node:http';
import { getOperationAST, GraphQLError, parse } from 'graphql';
import { CloseCode, type Context, type ServerOptions, type SubscribePayload } from 'graphql-ws';
import type { GraphqlConfig } from '../common/config/config.js';
import { DomainError, ErrorCode } from '../common/errors/error-code.js';
import { documentLimitErrors, type Limits, tokenLimitError } from '../graphql/limits/limits.js';
import type { AuthResult, AuthService } from '../auth/auth.service.js';
import { operationRole } from '../auth/operation-role.js';

type Extra = {
  request?: IncomingMessage;
  socket?: { close(code: number, reason: string): void };
  stanceAuth?: AuthResult;
  expiry?: NodeJS.Timeout;
};

export type WsLimits = Limits & Pick<GraphqlConfig, 'wsMaxSubscriptions'>;

/** setTimeout's longest delay (about 24.8 days); a 30-day development token waits in steps. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/**
 * Closes the connection (4401 Unauthorized, graphql-ws's code for it) once
 * its token expires: graphql-ws then completes every subscription on it. A
 * client that still may listen reconnects with a fresh token.
 */
function closeAtExpiry(extra: Extra, expiresAt: number): void {
  const wait = () => {
    const left = expiresAt - Date.now();
    if (left <= 0) {
      extra.socket?.close(CloseCode.Unauthorized, 'the token has expired');
      return;
    }
    extra.expiry = setTimeout(wait, Math.min(left, LONGEST_TIMER_MS));
    extra.expiry.unref();
  };
  wait();
}

function expired(auth: AuthResult | undefined): boolean {
  return auth?.kind === 'principal' && auth.expiresAt !== undefined && auth.expiresAt <= Date.now();
}

/**
 * The same rules over WebSocket (graphql-ws at /graphql) as over HTTP: the
 * token comes with the connection (connectionParams.authorization, or the
 * upgrade request's Authorization header); each operation is held to the
 * limits and to the role its root fields need, queries and mutations sent
 * over the socket included. A connection holds at most wsMaxSubscriptions
 * operations at once, and lasts no longer than its token.
 */
export function wsGuards(
  auth: AuthService,
  limits: WsLimits,
): Pick<ServerOptions, 'onConnect' | 'onSubscribe' | 'onClose'> {
  return {
    onConnect(ctx: Context<Record<string, unknown> | undefined, unknown>) {
      const extra = ctx.extra as Extra;
      const params = ctx.connectionParams ?? {};
      const header = params.authorization ?? params.Authorization ?? extra.request?.headers.authorization;
      const result = auth.authenticate(header);
      extra.stanceAuth = result;
      // Refuse the socket only for bad credentials; what a valid (or no) token may do is decided per operation.
      if (result.kind === 'invalid') return false;
      if (result.kind === 'principal' && result.expiresAt !== undefined) closeAtExpiry(extra, result.expiresAt);
      return true;
    },
    onClose(ctx: Context<Record<string, unknown> | undefined, unknown>) {
      clearTimeout((ctx.extra as Extra).expiry);
    },
    onSubscribe(ctx: Context<Record<string, unknown> | undefined, unknown>, _id: string, payload: SubscribePayload) {
      const extra = ctx.extra as Extra;
      // Between the expiry and the close, nothing new starts.
      if (expired(extra.stanceAuth)) {
        const error = new DomainError(ErrorCode.UNAUTHENTICATED, 'not authenticated: the token has expired');
        return [new GraphQLError(error.message, { originalError: error })];
      }
      // graphql-ws has already entered this operation in ctx.subscriptions.
      if (Object.keys(ctx.subscriptions).length > limits.wsMaxSubscriptions) {
        const error = new DomainError(
          ErrorCode.TOO_MANY_SUBSCRIPTIONS,
          `too many operations on one connection: at most ${limits.wsMaxSubscriptions} at once; complete one first`,
        );
        return [new GraphQLError(error.message, { originalError: error })];
      }
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
      const refusal = auth.check(
        extra.stanceAuth ?? { kind: 'anonymous' },
        operationRole(operation, document, auth.openReads),
      );
      if (refusal) return [new GraphQLError(refusal.message, { originalError: refusal })];
      return;
    },
  };
}
