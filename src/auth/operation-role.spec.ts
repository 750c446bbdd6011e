import { getOperationAST, parse } from 'graphql';
import { operationRole } from './operation-role.js';

const role = (query: string, openReads = false) => {
  const document = parse(query);
  return operationRole(getOperationAST(document)!, document, openReads);
};

describe('the role an operation needs', () => {
  it('reads need a reader unless reads are open', () => {
    expect(role('{ actors { totalCount } }')).toBe('reader');
    expect(role('{ actors { totalCount } }', true)).toBeNull();
    expect(role('subscription { stanceRecorded { id } }')).toBe('reader');
    expect(role('{ __typename }')).toBeNull();
  });

  it('writes need an editor, merges and retractions an admin', () => {
    expect(role('mutation { upsertActor(input: { name: "x", kind: STATE }) { id } }', true)).toBe('editor');
    expect(role('mutation { ingestArticle(input: { text: "x" }) { duplicate } }', true)).toBe('editor');
    expect(role('mutation { someFutureMutation }', true)).toBe('editor');
    expect(role('mutation { __typename }', true)).toBe('editor');
    expect(role('mutation { mergeActors(keepId: "a", mergeId: "b") { id } }', true)).toBe('admin');
    expect(
      role(
        'mutation { a: upsertActor(input: { name: "x", kind: STATE }) { id } b: retractStance(id: "s") { id } }',
        true,
      ),
    ).toBe('admin');
  });

  it('sees through fragments at the root', () => {
    expect(
      role(
        'mutation { ...F } fragment F on Mutation { ... on Mutation { mergeActors(keepId: "a", mergeId: "b") { id } } }',
        true,
      ),
    ).toBe('admin');
    expect(role('mutation { ...F } fragment F on Mutation { ...F }', true)).toBe('editor');
  });
});
