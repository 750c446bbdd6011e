import { buildSchema, execute, parse, type GraphQLSchema } from 'graphql';
import { DomainError, ErrorCode } from '../common/errors/error-code.js';
import { CompiledExecution, MAX_DOCUMENTS } from './compiled-execution.js';

describe('compiled execution', () => {
  let schema: GraphQLSchema;
  let calls: string[];

  beforeEach(() => {
    calls = [];
    schema = buildSchema(`
      type Actor { id: ID! name: String! }
      type Query { actor(id: ID!): Actor actors(first: Int!): [Actor!]! }
    `);
    const fields = schema.getQueryType()!.getFields();
    fields.actor.resolve = (_root, { id }: { id: string }) => {
      calls.push(`actor ${id}`);
      if (id === 'missing') throw new DomainError(ErrorCode.NOT_FOUND, `no actor ${id}`);
      return { id, name: `Actor ${id}` };
    };
    fields.actors.resolve = (_root, { first }: { first: number }) => {
      calls.push(`actors ${first}`);
      return Array.from({ length: first }, (_, i) => ({ id: String(i), name: `Actor ${i}` }));
    };
  });

  let executors: string[];
  const served = (): CompiledExecution => {
    executors = [];
    const compiled = new CompiledExecution((executor) => executors.push(executor));
    compiled.serve(schema);
    return compiled;
  };

  it('answers as graphql-js does, compiling each operation of a document once', async () => {
    const compiled = served();
    const document = parse('query One($id: ID!) { actor(id: $id) { id name } } query Many { actors(first: 2) { id } }');
    for (const id of ['a', 'b']) {
      const request = { document, operationName: 'One', request: { variables: { id } }, context: {} };
      const expected = await execute({ schema, document, operationName: 'One', variableValues: { id } });
      expect(await compiled.run(request)).toEqual(expected);
    }
    expect(await compiled.run({ document, operationName: 'Many', request: {}, context: {} })).toEqual({
      data: { actors: [{ id: '0' }, { id: '1' }] },
    });
    expect(compiled.stats).toEqual({ compiled: 2, refused: 0, runs: 3 });
    expect(executors).toEqual(['compiled', 'compiled', 'compiled']);
  });

  it("keeps a resolver's error for the formatter: its original error and an extensions object", async () => {
    const result = await served().run({
      document: parse('{ actor(id: "missing") { id } }'),
      request: {},
      context: {},
    });
    expect(result.data).toEqual({ actor: null });
    const [error] = result.errors!;
    expect(error.originalError).toBeInstanceOf(DomainError);
    expect((error.originalError as DomainError).code).toBe(ErrorCode.NOT_FOUND);
    expect(error.extensions).toEqual({});
    expect(error.path).toEqual(['actor']);
    expect(error.locations).toEqual([{ line: 1, column: 3 }]);
  });

  it('leaves variables that do not coerce to graphql-js, which names them and runs nothing', async () => {
    const document = parse('query($first: Int!) { actors(first: $first) { id } }');
    const result = await served().run({ document, request: { variables: { first: 'ten' } }, context: {} });
    const expected = await execute({ schema, document, variableValues: { first: 'ten' } });
    expect(result).toEqual(expected);
    expect(result.errors?.[0].message).toMatch(/\$first/);
    expect(calls).toEqual([]);
    expect(executors).toEqual(['graphql-js']);
  });

  it('keeps the compiled operations of the most recently used documents only', async () => {
    const compiled = served();
    const first = parse('{ actors(first: 1) { id } }');
    const run = (document: ReturnType<typeof parse>) => compiled.run({ document, request: {}, context: {} });
    await run(first);
    for (let i = 2; i <= MAX_DOCUMENTS; i++) await run(parse(`{ actors(first: ${i}) { id } }`));
    await run(first); // used again: now the most recent
    await run(parse('{ actors(first: 1) { name } }'));
    expect(compiled.documentsKept).toBe(MAX_DOCUMENTS);
    expect(compiled.stats.compiled).toBe(MAX_DOCUMENTS + 1);
    await run(first); // still kept
    expect(compiled.stats.compiled).toBe(MAX_DOCUMENTS + 1);
    // more new documents: each compiled, the least recently used dropped
    await run(parse('{ actors(first: 2) { id } }'));
    await run(parse(`{ actors(first: 3) { id } }`));
    expect(compiled.documentsKept).toBe(MAX_DOCUMENTS);
    expect(compiled.stats.compiled).toBe(MAX_DOCUMENTS + 3);
  });

  it('refuses to run before the schema is served', async () => {
    await expect(
      new CompiledExecution().run({ document: parse('{ actors(first: 1) { id } }'), request: {}, context: {} }),
    ).rejects.toThrow(/schema was not built/);
  });
});
