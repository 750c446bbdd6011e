/**
 * Where, in its evidence, each part of a stance is written: the holder, the
 * speaker, the cue, the proposal, each condition and the date. Found after
 * the stance steps have decided, from what they decided (ids, cue and
 * condition words) and the mentions the earlier steps found, so that a
 * reader can see why the extractor read what it read. Offsets are in the
 * normalised text, like every span of the pipeline.
 */
import type { ActorMention } from './actors.js';
import type { DateMention } from './dates.js';
import type { ProposalMention } from './proposals.js';
import { firstFrom } from './tokens.js';
import type { ExtractedStance, Mark } from './types.js';

/** The mentions marks are found among, each list in order of its start (markSources sorts them). */
export interface MarkSources {
  text: string;
  actorMentions: readonly ActorMention[];
  proposalMentions: readonly ProposalMention[];
  dates: readonly DateMention[];
}

/** MarkSources with each list in order of its start, as marksOf reads them (once per article). */
export function markSources(
  text: string,
  actorMentions: readonly ActorMention[],
  proposalMentions: readonly ProposalMention[],
  dates: readonly DateMention[],
): MarkSources {
  const byStart = <T extends { start: number }>(list: readonly T[]): T[] => [...list].sort((a, b) => a.start - b.start);
  return {
    text,
    actorMentions: byStart(actorMentions),
    proposalMentions: byStart(proposalMentions),
    dates: byStart(dates),
  };
}

/** The items of a list in order of start that lie inside [from, to): found by halving, not by reading the whole list. */
function spanned<T extends { start: number; end: number }>(list: readonly T[], from: number, to: number): T[] {
  const out: T[] = [];
  for (let i = firstFrom(list, from, (m) => m.start); i < list.length && list[i].start < to; i++)
    if (list[i].end <= to) out.push(list[i]);
  return out;
}

/** The marks of one stance, in text order, each inside one of its evidence spans. */
export function marksOf(stance: ExtractedStance, src: MarkSources): Mark[] {
  const marks: Mark[] = [];
  const add = (kind: Mark['kind'], charStart: number, charEnd: number) => {
    if (!marks.some((m) => m.kind === kind && m.charStart === charStart && m.charEnd === charEnd))
      marks.push({ kind, charStart, charEnd });
  };
  for (const e of stance.evidence) {
    const named = spanned(src.actorMentions, e.charStart, e.charEnd).filter((m) => !dateline(src.text, m));
    // The holder as named (a state, or a person or body speaking for it); the speaker where named apart.
    const holder = named.filter((m) => m.actorId === stance.actorId);
    for (const m of holder.length > 0 ? holder : named.filter((m) => m.holderId === stance.actorId && !m.personId))
      add('holder', m.start, m.end);
    if (stance.speakerId)
      for (const m of named.filter((m) => m.actorId === stance.speakerId || m.personId === stance.speakerId))
        add('speaker', m.start, m.end);
    for (const m of spanned(src.proposalMentions, e.charStart, e.charEnd).filter(
      (m) => m.proposalId === stance.proposalId,
    ))
      add('proposal', m.start, m.end);
    for (const at of occurrences(src.text, e.charStart, e.charEnd, stance.cue)) add('cue', at, at + stance.cue.length);
    for (const c of stance.conditions)
      for (const at of occurrences(src.text, e.charStart, e.charEnd, c)) add('condition', at, at + c.length);
    if (stance.statedOn)
      for (const d of spanned(src.dates, e.charStart, e.charEnd).filter(
        (d) => d.value !== null && sameDay(d.value, stance.statedOn!),
      ))
        add('date', d.start, d.end);
  }
  return marks.sort((a, b) => a.charStart - b.charStart || a.charEnd - b.charEnd);
}

/** A place name opening a line before a dash ("BRASILIA - "): where the report was filed, not who spoke. */
function dateline(text: string, m: { start: number; end: number }): boolean {
  return (
    (m.start === 0 || text[m.start - 1] === '\n') && /^\s*(\([^)]*\)\s*)?[-–—]/.test(text.slice(m.end, m.end + 40))
  );
}

/** Where `words` occur in text[from, to), ignoring case (at most three places). */
function occurrences(text: string, from: number, to: number, words: string): number[] {
  if (!words) return [];
  const hay = text.slice(from, to).toLowerCase();
  const needle = words.toLowerCase();
  const found: number[] = [];
  for (let at = hay.indexOf(needle); at >= 0 && found.length < 3; at = hay.indexOf(needle, at + needle.length))
    found.push(from + at);
  return found;
}

/** A date mention's value and a stance's statedOn name the same day (or one is the other's month). */
function sameDay(value: string, statedOn: string): boolean {
  return value === statedOn || value.startsWith(statedOn) || statedOn.startsWith(value);
}
