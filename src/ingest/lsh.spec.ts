import { bandKeys } from './lsh.js';

describe('LSH over MinHash signatures', () => {
  const sig = Array.from({ length: 128 }, (_, i) => (i * 2654435761) % 1000003);

  it('gives equal signatures equal band keys, one key per band', () => {
    expect(bandKeys(sig)).toHaveLength(32);
    expect(bandKeys(sig)).toEqual(bandKeys([...sig]));
    expect(new Set(bandKeys(sig)).size).toBe(32);
  });

  it('shares the bands that did not change', () => {
    const edited = [...sig];
    edited[0] = -1; // only band 0 changes
    const shared = bandKeys(sig).filter((k) => bandKeys(edited).includes(k));
    expect(shared).toHaveLength(31);
  });
});
