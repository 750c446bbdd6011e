import { GraphQLFormattedError } from 'graphql';
import { isRetryableError, Neo4jError } from 'neo4j-driver';
import { DomainError, ErrorCode, ScalarInputError } from './error-code.js';

/** Codes that graphql-js and Apollo assign themselves and that are safe to pass on. */
const FRAMEWORK_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/** Neo4j error codes (never message text) that mean "the database is not there right now". */
export const UNAVAILABLE_NEO4J_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

/**
 * Turns whatever a resolver threw into a GraphQL error with a stable
 * `extensions.code`, and masks everything unexpected: no stack traces, no
 * Cypher, no driver messages reach the client.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = originalErrorOf(error);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

  if (original instanceof DomainError) {
    return {
      ...base,
      // A scalar's refusal: graphql's message names the argument or variable, then gives the scalar's reason.
      message: original instanceof ScalarInputError ? formatted.message : original.message,
      extensions: { code: original.code, ...(original.field ? { field: original.field } : {}) },
    };
  }
  if (original instanceof Neo4jError) {
    if (UNAVAILABLE_NEO4J_CODES.has(original.code) || isRetryableError(original)) {
      return {
        ...base,
        message: 'the database is unavailable; try again shortly',
        extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
      };
    }
    return { ...base, message: 'internal error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && FRAMEWORK_CODES.has(code)) {
    return { ...base, extensions: { code } };
  }
  return { ...base, message: 'internal error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

function originalErrorOf(error: unknown): unknown {
  let current = error as { originalError?: unknown } | undefined;
  while (current && typeof current === 'object' && 'originalError' in current && current.originalError) {
    current = current.originalError as { originalError?: unknown };
  }
  return current;
}
