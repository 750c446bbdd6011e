/**
 * Stances: for each sentence, the position cues it contains (stance-cues.json),
 * the proposal each cue is about, who holds it (a person speaks for their
 * state), conditions, the date it was taken, and the evidence span; plus the
 * SUPPORT of whoever put a proposal forward. Duplicates inside one article
 * (the same fact told twice, or in two revisions) merge into one stance with
 * several evidence spans. The steps are in ./stances/, in the order below.
 */
import type { ActorMention, ActorTable } from './actors.js';
import type { DateMention } from './dates.js';
import type { SentenceView } from './holders.js';
import { ASKING_FOR_VERBS, ASPIRING_VERBS, HEDGE_RE, JOIN_VERBS, NEGATION_BEFORE, verbIn } from './lexicon.js';
import type { ProposalIntro, ProposalTable } from './proposals.js';
import { findConditions } from './stances/conditions.js';
import { describesProposal, isAgentlessPassive, readCue, scanCues, type CueHit } from './stances/cues.js';
import {
  cueDate,
  enterSentence,
  leaveSentence,
  NO_DISCOURSE,
  statementDate,
  type StanceDate,
} from './stances/dating.js';
import { coHolders, holderOfCue, newSpeakerMemory, type SpeakerMemory } from './stances/holding.js';
import { mergeCandidates, type Candidate } from './stances/merge.js';
import {
  itemsIn,
  sentenceScope,
  silenced,
  stanceText,
  type SentenceScope,
  type StanceSentence,
  type StanceText,
} from './stances/scope.js';
import { proposalOfCue } from './stances/target.js';
import type { Token } from './tokens.js';
import { dateOfCueVerb } from './parsed/dating.js';
import { parsedConditions } from './parsed/conditions.js';
import { insideQuote, scareQuote } from './holders.js';
import {
  adviser,
  ownAdverbialClause,
  newParsedMemory,
  parsedHolder,
  rememberSubjects,
  speakerOfQuote,
  type ParsedMemory,
} from './parsed/holder.js';
import type { ParseIndex } from './parsed/index.js';
import { parsedTarget } from './parsed/target.js';
import type { ExtractedStance, Position, Span } from './types.js';

export interface StanceInputs {
  text: string;
  tokens: Token[];
  sentences: StanceSentence[];
  views: SentenceView[];
  actors: ActorTable;
  proposals: ProposalTable;
  dates: DateMention[];
  publishedOn: string | null;
  /** The article's parse, when a parser ran. */
  parse: ParseIndex | null;
}

/** "Hamas should accept": what the text says someone ought to do (the surface patterns' reading of advice). */
const SHOULD_BEFORE = /\b(?:should|must|ought to)\s+$/i;
/**
 * A cue whose object is an act against the proposal ("defended the US veto",
 * "expressed regret over the veto", "welcomed the rejection of"): its
 * position on the act is the opposite on the proposal.
 */
const ACT_AGAINST_OBJECT =
  /^\s+(?:(?:over|about|at|of|for)\s+)?(?:(?:the|its|their|his|her|this|that)\s+)?(?:[A-Z][\w.'\u2019-]*\s+){0,3}(?:veto|vetoes|rejection|blocking)\b/;
const OPPOSITE: Record<Position, Position> = { SUPPORT: 'OPPOSE', OPPOSE: 'SUPPORT', NONCOMMITTAL: 'NONCOMMITTAL' };

/** A candidate before it has its place in the order they were found. */
type Found = Omit<Candidate, 'order'>;

/** The date of a statement at `at` by `holder`, in the sentence being read. */
type StatementDate = (at: number, holder: ActorMention | null) => StanceDate;

/** The stances of one article, sentence by sentence; `cues` are scanned from the text unless given. */
export function extractStances(inp: StanceInputs, cues: CueHit[] = scanCues(inp.text, inp.tokens)): ExtractedStance[] {
  const t = stanceText(inp);
  const candidates: Candidate[] = [];
  const add = (c: Found): void => void candidates.push({ ...c, order: candidates.length });
  const speakers = newSpeakerMemory();
  const memory = newParsedMemory();
  let discourse = NO_DISCOURSE;
  let nextCue = 0;
  let nextDate = 0;
  for (let si = 0; si < t.sentences.length; si++) {
    const s = t.sentences[si];
    discourse = enterSentence(discourse, s.revision);
    const sentenceCues = itemsIn(cues, nextCue, s);
    const sentenceDates = itemsIn(inp.dates, nextDate, s);
    nextCue = sentenceCues.next;
    nextDate = sentenceDates.next;
    const scope = sentenceScope(t, si, sentenceCues.inside, sentenceDates.inside);
    const foundBefore = candidates.length;
    let usedContext = false;
    const current = discourse;
    const lede = si === 0 || t.sentences[si - 1].revision !== s.revision;
    const statement: StatementDate = (at, holder) => {
      const d = statementDate(t.text, scope.dates, current, t.publishedOn, at, holder, lede);
      usedContext ||= d.fromContext;
      return d;
    };
    for (const h of scope.cues) {
      const read = stancesOfCue(t, scope, h, speakers, statement, memory);
      if (!read) continue;
      for (const c of read.found) add(c);
      if (read.holder.personId) speakers.last = { mention: read.holder, si };
      if (read.holder.personId) memory.lastPerson = read.holder;
      else memory.lastActor = read.holder;
      memory.lastSentence = si;
    }
    for (const intro of scope.intros) {
      const c = proposerStance(t, scope, intro, statement);
      if (c) add(c);
    }
    // the subjects this sentence names are what "it", "they", "he" of the next ones stand for
    const graph = t.parse?.at(s.start);
    if (graph) rememberSubjects(graph, scope.view, memory, si, s.start, s.end);
    discourse = leaveSentence(discourse, s, scope.dates.events, lede, candidates.length > foundBefore, usedContext);
  }
  return mergeCandidates(candidates);
}

/**
 * "Japan seeks bilateral dialogue with North Korea" is Japan's own dialogue
 * with the North, not the proposal of another state that the words
 * resolved to (Seoul's offer of dialogue with Pyongyang): a bilateral,
 * direct or one-on-one thing "with" one counterpart has the holder as its
 * other party.
 */
function ownBilateral(
  t: StanceText,
  mention: { start: number; end: number; proposalId: string },
  holderId: string,
): boolean {
  // the modifier may stand just before the words that named the proposal: "long-stalled bilateral | dialogue with ..."
  const before = /\b(?:bilateral|direct|one-on-one)\s+(?:[\w-]+\s+){0,2}$/i.test(
    t.text.slice(Math.max(0, mention.start - 40), mention.start),
  );
  const wording = t.text.slice(mention.start, mention.end);
  if (!/\bwith\b/i.test(wording) || !(before || /\b(?:bilateral|direct|one-on-one)\b/i.test(wording))) return false;
  const proposedBy = t.proposals.records.get(mention.proposalId)?.proposedById;
  return !!proposedBy && proposedBy !== holderId;
}

/** The sentence as evidence. */
function spanOf(s: StanceSentence): Span {
  return { quote: s.text, charStart: s.start, charEnd: s.end, revision: s.revision };
}

const clamp = (confidence: number): number => Math.max(0.05, Math.min(0.95, confidence));

/**
 * The stances one cue states: its holder's, and those of the actors
 * coordinated with the holder; null when the cue states none (it is
 * silenced, describes a proposal, has no proposal or no holder).
 */
function stancesOfCue(
  t: StanceText,
  scope: SentenceScope,
  h: CueHit,
  speakers: SpeakerMemory,
  statement: StatementDate,
  memory: ParsedMemory,
): { found: Found[]; holder: ActorMention } | null {
  const { text } = t;
  const s = scope.sentence;
  if (silenced(scope, h) || describesProposal(text, t.tokens, s.start, h)) return null;
  // "the North scrapped the deal": the act is a proposal of its own that the doer puts forward (proposerStance),
  // not a cue against what it acts on
  if (scope.intros.some((x) => x.pattern === 'act-on' && x.trigStart >= h.start && x.trigEnd <= h.end)) return null;
  const reading = readCue(text, s.start, h);
  // The dependency graph first, when the article was parsed; the surface patterns otherwise.
  const g = t.parse?.at(h.start) ?? null;
  const byParse = g ? parsedTarget(g, h.start, h.end, scope.mentions) : null;
  const target = byParse
    ? { proposalId: byParse.mention.proposalId, rule: `dep:${byParse.via}`, penalty: 0 }
    : proposalOfCue(t, scope.si, scope.mentions, h);
  if (!target) return null;
  if (!byParse && isAgentlessPassive(text, s.start, h, reading.cue)) return null;
  const patterned = holderOfCue(text, t.views, scope.si, h, speakers);
  const v = scope.view;
  // Inside a quotation the speaker holds what the quotation states, whatever its grammatical subject.
  const quoted = g && insideQuote(v, h.start) && !scareQuote(text, v, h.start) ? speakerOfQuote(g, v) : null;
  const parsedHeld = quoted
    ? { mention: quoted, via: 'quote' as const, speaker: quoted.personId ? quoted : null }
    : g
      ? parsedHolder(g, v, h.start, h.end, memory, scope.si)
      : null;
  // "Hamas should accept the deal, Miller said": Miller's position, not Hamas's
  const advisedBy =
    g && !quoted
      ? adviser(g, v, h.start, h.end)
      : !g && SHOULD_BEFORE.test(text.slice(Math.max(s.start, h.start - 12), h.start))
        ? null
        : undefined;
  if (advisedBy === null) return null;
  const holder = advisedBy
    ? { mention: advisedBy, via: 'subject' as const, speaker: advisedBy.personId ? advisedBy : null }
    : (parsedHeld ?? patterned?.holder);
  if (!holder) return null;
  // "Britain abstained, while the remaining council members voted yes": a clause with a subject of its own that
  // names no actor is that subject's statement, never the actor of the clause it hangs on
  if (g && holder === patterned?.holder && ownAdverbialClause(g, h.start, h.end)) {
    const clause = g.extent(g.subtree(g.headOf(h.start, h.end)));
    if (holder.mention.start < clause.start || holder.mention.end > clause.end) return null;
  }
  const listed = patterned?.listed ?? [];
  const actorId = holder.mention.holderId;
  if (byParse && ownBilateral(t, byParse.mention, actorId)) return null;
  if (!actorId) return null;
  // (never an actor named inside a proposal's wording: "approve Sweden's membership in NATO" is not NATO's approval)
  const others = coHolders(scope.view, holder, listed, h.start).filter(
    (m) => !scope.mentions.some((p) => p.start <= m.start && m.end <= p.end),
  );
  // conditions after the cue, in the same quotation state, up to the next cue of the sentence
  // ("had initially opposed the plan, but now supports it, provided that ...": the condition is the support's)
  const nextCue = scope.cues.find((x) => x.start > h.end);
  const fromParse = g ? parsedConditions(g, text, h.start, h.end) : null;
  const conditions = fromParse?.length
    ? fromParse
    : findConditions(text, scope.view, h.start, Math.min(s.end, h.end + 400, nextCue ? nextCue.start : Infinity));
  let confidence = reading.confidence - target.penalty;
  if (HEDGE_RE.test(text.slice(Math.max(s.start, h.start - 40), h.start))) confidence -= 0.1;
  if (holder.via !== 'subject' && holder.via !== 'possessive') confidence -= 0.05;
  const date = cueDate(
    text,
    s,
    h,
    reading.cue,
    scope.intros,
    () => statement(h.start, holder.mention),
    scope.dates.events,
    g ? dateOfCueVerb(g, h.start, h.end, [...scope.dates.events, ...scope.dates.claimed]) : null,
  );
  const against = ACT_AGAINST_OBJECT.test(text.slice(h.end, Math.min(s.end, h.end + 60)));
  const stance = {
    proposalId: ownAccession(t.proposals, target.proposalId, actorId, reading.cue),
    position: against ? OPPOSITE[reading.position] : reading.position,
    cue: reading.cue,
    statedOn: date.date,
    weakDate: date.weak,
  };
  const found: Found[] = [
    {
      ...stance,
      actorId,
      conditions,
      speakerId: holder.speaker?.personId ?? null,
      confidence: clamp(confidence),
      rule: `${target.rule}${against ? '+against' : ''}:${h.cue.pattern}`,
      span: spanOf(s),
    },
  ];
  for (const m of others) {
    if (!m.holderId || m.holderId === actorId) continue;
    found.push({
      ...stance,
      proposalId: ownAccession(t.proposals, target.proposalId, m.holderId, reading.cue),
      actorId: m.holderId,
      conditions: [],
      speakerId: m.personId ?? null,
      confidence: clamp(confidence - 0.05),
      rule: `${target.rule}+list:${h.cue.pattern}`,
      span: spanOf(s),
    });
  }
  return { found, holder: holder.mention };
}

/**
 * "Finland and Sweden asked to join NATO": a state that asks or wishes to join
 * asks for its own accession, whichever state's accession the words were
 * read as (the article holds one for each state listed, proposals.ts). Other
 * cues ("Hungary approved Sweden's bid") keep the proposal they were read on.
 */
function ownAccession(table: ProposalTable, proposalId: string, holderId: string, cue: string): string {
  const accessions = table.accessions;
  if (!accessions?.size) return proposalId;
  const first = cue.toLowerCase().split(/\s+/)[0] ?? '';
  const joining = JOIN_VERBS.has(first) || verbIn(ASPIRING_VERBS, first) || verbIn(ASKING_FOR_VERBS, first);
  const own = accessions.get(holderId)?.filter((r) => table.records.has(r.id));
  if (!joining || !own?.length || own.some((r) => r.id === proposalId)) return proposalId;
  const target = table.records.get(proposalId);
  const org = target && /^.+'s (.+ accession)$/.exec(target.name)?.[1];
  if (!org || ![...accessions.values()].some((list) => list.some((r) => r.id === proposalId))) return proposalId;
  return own.find((r) => r.name.endsWith(`'s ${org}`))?.id ?? proposalId;
}

/** Whoever puts a proposal forward supports it: only an act of proposing, not a desire ("seeks talks"). */
function proposerStance(
  t: StanceText,
  scope: SentenceScope,
  intro: ProposalIntro,
  statement: StatementDate,
): Found | null {
  const { text } = t;
  const s = scope.sentence;
  if (!intro.proposer || intro.trigStart >= scope.blockedFrom) return null;
  // desire/seek/need phrases are cues of their own
  // (and whoever acts on a proposal puts that act forward: "India is suspending the treaty")
  if (intro.pattern !== 'noun-proposal' && intro.pattern !== 'verb-propose' && intro.pattern !== 'act-on') return null;
  if (NEGATION_BEFORE.test(text.slice(Math.max(s.start, intro.trigStart - 60), intro.trigStart))) return null;
  const actorId = intro.proposer.holderId;
  if (!actorId) return null;
  // a noun phrase ("Ankara's offer") dates nothing; a verb ("proposed on Monday") does
  const date = intro.date?.value
    ? { date: intro.date.value, weak: false }
    : intro.pattern === 'verb-propose' || intro.pattern === 'act-on'
      ? statement(intro.trigStart, intro.proposer)
      : { date: null, weak: false };
  return {
    actorId,
    proposalId: intro.recordId,
    position: 'SUPPORT',
    cue: text.slice(intro.trigStart, intro.trigEnd),
    conditions:
      intro.pattern === 'verb-propose'
        ? findConditions(text, scope.view, intro.end, Math.min(s.end, intro.end + 300))
        : [],
    speakerId: intro.proposer.personId,
    statedOn: date.date,
    weakDate: date.weak,
    confidence: 0.75,
    rule: `proposer:${intro.pattern}`,
    span: spanOf(s),
  };
}
