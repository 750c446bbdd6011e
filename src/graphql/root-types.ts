import { GraphQLSchema } from 'graphql';

/**
 * Descriptions of the root types, which Nest's code-first decorators cannot
 * set: applied to the served schema (AppModule's transformSchema) and to the
 * committed schema.graphql (cli/schema.ts) alike.
 */
const ROOT_DESCRIPTIONS = {
  query:
    'Questions about who stands where on which proposal, when and on what evidence. Dates are Date (YYYY-MM-DD, or YYYY-MM for a month) and instants DateTime; lists that grow are cursor connections (first, after); errors carry a stable extensions.code.',
  mutation:
    'Writes: actors, proposals, stances with their evidence, reviews of extracted stances, merges of duplicates and article ingestion. The same write twice changes nothing; a refused write changes nothing.',
  subscription:
    'Live updates over WebSocket (graphql-ws) at /graphql, each sent once the transaction that made it has committed.',
};

export function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  const subscription = schema.getSubscriptionType();
  if (query) query.description = ROOT_DESCRIPTIONS.query;
  if (mutation) mutation.description = ROOT_DESCRIPTIONS.mutation;
  if (subscription) subscription.description = ROOT_DESCRIPTIONS.subscription;
  return schema;
}
