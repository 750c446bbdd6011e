import { decodeCursor, encodeCursor, toConnection } from './connection.js';

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
});
