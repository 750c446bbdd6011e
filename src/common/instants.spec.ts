import { knownAsOfBound, lastDayOf, recordedSinceBound } from './instants.js';

const code = (fn: () => unknown) => {
  try {
    fn();
    return 'no error';
  } catch (error) {
    return `${(error as { code?: string }).code}:${(error as { field?: string }).field}`;
  }
};

describe('instant bounds for recordedAt', () => {
  it('makes a day or month an inclusive end-of-period instant in UTC, and keeps a date-time as given', () => {
    expect(knownAsOfBound('knownAsOf', '2021-11-30')).toBe('2021-11-30T23:59:59.999999999Z');
    expect(knownAsOfBound('knownAsOf', '2024-02')).toBe('2024-02-29T23:59:59.999999999Z');
    expect(knownAsOfBound('knownAsOf', '2021-11-30T12:00:00.5+09:00')).toBe('2021-11-30T12:00:00.5+09:00');
    expect(knownAsOfBound('knownAsOf', null)).toBeNull();
    expect(recordedSinceBound('since', '2021-11')).toBe('2021-11-01T00:00:00Z');
    expect(lastDayOf('2023-02')).toBe('2023-02-28');
  });

  it('refuses anything else with BAD_USER_INPUT on the field', () => {
    for (const bad of ['yesterday', '2021-13-01', '2021-11-30T12:00', '2021-11-30T25:00:00Z', "x') OR 1=1"]) {
      expect(code(() => knownAsOfBound('knownAsOf', bad))).toBe('BAD_USER_INPUT:knownAsOf');
    }
  });
});
