import type { ApolloServerPlugin } from '@apollo/server';
import type { Request } from 'express';
import { GraphQLError } from 'graphql';
import { DomainError, ErrorCode } from '../common/errors/error-code.js';
import { AuthService, authStatus } from './auth.service.js';
import { operationRole } from './operation-role.js';

/** An auth refusal as Apollo sends it: the domain error (for its code) and the HTTP status. */
export function authError(error: DomainError): GraphQLError {
  const headers = new Map<string, string>();
  if (error.code === ErrorCode.UNAUTHENTICATED) headers.set('www-authenticate', 'Bearer realm="stance-graph"');
  return new GraphQLError(error.message, { originalError: error, extensions: { code: error.code, http: { status: authStatus(error), headers } } });
}

/**
 * Authorisation for /graphql over HTTP: once Apollo knows the operation (and
 * before anything runs), the caller's role must cover the strongest role any
 * of its root fields needs (policy.ts). A refused mutation runs no resolver,
 * so it changes nothing.
 */
export function graphqlAuthPlugin(auth: AuthService): ApolloServerPlugin<{ req?: Request }> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, contextValue }) {
          // No operation resolved: execution fails with OPERATION_RESOLUTION_FAILURE and runs nothing.
          if (!operation) return;
          const result = contextValue.req?.stanceAuth ?? auth.authenticate(contextValue.req?.headers.authorization);
          const refusal = auth.check(result, operationRole(operation, document, auth.openReads));
          if (refusal) throw authError(refusal);
        },
      };
    },
  };
}
