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

  it('reads an accepted cue in the other forms of its words', () => {
    const text = 'LIMA - Peru on Monday pours cold water on the Bolivia-Chile water-sharing treaty, officials said.';
    const read = extractArticle(
      { text, publishedOn: '2024-03-05' },
      { actors: [], proposals: [], cues: [{ words: 'poured cold water on', position: 'OPPOSE' }] },
    );
    expect(read.stances.filter((s) => s.actorId === 'peru').map((s) => s.position)).toEqual(['OPPOSE']);
  });

  it('tells a cue the lexicon already reads from a new one', () => {
    expect(isKnownCue('rejected')).toBe(true);
    expect(isKnownCue('gave a cold shoulder to')).toBe(false);
  });
});
