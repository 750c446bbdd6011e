/**
 * What the stance steps read: the article, indexed once (StanceText), and
 * each sentence's share of it (SentenceScope): its cues, dates, proposal
 * mentions and intros, and where speculation silences it.
 */
import type { DateMention } from '../dates.js';
import type { SentenceView } from '../holders.js';
import { BLOCKER_RE, SAKE_RE } from '../lexicon.js';
import type { ProposalIntro, ProposalMention, ProposalTable } from '../proposals.js';
import type { Sentence } from '../sentences.js';
import type { Token } from '../tokens.js';
import { headsOwnClause } from '../parsed/holder.js';
import type { ParseIndex } from '../parsed/index.js';
import { governingCues, type CueHit } from './cues.js';
import { sentenceDates, type SentenceDates } from './dating.js';

export type StanceSentence = Sentence & { revision: number; tokFrom: number; tokTo: number };

export interface StanceText {
  text: string;
  tokens: Token[];
  sentences: StanceSentence[];
  views: SentenceView[];
  proposals: ProposalTable;
  /** the proposal mentions (by start) and their starts */
  proposalMentions: ProposalMention[];
  proposalStarts: number[];
  /** the proposal intros by the start of their trigger, and those starts */
  introsByTrigger: ProposalIntro[];
  introStarts: number[];
  publishedOn: string | null;
  /** The article's parse, when a parser ran (the dependency steps read it). */
  parse: ParseIndex | null;
}

export interface SentenceScope {
  si: number;
  sentence: StanceSentence;
  view: SentenceView;
  /** the cues that state something (governingCues) */
  cues: CueHit[];
  intros: ProposalIntro[];
  mentions: ProposalMention[];
  dates: SentenceDates;
  /** where speculation ("it is uncertain whether") starts silencing the sentence (Infinity: nowhere) */
  blockedFrom: number;
  /** "talks for talks' sake": cues near one are about an empty version of the thing */
  sakes: Array<[number, number]>;
}

export function stanceText(inp: {
  text: string;
  tokens: Token[];
  sentences: StanceSentence[];
  views: SentenceView[];
  proposals: ProposalTable;
  publishedOn: string | null;
  parse: ParseIndex | null;
}): StanceText {
  const introsByTrigger = inp.proposals.intros.slice().sort((a, b) => a.trigStart - b.trigStart);
  return {
    ...inp,
    proposalMentions: inp.proposals.mentions,
    proposalStarts: inp.proposals.mentions.map((m) => m.start),
    introsByTrigger,
    introStarts: introsByTrigger.map((x) => x.trigStart),
  };
}

/** First index whose value is >= x (values ascending). */
export function lowerBound(values: number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The items (by start) of one sentence, read from `from` on: a cursor over
 * the whole text's items; `next` is where the next sentence reads from.
 */
export function itemsIn<T extends { start: number }>(
  items: T[],
  from: number,
  s: { start: number; end: number },
): { inside: T[]; next: number } {
  const inside: T[] = [];
  let i = from;
  while (i < items.length && items[i].start < s.end) {
    if (items[i].start >= s.start) inside.push(items[i]);
    i++;
  }
  return { inside, next: i };
}

/** Sentence `si`'s share of the text, given its cues and dates. */
export function sentenceScope(t: StanceText, si: number, cues: CueHit[], dates: DateMention[]): SentenceScope {
  const s = t.sentences[si];
  const intros: ProposalIntro[] = [];
  for (
    let k = lowerBound(t.introStarts, s.start);
    k < t.introsByTrigger.length && t.introsByTrigger[k].trigStart < s.end;
    k++
  )
    intros.push(t.introsByTrigger[k]);
  const pmFrom = lowerBound(t.proposalStarts, s.start);
  let pmTo = pmFrom;
  while (pmTo < t.proposalMentions.length && t.proposalMentions[pmTo].start < s.end) pmTo++;
  // blockers: speculation ("it is uncertain whether") silences what follows it
  let blockedFrom = Infinity;
  BLOCKER_RE.lastIndex = 0;
  const bm = BLOCKER_RE.exec(s.text);
  if (bm) blockedFrom = s.start + bm.index;
  const sakes: Array<[number, number]> = [];
  SAKE_RE.lastIndex = 0;
  for (let m = SAKE_RE.exec(s.text); m; m = SAKE_RE.exec(s.text))
    sakes.push([s.start + m.index, s.start + m.index + m[0].length]);
  return {
    si,
    sentence: s,
    view: t.views[si],
    cues: governingCues(t.text, s.start, cues, (h) => {
      const g = t.parse?.at(h.start);
      return !!g && headsOwnClause(g, h.start, h.end);
    }),
    intros,
    mentions: t.proposalMentions.slice(pmFrom, pmTo),
    dates: sentenceDates(t.text, s, si, dates, intros),
    blockedFrom,
    sakes,
  };
}

/** The cue is in the silenced part of its sentence, or near a "for its own sake". */
export function silenced(scope: SentenceScope, h: CueHit): boolean {
  return (
    h.start >= scope.blockedFrom || scope.sakes.some(([a, b]) => Math.abs(h.start - b) < 60 || Math.abs(a - h.end) < 60)
  );
}
