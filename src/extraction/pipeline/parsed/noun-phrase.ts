/**
 * Proposal wordings as the parse sees them. A proposal's name is a noun
 * phrase: its head noun with the words that say which one it is (compounds,
 * adjectives, possessors, numbers, and the "of/on/for/to/between/with"
 * phrases after it), never a clause, a verb phrase or a pronoun. What the
 * pattern steps took for a proposal is reshaped here: kept under its noun
 * phrase's name, or dropped when it is an action on something already named
 * ("prolong the pact", "extend the deal for one year") or not a proposal at
 * all ("way forward", "and six votes against").
 */
import { ANAPHOR_ANY, ANAPHOR_TYPED, NAMED_HEADS, PROPOSAL_NOUNS, PROPOSAL_VERBS } from '../lexicon.js';
import { stem } from '../tokens.js';
import type { Arc, SentenceGraph } from './graph.js';

const INSIDE = new Set([
  'compound',
  'amod',
  'nmod:poss',
  'nummod',
  'flat',
  'fixed',
  'case',
  'det',
  'cc',
  'conj',
  'nmod',
  'obl',
]);
const AFTER_HEAD = new Set(['of', 'on', 'for', 'to', 'between', 'with', 'over', 'against', 'among', 'at', 'in']);
const DETERMINERS = /^(?:a|an|the|this|that|these|those|any|its|their|his|her|our|my|your|such|some|another)$/i;

const keyOf = (word: string): string => stem(word.toLowerCase().replace(/[^a-z0-9-]/g, ''));

export function isProposalNoun(word: string): boolean {
  const k = keyOf(word);
  return PROPOSAL_NOUNS.has(k) || NAMED_HEADS.has(k);
}

export function isAnaphorNoun(word: string): boolean {
  const k = keyOf(word);
  return ANAPHOR_ANY.has(k) || ANAPHOR_TYPED.has(k);
}

/** The tokens of the noun phrase headed by `head`: its modifiers, without clauses, appositions or lists after it. */
export function nounPhraseTokens(g: SentenceGraph, head: number): number[] {
  const out = new Set<number>([head]);
  const walk = (t: number, depth: number): void => {
    for (const a of g.children(t)) {
      if (g.head[a.token] !== t) continue;
      if (!keep(g, t, a, depth)) continue;
      out.add(a.token);
      walk(a.token, depth + 1);
    }
  };
  walk(head, 0);
  // a noun phrase is contiguous: keep the run of tokens around the head
  const sorted = [...out].sort((x, y) => x - y);
  let lo = sorted.indexOf(head);
  let hi = lo;
  while (lo > 0 && sorted[lo - 1] === sorted[lo] - 1) lo--;
  while (hi < sorted.length - 1 && sorted[hi + 1] === sorted[hi] + 1) hi++;
  return sorted.slice(lo, hi + 1);
}

function keep(g: SentenceGraph, parent: number, a: Arc, depth: number): boolean {
  const t = g.tokens[a.token];
  // the hyphen of "12-point" or "war-end": part of the word it joins
  if (a.base === 'punct') return /^[-\u2010-\u2013]$/.test(t.text) && depth > 0;
  // one hyphened word whatever the parser calls its parts: "Japan-North Korea summit" (dep), "water-sharing treaty" (obl)
  if (depth > 0 && a.token < parent && /^[-\u2010-\u2013]$/.test(g.tokens[a.token + 1]?.text ?? '')) return true;
  if (a.base === 'dep') return false;
  if (!INSIDE.has(a.base)) return false;
  if (a.base === 'det') return false;
  if (a.base === 'nmod:poss' && t.pos === 'PRP$') return false;
  // "of" before the phrase belongs to what governs it; "'s" and the prepositions inside it are its own
  if (a.base === 'case') return depth > 0 || t.pos === 'POS';
  if (a.base === 'conj' || a.base === 'cc') return depth > 0;
  // "bid on Tuesday": a date says when, not which
  if (t.ner === 'DATE' || t.ner === 'TIME' || t.ner === 'DURATION') return false;
  if (a.base === 'nmod' || a.base === 'obl') {
    // "talks between the two Koreas", "a treaty on arms control": one level after the head
    return depth <= 1 && AFTER_HEAD.has(a.sub) && a.token > parent;
  }
  return true;
}

/** The name a run of tokens makes: its text without leading determiners, capitalised. */
export function phraseName(
  g: SentenceGraph,
  text: string,
  tokens: number[],
): { name: string; start: number; end: number } | null {
  let from = 0;
  let to = tokens.length;
  // no determiner or stray hyphen first ("-drafted resolution"), no preposition or conjunction last ("agreement over")
  while (from < to && (DETERMINERS.test(g.tokens[tokens[from]].text) || !/\w/.test(g.tokens[tokens[from]].text)))
    from++;
  while (
    to > from &&
    (/^(?:IN|CC|TO|HYPH|POS|DT)$/.test(g.tokens[tokens[to - 1]].pos) || !/\w/.test(g.tokens[tokens[to - 1]].text))
  )
    to--;
  const kept = tokens.slice(from, to);
  if (!kept.length) return null;
  const start = g.tokens[kept[0]].start;
  const end = g.tokens[kept[kept.length - 1]].end;
  const raw = text.slice(start, end).replace(/\s+/g, ' ').trim();
  if (!raw) return null;
  return { name: raw.charAt(0).toUpperCase() + raw.slice(1), start, end };
}

export type Reshaped = { keep: true; name: string; start: number; end: number } | { keep: false; why: string };

/**
 * What a proposal wording the pattern steps found in [start, end) is, read
 * off the parse: a noun phrase headed by a proposal noun (kept, named by its
 * noun phrase), a proposal verb with its object ("hold talks on trade":
 * named by the object's noun phrase when that is a proposal noun), an action
 * on a proposal named elsewhere ("prolong the pact": dropped, the pact is a
 * reference), or neither (dropped). Null when the parse does not cover it.
 */
export function reshapeWording(
  g: SentenceGraph,
  text: string,
  start: number,
  end: number,
  pattern = '',
): Reshaped | null {
  const shaped = reshape(g, text, start, end);
  // What a proposing word introduces ("proposed that officials hold talks") is a proposal even when
  // its noun phrase is bare: the pattern's own wording stays.
  if (shaped && !shaped.keep && shaped.why === 'refers back' && PROPOSING.has(pattern)) return null;
  return shaped;
}

/** The patterns of an act of proposing (proposals.json triggers). */
const PROPOSING = new Set(['noun-proposal', 'verb-propose', 'verb-call-for']);

function reshape(g: SentenceGraph, text: string, start: number, end: number): Reshaped | null {
  const head = g.headOf(start, end);
  if (head < 0) return null;
  const tok = g.tokens[head];
  if (/^NN/.test(tok.pos)) {
    if (!isProposalNoun(tok.text) && !isProposalNoun(tok.lemma)) return { keep: false, why: 'not a proposal noun' };
    const phrase = nounPhraseTokens(g, head);
    // "the bill", "these applications", "its bid": a reference to a proposal named elsewhere, not a name
    if (phrase.filter((t) => !DETERMINERS.test(g.tokens[t].text)).length === 1 && isAnaphorNoun(tok.text)) {
      return { keep: false, why: 'refers back' };
    }
    const named = phraseName(g, text, phrase);
    return named ? { keep: true, ...named } : null;
  }
  if (/^VB/.test(tok.pos)) {
    // "the proposed deal did not meet Israel's demands": a verb with its own subject is a clause, not a proposal
    const inside = (t: number): boolean => g.tokens[t].start >= start && g.tokens[t].end <= end;
    if (g.children(head, 'nsubj', 'nsubj:pass').some((a) => inside(a.token))) return { keep: false, why: 'a clause' };
    const obj = g.children(head, 'obj', 'nsubj:pass')[0];
    if (obj && /^NN/.test(g.tokens[obj.token].pos) && isProposalNoun(g.tokens[obj.token].text)) {
      const phrase = nounPhraseTokens(g, obj.token);
      const bare = phrase.filter((t) => !DETERMINERS.test(g.tokens[t].text));
      // "prolong the pact", "extend the deal": an action on a proposal named before
      if (bare.length === 1 && isAnaphorNoun(g.tokens[obj.token].text)) return { keep: false, why: 'refers back' };
      const named = phraseName(g, text, phrase);
      return named ? { keep: true, ...named } : null;
    }
    if (PROPOSAL_VERBS.has(tok.text.toLowerCase()) || PROPOSAL_VERBS.has(tok.lemma.toLowerCase())) return null;
    return { keep: false, why: 'a verb phrase' };
  }
  return { keep: false, why: `headed by ${tok.pos}` };
}

/**
 * The noun phrases of a sentence headed by a proposal noun and carrying words
 * of their own ("a Japan-North Korea summit", "the potential bilateral
 * summit"), as character spans without leading determiners: where the article
 * may name a proposal the graph already holds in new words.
 */
export function proposalNounPhrases(g: SentenceGraph, text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (let i = 0; i < g.tokens.length; i++) {
    const tok = g.tokens[i];
    if (!/^NN/.test(tok.pos) || !(isProposalNoun(tok.text) || isProposalNoun(tok.lemma))) continue;
    // the head of its phrase: "summit" in "summit talks" is a modifier of "talks"
    if (g.relation(i)?.base === 'compound') continue;
    const phrase = nounPhraseTokens(g, i);
    if (phrase.filter((t) => !DETERMINERS.test(g.tokens[t].text)).length < 2) continue;
    const named = phraseName(g, text, phrase);
    if (named) out.push({ start: named.start, end: named.end });
  }
  return out;
}
