import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyRequest } from 'fastify';
import { GraphQLError } from 'graphql';
import { DomainError, ErrorCode } from '../common/errors/error-code.js';
import { RateLimitError, type RateLimitService } from './rate-limit.service.js';
import { AuthService, authStatus } from './auth.service.js';
import { operationRole, rootFields } from './operation-role.js';

/** Mutations counted against the ingestion rate limit, one hit per selection. */
const INGEST_FIELDS: ReadonlySet<string> = new Set(['ingestArticle']);

/** An auth refusal as Apollo sends it: the domain error (for its code) and the HTTP status. */
export function authError(error: DomainError): GraphQLError {
  const headers = new Map<string, string>();
  if (error.code === ErrorCode.UNAUTHENTICATED) headers.set('www-authenticate', 'Bearer realm="stance-graph"');
  return new GraphQLError(error.message, {
    originalError: error,
    extensions: { code: error.code, http: { status: authStatus(error), headers } },
  });
}

/** A rate-limit refusal as Apollo sends it: 429 with Retry-After. */
export function rateLimitError(error: RateLimitError): GraphQLError {
  const headers = new Map([['retry-after', String(error.retryAfterSeconds)]]);
  return new GraphQLError(error.message, {
    originalError: error,
    extensions: { code: error.code, http: { status: 429, headers } },
  });
}

/**
 * Authorisation for /graphql over HTTP: once Apollo knows the operation (and
 * before anything runs), the caller's role must cover the strongest role any
 * of its root fields needs (policy.ts). A refused mutation runs no resolver,
 * so it changes nothing. Ingestion is then counted against the caller's
 * rate limit (a refused ingest runs nothing either).
 */
export function graphqlAuthPlugin(
  auth: AuthService,
  rates: RateLimitService,
): ApolloServerPlugin<{ req?: FastifyRequest }> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, contextValue }) {
          // No operation resolved: execution fails with OPERATION_RESOLUTION_FAILURE and runs nothing.
          if (!operation) return;
          const result = contextValue.req?.stanceAuth ?? auth.authenticate(contextValue.req?.headers.authorization);
          const refusal = auth.check(result, operationRole(operation, document, auth.openReads));
          if (refusal) throw authError(refusal);
          if (operation.operation !== 'mutation' || result.kind !== 'principal') return;
          const ingests = rootFields(operation, document).filter((f) => INGEST_FIELDS.has(f)).length;
          if (ingests === 0) return;
          try {
            await rates.take('ingest', `token:${result.subject}`, ingests);
          } catch (error) {
            if (error instanceof RateLimitError) throw rateLimitError(error);
            throw error;
          }
        },
      };
    },
  };
}
