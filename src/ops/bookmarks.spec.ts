import { noteBookmarks, runAs, withBookmarks, bookmarksSent } from '../common/operation-context.js';
import { bookmarksOf } from './http.js';

describe('the Stance-Bookmark header', () => {
  it('reads none, one or several bookmarks, without repeats', () => {
    expect(bookmarksOf(undefined)).toEqual([]);
    expect(bookmarksOf('FB:kcwQabc+/=')).toEqual(['FB:kcwQabc+/=']);
    expect(bookmarksOf('FB:a, FB:b,FB:a')).toEqual(['FB:a', 'FB:b']);
    expect(bookmarksOf(['FB:a', 'FB:b'])).toEqual(['FB:a', 'FB:b']);
  });

  it('refuses what no answer returned: other characters, too long, too many', () => {
    expect(bookmarksOf('FB:a b')).toBeNull();
    expect(bookmarksOf('FB:a;DROP')).toBeNull();
    expect(bookmarksOf('x'.repeat(257))).toBeNull();
    expect(bookmarksOf(Array.from({ length: 17 }, (_, i) => `FB:${i}`).join(','))).toBeNull();
  });
});

describe('a request’s causal chain', () => {
  it('returns what was sent until a transaction ends, then a write’s bookmarks over any read’s', () => {
    runAs('test', () => {
      const returned = withBookmarks(['FB:sent']);
      expect(bookmarksSent()).toEqual(['FB:sent']);
      expect(returned()).toEqual(['FB:sent']);
      noteBookmarks(['FB:read'], false);
      expect(returned()).toEqual(['FB:read']);
      noteBookmarks(['FB:write'], true);
      noteBookmarks(['FB:later-read'], false);
      expect(returned()).toEqual(['FB:write']);
    });
  });

  it('is empty outside a request', () => {
    expect(bookmarksSent()).toEqual([]);
    noteBookmarks(['FB:x'], true);
    expect(bookmarksSent()).toEqual([]);
  });
});
