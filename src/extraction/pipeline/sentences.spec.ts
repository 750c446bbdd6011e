import { sentenceAt, splitSentences } from './sentences.js';

describe('splitSentences', () => {
  it('does not split after abbreviations and initials', () => {
    const text = 'The U.S. envoy arrived on Oct. 19 with Mr. Lee and John F. Kennedy Jr. in tow. Talks began.';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      'The U.S. envoy arrived on Oct. 19 with Mr. Lee and John F. Kennedy Jr. in tow.',
      'Talks began.',
    ]);
  });

  it('splits after an abbreviation when a sentence opener follows', () => {
    const s = splitSentences('Ties with the U.S. The minister then left.');
    expect(s.map((x) => x.text)).toEqual(['Ties with the U.S.', 'The minister then left.']);
  });

  it('keeps closing quotes with their sentence and does not split inside ", the official said"', () => {
    const text = '"We will not accept it," the official said. "Never." She left.';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      '"We will not accept it," the official said.',
      '"Never."',
      'She left.',
    ]);
  });

  it('reports offsets and paragraphs', () => {
    const text = 'One. Two\n\nThree.';
    const s = splitSentences(text);
    expect(s.map((x) => [x.text, x.paragraph])).toEqual([
      ['One.', 0],
      ['Two', 0],
      ['Three.', 1],
    ]);
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text);
    expect(sentenceAt(s, text.indexOf('Three'))).toBe(2);
    expect(sentenceAt(s, 4)).toBe(-1);
  });
});
