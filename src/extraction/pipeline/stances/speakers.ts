/**
 * Who spoke for a holder named only as a state or organisation ("The United
 * Kingdom has voted in favour ... Ambassador Barbara Woodward said: 'The
 * United Kingdom voted for this resolution'"): the one person the article has
 * speaking for that holder in a sentence about that proposal, unless that
 * person took another position on it. A stance whose own sentence named its
 * speaker keeps it; one an anonymous source gave ("a senior official
 * lamented") keeps none.
 */
import type { ActorMention } from '../actors.js';
import { ANON_SOURCE_RE } from '../lexicon.js';
import type { ProposalMention } from '../proposals.js';
import { lowerBound } from './scope.js';
import type { ExtractedStance } from '../types.js';

/** A person mention that says something: followed by a verb of saying, or after "according to". */
const SAYS_AFTER =
  /^[^.!?"“”]{0,80}?\b(?:said|says|told|added|stated|announced|noted|warned|stressed|insisted|argued|declared|wrote)\b/i;
/** A statement an unnamed person gave ("a senior official lamented", "diplomats said"). */
const UNNAMED =
  /\b(?:officials?|diplomats?|aides?|sources?|insiders?)\b[^.;]{0,40}?\b(?:said|says|told|lamented|added|noted)\b|\b(?:said|says|told)\s+(?:\w+\s+){0,2}(?:officials?|diplomats?|sources?)\b/i;
/** The reporter's reading of an attitude ("appears to be apprehensive"): nobody voiced it. */
const APPEARANCE = /\b(?:appears?|appeared|seems?|seemed|is seen as|reportedly)\b/i;
const SAYS_BEFORE = /\baccording to\s+(?:[\p{L}.'’-]+\s+){0,6}$/iu;

export interface SpeakerContext {
  text: string;
  sentences: Array<{ start: number; end: number }>;
  mentions: ActorMention[];
  proposalMentions: ProposalMention[];
}

/** Fills in the speaker of each stance left without one, from the rest of the article (in place). */
export function fillSpeakers(stances: ExtractedStance[], ctx: SpeakerContext): void {
  const starts = ctx.sentences.map((s) => s.start);
  const sentenceOf = (at: number): number => {
    const k = lowerBound(starts, at + 1) - 1;
    return k >= 0 && at < ctx.sentences[k].end ? k : -1;
  };
  // the sentences each proposal is mentioned in
  const proposalSentences = new Map<string, Set<number>>();
  for (const m of ctx.proposalMentions) {
    const set = proposalSentences.get(m.proposalId) ?? new Set<number>();
    set.add(sentenceOf(m.start));
    proposalSentences.set(m.proposalId, set);
  }
  // who speaks for whom, and in which sentence
  const speaking: Array<{ personId: string; holderId: string; sentence: number }> = [];
  for (const m of ctx.mentions) {
    if (!m.personId || m.holderId === m.personId) continue;
    const says =
      SAYS_AFTER.test(ctx.text.slice(m.end, m.end + 100)) ||
      SAYS_BEFORE.test(ctx.text.slice(Math.max(0, m.start - 80), m.start));
    if (says) speaking.push({ personId: m.personId, holderId: m.holderId, sentence: sentenceOf(m.start) });
  }
  const only = (ids: Array<string | null>): string | null => {
    const set = new Set(ids.filter((x): x is string => !!x));
    return set.size === 1 ? [...set][0] : null;
  };
  for (const s of stances) {
    if (s.speakerId || s.evidence.some((e) => ANON_SOURCE_RE.test(e.quote) || UNNAMED.test(e.quote))) continue;
    const at = sentenceOf(s.evidence[0]?.charStart ?? -1);
    const about = proposalSentences.get(s.proposalId) ?? new Set<number>();
    // a person who took another position on it said something else
    const other = new Set(
      stances.filter((o) => o.proposalId === s.proposalId && o.position !== s.position).map((o) => o.speakerId),
    );
    const forHolder = speaking.filter((p) => p.holderId === s.actorId && !other.has(p.personId));
    const near = only(
      forHolder.filter((p) => about.has(p.sentence) || Math.abs(p.sentence - at) <= 2).map((p) => p.personId),
    );
    // farther off, the one person the article has speaking for the holder, for an act the holder
    // took (a vote, an acceptance), not a proposal named as a noun nor an attitude the reporter reads
    const voiced = !s.rule.startsWith('proposer:') && !s.evidence.some((e) => APPEARANCE.test(e.quote));
    s.speakerId = near ?? (voiced ? only(forHolder.map((p) => p.personId)) : null);
  }
}
