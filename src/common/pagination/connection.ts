import { Type } from '@nestjs/common';
import { Field, Int, ObjectType, type ArgsOptions } from '@nestjs/graphql';
import { badInput } from '../errors/error-code.js';
import { pageSize } from '../validation.js';

@ObjectType({
  description:
    'Where a page sits in a list (Relay cursor connections). Paging is forward only: pass endCursor as `after` while hasNextPage is true; to go back, start again without `after`.',
})
export class PageInfo {
  @Field({ description: 'True when more items follow this page: fetch them with `after` set to endCursor.' })
  hasNextPage: boolean;

  @Field({
    description:
      'True when this page was asked for with an `after` cursor, so items come before it. Paging is forward only: there is no `before` or `last`.',
  })
  hasPreviousPage: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the first item on this page; null when the page is empty.',
  })
  startCursor: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Cursor of the last item on this page, to pass as `after` for the next page; null when the page is empty.',
  })
  endCursor: string | null;
}

export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * A Relay-style connection type for T: edges with cursors, nodes, pageInfo,
 * totalCount. `items` names what the list holds, in the plural ("stances"),
 * for the descriptions clients read.
 */
export function ConnectionType<T>(classRef: Type<T>, name: string, items: string): Type<Connection<T>> {
  @ObjectType(`${name}Edge`, { description: `One of the ${items} on a page, with its cursor.` })
  class Edge {
    @Field({
      description: 'Opaque cursor of this item: pass it as `after` to get the items that follow it.',
    })
    cursor: string;

    @Field(() => classRef, { description: 'The item itself.' })
    node: T;
  }

  // Abstract: each connection class extends it under @ObjectType with its own description.
  @ObjectType(`${name}Connection`, { isAbstract: true })
  class ConnectionClass {
    @Field(() => [Edge], { description: `The ${items} on this page, each with its cursor.` })
    edges: Edge[];

    @Field(() => [classRef], { description: `The ${items} on this page without their cursors, in the same order.` })
    nodes: T[];

    @Field(() => PageInfo, { description: 'Whether more pages follow, and the cursors to continue from.' })
    pageInfo: PageInfo;

    @Field(() => Int, { description: `How many ${items} match in all, across every page.` })
    totalCount: number;
  }
  return ConnectionClass as Type<Connection<T>>;
}

/**
 * Cursors are opaque to clients: base64url of the sort key of the last row.
 * A page is fetched with LIMIT first + 1 to learn whether another follows.
 */
export function encodeCursor(key: string): string {
  return Buffer.from(`c:${key}`, 'utf8').toString('base64url');
}

export function decodeCursor(field: string, cursor: string | null | undefined): string | null {
  if (cursor === null || cursor === undefined) return null;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith('c:') || encodeCursor(text.slice(2)) !== cursor)
    throw badInput(field, 'is not a cursor this API gave out');
  return text.slice(2);
}

/**
 * A page from up to `first` + 1 rows read after the decoded cursor `after`
 * (null: from the start). Paging is forward only, so a page asked for with a
 * cursor has items before it (hasPreviousPage) and one asked for without has
 * none.
 */
export function toConnection<T>(
  rows: T[],
  page: { first: number; after: string | null },
  totalCount: number,
  keyOf: (row: T) => string,
): Connection<T> {
  return new Page(rows.slice(0, page.first), totalCount, rows.length > page.first, page.after !== null, keyOf);
}

/**
 * A connection whose cursors are made only when a query asks for them: each
 * edge's when it asks for edges, the first and last item's when it asks for
 * pageInfo (most ask for nodes alone). The lazy parts are getters of a class,
 * not of an object literal: a literal with a getter is built by the runtime's
 * slow path, a new closure and accessor on every page (bench, actor-timeline).
 */
class Page<T> implements Connection<T> {
  readonly #hasNextPage: boolean;
  readonly #hasPreviousPage: boolean;
  readonly #keyOf: (row: T) => string;
  #edges: Connection<T>['edges'] | undefined;
  #pageInfo: PageInfo | undefined;

  constructor(
    readonly nodes: T[],
    readonly totalCount: number,
    hasNextPage: boolean,
    hasPreviousPage: boolean,
    keyOf: (row: T) => string,
  ) {
    this.#hasNextPage = hasNextPage;
    this.#hasPreviousPage = hasPreviousPage;
    this.#keyOf = keyOf;
  }

  get edges(): Connection<T>['edges'] {
    return (this.#edges ??= this.nodes.map((node) => ({ cursor: encodeCursor(this.#keyOf(node)), node })));
  }

  get pageInfo(): PageInfo {
    const nodes = this.nodes;
    return (this.#pageInfo ??= {
      hasNextPage: this.#hasNextPage,
      hasPreviousPage: this.#hasPreviousPage,
      startCursor: nodes.length ? encodeCursor(this.#keyOf(nodes[0])) : null,
      endCursor: nodes.length ? encodeCursor(this.#keyOf(nodes[nodes.length - 1])) : null,
    });
  }
}

/** What a client asked of a connection: a page size (validated) and the decoded cursor. */
export interface PageArgs {
  first: number;
  after: string | null;
}

export function pageArgs(first: number | null | undefined, after: string | null | undefined): PageArgs {
  return { first: pageSize('first', first), after: decodeCursor('after', after) };
}

/** A page the database cut: how many match in all, and up to first + 1 rows after the cursor, each with its key. */
export interface KeyedPage<T> {
  totalCount: number;
  rows: Array<T & { sortKey: string }>;
}

export function connectionOf<T>(page: KeyedPage<T>, args: PageArgs): Connection<T & { sortKey: string }> {
  return toConnection(page.rows, args, page.totalCount, (row) => row.sortKey);
}

/** A page of a list held in memory, which must be in key order. */
export function pageOfList<T>(all: T[], args: PageArgs, keyOf: (row: T) => string): Connection<T> {
  const after = args.after;
  const rest = after === null ? all : all.filter((row) => keyOf(row) > after);
  return toConnection(rest.slice(0, args.first + 1), args, all.length, keyOf);
}

/** The page-size argument of every connection field: `@Args('first', FIRST_ARG)`. */
export const FIRST_ARG: ArgsOptions = {
  type: () => Int,
  nullable: true,
  description: 'Page size, 1 to 100 (default 20).',
};

/** The cursor argument of every connection field: `@Args('after', AFTER_ARG)`. */
export const AFTER_ARG: ArgsOptions = {
  type: () => String,
  nullable: true,
  description: 'The endCursor of the previous page; omit for the first page.',
};
