import { fragmentReason } from './fragments.js';

describe('a proposal name that reads as a fragment of a sentence', () => {
  it('is told by how it starts and ends, and a name is not', () => {
    expect(fragmentReason('Normalize relations between the two countries')).toBe('starts with a verb');
    expect(fragmentReason('For the reform of the Security Council')).toBe('starts with a function word');
    expect(fragmentReason('Pandemic agreement on tackling')).toBe('ends open');
    expect(fragmentReason('Agreement requiring Hamas')).toBe('ends open');
    expect(fragmentReason('Arab relations with Israel in exchange')).toBe('ends open');
    expect(fragmentReason('Northern neighbour.The September 19 agreement')).toBe('runs over a sentence');
    expect(fragmentReason('Peace')).toBe('one common word');
    for (const name of [
      'Black Sea Grain Initiative',
      'AUKUS',
      'Brexit',
      'Existing truce',
      'Normalization of relations between the two countries',
      'Pandemic agreement on tackling future health crises',
      'Binding agreement on the dam',
      'Meeting between the two leaders',
    ])
      expect(fragmentReason(name)).toBeNull();
  });
});
