import { FieldNode, GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';

/**
 * Whether the query asks, under the field being resolved, for the fields
 * along `path` (by field name, whatever their alias; through inline fragments
 * and named fragments). A root resolver uses it to read in one statement what
 * the fields below it would otherwise fetch one statement each, and to cache
 * it in the request's loaders (loaders.ts) for those fields to find.
 * Directives (@skip, @include) are not evaluated: reading ahead a field that
 * ends up skipped costs a little work, never a wrong answer.
 */
export function selects(info: GraphQLResolveInfo, ...path: string[]): boolean {
  return selected(info, path).length > 0;
}

/** Whether the field at the end of the path is asked for at least once without arguments (the answer a read-ahead gives). */
export function selectsWithoutArguments(info: GraphQLResolveInfo, ...path: string[]): boolean {
  return selected(info, path).some((node) => !node.arguments || node.arguments.length === 0);
}

/** The nodes of the field at the end of the path, every place the query names it. */
function selected(info: GraphQLResolveInfo, path: string[]): FieldNode[] {
  let level: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) {
    const next: FieldNode[] = [];
    for (const node of level) if (node.selectionSet) collect(node.selectionSet, name, info, next, new Set());
    if (next.length === 0) return [];
    level = next;
  }
  return [...level];
}

/** Whether any of the names is selected directly under the path. */
export function selectsAny(info: GraphQLResolveInfo, path: string[], names: string[]): boolean {
  return names.some((name) => selects(info, ...path, name));
}

function collect(
  set: SelectionSetNode,
  name: string,
  info: GraphQLResolveInfo,
  out: FieldNode[],
  seen: Set<string>,
): void {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value === name) out.push(selection);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collect(selection.selectionSet, name, info, out, seen);
    } else {
      const fragmentName = selection.name.value;
      const fragment = info.fragments[fragmentName];
      if (fragment && !seen.has(fragmentName)) {
        seen.add(fragmentName);
        collect(fragment.selectionSet, name, info, out, seen);
      }
    }
  }
}
