import { execute, GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/** Documents whose compiled operations are kept (an operation of a few dozen fields compiles to about 15 KB; the largest the limits allow, some ten times that). */
export const MAX_DOCUMENTS = 200;

/** What Apollo Server hands an executor (its gateway interface), as far as this module reads it. */
export interface ExecutorRequest {
  document: DocumentNode;
  operationName?: string | null;
  request: { operationName?: string | null; variables?: Record<string, unknown> | null };
  context: unknown;
}

/** The part of Apollo Server's gateway interface an executor is served through. */
export interface ExecutorGateway {
  load(options: unknown): Promise<{ executor: (request: ExecutorRequest) => Promise<ExecutionResult> }>;
  onSchemaLoadOrUpdate(callback: (schema: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }) => void): () => void;
  stop(): Promise<void>;
}

/**
 * Each distinct operation compiled once into a JavaScript function
 * (graphql-jit) and run as that function from then on, instead of
 * graphql-js walking the document and the schema again on every request.
 *
 * Apollo Server still parses, validates (the limits), authorises and formats
 * errors exactly as before; only execution changes hands. It is handed over
 * through Apollo's executor interface (the one its gateway uses): `gateway()`
 * serves the schema AppModule built, captured by `serve()` in transformSchema.
 *
 * Compiled operations are kept per parsed document (Apollo parses each
 * distinct query text once and hands the same document back), the most
 * recently used MAX_DOCUMENTS of them: a stream of distinct queries costs a
 * compilation each but cannot grow memory. An operation the compiler
 * refuses runs on graphql-js.
 */
export class CompiledExecution {
  private schema: GraphQLSchema | null = null;
  /** In order of use, the most recent last. */
  private readonly compiled = new Map<DocumentNode, Map<string, CompiledQuery | null>>();
  readonly stats = { compiled: 0, refused: 0, runs: 0 };

  /** `executed` hears which executor ran each operation (the service counts them for /metrics). */
  constructor(private readonly executed: (executor: 'compiled' | 'graphql-js') => void = () => undefined) {}

  /** The schema as served (AppModule's transformSchema passes it through here). */
  serve(schema: GraphQLSchema): GraphQLSchema {
    this.schema = schema;
    return schema;
  }

  /** Documents whose compiled operations are kept now (at most MAX_DOCUMENTS). */
  get documentsKept(): number {
    return this.compiled.size;
  }

  /** Apollo Server's `gateway` option: the served schema, executed by `run`. */
  gateway(): ExecutorGateway {
    return {
      load: () => Promise.resolve({ executor: (request: ExecutorRequest) => this.run(request) }),
      onSchemaLoadOrUpdate: (callback) => {
        callback({ apiSchema: this.served(), coreSupergraphSdl: '' });
        return () => undefined;
      },
      stop: () => Promise.resolve(),
    };
  }

  async run({ document, operationName, request, context }: ExecutorRequest): Promise<ExecutionResult> {
    const name = operationName ?? request.operationName ?? undefined;
    const query = this.compiledFor(document, name);
    this.stats.runs += 1;
    const variables = request.variables ?? {};
    if (query) {
      const result = await query.query(undefined, context, variables);
      // Without data nothing ran (variables that do not coerce): graphql-js says why in the standard form.
      if (result.data !== undefined) {
        this.executed('compiled');
        return result.errors ? { ...result, errors: result.errors.map(standard) } : result;
      }
    }
    this.executed('graphql-js');
    return execute({
      schema: this.served(),
      document,
      operationName: name,
      contextValue: context,
      variableValues: variables,
    });
  }

  private compiledFor(document: DocumentNode, name: string | undefined): CompiledQuery | null {
    let byName = this.compiled.get(document);
    if (byName) this.compiled.delete(document);
    else byName = new Map();
    this.compiled.set(document, byName);
    if (this.compiled.size > MAX_DOCUMENTS) this.compiled.delete(this.compiled.keys().next().value!);
    const key = name ?? '';
    let query = byName.get(key);
    if (query === undefined) {
      const made = compileQuery(this.served(), document, name, { disablingCapturingStackErrors: true });
      query = isCompiledQuery(made) ? made : null;
      this.stats[query ? 'compiled' : 'refused'] += 1;
      byName.set(key, query);
    }
    return query;
  }

  private served(): GraphQLSchema {
    if (!this.schema) throw new Error('stance: the GraphQL schema was not built before execution began');
    return this.schema;
  }
}

/**
 * A resolver's error as graphql-js would have made it: the compiler's own
 * errors leave `extensions` undefined where Apollo's formatting expects an
 * object, and would be answered as an unmasked internal error.
 */
function standard(error: GraphQLError): GraphQLError {
  if (error.extensions) return error;
  const out = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined });
  (out as { locations?: GraphQLError['locations'] }).locations = error.locations;
  return out;
}
