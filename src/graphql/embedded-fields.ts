import { GraphQLFieldResolver, GraphQLSchema, isObjectType } from 'graphql';
import { READ_AHEAD_STANCES } from '../graph/actor.row.js';

type Row = Record<string | symbol, unknown>;

/**
 * Fields whose value a parent row often carries already: a statement that
 * reads stances reads their holder, speaker and proposal with them, and a
 * read-ahead (lookahead.ts) their evidence and its articles, and an actor's
 * page of stances. For each, what the row carries, or undefined when it does
 * not carry it.
 */
const CARRIED: Record<string, Record<string, (parent: Row) => unknown>> = {
  Stance: {
    actor: (s) => s.actor ?? undefined,
    proposal: (s) => s.proposal ?? undefined,
    speaker: (s) => (s.speakerId == null ? null : (s.speaker ?? undefined)),
    evidence: (s) => (Array.isArray(s.evidence) ? s.evidence : undefined),
    sourceCount: (s) =>
      typeof s.sourceCount === 'number'
        ? s.sourceCount
        : Array.isArray(s.evidence)
          ? new Set((s.evidence as Row[]).map((e) => e.reportId)).size
          : undefined,
  },
  Evidence: {
    article: (e) => e.article ?? undefined,
  },
  Actor: {
    // The page the actor query read ahead, when every stances field under it asks for that page.
    stances: (a) => a[READ_AHEAD_STANCES] ?? undefined,
  },
};

/**
 * Lets those fields answer from the row, synchronously, before their
 * resolver (which stays the way to fetch them when the row does not carry
 * them). A resolver written with Nest's parameter decorators costs several
 * promises a call; a proposal's current stances with evidence make some
 * five hundred such calls, a fifth of the service's CPU per request before
 * this (README, Performance). Applied as the GraphQL module's transformSchema.
 */
export function answerCarriedFieldsFirst(schema: GraphQLSchema): GraphQLSchema {
  for (const [typeName, fields] of Object.entries(CARRIED)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`answerCarriedFieldsFirst: no object type ${typeName} in the schema`);
    const defs = type.getFields();
    for (const [name, carried] of Object.entries(fields)) {
      const field = defs[name];
      const resolve = field?.resolve as GraphQLFieldResolver<Row, unknown> | undefined;
      if (!resolve) throw new Error(`answerCarriedFieldsFirst: ${typeName}.${name} has no resolver`);
      field.resolve = (parent: Row, args, context, info) => {
        const value = carried(parent);
        return value !== undefined ? value : resolve(parent, args, context, info);
      };
    }
  }
  return schema;
}
