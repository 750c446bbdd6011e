import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { DomainError } from '../../common/errors/error-code.js';
import { documentLimitErrors, limitRules, tokenLimitError } from './limits.js';

const LIMITS = { maxDepth: 6, maxCost: 5000, maxAliases: 15, maxTokens: 1000, maxDirectives: 50 };
const schema = buildSchema('type Query { node: Node } type Node { id: ID, next: Node, list(first: Int): [Node] }');
// A field selection n levels deep: node, next, next, …, id.
const nested = (n: number) => `{ node { ${'next { '.repeat(n - 2)}id${' }'.repeat(n - 2)} } }`;
const codes = (query: string) =>
  validate(schema, parse(query), [...specifiedRules, ...limitRules(LIMITS)]).map((e) =>
    e.originalError instanceof DomainError ? e.originalError.code : 'OTHER',
  );

describe('GraphQL limits', () => {
  it('refuses a query nested 20 deep, and lets 6 through', () => {
    expect(codes(nested(20))).toContain('QUERY_TOO_COMPLEX');
    expect(codes(nested(6))).toEqual([]);
    expect(codes(nested(7))).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('refuses more than 15 aliases and costs past the limit', () => {
    expect(codes(`{ ${Array.from({ length: 16 }, (_, i) => `a${i}: node { id }`).join(' ')} }`)).toEqual([
      'QUERY_TOO_COMPLEX',
    ]);
    expect(codes('{ node { list(first: 100) { list(first: 100) { id } } } }')).toContain('QUERY_TOO_COMPLEX');
  });

  it('stops lexing at the token limit', () => {
    expect(tokenLimitError(`{ node { ${'id '.repeat(2000)} } }`, 1000)?.originalError).toBeInstanceOf(DomainError);
    expect(tokenLimitError('{ node { id } }', 1000)).toBeNull();
    expect(tokenLimitError('{ broken', 1000)).toBeNull();
  });

  it('checks documents outside Apollo (WebSocket) the same way', () => {
    expect(documentLimitErrors(parse(nested(20)), LIMITS).length).toBeGreaterThan(0);
    expect(documentLimitErrors(parse(nested(3)), LIMITS)).toEqual([]);
  });
});
