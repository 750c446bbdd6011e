import type { ExecutionResult, FormattedExecutionResult, GraphQLError, GraphQLFormattedError } from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import { formatGraphQLError } from '../common/errors/format-error.js';

/**
 * graphql-ws sends results and errors without Apollo's formatError: give
 * errors sent over WebSocket the same stable extensions.code and masking as
 * over HTTP. Errors a resolver threw (a DomainError, a driver error) carry an
 * originalError; the others are graphql-js's own parse and validation errors
 * of the request, which are safe to show.
 */
export function formatWsError(error: GraphQLError): GraphQLFormattedError {
  if (error.originalError) return formatGraphQLError(error.toJSON(), error);
  const { message, locations, path } = error.toJSON();
  return { message, locations, path, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
}

export function formatWsResult(result: ExecutionResult): FormattedExecutionResult | void {
  if (!result.errors || result.errors.length === 0) return;
  return { ...result, errors: result.errors.map(formatWsError) };
}

export function formatWsErrors(errors: readonly GraphQLError[]): GraphQLFormattedError[] {
  return errors.map(formatWsError);
}

/** The graphql-ws server options that format what goes out (LiveSocketServer adds the guards). */
export const graphqlWsOptions: Pick<ServerOptions, 'onNext' | 'onError'> = {
  onNext: (_ctx, _id, _payload, _args, result) => formatWsResult(result),
  onError: (_ctx, _id, _payload, errors) => formatWsErrors(errors),
};
