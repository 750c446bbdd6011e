import {
  type Connection,
  connectionOf,
  decodeCursor,
  encodeCursor,
  pageArgs,
  pageOfList,
  toConnection,
} from './connection.js';

/** A connection's fields as GraphQL reads them (edges and pageInfo are getters). */
const answered = <T>(c: Connection<T>) => ({
  edges: c.edges,
  nodes: c.nodes,
  pageInfo: c.pageInfo,
  totalCount: c.totalCount,
});

describe('toConnection', () => {
  const rows = ['a', 'b', 'c'].map((id) => ({ id }));
  const keyOf = (row: { id: string }) => row.id;

  it('fills the whole PageInfo of a first page: nothing before it, more after it', () => {
    const page = toConnection(rows, { first: 2, after: null }, 7, keyOf);
    expect(page.nodes).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(page.edges.map((e) => decodeCursor('after', e.cursor))).toEqual(['a', 'b']);
    expect(page.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: encodeCursor('a'),
      endCursor: encodeCursor('b'),
    });
    expect(page.totalCount).toBe(7);
  });

  it('says a page asked for after a cursor has items before it, and the last page none after it', () => {
    const page = toConnection(rows.slice(2), { first: 2, after: 'b' }, 3, keyOf);
    expect(page.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: encodeCursor('c'),
      endCursor: encodeCursor('c'),
    });
  });

  it('gives an empty page no cursors', () => {
    expect(toConnection([], { first: 5, after: 'z' }, 0, keyOf).pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: null,
      endCursor: null,
    });
    expect(toConnection([], { first: 5, after: null }, 0, keyOf).pageInfo.hasPreviousPage).toBe(false);
  });

  it('refuses a cursor it did not give out', () => {
    expect(() => decodeCursor('after', 'not-a-cursor')).toThrow('after: is not a cursor this API gave out');
  });

  it('pages a list held in key order, and a page the database cut, alike', () => {
    const all = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, sortKey: id }));
    const second = pageOfList(all, pageArgs(2, encodeCursor('b')), (r) => r.sortKey);
    expect(second.nodes.map((n) => n.id)).toEqual(['c', 'd']);
    expect(second.totalCount).toBe(5);
    expect(second.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true, endCursor: encodeCursor('d') });
    const cut = connectionOf({ totalCount: 5, rows: all.slice(2, 5) }, pageArgs(2, encodeCursor('b')));
    expect(answered(cut)).toEqual(answered(second));
  });

  it('makes cursors only when a query asks for edges or pageInfo, once', () => {
    const keys: string[] = [];
    const page = toConnection(rows, { first: 2, after: null }, 3, (row) => {
      keys.push(row.id);
      return row.id;
    });
    expect(page.nodes).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(keys).toEqual([]);
    expect(page.pageInfo).toBe(page.pageInfo);
    expect(keys).toEqual(['a', 'b']);
    expect(page.edges).toBe(page.edges);
    expect(keys).toEqual(['a', 'b', 'a', 'b']);
  });

  it('takes page sizes from 1 to 100, 20 when none is given', () => {
    expect(pageArgs(undefined, null)).toEqual({ first: 20, after: null });
    expect(() => pageArgs(0, null)).toThrow('first: must be a whole number from 1 to 100');
    expect(() => pageArgs(101, null)).toThrow('first');
  });
});
