import { parse } from 'graphql';
import {
  currentOperation,
  graphqlOperationName,
  nameOperation,
  operationOf,
  runAs,
  UNSCOPED_OPERATION,
} from './operation-context.js';

describe('operation context', () => {
  it('follows the work it wraps across awaits, and each scope keeps its own name', async () => {
    expect(currentOperation()).toBe(UNSCOPED_OPERATION);
    const seen = await Promise.all(
      ['http POST /graphql', 'cli ingest'].map((name) =>
        runAs(name, async () => {
          await new Promise((r) => setTimeout(r, 5));
          const before = currentOperation();
          if (name === 'http POST /graphql') nameOperation('graphql query Matrix');
          await Promise.resolve();
          return [before, currentOperation()];
        }),
      ),
    );
    expect(seen).toEqual([
      ['http POST /graphql', 'graphql query Matrix'],
      ['cli ingest', 'cli ingest'],
    ]);
    nameOperation('ignored outside any scope');
    expect(currentOperation()).toBe(UNSCOPED_OPERATION);
  });

  it('names a GraphQL operation by its name, else by its root fields', () => {
    const name = (source: string, operationName?: string) =>
      graphqlOperationName(operationOf(parse(source), operationName));
    expect(name('query Matrix { proposals { totalCount } }')).toBe('graphql query Matrix');
    expect(name('mutation { recordStance(input: {}) { id } retractStance(id: "x") { id } }')).toBe(
      'graphql mutation recordStance,retractStance',
    );
    expect(name('query A { actors { totalCount } } query B { proposals { totalCount } }', 'B')).toBe('graphql query B');
    expect(name('query A { a } query B { b }')).toBe('graphql');
    expect(name('subscription { stanceRecorded { id } }')).toBe('graphql subscription stanceRecorded');
  });
});
