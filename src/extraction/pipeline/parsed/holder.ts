/**
 * Who holds the stance a cue states, read off the dependency graph: the
 * subject of the cue's predicate (or of the verb it is the complement of:
 * "X said the plan was premature", "X refused to accept"), the agent of a
 * passive ("was rejected by Ankara"), the possessor of a nominal cue
 * ("Japan's opposition") or the source of "according to X" (a cue inside a
 * quotation is its speaker's: speakerOfQuote, asked first by the caller). A
 * person holds it for the state or organisation they speak for. Pronouns
 * resolve to the subject of the reporting verb above them, else to the person
 * (he, she) or actor (it, they) a recent sentence named as subject. Null when
 * the graph names no actor: the pattern steps then try.
 */
import type { ActorMention } from '../actors.js';
import { insideQuote, type HolderHit, type SentenceView } from '../holders.js';
import type { Arc, SentenceGraph } from './graph.js';
import { headsProposal } from './noun-phrase.js';

/** Verbs of saying: their subject is the speaker of what their complement states. */
export const SPEECH_LEMMAS = new Set([
  'say',
  'tell',
  'add',
  'state',
  'stress',
  'note',
  'warn',
  'insist',
  'argue',
  'announce',
  'declare',
  'claim',
  'write',
  'reiterate',
  'explain',
  'emphasize',
  'emphasise',
  'underscore',
  'assert',
  'maintain',
  'repeat',
  'report',
  'confirm',
  'indicate',
  'suggest',
  'signal',
  'comment',
  'remark',
  'respond',
  'reply',
  'answer',
  'quote',
  'post',
  'tweet',
  'lament',
  'complain',
  'concede',
  'admit',
  'acknowledge',
  'observe',
  'caution',
  'predict',
  'contend',
  'recall',
  'conclude',
  'agree',
  'brief',
]);

/** What the parse remembers across sentences: who last held a stance, and who spoke last. */
export interface ParsedMemory {
  lastPerson: ActorMention | null;
  lastActor: ActorMention | null;
  lastSentence: number;
}

export function newParsedMemory(): ParsedMemory {
  return { lastPerson: null, lastActor: null, lastSentence: -1 };
}

/** Relations through which a predicate inherits the subject of its governor. */
const CLIMB = new Set(['xcomp', 'ccomp', 'parataxis', 'conj', 'advcl', 'acl', 'csubj']);
const SUBJECTS = ['nsubj', 'nsubj:pass', 'nsubj:xsubj', 'csubj'];
const PRONOUN_PERSON = /^(?:he|she|him|her)$/i;
const PRONOUN_GROUP = /^(?:it|they|them)$/i;

interface Located {
  mention: ActorMention;
  via: HolderHit['via'];
}

export function parsedHolder(
  g: SentenceGraph,
  v: SentenceView,
  cueStart: number,
  cueEnd: number,
  memory: ParsedMemory,
  si: number,
): HolderHit | null {
  const cue = g.headOf(cueStart, cueEnd);
  if (cue < 0) return null;
  const found = holderFrom(g, v, cue, memory, si);
  if (!found) return null;
  const speaker = found.mention.personId ? found.mention : personBeside(g, v, found.mention);
  return { mention: found.mention, via: found.via, speaker };
}

function holderFrom(g: SentenceGraph, v: SentenceView, cue: number, memory: ParsedMemory, si: number): Located | null {
  // a nominal cue ("Japan's opposition to ...", "the opposition of Japan")
  if (/^NN/.test(g.tokens[cue].pos)) {
    for (const a of g.children(cue, 'nmod:poss', 'nmod')) {
      if (a.base === 'nmod' && a.sub !== 'of' && a.sub !== 'from' && a.sub !== 'by') continue;
      const m = mentionOf(g, v, a.token);
      if (m) return { mention: m, via: 'possessive' };
    }
  }
  let n = cue;
  for (let step = 0; step < 6 && n >= 0; step++) {
    // passive agent: "was rejected by Ankara"
    // (a participle's "by" phrase is its agent however it is labelled: "the proposal put forward by Qatar")
    const agents = g
      .children(n, 'obl:agent', 'obl')
      .filter(
        (a) => a.sub === 'agent' || (a.sub === 'by' && (g.tokens[n].pos === 'VBN' || g.relation(n)?.base === 'acl')),
      );
    for (const a of agents) {
      const m = mentionOf(g, v, a.token);
      if (m) return { mention: m, via: 'passive' };
    }
    const passive = g.children(n, 'nsubj:pass').length > 0;
    if (!passive) {
      for (const a of g.children(n, ...SUBJECTS)) {
        if (expletive(g, n, a.token) || proposalHeaded(g, a.token)) continue;
        const m = mentionOf(g, v, a.token) ?? antecedentAbove(g, v, n, a.token) ?? pronoun(g, a.token, memory, si);
        if (m) return { mention: m, via: 'subject' };
      }
    }
    // "according to X"
    for (const a of g.children(n, 'obl', 'nmod')) {
      if (a.sub !== 'according_to') continue;
      const m = mentionOf(g, v, a.token);
      if (m) return { mention: m, via: 'after-adverbial' };
    }
    const up = g.relation(n);
    if (!up || !CLIMB.has(up.base)) break;
    n = up.token;
  }
  return null;
}

/**
 * Whether the cue in [start, end) heads a clause with a subject of its own
 * that an adverbial or relative clause attaches ("its backing since Turkey
 * ratified the request", "the plan that Japan supports"): a statement of
 * that subject's, not a word governed by the cue before it. A content clause
 * ("concern that Japan would reject it") or an infinitive ("reluctance to
 * accept") says what the cue before it is about, and stays governed.
 */
export function headsOwnClause(g: SentenceGraph, start: number, end: number): boolean {
  const cue = g.headOf(start, end);
  const up = cue >= 0 ? g.relation(cue) : null;
  if (!up || !/^VB/.test(g.tokens[cue].pos)) return false;
  const adverbial = (up.base === 'advcl' || up.base === 'acl') && !/^(?:that|whether|if|to)$/.test(up.sub);
  if (!adverbial && up.base !== 'acl:relcl') return false;
  return g.children(cue, 'nsubj', 'nsubj:pass').length > 0;
}

/**
 * Whether the cue in [start, end) heads an adverbial clause with a nominal
 * subject of its own ("Britain abstained, while the remaining members voted
 * yes"): whoever that subject is, the clause it hangs on says nothing of it.
 * (A relative clause is not asked: the parser often hangs a quotation's last
 * words on a noun inside it.)
 */
export function ownAdverbialClause(g: SentenceGraph, start: number, end: number): boolean {
  const cue = g.headOf(start, end);
  const up = cue >= 0 ? g.relation(cue) : null;
  if (!up || up.base !== 'advcl' || !/^VB/.test(g.tokens[cue].pos)) return false;
  return g.children(cue, 'nsubj', 'nsubj:pass').some((a) => /^NN/.test(g.tokens[a.token].pos));
}

/** Verbs by which one actor urges another to act ("urged Hamas to accept"). */
const ADVISING = new Set([
  'urge',
  'press',
  'ask',
  'call',
  'encourage',
  'push',
  'pressure',
  'persuade',
  'tell',
  'invite',
]);
/** Modals of what someone ought to do ("Hamas should accept"). */
const DEONTIC = new Set(['should', 'must', 'ought']);

/**
 * What one actor advises another to do is not the other's stance: "urged
 * Hamas to accept the deal" (the urging is the urger's stance, a cue of its
 * own, and the urger's here too), "Hamas should accept the deal, Miller
 * said" (Miller's). Undefined when the cue is not advice; null when it is and nobody is named giving it
 * (the cue says nothing of anyone's position); else who gives it.
 */
export function adviser(
  g: SentenceGraph,
  v: SentenceView,
  cueStart: number,
  cueEnd: number,
): ActorMention | null | undefined {
  const cue = g.headOf(cueStart, cueEnd);
  if (cue < 0) return undefined;
  const up = g.relation(cue);
  const over = g.head[cue];
  // "urged both sides to sign the treaty": the urger's, unless the urging is itself advice
  // ("Thomas-Greenfield says the Security Council should pressure Hamas to accept a deal": hers)
  if (
    up?.base === 'xcomp' &&
    over >= 0 &&
    ADVISING.has(g.tokens[over].lemma.toLowerCase()) &&
    g.children(over, 'obj').length
  )
    return deontic(g, over) ? sayerOf(g, v, over) : subjectMention(g, v, over);
  if (!deontic(g, cue)) return undefined;
  return sayerOf(g, v, cue);
}

/** Whether a verb is said as what ought to be ("should accept", "must sign"). */
function deontic(g: SentenceGraph, verb: number): boolean {
  return g.children(verb, 'aux').some((a) => DEONTIC.has(g.tokens[a.token].lemma.toLowerCase()));
}

/** "..., Miller said", "Blinken said Hamas should accept ...": the one who says what `verb` states; null: no one. */
function sayerOf(g: SentenceGraph, v: SentenceView, verb: number): ActorMention | null {
  const up = g.relation(verb);
  const over = g.head[verb];
  const said = (up?.base === 'ccomp' || up?.base === 'parataxis') && over >= 0 ? over : -1;
  if (said < 0 || !SPEECH_LEMMAS.has(g.tokens[said].lemma.toLowerCase())) return null;
  return subjectMention(g, v, said);
}

function subjectMention(g: SentenceGraph, v: SentenceView, verb: number): ActorMention | null {
  for (const a of g.children(verb, 'nsubj')) {
    const m = mentionOf(g, v, a.token);
    if (m) return m;
  }
  return null;
}

/** The actor a (subject) token denotes: the mention on it, a person in apposition, or the possessor. */
function mentionOf(g: SentenceGraph, v: SentenceView, tok: number): ActorMention | null {
  const on = mentionCovering(v, g.tokens[tok].start);
  if (on && !on.compound) return on;
  // "Russia's ambassador to the UN, Vassily Nebenzia": the person in apposition speaks (the parser may call it
  // 'dep': "Kim Jong Un's sister Kim Yo Jong")
  for (const a of g.children(tok, 'appos', 'compound', 'flat', 'dep')) {
    const m = mentionCovering(v, g.tokens[a.token].start);
    if (m?.personId) return m;
  }
  // "Japan's foreign minister", "the Japanese government": the possessor or the adjective
  for (const a of g.children(tok, 'nmod:poss', 'amod', 'compound')) {
    const m = mentionCovering(v, g.tokens[a.token].start);
    if (m) return m;
  }
  // "the head of the Foreign Ministry", "a spokesperson for the ministry", "an official at the Foreign Ministry"
  for (const a of g.children(tok, 'nmod')) {
    if (!['of', 'for', 'at', 'from', 'with', 'in'].includes(a.sub)) continue;
    const m = mentionCovering(v, g.tokens[a.token].start) ?? mentionOfNested(g, v, a.token);
    if (m) return m;
  }
  return null;
}

function mentionOfNested(g: SentenceGraph, v: SentenceView, tok: number): ActorMention | null {
  for (const a of g.children(tok, 'nmod:poss', 'amod', 'compound')) {
    const m = mentionCovering(v, g.tokens[a.token].start);
    if (m) return m;
  }
  return null;
}

/** "another summit with the US would be pointless": a subject headed by a proposal noun is what a stance is on, never who holds it. */
function proposalHeaded(g: SentenceGraph, tok: number): boolean {
  return headsProposal(g, tok);
}

/** "it is premature to discuss ...", "it was unclear whether ...": an "it" that stands for the clause after it. */
function expletive(g: SentenceGraph, predicate: number, subject: number): boolean {
  if (g.tokens[subject].text.toLowerCase() !== 'it') return false;
  return g.children(predicate, 'xcomp', 'ccomp', 'csubj').length > 0 && g.children(predicate, 'cop').length > 0;
}

/**
 * A pronoun subject of a reported clause names the reporter: "North Korea
 * has said it will reject ...", "Abe said he would ...". The subject of the
 * nearest verb above the clause that names an actor of the pronoun's kind.
 */
function antecedentAbove(g: SentenceGraph, v: SentenceView, predicate: number, subject: number): ActorMention | null {
  const t = g.tokens[subject];
  if (t.pos !== 'PRP') return null;
  const person = PRONOUN_PERSON.test(t.text);
  const group = PRONOUN_GROUP.test(t.text);
  if (!person && !group) return null;
  for (const up of g.ancestors(predicate).slice(0, 3)) {
    for (const a of g.children(up, 'nsubj')) {
      if (g.tokens[a.token].pos === 'PRP') continue;
      const m = mentionOf(g, v, a.token);
      if (m && (person ? m.personId !== null : m.personId === null)) return m;
    }
  }
  return null;
}

function pronoun(g: SentenceGraph, tok: number, memory: ParsedMemory, si: number): ActorMention | null {
  const w = g.tokens[tok].text;
  if (g.tokens[tok].pos !== 'PRP') return null;
  const recent = si - memory.lastSentence <= 3;
  if (PRONOUN_PERSON.test(w)) return recent ? memory.lastPerson : null;
  if (PRONOUN_GROUP.test(w)) return recent ? memory.lastActor : null;
  return null;
}

export function mentionCovering(v: SentenceView, pos: number): ActorMention | null {
  for (const m of v.mentions) {
    if (m.start > pos) break;
    if (pos < m.end) return m;
  }
  return null;
}

/** The person who voices an organ's or state's statement, named beside it: "the ministry's spokesman, Zhao". */
function personBeside(g: SentenceGraph, v: SentenceView, holder: ActorMention): ActorMention | null {
  const tok = g.headOf(holder.start, holder.end);
  if (tok < 0) return null;
  const around: Arc[] = [...g.children(tok, 'appos'), ...g.parents(tok, 'appos', 'nmod:poss', 'nmod')];
  for (const a of around) {
    const m = mentionCovering(v, g.tokens[a.token].start);
    if (m?.personId && m.holderId === holder.holderId) return m;
  }
  return null;
}

/**
 * The speaker of a quotation in this sentence: the subject of a verb of
 * saying outside the quotation marks ("..., Peskov said"; "Peskov told
 * reporters: ...").
 */
export function speakerOfQuote(g: SentenceGraph, v: SentenceView): ActorMention | null {
  for (let t = 0; t < g.tokens.length; t++) {
    if (!SPEECH_LEMMAS.has(g.tokens[t].lemma.toLowerCase())) continue;
    if (insideQuote(v, g.tokens[t].start)) continue;
    for (const a of g.children(t, 'nsubj')) {
      const m = mentionOf(g, v, a.token);
      if (m) return m;
    }
  }
  return null;
}

/**
 * What a sentence leaves for the pronouns of the next ones: its last subject
 * that names an actor ("Turkey raised objections ... It endorsed Finland's
 * membership": it = Turkey), a person for he/she, a state or organisation
 * for it/they. Called once per sentence, after its cues.
 */
export function rememberSubjects(
  g: SentenceGraph,
  v: SentenceView,
  memory: ParsedMemory,
  si: number,
  from: number,
  to: number,
): void {
  for (let t = 0; t < g.tokens.length; t++) {
    if (g.tokens[t].start < from || g.tokens[t].start >= to) continue;
    if (g.tokens[t].pos === 'PRP' || !g.parents(t, 'nsubj', 'nsubj:pass').length || proposalHeaded(g, t)) continue;
    const m = mentionOf(g, v, t);
    if (!m) continue;
    if (m.personId) memory.lastPerson = m;
    else memory.lastActor = m;
    memory.lastSentence = si;
  }
}
