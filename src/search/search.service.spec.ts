import { toLuceneQuery } from './search.service.js';

describe('toLuceneQuery', () => {
  it('keeps words only, so query syntax in user text is never syntax', () => {
    expect(toLuceneQuery('Pyong')).toBe('pyong*');
    expect(toLuceneQuery('Moon Jae-in')).toBe('moon AND jae AND in*');
    expect(toLuceneQuery('name:* OR (a && b)~2 "x"')).toBe('name AND or AND a AND b AND 2 AND x*');
    expect(toLuceneQuery('\\/^!{}[]')).toBe('');
  });

  it('keeps letters of every script', () => {
    expect(toLuceneQuery('문재인 Ελλάδα')).toBe('문재인 AND ελλάδα*');
  });
});
