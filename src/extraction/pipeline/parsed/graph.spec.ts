import type { ParsedSentence } from '../parse.js';
import { SentenceGraph } from './graph.js';

// "Japan rejected the plan unless talks resume ." — a hand-written parse in
// the shape a CoreNLP answer converts to (0-based token indexes, head -1 = root).
const words = ['Japan', 'rejected', 'the', 'plan', 'unless', 'talks', 'resume', '.'];
let at = 0;
const tokens = words.map((text) => {
  const t = { text, lemma: text.toLowerCase(), pos: 'X', ner: 'O', normalized: null, start: at, end: at + text.length };
  at += text.length + 1;
  return t;
});
const sentence: ParsedSentence = {
  start: 0,
  end: at - 1,
  tokens,
  edges: [
    { rel: 'root', head: -1, dep: 1 },
    { rel: 'nsubj', head: 1, dep: 0 },
    { rel: 'obj', head: 1, dep: 3 },
    { rel: 'det', head: 3, dep: 2 },
    { rel: 'advcl:unless', head: 1, dep: 6 },
    { rel: 'mark', head: 6, dep: 4 },
    { rel: 'nsubj', head: 6, dep: 5 },
    { rel: 'punct', head: 1, dep: 7 },
  ],
};

describe('SentenceGraph', () => {
  const g = new SentenceGraph(sentence);

  it('splits relations into base and subtype', () => {
    expect(g.root).toBe(1);
    expect(g.children(1, 'advcl')).toEqual([{ rel: 'advcl:unless', base: 'advcl', sub: 'unless', token: 6 }]);
    expect(g.children(1, 'nsubj').map((a) => a.token)).toEqual([0]);
    expect(g.relation(3)).toMatchObject({ base: 'obj', token: 1 });
    expect(g.relation(1)).toBeNull();
  });

  it('walks subtrees, extents, heads of spans and ancestors', () => {
    expect(g.subtree(6)).toEqual([4, 5, 6]);
    expect(g.extent(g.subtree(3))).toEqual({ start: tokens[2].start, end: tokens[3].end });
    expect(g.headOf(tokens[2].start, tokens[3].end)).toBe(3);
    expect(g.headOf(0, sentence.end)).toBe(1);
    expect(g.ancestors(5)).toEqual([6, 1]);
    expect(g.tokenAt(tokens[3].start + 1)).toBe(3);
    expect(g.tokenAt(sentence.end + 5)).toBe(-1);
  });
});
