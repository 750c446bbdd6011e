import { ErrorCode } from './errors/error-code.js';
import { nameKey, optionalIsoDate, requireId, requireText, textList } from './validation.js';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string; field?: string }).code + ':' + (error as { field?: string }).field;
  }
  return 'no error';
};

describe('validation', () => {
  it('accepts ISO dates at day and month precision and refuses the rest', () => {
    expect(optionalIsoDate('statedOn', '2021-10-19')).toBe('2021-10-19');
    expect(optionalIsoDate('statedOn', '2021-10')).toBe('2021-10');
    expect(optionalIsoDate('statedOn', null)).toBeNull();
    for (const bad of ['2021-02-30', '2021-13', '19-10-2021', 'yesterday', '2021-10-19T00:00:00Z', '']) {
      expect(codeOf(() => optionalIsoDate('statedOn', bad))).toBe(`${ErrorCode.BAD_USER_INPUT}:statedOn`);
    }
  });

  it('refuses empty, oversized and control-character text, naming the field', () => {
    expect(requireText('name', '  Japan ', 10)).toBe('Japan');
    expect(codeOf(() => requireText('name', '   ', 10))).toBe('BAD_USER_INPUT:name');
    expect(codeOf(() => requireText('name', 'x'.repeat(11), 10))).toBe('BAD_USER_INPUT:name');
    expect(codeOf(() => requireText('name', 'a\u0000b', 10))).toBe('BAD_USER_INPUT:name');
  });

  it('accepts slugs as ids only', () => {
    expect(requireId('id', 'south-korea')).toBe('south-korea');
    expect(codeOf(() => requireId('id', 'South Korea'))).toBe('BAD_USER_INPUT:id');
    expect(codeOf(() => requireId('id', "x' OR 1=1"))).toBe('BAD_USER_INPUT:id');
  });

  it('deduplicates aliases and names the entry at fault', () => {
    expect(textList('aliases', ['Tokyo', 'Tokyo', ' Japanese government '], 5, 50)).toEqual([
      'Tokyo',
      'Japanese government',
    ]);
    expect(codeOf(() => textList('aliases', ['ok', ''], 5, 50))).toBe('BAD_USER_INPUT:aliases[1]');
  });

  it('matches spelling variants of one name by key', () => {
    expect(nameKey('Moon Jae In')).toBe(nameKey('Moon Jae-in'));
    expect(nameKey('Noh Kyu Duk')).toBe(nameKey('Noh Kyu-duk'));
    expect(nameKey('the United States')).toBe(nameKey('United States'));
    expect(nameKey('Japan')).not.toBe(nameKey('China'));
  });
});
