import { TokenTrie, caseOk, caseRuleOf, phraseKeys, stem, tokenize } from './tokens.js';

describe('tokens', () => {
  it('tokenizes abbreviations, possessives and hyphenated names', () => {
    const toks = tokenize("The U.S. envoy met Seoul's Noh Kyu-duk.");
    expect(toks.map((t) => t.text)).toEqual(['The', 'U.S.', 'envoy', 'met', 'Seoul', 'Noh', 'Kyu', 'duk']);
    expect(toks[1].key).toBe('us');
    expect(toks[1].upper).toBe(true);
    expect(toks[4].poss).toBe(true);
    expect(toks[7].hyphenPrev).toBe(true);
    expect(toks[6].hyphenPrev).toBe(false);
  });

  it('keeps a name with an apostrophe before a capital whole, and a possessive apart', () => {
    const toks = tokenize("Robert O'Brien met N'Djamena's envoy.");
    expect(toks.map((t) => t.text)).toEqual(['Robert', "O'Brien", 'met', "N'Djamena", 'envoy']);
    expect(toks[3].poss).toBe(true);
  });

  it('stems proposal wording to shared roots', () => {
    expect(stem('normalization')).toBe(stem('normalizing'));
    expect(stem('normalisation')).toBe(stem('normalize'));
    expect(stem('talks')).toBe('talk');
    expect(stem('declaration')).toBe(stem('declare'));
    expect(stem('ties')).toBe(stem('tie'));
  });

  it('matches phrases longest first with case rules', () => {
    const trie = new TokenTrie<string>();
    for (const p of ['North Korea', 'North', 'US']) trie.add(phraseKeys(p).keys, p);
    const toks = tokenize('North Korea and us and US');
    const hits = trie.matchAt((i) => toks[i]?.key ?? null, 0, toks.length);
    expect(hits[0][1]).toEqual(['North Korea']);
    const rule = caseRuleOf(['US']);
    expect(caseOk(rule, toks, 3)).toBe(false);
    expect(caseOk(rule, toks, 5)).toBe(true);
  });
});
