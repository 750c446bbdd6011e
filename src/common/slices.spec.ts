import { slices } from './slices.js';

describe('slices', () => {
  it('keeps every row once, in order, no slice over the size', () => {
    const rows = Array.from({ length: 1001 }, (_, i) => i);
    const out = slices(rows, 250);
    expect(out.map((s) => s.length)).toEqual([250, 250, 250, 250, 1]);
    expect(out.flat()).toEqual(rows);
  });

  it('gives a row set that fits as one slice, and none for no rows', () => {
    expect(slices([1, 2, 3], Infinity)).toEqual([[1, 2, 3]]);
    expect(slices([1, 2, 3], 3)).toEqual([[1, 2, 3]]);
    expect(slices([], 10)).toEqual([[]]);
  });
});
