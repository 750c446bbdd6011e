import { DocumentNode, FragmentDefinitionNode, Kind, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import { requiredRole } from './policy.js';
import { strongest, type Role } from './roles.js';

/**
 * The role an operation needs: the strongest its root fields need, fragments
 * at the root included (`mutation { ...F }` cannot hide an admin field).
 * Null when every root field is open.
 */
export function operationRole(operation: OperationDefinitionNode, document: DocumentNode, openReads: boolean): Role | null {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const roles: Role[] = [];
  let sawField = false;
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        sawField = true;
        const role = requiredRole(operation.operation, sel.name.value, openReads);
        if (role) roles.push(role);
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
  // A mutation always needs an editor, even one that selects only __typename.
  if (operation.operation === 'mutation' && (roles.length === 0 || !sawField)) roles.push('editor');
  return strongest(roles);
}
