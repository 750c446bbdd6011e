import { evidenceKey } from '../common/ids.js';
import { upperBound } from './stances.service.js';

describe('stance dates and evidence keys', () => {
  it('makes a month-precision upper bound include every day of the month', () => {
    expect(upperBound('2021-10')).toBe('2021-10-31');
    expect('2021-10-19' <= upperBound('2021-10')!).toBe(true);
    expect('2021-11-01' <= upperBound('2021-10')!).toBe(false);
    expect(upperBound('2021-10-19')).toBe('2021-10-19');
    expect(upperBound(null)).toBeNull();
  });

  it('keys evidence by span, or by quote when no span is known', () => {
    expect(evidenceKey('premature', 10, 19)).toBe('10:19');
    expect(evidenceKey('premature', null, null)).toBe(evidenceKey('premature', null, null));
    expect(evidenceKey('premature', null, null)).not.toBe(evidenceKey('reject', null, null));
  });
});
