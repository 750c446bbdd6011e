import { extractArticle } from './extract.js';
import { isKnownCue } from './stances/cues.js';

const TEXT =
  'LIMA - Peru on Monday gave a cold shoulder to the Bolivia-Chile water-sharing treaty, Foreign Minister Elmer Schialer told reporters.';

describe('cues analysts added to the lexicon', () => {
  it('reads a stance with an accepted cue the lexicon lacked, and not without it', () => {
    const without = extractArticle({ text: TEXT, publishedOn: '2024-03-05' });
    expect(without.stances.filter((s) => s.actorId === 'peru')).toEqual([]);
    const withCue = extractArticle(
      { text: TEXT, publishedOn: '2024-03-05' },
      { actors: [], proposals: [], cues: [{ words: 'gave a cold shoulder to', position: 'OPPOSE' }] },
    );
    const peru = withCue.stances.filter((s) => s.actorId === 'peru');
    expect(peru.map((s) => [s.position, s.cue])).toEqual([['OPPOSE', 'gave a cold shoulder to']]);
  });

  it('tells a cue the lexicon already reads from a new one', () => {
    expect(isKnownCue('rejected')).toBe(true);
    expect(isKnownCue('gave a cold shoulder to')).toBe(false);
  });
});
