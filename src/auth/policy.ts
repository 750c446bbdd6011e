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
  'ingestArticles',
  'confirmStance',
  'rejectStance',
  'amendStance',
  'decideStances',
  'undoDecisionBatch',
  'decideCue',
]);

export type OperationKind = 'query' | 'mutation' | 'subscription';

/** The role a root field needs, or null when it is open to anyone. */
export function requiredRole(kind: OperationKind, field: string, openReads: boolean): Role | null {
  if (kind === 'mutation') return ADMIN_MUTATIONS.has(field) ? 'admin' : 'editor';
  // Who am I: open, so that a page can say what the token it holds may do before it tries.
  if (field === '__typename' || (kind === 'query' && field === 'viewer')) return null;
  return openReads ? null : 'reader';
}

/**
 * The one spelling of a request path that access decisions are made on.
 * Express matches routes ignoring case and a trailing slash, and a client may
 * encode letters or add dot segments; every such spelling of a route maps
 * here to the same canonical path: percent-decoded (twice at most, so a
 * doubly encoded dot is still a dot), backslashes as slashes, empty and `.`
 * segments dropped, `..` resolved, lower case, no trailing slash.
 */
export function canonicalPath(path: string): string {
  let decoded = path;
  for (let i = 0; i < 2 && decoded.includes('%'); i++) {
    try {
      decoded = decodeURIComponent(decoded);
    } catch {
      break;
    }
  }
  const segments: string[] = [];
  for (const segment of decoded.replace(/\\/g, '/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment.toLowerCase());
  }
  return '/' + segments.join('/');
}

/** HTTP routes outside /graphql: what each needs (null: open; 'off': not served). `path` is canonical (canonicalPath). */
export function httpRequirement(
  path: string,
  openReads: boolean,
  metrics: 'open' | 'reader' | 'off',
): Role | null | 'off' {
  if (path === '/metrics') return metrics === 'open' ? null : metrics === 'off' ? 'off' : 'reader';
  if (path === '/export' || path.startsWith('/export/')) return openReads ? null : 'reader';
  return null;
}
