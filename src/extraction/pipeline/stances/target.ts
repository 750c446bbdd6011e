/**
 * The proposal a cue is about: the proposal named in the cue's slot, a bare
 * head noun or a pronoun there, the sentence's topic or subject, or, for a
 * cue that may stand without an object, the proposal last talked about.
 */
import { ANAPHOR_ANY, ANAPHOR_TYPED, PROPOSAL_NOUNS, RELATIVE_WORDS } from '../lexicon.js';
import { resolveAnaphor, type ProposalMention, type ProposalTable } from '../proposals.js';
import { stem, type Token } from '../tokens.js';
import { CLAUSE_BREAK, tokenIndexAt, type CueHit } from './cues.js';
import { lowerBound, type StanceSentence, type StanceText } from './scope.js';

/** The proposal found, the rule that found it, and what that rule costs the confidence. */
export interface CueTarget {
  proposalId: string;
  rule: string;
  penalty: number;
}

/** Prepositions inside an object's phrase: a proposal noun after one is not the object ("the lack of progress toward a ceasefire"). */
const INNER_PREPOSITIONS = new Set(['of', 'toward', 'towards', 'over', 'about', 'regarding']);
/** A relative word, in lower case ("WHO" is an organisation), after some other word (right after the cue, "that" opens what it says: "agreed that ..."). */
const RELATIVE_AFTER_A_WORD = new RegExp(`([\\p{L}-]+)\\s+(?:${[...RELATIVE_WORDS].join('|')})\\b`, 'u');

/**
 * A relative clause between the cue and a proposal says something of another noun ("opposed delays
 * which stalled the talks"), unless that noun is a decision, plan or document whose content the
 * clause gives ("agree to a decision that made Ukraine's accession irreversible").
 */
export function relativeClauseBetween(between: string): boolean {
  const m = RELATIVE_AFTER_A_WORD.exec(between);
  if (!m) return false;
  const noun = stem(m[1].toLowerCase());
  return !PROPOSAL_NOUNS.has(noun) && !ANAPHOR_ANY.has(noun) && !ANAPHOR_TYPED.has(noun);
}
/** What a cue that may stand alone is about, said after it: "concerns over ...", "regret about ...". */
const SAYS_ABOUT = /^\s+(?:over|about|regarding|concerning|at)\s+(?:(?:the|its|their|a)\s+)?([\w-]+)/i;
/** What a proposal has, named instead of it: "cautious about the timetable" is about the proposal's. */
const ASPECTS = new Set([
  'timetable',
  'timing',
  'timeline',
  'terms',
  'details',
  'wording',
  'text',
  'pace',
  'scope',
  'implementation',
  'conditions',
]);

const LEADING_TOPIC = /^(?:with|regarding|on|as for|asked about|concerning|over|about|as to|in response to)\b/i;

/** The last proposal mention before `pos` that starts at or after `minStart`. */
function salientBefore(t: StanceText, pos: number, minStart: number): ProposalMention | null {
  const k = lowerBound(t.proposalStarts, pos) - 1;
  return k >= 0 && t.proposalMentions[k].start >= minStart ? t.proposalMentions[k] : null;
}

/**
 * The proposal of the cue `h` in sentence `si`, whose proposal mentions are
 * `mentions`; null when the cue is about none.
 */
export function proposalOfCue(t: StanceText, si: number, mentions: ProposalMention[], h: CueHit): CueTarget | null {
  const s = t.sentences[si];
  return (
    proposalAfterCue(t, si, mentions, h) ??
    proposalInSlot(t.text, t.tokens, s, t.proposalMentions, t.proposals, h, nounCue(t, h)) ??
    proposalAsPronoun(t, si, h) ??
    proposalBeforeCue(t.text, s, mentions, h) ??
    (h.cue.zero ? proposalLastTalkedAbout(t, si, h) : null)
  );
}

/** The first proposal named after the cue, within the cue's reach (a titled name between counts as one word). */
function proposalAfterCue(t: StanceText, si: number, mentions: ProposalMention[], h: CueHit): CueTarget | null {
  const after = mentions.find((m) => m.start >= h.start);
  if (!after) return null;
  const { text } = t;
  const between = text.slice(h.end, after.start);
  // a titled name between counts as one word: "rejected South Korean President Yoon Suk Yeol's initiative"
  let words = between.trim() ? between.trim().split(/\s+/).length : 0;
  for (const m of t.views[si].mentions) {
    if (m.start >= h.end && m.end <= after.start)
      words -= Math.max(0, text.slice(m.start, m.end).split(/\s+/).length - 1);
  }
  // "opposed delays which stalled the talks": a relative clause says something of the noun before it
  return words <= h.cue.gap && !CLAUSE_BREAK.test(between) && !relativeClauseBetween(between)
    ? { proposalId: after.proposalId, rule: 'cue', penalty: 0 }
    : null;
}

/** A bare head noun in the cue's slot: "appetite for high-level talks". */
function proposalInSlot(
  text: string,
  tokens: Token[],
  s: StanceSentence,
  all: ProposalMention[],
  proposals: ProposalTable,
  h: CueHit,
  noun: boolean,
): CueTarget | null {
  const t0 = tokenIndexAt(tokens, h.end);
  for (let t = t0; t < Math.min(s.tokTo, t0 + h.cue.gap + 1); t++) {
    if (/[,;.:"()]|--/.test(text.slice(t > t0 ? tokens[t - 1].end : h.end, tokens[t].start))) break;
    // "condemned the lack of progress toward a ceasefire": the object is the lack, not the ceasefire
    if (t > t0 && INNER_PREPOSITIONS.has(tokens[t].key)) break;
    // "18 months of delays that have frustrated the alliance": a relative clause is about the object, not it
    // (right after a verb, "that" opens what it says: "agreed that the summit ...")
    if ((t > t0 || noun) && RELATIVE_WORDS.has(tokens[t].key)) break;
    if (/(?:ed|ing)$/.test(tokens[t].key) && !ANAPHOR_TYPED.has(tokens[t].key)) continue;
    const st = stem(tokens[t].key);
    if (ANAPHOR_TYPED.has(st) || PROPOSAL_NOUNS.has(st)) {
      const proposalId = resolveAnaphor(st, h.start, all, [], proposals.records, null);
      return proposalId ? { proposalId, rule: 'cue+slot', penalty: 0 } : null;
    }
  }
  return null;
}

/** Whether the parse reads the cue as a noun ("18 months of delays"), not a verb. */
function nounCue(t: StanceText, h: CueHit): boolean {
  const g = t.parse?.at(h.start);
  const head = g ? g.headOf(h.start, h.end) : -1;
  return !!g && head >= 0 && /^NN/.test(g.tokens[head].pos);
}

/** A pronoun object: "backed it", "rejected it outright", "welcomed them": the proposal last named. */
function proposalAsPronoun(t: StanceText, si: number, h: CueHit): CueTarget | null {
  const { text, tokens } = t;
  const t0 = tokenIndexAt(tokens, h.end);
  const obj = tokens[t0];
  if (
    !obj ||
    t0 >= t.sentences[si].tokTo ||
    (obj.key !== 'it' && obj.key !== 'them') ||
    /[,;.:"]/.test(text.slice(h.end, obj.start))
  )
    return null;
  const after1 = tokens[t0 + 1]?.key ?? '';
  if (/^(?:is|was|were|are|would|will|has|had|could|should|said|says|may|might|must)$/.test(after1)) return null;
  const sal = salientBefore(t, h.start, t.sentences[Math.max(0, si - 3)].start);
  return sal ? { proposalId: sal.proposalId, rule: 'cue+pronoun', penalty: 0.05 } : null;
}

/**
 * A proposal before the cue: the topic a sentence opens with ("On the
 * ceasefire, ..."), or the subject of a copula ("the plan is unacceptable").
 */
function proposalBeforeCue(text: string, s: StanceSentence, mentions: ProposalMention[], h: CueHit): CueTarget | null {
  const before = mentions.filter((m) => m.end <= h.start);
  const lead = LEADING_TOPIC.test(s.text) ? s.start + Math.max(0, s.text.indexOf(',')) : -1;
  const topic = before.find((m) => lead > 0 && m.end <= lead);
  if (topic) return { proposalId: topic.proposalId, rule: 'cue+topic', penalty: 0 };
  if (!before.length) return null;
  const last = before[before.length - 1];
  const between = text.slice(last.end, h.start);
  return /\b(?:is|are|was|were|be|been|remains?|seems?|looks?)\b/i.test(between) &&
    between.split(/\s+/).length <= 8 &&
    !/[,;]/.test(between)
    ? { proposalId: last.proposalId, rule: 'cue+subject', penalty: 0 }
    : null;
}

/**
 * A cue that may stand alone ("refused to comment"): the proposal named in
 * the last few sentences; not when the cue says what it is about and that is
 * no proposal ("raised concerns over the value of Palestinian lives").
 */
function proposalLastTalkedAbout(t: StanceText, si: number, h: CueHit): CueTarget | null {
  const about = SAYS_ABOUT.exec(t.text.slice(h.end, h.end + 60));
  if (about && !ASPECTS.has(about[1].toLowerCase())) return null;
  const sal = salientBefore(t, h.start, t.sentences[Math.max(0, si - 4)].start);
  return sal ? { proposalId: sal.proposalId, rule: 'cue+salient', penalty: 0.1 } : null;
}
