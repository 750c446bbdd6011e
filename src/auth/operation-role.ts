import { DocumentNode, FragmentDefinitionNode, Kind, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import { requiredRole } from './policy.js';
import { strongest, type Role } from './roles.js';

/**
 * The names of an operation's root fields, one per selection, fragments at
 * the root included (`mutation { ...F }` cannot hide a field); each fragment
 * is read once.
 */
export function rootFields(operation: OperationDefinitionNode, document: DocumentNode): string[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const names: string[] = [];
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        names.push(sel.name.value);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        walk(sel.selectionSet);
      } else if (!seen.has(sel.name.value)) {
        seen.add(sel.name.value);
        const fragment = fragments.get(sel.name.value);
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  walk(operation.selectionSet);
  return names;
}

/**
 * The role an operation needs: the strongest its root fields need.
 * Null when every root field is open.
 */
export function operationRole(
  operation: OperationDefinitionNode,
  document: DocumentNode,
  openReads: boolean,
): Role | null {
  const fields = rootFields(operation, document);
  const roles: Role[] = [];
  for (const field of fields) {
    const role = requiredRole(operation.operation, field, openReads);
    if (role) roles.push(role);
  }
  // A mutation always needs an editor, even one that selects only __typename.
  if (operation.operation === 'mutation' && (roles.length === 0 || fields.length === 0)) roles.push('editor');
  return strongest(roles);
}
