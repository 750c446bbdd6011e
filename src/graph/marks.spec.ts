import { markedWords, readMark, storedMarksWithin, type StoredMark } from './marks.js';

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

  it('gives each quote the marks inside it, in their own order, as a scan of every mark per quote would', () => {
    const marks: StoredMark[] = [
      { kind: 'cue', charStart: 40, charEnd: 46 },
      { kind: 'holder', charStart: 0, charEnd: 6 },
      { kind: 'proposal', charStart: 50, charEnd: 60 },
      { kind: 'date', charStart: 8, charEnd: 12 },
      { kind: 'speaker', charStart: 28, charEnd: 35 },
    ];
    const quotes = [
      { charStart: 0, charEnd: 30 },
      { charStart: 30, charEnd: 60 },
      { charStart: 61, charEnd: 90 },
    ];
    expect(storedMarksWithin(marks, quotes)).toEqual([
      ['holder:0:6', 'date:8:12'],
      ['cue:40:46', 'proposal:50:60'],
      [],
    ]);
    // the same answer as the plain scan, on many random marks and quotes
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const many = Array.from({ length: 400 }, (_, i) => {
      const start = next(2000);
      return { kind: `k${i}`, charStart: start, charEnd: start + 1 + next(30) };
    });
    const spans = Array.from({ length: 60 }, () => {
      const start = next(2000);
      return { charStart: start, charEnd: start + next(200) };
    });
    const scan = spans.map((e) =>
      many
        .filter((m) => m.charStart >= e.charStart && m.charEnd <= e.charEnd)
        .map((m) => `${m.kind}:${m.charStart}:${m.charEnd}`),
    );
    expect(storedMarksWithin(many, spans)).toEqual(scan);
    expect(scan.flat().length).toBeGreaterThan(50);
  });
});
