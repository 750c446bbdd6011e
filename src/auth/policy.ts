import type { Role } from './roles.js';

/**
 * Which role each GraphQL operation needs. Every mutation needs at least an
 * editor (a mutation nobody listed is never open); the ones that destroy or
 * rewrite what others recorded need an admin. Queries and subscriptions need
 * a reader unless reads are open (STANCE_OPEN_READS).
 */
export const ADMIN_MUTATIONS: ReadonlySet<string> = new Set([
  // Rewrites two actors into one: every stance, alias and edge moves.
  'mergeActors',
  // Rewrites two proposals into one: every stance, alias and edge moves.
  'mergeProposals',
  // Withdraws a stance recorded by someone else.
  'retractStance',
]);

/** Mutations an editor may run (listed for the README and tests; unlisted ones need an editor too). */
export const EDITOR_MUTATIONS: ReadonlySet<string> = new Set([
  'upsertActor',
  'upsertProposal',
  'recordStance',
  'ingestArticle',
  'confirmStance',
  'rejectStance',
]);

export type OperationKind = 'query' | 'mutation' | 'subscription';

/** The role a root field needs, or null when it is open to anyone. */
export function requiredRole(kind: OperationKind, field: string, openReads: boolean): Role | null {
  if (kind === 'mutation') return ADMIN_MUTATIONS.has(field) ? 'admin' : 'editor';
  if (field === '__typename') return null;
  return openReads ? null : 'reader';
}

/** HTTP routes outside /graphql: what each needs (null: open; 'off': not served). */
export function httpRequirement(path: string, openReads: boolean, metrics: 'open' | 'reader' | 'off'): Role | null | 'off' {
  if (path === '/metrics') return metrics === 'open' ? null : metrics === 'off' ? 'off' : 'reader';
  if (path === '/export' || path.startsWith('/export/')) return openReads ? null : 'reader';
  return null;
}
