import type {
  ExecutionArgs,
  ExecutionResult,
  FormattedExecutionResult,
  GraphQLError,
  GraphQLFormattedError,
} from 'graphql';
import { execute, subscribe } from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import { formatGraphQLError } from '../common/errors/format-error.js';
import { graphqlOperationName, operationOf, runAs } from '../common/operation-context.js';

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

const operationName = (args: ExecutionArgs) =>
  graphqlOperationName(operationOf(args.document, args.operationName ?? null));

/**
 * A subscription's events run as its operation: each event is resolved (its
 * fields read from Neo4j) when graphql-ws asks the stream for the next one,
 * so that is where the operation's scope is entered (common/operation-context.ts).
 */
function scoped<T>(operation: string, stream: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = stream[Symbol.asyncIterator]();
  const generator: AsyncGenerator<T> = {
    next: (...args) => runAs(operation, () => iterator.next(...args)),
    return: (value) => (iterator.return ? iterator.return(value) : Promise.resolve({ done: true, value })),
    throw: (error) => (iterator.throw ? iterator.throw(error) : Promise.reject(error)),
    [Symbol.asyncIterator]: () => generator,
    [Symbol.asyncDispose]: async () => {
      await iterator.return?.();
    },
  };
  return generator;
}

/**
 * The graphql-ws server options that format what goes out and run each
 * operation in its own scope, so its transactions name it (LiveSocketServer
 * adds the guards).
 */
export const graphqlWsOptions: Pick<ServerOptions, 'onNext' | 'onError' | 'execute' | 'subscribe'> = {
  onNext: (_ctx, _id, _payload, _args, result) => formatWsResult(result),
  onError: (_ctx, _id, _payload, errors) => formatWsErrors(errors),
  execute: (args) => runAs(operationName(args), () => execute(args)),
  subscribe: async (args) => {
    const operation = operationName(args);
    const result = await runAs(operation, () => subscribe(args));
    return Symbol.asyncIterator in result ? scoped(operation, result) : result;
  },
};
