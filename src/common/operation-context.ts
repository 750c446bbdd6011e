import { AsyncLocalStorage } from 'node:async_hooks';
import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import { Kind } from 'graphql';

/**
 * What the code running now works for: a GraphQL operation, an HTTP route, a
 * CLI command or a start-up job. Neo4jService names it in the metadata of
 * every transaction it opens, so SHOW TRANSACTIONS and query.log say who ran
 * what, without an argument threaded through every service.
 */
interface OperationScope {
  operation: string;
}

const scope = new AsyncLocalStorage<OperationScope>();

/** What a transaction opened outside any named scope says it was for. */
export const UNSCOPED_OPERATION = 'unscoped';

/** Runs work (and everything it starts, synchronously or not) as the named operation. */
export function runAs<T>(operation: string, work: () => T): T {
  return scope.run({ operation }, work);
}

/**
 * Renames the operation of the scope this code runs in: an HTTP request
 * starts as its route, and becomes its GraphQL operation once that is known.
 */
export function nameOperation(operation: string): void {
  const current = scope.getStore();
  if (current) current.operation = operation;
}

export function currentOperation(): string {
  return scope.getStore()?.operation ?? UNSCOPED_OPERATION;
}

/**
 * A GraphQL operation as transactions name it: its type and its name, or the
 * root fields it asks for when it has none ("graphql query ProposalView",
 * "graphql mutation recordStance").
 */
export function graphqlOperationName(operation: OperationDefinitionNode | null | undefined): string {
  if (!operation) return 'graphql';
  const named = operation.name?.value;
  const fields = operation.selectionSet.selections
    .flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []))
    .slice(0, 5)
    .join(',');
  return `graphql ${operation.operation} ${named ?? (fields || 'anonymous')}`;
}

/** The operation a document runs (the one named, or its only one). */
export function operationOf(document: DocumentNode, name?: string | null): OperationDefinitionNode | null {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (name) return operations.find((o) => o.name?.value === name) ?? null;
  return operations.length === 1 ? operations[0] : null;
}
