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
import {
  ANAPHOR_ANY,
  ANAPHOR_TYPED,
  GENERIC_MODIFIERS,
  JOIN_VERBS,
  NAMED_HEADS,
  PROPOSAL_NOUNS,
  PROPOSAL_TYPES,
  PROPOSAL_VERBS,
  PROPOSING_PATTERNS,
} from '../lexicon.js';
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

/** Acts on a proposal named after them ("the start of talks", "the signing of the accord"): the proposal is what they act on. */
const ACTS_ON = new Set([
  'start',
  'launch',
  'opening',
  'beginning',
  'resumption',
  'conclusion',
  'signing',
  'adoption',
  'implementation',
  'ratification',
  'approval',
  'establishment',
  'creation',
  'revival',
]);

const keyOf = (word: string): string => stem(word.toLowerCase().replace(/[^a-z0-9-]/g, ''));

export function isProposalNoun(word: string): boolean {
  const k = keyOf(word);
  return PROPOSAL_NOUNS.has(k) || NAMED_HEADS.has(k);
}

/**
 * Whether token `t` of the parse heads a proposal noun phrase: a noun that is a
 * proposal noun by its word, its lemma, or the hyphened word it ends
 * ("cease-fire", which the tokenizer splits in three).
 */
export function headsProposal(g: SentenceGraph, t: number): boolean {
  const tok = g.tokens[t];
  if (!/^NN/.test(tok.pos)) return false;
  if (isProposalNoun(tok.text) || isProposalNoun(tok.lemma)) return true;
  const first = g.tokens[t - 2];
  return (
    !!first &&
    /^[-\u2010-\u2013]$/.test(g.tokens[t - 1].text) &&
    first.end === g.tokens[t - 1].start &&
    g.tokens[t - 1].end === tok.start &&
    isProposalNoun(`${first.text}-${tok.text}`)
  );
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
      // "an extension of the nuclear treaty": a determiner inside the phrase is part of it (not the head's own)
      if (!(depth > 0 && a.base === 'det') && !keep(g, head, t, a, depth)) continue;
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

/** Whether tokens i and j and all between them are written without a space: one hyphened word. */
function oneWord(g: SentenceGraph, i: number, j: number): boolean {
  const [from, to] = i < j ? [i, j] : [j, i];
  for (let k = from; k < to; k++) if (g.tokens[k].end !== g.tokens[k + 1].start) return false;
  return true;
}

function keep(g: SentenceGraph, head: number, parent: number, a: Arc, depth: number): boolean {
  const t = g.tokens[a.token];
  // the hyphen of "12-point" or "war-end": part of the word it joins
  // ("cease-fire": the hyphen before the head joins it to its first part)
  if (a.base === 'punct') return /^[-\u2010-\u2013]$/.test(t.text) && (depth > 0 || a.token === parent - 1);
  // one hyphened word whatever the parser calls its parts: "Japan-North Korea summit" (dep), "water-sharing treaty" (obl)
  if (depth > 0 && a.token < parent && /^[-\u2010-\u2013]$/.test(g.tokens[a.token + 1]?.text ?? '')) return true;
  // "end-of-war": the parts of one word written without a space, however deep the parser hangs them
  if (depth > 0 && oneWord(g, a.token, parent)) return true;
  if (a.base === 'dep') return false;
  // "an agreement on tackling future health crises": a gerund inside the phrase keeps its object
  if (a.base === 'obj' && depth > 0 && g.tokens[parent].pos === 'VBG' && a.token > parent) return true;
  if (!INSIDE.has(a.base)) return false;
  // the head's own determiner is not part of its name; one inside ("accession of the Nordic country") is
  if (a.base === 'det') return false;
  if (a.base === 'nmod:poss' && t.pos === 'PRP$') return false;
  // "of" before the phrase belongs to what governs it; "'s" and the prepositions inside it are its own
  if (a.base === 'case') return depth > 0 || t.pos === 'POS';
  if (a.base === 'conj' || a.base === 'cc') return depth > 0;
  // "bid on Tuesday", "Monday's vote": a date after the head or as its possessor says when, not which
  // ("the current agreement", "the 2018 military agreement": before it, it says which)
  // ("the September 19 agreement": the day after its month is still before the head)
  if ((t.ner === 'DATE' || t.ner === 'TIME' || t.ner === 'DURATION') && (a.token > head || a.base === 'nmod:poss'))
    return false;
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
  // no determiner or stray hyphen first ("-drafted resolution"), no preposition or conjunction last ("agreement over"),
  // no verb before a name or a determiner ("approving Sweden's membership": the act on it, not its name)
  const verbFirst = (i: number): boolean =>
    g.tokens[tokens[i]].pos === 'VBG' && i + 1 < to && /^(?:NNPS?|DT|PRP\$|CD)$/.test(g.tokens[tokens[i + 1]].pos);
  while (
    from < to &&
    (DETERMINERS.test(g.tokens[tokens[from]].text) || !/\w/.test(g.tokens[tokens[from]].text) || verbFirst(from))
  )
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

/**
 * A proposing noun followed by the act it proposes ("a proposal to extend the
 * current agreement", "Sweden's bid to join NATO"): the noun phrase, "to", the
 * verb (with its particle) and the verb's object, without what modifies the
 * act ("without any preconditions", "for one year"). The parser attaches the
 * infinitive to the noun or to the verb governing it; either way it must
 * follow the noun at once. Null when there is no such act or it has no object.
 */
function proposedAct(g: SentenceGraph, head: number, phrase: number[]): number[] | null {
  if (!ANAPHOR_ANY.has(keyOf(g.tokens[head].text))) return null;
  const last = phrase[phrase.length - 1];
  if (last !== head) return null;
  const to = head + 1;
  // "a proposal to officially declare an end to the war": adverbs between "to" and the verb
  let verb = head + 2;
  while (g.tokens[verb]?.pos === 'RB' && verb < head + 4) verb++;
  if (g.tokens[to]?.pos !== 'TO' || !/^VB$/.test(g.tokens[verb]?.pos ?? '')) return null;
  if (g.head[to] !== verb) return null;
  const obj = g.children(verb, 'obj')[0];
  if (!obj || obj.token < verb || !/^NN/.test(g.tokens[obj.token].pos)) return null;
  const objPhrase = nounPhraseTokens(g, obj.token);
  const parts = new Set([...phrase, to, verb, ...objPhrase]);
  for (let t = to + 1; t < verb; t++) parts.add(t);
  for (const a of g.children(verb, 'compound:prt')) parts.add(a.token);
  for (const a of g.children(obj.token, 'det', 'nmod:poss')) parts.add(a.token);
  let end = objPhrase[objPhrase.length - 1];
  // "a bill to allow Finland to join NATO": the object's own act, up to its object
  const then = g.children(verb, 'xcomp').find((a) => a.token === end + 2 && g.tokens[end + 1].pos === 'TO');
  const thenObj = then && g.children(then.token, 'obj')[0];
  if (then && thenObj && thenObj.token > then.token && /^NN/.test(g.tokens[thenObj.token].pos)) {
    const further = nounPhraseTokens(g, thenObj.token);
    for (const t of [end + 1, then.token, ...further]) parts.add(t);
    for (const a of g.children(thenObj.token, 'det', 'nmod:poss')) parts.add(a.token);
    end = further[further.length - 1];
  }
  return oneWording(parts, phrase[0], end);
}

/** A head that introduces what it names: "a"/"an"/"another", or no determiner or possessor at all ("talks to end the war"). */
function introduced(g: SentenceGraph, head: number): boolean {
  const dets = g.children(head, 'det', 'nmod:poss');
  return dets.length === 0 || dets.every((a) => /^(?:a|an|another)$/i.test(g.tokens[a.token].text));
}

/**
 * A proposal noun followed at once by a participle that says what it does,
 * with that participle's object: "an agreement suspending military activity",
 * "a resolution demanding a cease-fire in Gaza". The noun phrase, the
 * participle and its object's phrase, as one wording; null otherwise.
 */
function describedAct(g: SentenceGraph, head: number, phrase: number[]): number[] | null {
  if (phrase[phrase.length - 1] !== head) return null;
  // "a draft resolution that recommended ...": a relative clause says it the same way
  // ("a declaration that contained no commitments" describes one, it does not say what it asks for)
  const relative =
    g.tokens[head + 1]?.pos === 'WDT' &&
    g.tokens[head + 2]?.pos === 'VBD' &&
    ASKING.has(g.tokens[head + 2].lemma.toLowerCase());
  const verb = relative ? head + 2 : head + 1;
  if (!/^VB[GND]$/.test(g.tokens[verb]?.pos ?? '') || g.head[verb] !== head) return null;
  if (g.relation(verb)?.base !== (relative ? 'acl:relcl' : 'acl')) return null;
  // (what a relative clause recommends is its object: "recommended to the Assembly that ..." names no text)
  const obj = g
    .children(verb, ...(relative ? ['obj'] : ['obj', 'obl']))
    .find((a) => a.token > verb && /^NN/.test(g.tokens[a.token].pos));
  if (!obj) return null;
  const objPhrase = nounPhraseTokens(g, obj.token);
  const parts = new Set([...phrase, verb, ...objPhrase, ...(relative ? [head + 1] : [])]);
  for (const a of g.children(obj.token, 'case', 'det', 'nmod:poss')) parts.add(a.token);
  // up to the first gap ("military activity along its border": the possessive is not part of a name)
  let end = phrase[0];
  while (parts.has(end + 1)) end++;
  return end >= obj.token ? oneWording(parts, phrase[0], end) : null;
}

/** The tokens from..to when every one of them is among `parts`: one wording, with no gap. Else null. */
function oneWording(parts: Set<number>, from: number, to: number): number[] | null {
  const tokens: number[] = [];
  for (let t = from; t <= to; t++) {
    if (!parts.has(t)) return null;
    tokens.push(t);
  }
  return tokens;
}

/** A word that could stand before any proposal's head: a determiner or a generic modifier ("current", "new", "latest"). "Own" tells whose. */
function generic(g: SentenceGraph, t: number): boolean {
  const w = g.tokens[t].text.toLowerCase();
  // "its own draft resolution": someone's own is a proposal of its own, not a reference
  return DETERMINERS.test(w) || (GENERIC_MODIFIERS.has(w) && w !== 'own');
}

/** Nouns for a text put forward, whose "for" or "of" phrase says what it is for ("a plan for talks"). */
const DOCUMENTS = new Set(
  ['proposal', 'plan', 'initiative', 'draft', 'motion', 'blueprint', 'roadmap', 'resolution', 'bill'].map(keyOf),
);
/** Verbs by which a text says what it asks for ("a resolution demanding a ceasefire"). */
const ASKING = new Set(['call', 'demand', 'urge', 'seek', 'propose', 'request', 'envisage', 'provide', 'recommend']);

/**
 * The proposal a wording is the content or object of, named by its own noun
 * phrase: the text put forward ("proposal for [a Gaza ceasefire]", "a draft
 * resolution calling for [a ceasefire]") or the act on an agreement
 * ("an extension of [the nuclear treaty]"). Null when the wording stands alone.
 */
function containerOf(g: SentenceGraph, text: string, shaped: { start: number; end: number }): Reshaped | null {
  const head = g.headOf(shaped.start, shaped.end);
  if (head < 0) return null;
  const up = g.relation(head);
  if (!up) return null;
  let outer = -1;
  let asked = -1;
  const parent = g.head[head];
  const underNoun = parent >= 0 && /^NN/.test(g.tokens[parent].pos);
  if ((up.base === 'nmod' || up.base === 'obl') && (up.sub === 'for' || up.sub === 'of') && underNoun) {
    const p = parent;
    const k = keyOf(g.tokens[p].text);
    const kinds = PROPOSAL_TYPES.get(k) ?? [];
    if (DOCUMENTS.has(k) || (up.sub === 'of' && (kinds.includes('extension') || kinds.includes('suspension'))))
      outer = p;
  } else if (up.base === 'obj' || (up.base === 'obl' && up.sub === 'for')) {
    const verb = g.head[head];
    const via = verb >= 0 ? g.relation(verb) : null;
    const noun = via && via.base === 'acl' ? g.head[verb] : -1;
    if (noun >= 0 && ASKING.has(g.tokens[verb].lemma.toLowerCase()) && DOCUMENTS.has(keyOf(g.tokens[noun].text))) {
      outer = noun;
      asked = verb;
    }
  }
  if (outer < 0) return null;
  const phrase = nounPhraseTokens(g, outer);
  // "a United Nations resolution demanding an immediate ceasefire": what it asks for tells it from other resolutions
  const whole = asked >= 0 ? withAsked(g, phrase, asked, head) : null;
  // a bare "the resolution" (or "the proposal for an end-of-war declaration": nothing of its own beside
  // what it is for) is a reference: the content then names it better than nothing
  // (not an act on it: "an extension of the nuclear treaty" is the extension)
  const content = up.sub === 'for' ? new Set(g.subtree(head)) : new Set<number>();
  if (!whole && phrase.filter((t) => !content.has(t) && !generic(g, t)).length === 1) return null;
  const named = phraseName(g, text, whole ?? phrase);
  return named ? { keep: true, ...named } : null;
}

/** The document's phrase, the verb by which it asks and what it asks for, when they run on as one wording. */
function withAsked(g: SentenceGraph, phrase: number[], verb: number, content: number): number[] | null {
  const parts = new Set([...phrase, verb, ...nounPhraseTokens(g, content)]);
  for (const a of g.children(content, 'case', 'det', 'nmod:poss')) parts.add(a.token);
  return oneWording(parts, phrase[0], Math.max(...parts));
}

/** The "member" a form of "become" takes ("become a full member"), or -1. */
function memberOf(g: SentenceGraph, verb: number): number {
  for (const c of g.children(verb, 'xcomp', 'obj', 'attr'))
    if (g.tokens[c.token].lemma.toLowerCase() === 'member') return c.token;
  // (a copular parse makes "member" the head and "become" its cop)
  const up = g.relation(verb);
  return up?.base === 'cop' && g.tokens[up.token].lemma.toLowerCase() === 'member' ? up.token : -1;
}

export type Reshaped =
  | {
      keep: true;
      name: string;
      start: number;
      end: number;
      /** "join NATO": an act of joining, a name only as the accession of whoever would join (proposals.ts). */
      joins?: true;
    }
  /** The pattern's own wording, cut short at `end` (a coordinated act followed): named as the pattern names it. */
  | { keep: 'cut'; start: number; end: number }
  | { keep: false; why: string };

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
  // "suspending the treaty": an act on a proposal, named by the pattern steps after the act (proposals.ts, actsOnProposals)
  if (pattern === 'act-on') return null;
  // "asked to join the alliance": the pattern steps found the organisation joined (proposals.ts, joinedAfterCue)
  if (pattern === 'cue-joining') return { keep: true, name: text.slice(start, end), start, end, joins: true };
  // "wants to join NATO", "hopes to join the European Union": joining a named organisation is the joiner's
  // accession (proposals.ts names it so, or drops it), never the organisation
  const verb = g.tokenAt(start);
  // "become a member of NATO", "become a NATO member": joining, said another way
  const member = verb >= 0 && g.tokens[verb].lemma.toLowerCase() === 'become' ? memberOf(g, verb) : -1;
  if (member >= 0) {
    const named = [...g.children(member, 'nmod', 'compound')].some((c) => /^NNP/.test(g.tokens[c.token].pos));
    return named
      ? { keep: true, name: text.slice(start, end), start, end, joins: true }
      : { keep: false, why: 'a verb phrase' };
  }
  if (verb >= 0 && /^VB[P]?$/.test(g.tokens[verb].pos) && JOIN_VERBS.has(g.tokens[verb].lemma.toLowerCase())) {
    // (the object, or the proper noun right after the verb: a reporting clause after it ("..., the prime
    // minister said") can make it the subject of "said" in the parse)
    let next = verb + 1;
    while (next < g.tokens.length && g.tokens[next].start < end && g.tokens[next].pos === 'DT') next++;
    const joined =
      g.children(verb, 'obj', 'obl').some((c) => /^NNP/.test(g.tokens[c.token].pos)) ||
      (next < g.tokens.length && g.tokens[next].start < end && /^NNP/.test(g.tokens[next].pos));
    return joined
      ? { keep: true, name: text.slice(start, end), start, end, joins: true }
      : { keep: false, why: 'a verb phrase' };
  }
  const shaped = cutAtCoordinatedAct(g, text, reshapeAny(g, text, start, end, pattern), start, end);
  // a name is a noun phrase: what a verb heads ("join NATO", "halt the bombardment") is an act, not a
  // proposal's name, unless a proposing word put it forward ("proposed to hold talks")
  const first = g.tokenAt(shaped?.keep ? shaped.start : start);
  if (
    (!shaped || shaped.keep) &&
    first >= 0 &&
    /^VB[P]?$/.test(g.tokens[first].pos) &&
    !PROPOSING_PATTERNS.has(pattern)
  )
    return { keep: false, why: 'a verb phrase' };
  return shaped;
}

/**
 * A name ends where a coordinated act begins: "call for a permanent ceasefire and end the suffering",
 * "plans to pursue legal action and raise the issue with the World Bank" name a ceasefire and legal
 * action; what follows "and" or "or" when it is a verb's base form is another act, not the name. Cuts
 * the parse's name, or (`shaped` null: the pattern's wording stays) the pattern's wording.
 */
function cutAtCoordinatedAct(
  g: SentenceGraph,
  text: string,
  shaped: Reshaped | null,
  start: number,
  end: number,
): Reshaped | null {
  if (shaped && shaped.keep !== true) return shaped;
  const span = shaped ?? { start, end };
  const first = g.tokenAt(span.start);
  if (first < 0) return shaped;
  for (let t = first + 1; t + 1 < g.tokens.length && g.tokens[t + 1].start < span.end; t++) {
    const [word, next] = [g.tokens[t], g.tokens[t + 1]];
    if (word.pos !== 'CC' || next.pos !== 'VB' || !/^(?:and|or)$/i.test(word.text)) continue;
    const at = g.tokens[t - 1].end;
    if (!shaped) return { keep: 'cut', start, end: at };
    const tail = text.slice(word.start, shaped.end);
    const name = shaped.name.endsWith(tail) ? shaped.name.slice(0, -tail.length).trimEnd() : '';
    return name ? { ...shaped, name, end: at } : shaped;
  }
  return shaped;
}

function reshapeAny(g: SentenceGraph, text: string, start: number, end: number, pattern: string): Reshaped | null {
  const shaped = reshape(g, text, start, end);
  if (shaped?.keep) {
    // "the Qatari-Egyptian proposal for a Gaza ceasefire", "a draft resolution calling for a ceasefire",
    // "an extension of the treaty": what was put forward is the proposal, not what it is for or acts on
    const document = containerOf(g, text, shaped);
    if (document) return document;
  }
  if (shaped && !shaped.keep && shaped.why === 'refers back' && PROPOSING_PATTERNS.has(pattern)) {
    // "a proposal to extend the deal": the proposing noun with the act it proposes names it
    const noun = g.tokenAt(start) - 2;
    if (noun >= 0 && /^NN/.test(g.tokens[noun].pos)) {
      const act = proposedAct(g, noun, nounPhraseTokens(g, noun));
      const named = act && phraseName(g, text, act);
      if (named) return { keep: true, ...named };
    }
    // What a proposing word introduces ("proposed that officials hold talks") is a proposal even when
    // its noun phrase is bare: the pattern's own wording stays.
    return null;
  }
  return shaped;
}

function reshape(g: SentenceGraph, text: string, start: number, end: number): Reshaped | null {
  const head = g.headOf(start, end);
  if (head < 0) return null;
  // where the parser gave up ('dep' arcs) around a proposal noun, its reading of the phrase says nothing:
  // the pattern steps' wording stands ("its December 3, 2023 referendum about its claim")
  for (let t = g.tokenAt(start); t >= 0 && t < g.tokens.length && g.tokens[t].start < end; t++)
    if (headsProposal(g, t) && g.relation(t)?.base === 'dep') return null;
  // a state's joining an organisation, its accession ("Ukraine joining NATO"): the pattern steps name it, whatever
  // the parser takes for its head
  for (let t = g.tokenAt(start); t >= 0 && t < g.tokens.length && g.tokens[t].start < end; t++)
    if (g.tokens[t].pos === 'VBG' && JOIN_VERBS.has(g.tokens[t].lemma.toLowerCase())) return null;
  const tok = g.tokens[head];
  if (/^NN/.test(tok.pos)) {
    if (!headsProposal(g, head)) {
      // "blocked the start of accession talks with Ukraine": an act on a proposal stands for the proposal
      const of = ACTS_ON.has(tok.lemma.toLowerCase())
        ? g.children(head, 'nmod').find((a) => a.sub === 'of')
        : undefined;
      const inner = of && g.tokens[of.token];
      if (inner && headsProposal(g, of.token)) {
        const phrase = nounPhraseTokens(g, of.token);
        if (phrase.filter((t) => !generic(g, t)).length === 1 && isAnaphorNoun(inner.text))
          return { keep: false, why: 'refers back' };
        const named = phraseName(g, text, phrase);
        if (named) return { keep: true, ...named };
      }
      return { keep: false, why: 'not a proposal noun' };
    }
    // "three resolutions demanding a ceasefire", "six votes": a count of several, not one proposal
    if (/^NNP?S$/.test(tok.pos) && g.children(head, 'nummod').some((a) => !/^\d{4}$/.test(g.tokens[a.token].text)))
      return { keep: false, why: 'a count' };
    const phrase = nounPhraseTokens(g, head);
    // "a proposal to extend the current agreement without any preconditions": the act proposed, up to its object
    const proposed = proposedAct(g, head, phrase);
    if (proposed) {
      const named = phraseName(g, text, proposed);
      if (named) return { keep: true, ...named };
    }
    // "the bill", "these applications", "its bid": a reference to a proposal named elsewhere, not a name
    if (phrase.filter((t) => !generic(g, t)).length === 1 && isAnaphorNoun(tok.text)) {
      // "a resolution demanding a ceasefire", "an agreement suspending military activity": what an
      // indefinite one does says which it is
      const described = introduced(g, head) ? describedAct(g, head, phrase) : null;
      const named = described && phraseName(g, text, described);
      if (named) return { keep: true, ...named };
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
    if (obj && headsProposal(g, obj.token)) {
      // "declare an end to the Korean War": the object with what follows it, determiners inside kept
      const phrase = nounPhraseTokens(g, obj.token);
      const bare = phrase.filter((t) => !generic(g, t));
      // "prolong the pact", "extend the current deal": an action on a proposal named before
      if (bare.length === 1 && isAnaphorNoun(g.tokens[obj.token].text)) {
        const described = introduced(g, obj.token) ? describedAct(g, obj.token, phrase) : null;
        const named = described && phraseName(g, text, described);
        return named ? { keep: true, ...named } : { keep: false, why: 'refers back' };
      }
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
    if (!headsProposal(g, i)) continue;
    // the head of its phrase: "summit" in "summit talks" is a modifier of "talks"
    if (g.relation(i)?.base === 'compound') continue;
    const phrase = nounPhraseTokens(g, i);
    if (phrase.filter((t) => !DETERMINERS.test(g.tokens[t].text)).length < 2) continue;
    const named = phraseName(g, text, phrase);
    if (named) out.push({ start: named.start, end: named.end });
  }
  return out;
}

/**
 * The noun phrase a predicate cue says something of, when a proposal noun
 * heads it: "another summit would not be useful", "the plan was rejected",
 * "a deal remains premature". The pattern steps only read what follows a cue;
 * such a subject stands before it. Null when the cue is no predicate or its
 * subject no proposal noun (a pronoun or a back-reference is left to the
 * anaphor step).
 */
export function cueSubjectPhrase(
  g: SentenceGraph,
  text: string,
  cueStart: number,
  cueEnd: number,
): { start: number; end: number } | null {
  const cue = g.headOf(cueStart, cueEnd);
  if (cue < 0) return null;
  const pos = g.tokens[cue].pos;
  const passive = g.children(cue, 'nsubj:pass').length > 0;
  const predicate = passive || (/^(?:JJ|NN)/.test(pos) && g.children(cue, 'cop').length > 0);
  if (!predicate) return null;
  for (const a of g.children(cue, 'nsubj', 'nsubj:pass')) {
    const t = g.tokens[a.token];
    if (!headsProposal(g, a.token)) continue;
    if (isAnaphorNoun(t.text) && g.children(a.token).every((c) => c.base === 'det')) continue;
    const named = phraseName(g, text, nounPhraseTokens(g, a.token));
    // "the summit was cancelled": a bare head refers back; "another summit with the US" says which
    if (named && named.end <= cueStart && /[\s-]/.test(named.name)) return { start: named.start, end: named.end };
  }
  return null;
}
