/**
 * Position cues (stance-cues.json): where they are in the text, which of a
 * sentence's cues state something on their own, and what each one says.
 */
import {
  CUE_BY_PREFIX2,
  CUE_BY_WORD,
  CUE_UNINDEXED,
  NEGATION_BEFORE,
  PROPOSAL_NOUNS,
  type CompiledCue,
} from '../lexicon.js';
import { stem, tokenize, type Token } from '../tokens.js';
import type { Position } from '../types.js';

export interface CueHit {
  cue: CompiledCue;
  start: number;
  end: number;
}

/** What a cue says: its position (turned by a negation before it), its wording, and how sure the cue is. */
export interface CueReading {
  position: Position;
  cue: string;
  confidence: number;
}

/** A break between two clauses: what a cue reaches does not cross it. */
export const CLAUSE_BREAK = /;|\s--\s|\bbut\b|\bwhile\b|\bwhereas\b|\balthough\b|,\s+(?:and|or)\b/i;

/** All cue matches in the text: candidate cues are looked up by their first word; `added` ones (analysts') are tried everywhere. */
export function scanCues(text: string, tokens: Token[], added: readonly CompiledCue[] = []): CueHit[] {
  const hits: CueHit[] = [];
  const tryCue = (cue: CompiledCue, at: number): void => {
    cue.re.lastIndex = at;
    const m = cue.re.exec(text);
    if (m && m.index === at) hits.push({ cue, start: at, end: at + m[0].length });
  };
  for (const t of tokens) {
    const list = CUE_BY_WORD.get(t.key);
    if (list) for (const c of list) tryCue(c, t.start);
    const bucket = CUE_BY_PREFIX2.get(t.key.slice(0, 2));
    if (bucket) for (const [prefix, c] of bucket) if (t.key.startsWith(prefix)) tryCue(c, t.start);
    for (const c of CUE_UNINDEXED) tryCue(c, t.start);
    for (const c of added) tryCue(c, t.start);
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  // drop matches inside a longer one
  const out: CueHit[] = [];
  for (const h of hits) {
    // inside a hyphenated word: "British-drafted", "U.S.-backed" are modifiers, not statements
    if (h.start > 0 && text[h.start - 1] === '-') continue;
    const last = out[out.length - 1];
    if (last && h.start >= last.start && h.end <= last.end) continue;
    out.push(h);
  }
  return out;
}

/** "adopted with 20 votes in favour": a tally, not a voter. */
function isTally(text: string, sentenceStart: number, h: CueHit): boolean {
  return (
    /^votes?\b/i.test(text.slice(h.start, h.end)) &&
    /\d\s*$/.test(text.slice(Math.max(sentenceStart, h.start - 8), h.start))
  );
}

/**
 * The cues of one sentence that state something: a cue inside the reach of
 * the one before it is governed by it ("reluctance to accept") and says
 * nothing of its own; a tally governs nothing. `ownClause` says, from the
 * parse, that a cue heads a clause of its own (parsed/holder.ts).
 */
export function governingCues(
  text: string,
  sentenceStart: number,
  cues: CueHit[],
  ownClause: (h: CueHit) => boolean = () => false,
): CueHit[] {
  const kept: CueHit[] = [];
  for (const h of cues) {
    if (isTally(text, sentenceStart, h)) continue;
    const gov = kept[kept.length - 1];
    // "accepted the proposal put forward by Qatar": a cue with its own agent is held by it, governed by nothing;
    // so is one heading a clause of its own ("its backing since Turkey ratified the request")
    if (gov && !/\sby$/i.test(text.slice(h.start, h.end)) && !ownClause(h)) {
      const between = text.slice(gov.end, h.start);
      const words = between.trim() ? between.trim().split(/\s+/).length : 0;
      if (words <= gov.cue.gap && !/[;.]/.test(between) && !CLAUSE_BREAK.test(between)) continue;
    }
    kept.push(h);
  }
  return kept;
}

/** The index of the first token that starts at or after `pos`. */
export function tokenIndexAt(tokens: Token[], pos: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The cue describes a proposal instead of stating a position on one: "a
 * resolution calling for ..." (the proposal's content), "the proposed talks",
 * "the rejected plan" (a participle used as an adjective).
 */
export function describesProposal(text: string, tokens: Token[], sentenceStart: number, h: CueHit): boolean {
  const ti = tokenIndexAt(tokens, h.start);
  if (
    ti > 0 &&
    /ing\b/.test(text.slice(h.start, h.end).split(/\s/)[0]) &&
    PROPOSAL_NOUNS.has(stem(tokens[ti - 1].key)) &&
    /^\s+$/.test(text.slice(tokens[ti - 1].end, h.start))
  )
    return true;
  return (
    /ed$/i.test(text.slice(h.start, h.end)) &&
    /\b(?:the|a|an|its|their|his|her)\s+$/i.test(text.slice(Math.max(sentenceStart, h.start - 8), h.start))
  );
}

/** The cue's position, wording and weight; a negation before a negatable cue turns it ("did not support"). */
export function readCue(text: string, sentenceStart: number, h: CueHit): CueReading {
  let position = h.cue.position;
  // (a pattern may end in a space that keeps it from matching inside a longer word: not part of the cue)
  let cue = text.slice(h.start, h.end).trimEnd();
  let confidence = h.cue.weight;
  if (h.cue.negatable) {
    const before = text.slice(Math.max(sentenceStart, h.start - 60), h.start);
    const neg = NEGATION_BEFORE.exec(before);
    if (neg) {
      position = position === 'SUPPORT' ? 'OPPOSE' : 'NONCOMMITTAL';
      cue = text.slice(h.start - (before.length - neg.index), h.end).trim();
      confidence -= 0.05;
    }
  }
  return { position, cue, confidence };
}

/** "the day the meeting had been proposed", "the plan was rejected": a passive without its agent names no holder. */
export function isAgentlessPassive(text: string, sentenceStart: number, h: CueHit, cue: string): boolean {
  return (
    /^\w+ed$/i.test(cue) &&
    /\b(?:been|being|was|were|is|are|be)\s+(?:\w+ly\s+)?$/i.test(
      text.slice(Math.max(sentenceStart, h.start - 24), h.start),
    ) &&
    !/^\s+(?:to|by|with|about|in)\b/i.test(text.slice(h.end, h.end + 6))
  );
}

/** Whether the lexicon (or the cues added to it) already reads `words` whole as a cue: a new cue would add nothing. */
export function isKnownCue(words: string, added: readonly CompiledCue[] = []): boolean {
  const text = words.trim();
  return scanCues(text, tokenize(text), added).some((h) => h.start === 0 && h.end >= text.length);
}
