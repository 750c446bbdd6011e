import { markedWords, readMark } from './marks.js';

describe('stored marks', () => {
  it('reads the stored form and refuses what is not of it', () => {
    expect(readMark('proposal:10:24')).toEqual({ kind: 'proposal', charStart: 10, charEnd: 24 });
    expect(readMark('holder:24:10')).toBeNull();
    expect(readMark('cue:5:5')).toBeNull();
    expect(readMark('cue:x:9')).toBeNull();
    expect(readMark(':1:2')).toBeNull();
  });

  it("cuts a kind's words from each quote by article offsets, none from a quote without offsets", () => {
    const article = 'Oslo said Sweden backs the grain deal.';
    const quote = article.slice(10);
    const at = (w: string) => `${article.indexOf(w)}:${article.indexOf(w) + w.length}`;
    const evidence = [
      { quote, charStart: 10, marks: [`holder:${at('Sweden')}`, `proposal:${at('grain deal')}`, 'proposal:9:3'] },
      { quote: 'Sweden backs it.', charStart: null, marks: ['proposal:0:6'] },
    ];
    expect(markedWords(evidence, 'proposal')).toEqual(['grain deal']);
    expect(markedWords(evidence, 'holder')).toEqual(['Sweden']);
    expect(markedWords(evidence, 'speaker')).toEqual([]);
  });
});
