import { GraphQLError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';
import { badInput, DomainError, ErrorCode } from './error-code.js';
import { formatGraphQLError } from './format-error.js';

const wrap = (original: Error) => new GraphQLError('x', { originalError: original });

describe('formatGraphQLError', () => {
  it('gives domain errors their code and field', () => {
    const out = formatGraphQLError({ message: 'x' }, wrap(badInput('statedOn', 'is not a date')));
    expect(out.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'statedOn' });
    expect(out.message).toBe('statedOn: is not a date');
  });

  it('masks unexpected errors: no stack, no Cypher, no driver text', () => {
    const driver = new Neo4jError(
      'Invalid input near MATCH (n) RETURN n',
      'Neo.ClientError.Statement.SyntaxError',
      'x',
      'y',
    );
    const out = formatGraphQLError({ message: driver.message, extensions: { stacktrace: ['at x'] } }, wrap(driver));
    expect(out).toEqual({
      message: 'internal error',
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
      locations: undefined,
      path: undefined,
    });
    const plain = formatGraphQLError({ message: 'TypeError: boom' }, wrap(new TypeError('boom')));
    expect(plain.message).toBe('internal error');
  });

  it('gives an article that took too long to read EXTRACTION_TIMEOUT, on its text field', () => {
    const timeout = new DomainError(
      ErrorCode.EXTRACTION_TIMEOUT,
      'text: reading this article took longer than 10000 ms',
      'text',
    );
    const out = formatGraphQLError({ message: 'x' }, wrap(timeout));
    expect(out.extensions).toEqual({ code: 'EXTRACTION_TIMEOUT', field: 'text' });
    expect(out.message).toBe('text: reading this article took longer than 10000 ms');
  });

  it('reports an unreachable database as SERVICE_UNAVAILABLE', () => {
    const down = new Neo4jError('connection refused', 'ServiceUnavailable', 'x', 'y');
    expect(formatGraphQLError({ message: 'x' }, wrap(down)).extensions?.code).toBe('SERVICE_UNAVAILABLE');
  });

  it('passes on the codes graphql itself assigns', () => {
    const out = formatGraphQLError(
      { message: 'Cannot query field "nope"', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
      new GraphQLError('v'),
    );
    expect(out.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(new DomainError(ErrorCode.CONFLICT, 'c').code).toBe('CONFLICT');
  });
});
