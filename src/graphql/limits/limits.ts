import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import {
  buildSchema,
  DocumentNode,
  GraphQLError,
  TypeInfo,
  ValidationContext,
  ValidationRule,
  visit,
  visitInParallel,
} from 'graphql';
import type { GraphqlConfig } from '../../common/config/config.js';
import { DomainError, ErrorCode } from '../../common/errors/error-code.js';

/**
 * Limits on what one GraphQL operation may ask, from graphql-armor's rules
 * (depth 7, cost 20,000, aliases 15, directives 50, tokens 1,000 by default;
 * STANCE_GQL_MAX_*). Past any of them the operation is refused before it
 * runs, with extensions.code QUERY_TOO_COMPLEX.
 */
export type Limits = Pick<GraphqlConfig, 'maxDepth' | 'maxCost' | 'maxAliases' | 'maxTokens' | 'maxDirectives'>;

export function tooComplex(message: string): GraphQLError {
  const text = `query too complex: ${message.startsWith('Syntax Error: ') ? message.slice('Syntax Error: '.length) : message}`;
  return new GraphQLError(text, {
    originalError: new DomainError(ErrorCode.QUERY_TOO_COMPLEX, text),
    extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, http: { status: 400, headers: new Map() } },
  });
}

/** Validation rules for Apollo: each reports (never throws) so the answer is a coded error. */
export function limitRules(limits: Limits): ValidationRule[] {
  const report = (context: ValidationContext | null, error: GraphQLError) =>
    context?.reportError(tooComplex(error.message));
  const common = { onReject: [report], propagateOnRejection: false };
  return [
    maxDepthRule({ n: limits.maxDepth, ...common }),
    costLimitRule({ maxCost: limits.maxCost, ...common }),
    maxAliasesRule({ n: limits.maxAliases, ...common }),
    maxDirectivesRule({ n: limits.maxDirectives, ...common }),
  ] as unknown as ValidationRule[];
}

/**
 * Counts the tokens of a document while parsing it, and stops at the limit:
 * a huge document costs no more than a limit-sized one. Syntax errors are
 * left to the real parser, which reports them as GRAPHQL_PARSE_FAILED.
 */
export function tokenLimitError(source: string, maxTokens: number): GraphQLError | null {
  let rejected: GraphQLError | null = null;
  try {
    new MaxTokensParserWLexer(source, {
      n: maxTokens,
      onReject: [(_ctx: unknown, error: GraphQLError) => (rejected = error)],
      propagateOnRejection: true,
    } as never).parseDocument();
  } catch {
    // a syntax error, or the limit (then `rejected` is set)
  }
  return rejected ? tooComplex((rejected as GraphQLError).message) : null;
}

// The limit rules read only the document (fragments), never the schema; for
// checks outside Apollo (subscriptions over WebSocket) any schema serves.
const BARE_SCHEMA = buildSchema('type Query { _: Boolean }');

/** The limit rules over a parsed document outside Apollo's pipeline. */
export function documentLimitErrors(document: DocumentNode, limits: Limits): GraphQLError[] {
  const errors: GraphQLError[] = [];
  const typeInfo = new TypeInfo(BARE_SCHEMA);
  const context = new ValidationContext(BARE_SCHEMA, document, typeInfo, (error) => errors.push(error));
  visit(document, visitInParallel(limitRules(limits).map((rule) => rule(context))));
  return errors;
}
