import {
  FieldNode,
  getArgumentValues,
  getNamedType,
  GraphQLField,
  GraphQLResolveInfo,
  isInterfaceType,
  isObjectType,
  Kind,
  SelectionSetNode,
} from 'graphql';
import { pageArgs, type PageArgs } from '../common/pagination/connection.js';

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

/**
 * The arguments of the field at the end of the path (variables substituted),
 * once for every place the query names it; empty when it is not asked for.
 * A read-ahead answers a field only when each of them is an answer it reads.
 */
export function selectedArguments(info: GraphQLResolveInfo, ...path: string[]): Array<Record<string, unknown>> {
  const nodes = selected(info, path);
  let field: GraphQLField<unknown, unknown> | undefined;
  let type = getNamedType(info.returnType);
  for (const name of path) {
    field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
    if (!field) return [];
    type = getNamedType(field.type);
  }
  return field ? nodes.map((node) => getArgumentValues(field, node, info.variableValues)) : [];
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

/**
 * The page of a connection field a read-ahead can answer: the one asked for
 * when every place the query names the field asks for the same page of the
 * whole list (first and after only, no filter). Null otherwise, or when the
 * page asked for is not valid (the field itself then says why).
 */
export function readAheadPage(info: GraphQLResolveInfo, ...path: string[]): PageArgs | null {
  const asked = selectedArguments(info, ...path);
  if (asked.length === 0) return null;
  const pages = new Set<string>();
  let page: PageArgs | null = null;
  for (const args of asked) {
    if (Object.entries(args).some(([name, value]) => name !== 'first' && name !== 'after' && value != null))
      return null;
    try {
      page = pageArgs(args.first as number | undefined, args.after as string | undefined);
    } catch {
      return null;
    }
    pages.add(JSON.stringify(page));
  }
  return pages.size === 1 ? page : null;
}
