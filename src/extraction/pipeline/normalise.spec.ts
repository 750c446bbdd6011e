import { normalise, normaliseWithMap } from './normalise.js';

describe('normalise', () => {
  it('maps typographic punctuation to ASCII forms', () => {
    expect(normalise('Seoul\u2019s \u201coffer\u201d \u2014 later\u2026')).toBe('Seoul\'s "offer" -- later...');
  });

  it('treats an en dash between words as a hyphen and between spaces as a dash', () => {
    expect(normalise('Japan\u2013North Korea talks \u2013 so far')).toBe('Japan-North Korea talks -- so far');
  });

  it('collapses spaces within lines and keeps one blank line between paragraphs', () => {
    expect(normalise('  a\u00a0 b \t c  \n\n \n  \n d\ne ')).toBe('a b c\n\nd\ne');
  });

  it('drops zero-width characters and carriage returns', () => {
    expect(normalise('a\u200bb\r\nc')).toBe('ab\nc');
  });

  it('keeps a map from normalised offsets to original offsets', () => {
    const original = '  x \u201cy\u201d\n\n\nz';
    const { text, offsets } = normaliseWithMap(original);
    expect(text).toBe('x "y"\n\nz');
    expect(original[offsets[text.indexOf('y')]]).toBe('y');
    expect(original[offsets[text.indexOf('z')]]).toBe('z');
    expect(offsets.length).toBe(text.length + 1);
  });

  it('is idempotent', () => {
    const once = normalise(' A \u2018b\u2019  c \n\n\n d ');
    expect(normalise(once)).toBe(once);
  });

  it('gives the same text on the fast path as with the offset map', () => {
    const pieces = [
      'a',
      ' ',
      '  ',
      '\n',
      '\n\n',
      '\t',
      '\u2019',
      '\u201c',
      '\u2014',
      ' \u2013 ',
      '\u2013',
      '\u2026',
      '\u00a0',
      '\r\n',
      'Word',
      '\u200b',
    ];
    let seed = 7;
    for (let n = 0; n < 300; n++) {
      let s = '';
      for (let i = 0; i < 30; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        s += pieces[seed % pieces.length];
      }
      expect(normalise(s)).toBe(normaliseWithMap(s).text);
    }
  });
});
