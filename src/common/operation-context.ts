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
  /** The client's causal chain, for a request that carried or may return one (see withBookmarks). */
  bookmarks?: BookmarkChain;
}

/**
 * Neo4j bookmarks a client hands from replica to replica so that a read on
 * one sees a write made through another: `sent` are the ones the request
 * carried (its transactions wait until the database has them), `latest` the
 * newest this request's transactions ended with (what the answer returns).
 */
interface BookmarkChain {
  sent: string[];
  latest: string[];
  /** Whether `latest` came from a write (a read never replaces a write's). */
  wrote: boolean;
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

/**
 * Starts the causal chain of this scope (an HTTP request) with the bookmarks
 * the client sent. Transactions opened within it wait for them and report
 * theirs through noteBookmarks; the function returned says what the answer
 * hands back: the newest bookmarks, or the ones sent when nothing ran.
 */
export function withBookmarks(sent: string[]): () => string[] {
  const chain: BookmarkChain = { sent, latest: [], wrote: false };
  const current = scope.getStore();
  if (current) current.bookmarks = chain;
  return () => (chain.latest.length > 0 ? chain.latest : chain.sent);
}

/** The bookmarks the client sent with the request this code runs for (none outside one). */
export function bookmarksSent(): string[] {
  return scope.getStore()?.bookmarks?.sent ?? [];
}

/**
 * Records the bookmarks a transaction of this request ended with: what the
 * answer returns. A write's stand; a read's only until a write's arrive.
 */
export function noteBookmarks(bookmarks: string[], write: boolean): void {
  const chain = scope.getStore()?.bookmarks;
  if (!chain || bookmarks.length === 0 || (chain.wrote && !write)) return;
  chain.latest = bookmarks;
  chain.wrote ||= write;
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
