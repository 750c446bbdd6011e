/**
 * When a stance was taken: the dates a sentence mentions (some date the
 * report, some the proposal, some the event), the tense of the holder's verb,
 * and the discourse date a dated event sets for the past-tense narrative
 * that follows it.
 */
import type { ActorMention } from '../actors.js';
import type { DateMention } from '../dates.js';
import { ANON_SOURCE_RE } from '../lexicon.js';
import type { ProposalIntro } from '../proposals.js';
import type { CueHit } from './cues.js';

/** A stance's date; weak when it is only an upper bound (the report's or the publication's date). */
export interface StanceDate {
  date: string | null;
  weak: boolean;
  /** the date came from the discourse (an earlier sentence) */
  fromContext: boolean;
}

/** The dates one sentence mentions, sorted by what they date. */
export interface SentenceDates {
  /** dates of events: what the sentence reports took place then */
  events: DateMention[];
  /** the date of the report itself (a dateline, "officials said on Monday") */
  report: string | null;
  /** a date we cannot resolve ("last week", "in 2002") still says the statement is not the context's */
  ownUnresolved: boolean;
  /**
   * resolved dates a proposal's wording took as its own ("the bid on
   * Tuesday"): the parse may still show a verb's ("ratified the bid on Tuesday")
   */
  claimed: DateMention[];
}

/** The discourse date: set by a dated event, kept while the narrative goes on in the past tense. */
export interface Discourse {
  date: string | null;
  /** sentences since the date was set */
  age: number;
  /** the revision of the text the date belongs to */
  revision: number;
}

export const NO_DISCOURSE: Discourse = { date: null, age: 0, revision: -1 };

/** Sentences a discourse date survives without being used again. */
const CONTEXT_SPAN = 2;
const REFRESH_CONTEXT_ON_USE = false;

/** A verb of saying before a clause whose past perfect is reported speech. */
const REPORTED =
  /\b(?:said|says|told|announced|stated|confirmed|added)\b(?:\s+(?:that|on \w+))?\s+(?:it|they|he|she|we|the \w+)\s+had\s+(?:\w+\s+)?$/i;

/** Words that tell a statement as background, not as the report's news. */
const BACKGROUND = /\b(?:long|previously|repeatedly|consistently|already|earlier|once|initially|originally|used to)\b/i;

type Tense = 'perfect' | 'present' | 'past';

function tenseOf(fragment: string): Tense {
  if (
    /^(?:\w+\s+)?(?:has|have)\s+(?:\w+\s+)?(?:been|[a-z]+ed|shown|said|made|taken|given|known|told|seen|sought|held|kept|become)\b/i.test(
      fragment,
    )
  )
    return 'perfect';
  if (
    /^(?:\w+\s+)?(?:is|are|am|appears?|seems?|remains?|says|believes?|thinks?|wants?|hopes?|seeks?|opposes|supports|rejects|will|would|insists?|considers?|maintains?|signals?|continues?)\b/i.test(
      fragment,
    )
  )
    return 'present';
  return 'past';
}

/**
 * The dates of sentence `si` (its mentions `dates`, its proposal intros
 * `intros`): a dateline or an anonymous source's "said on" dates the report;
 * a date inside a proposal's name or one the proposal sets dates nothing;
 * the rest date events.
 */
export function sentenceDates(
  text: string,
  s: { start: number },
  si: number,
  dates: DateMention[],
  intros: ProposalIntro[],
): SentenceDates {
  const events: DateMention[] = [];
  const claimed: DateMention[] = [];
  let report: string | null = null;
  let ownUnresolved = false;
  for (const d of dates) {
    if (d.future) continue;
    // "VIENNA, June 6 (Reuters) -": the dateline dates the report, not what it reports
    if (
      si === 0 &&
      /^[A-Z][A-Z .,'/-]*,\s*$/.test(text.slice(s.start, d.start)) &&
      /^\s*(?:\([^)]{1,40}\))?\s*(?:--|-|\u2014|\u2013)/.test(text.slice(d.end, d.end + 50))
    ) {
      report = d.value;
      continue;
    }
    if (!d.value) {
      if (!intros.some((x) => d.start >= x.trigStart && d.start < x.rawEnd)) ownUnresolved = true;
      continue;
    }
    const before = text.slice(Math.max(s.start, d.start - 60), d.start);
    if (/\b(?:said|says|reported|told reporters|announced)\s+(?:on\s+)?$/i.test(before)) {
      const subj = before.replace(/\s*(?:said|says|reported|told reporters|announced)\s+(?:on\s+)?$/i, '');
      if (ANON_SOURCE_RE.test(subj.slice(-40))) {
        report = d.value;
        continue;
      }
    }
    // "a truce starting on Aug. 4", "by the end of the year", "the deal, which expires on Monday": a date the
    // proposal sets, not when anyone spoke
    if (
      /\b(?:starting|beginning|from|since|until|till|by|effective|deadline|due|expires?|expired|expiring|lapses?|lapsed)\s+(?:on\s+|in\s+|at\s+the\s+end\s+of\s+)?$/i.test(
        before,
      )
    )
      continue;
    // "since October", "until March" read with their preposition: a span's end, not an event's day
    if (/^(?:since|until|by|from)\s/i.test(d.text)) continue;
    // "condemned the October 7 attack": a date before a noun names a thing, it does not date the statement
    if (/\b(?:the|its|their|his|her|this|that)\s+$/i.test(before) && /^\s+[a-z]/.test(text.slice(d.end, d.end + 2)))
      continue;
    // a date inside a proposal's name is part of it; one trailing the name ("proposed talks with Japan on Monday") dates the statement
    if (intros.some((x) => x.date === d || (d.start >= x.trigStart && d.start < x.end))) {
      claimed.push(d);
      continue;
    }
    events.push(d);
  }
  return { events, report, ownUnresolved, claimed };
}

/**
 * The date of a statement at `at` by `holder`: the event date closest to it;
 * else by the tense of the holder's own verb, the discourse date (past), the
 * report's date (present or perfect), or the publication date (present).
 */
export function statementDate(
  text: string,
  dates: SentenceDates,
  discourse: Discourse,
  publishedOn: string | null,
  at: number,
  holder: ActorMention | null,
  lede = false,
): StanceDate {
  if (dates.events.length) {
    // the event date closest to the statement
    const sorted = dates.events.slice().sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at));
    return { date: sorted[0].value, weak: false, fromContext: false };
  }
  // the tense of the holder's own verb: skip an appositive, read the next few words
  let frag = holder ? text.slice(holder.end, Math.max(holder.end, at) + 30) : text.slice(at, at + 40);
  frag = frag.replace(/^\s*,[^,]{0,160},/, '');
  const tense = tenseOf(frag.trim().split(/\s+/).slice(0, 4).join(' '));
  if (dates.ownUnresolved) return { date: null, weak: false, fromContext: false };
  if (tense === 'past' && discourse.date && discourse.age <= CONTEXT_SPAN)
    return { date: discourse.date, weak: false, fromContext: true };
  if (tense !== 'past' && dates.report) return { date: dates.report, weak: true, fromContext: false };
  if (tense === 'present') return { date: publishedOn, weak: true, fromContext: false };
  // the lede's own statement ("has voted", "said") is the report's news, of its day, unless told as background
  if (lede && !BACKGROUND.test(frag)) return { date: dates.report ?? publishedOn, weak: true, fromContext: false };
  return { date: null, weak: false, fromContext: false };
}

/**
 * The date of the stance a cue states: the date the parse attaches to the
 * cue's own verb (`verbDate`); a date in the proposal the cue itself
 * introduces; none for a passive participle ("drafted by Britain" describes
 * the proposal); the nearest event for background in the past perfect ("had
 * initially opposed"), which the story does not date; else the statement's.
 */
export function cueDate(
  text: string,
  s: { start: number },
  h: CueHit,
  cue: string,
  intros: ProposalIntro[],
  statement: () => StanceDate,
  events: DateMention[],
  verbDate: DateMention | null = null,
): StanceDate {
  if (verbDate?.value && !/\sby$/i.test(cue)) return { date: verbDate.value, weak: false, fromContext: false };
  const ownIntro = intros.find((x) => x.date?.value && h.start <= x.trigStart && h.end >= x.trigEnd);
  if (ownIntro) return { date: ownIntro.date!.value, weak: false, fromContext: false };
  if (/\sby$/i.test(cue)) return { date: null, weak: false, fromContext: false };
  const pastPerfect = /\bhad\s+(?:\w+ly\s+|earlier\s+|long\s+|also\s+|previously\s+)?$/i.test(
    text.slice(Math.max(s.start, h.start - 24), h.start),
  );
  if (pastPerfect) {
    const nearest = events.slice().sort((a, b) => Math.abs(a.start - h.start) - Math.abs(b.start - h.start))[0];
    if (nearest?.value) return { date: nearest.value, weak: false, fromContext: false };
    // "Hamas said it had accepted the proposal": reported speech shifts the tense back; the statement dates it
    if (REPORTED.test(text.slice(s.start, h.start))) return statement();
    return { date: null, weak: false, fromContext: false };
  }
  return statement();
}

/** A new sentence: a new revision of the text starts without a discourse date; the date ages. */
export function enterSentence(d: Discourse, revision: number): Discourse {
  return { date: revision !== d.revision ? null : d.date, age: d.age + 1, revision };
}

/**
 * The discourse date after a sentence: set by a sentence-initial date ("At
 * the meeting on Oct. 19, ...") or, in the lede, by its first date (it stays
 * the story's date even when the lede is no stance); else by the date of a
 * statement the sentence reported.
 */
export function leaveSentence(
  d: Discourse,
  s: { start: number },
  events: DateMention[],
  lede: boolean,
  producedStance: boolean,
  usedContext: boolean,
): Discourse {
  const sentenceInitial = events.find((e) => e.start - s.start < 40);
  const setter = sentenceInitial?.value ? sentenceInitial : lede && events[0]?.value ? events[0] : null;
  if (setter) return { ...d, date: setter.value, age: 0 };
  if (producedStance && events.length && events[0].value) return { ...d, date: events[0].value, age: 0 };
  if (usedContext && REFRESH_CONTEXT_ON_USE) return { ...d, age: 0 };
  return d;
}
