/**
 * The date the cue's own verb carries in the parse: "Turkey's parliament
 * ratified Sweden's NATO membership bid on Tuesday" attaches "Tuesday" to
 * "ratified" (obl:on), so the ratification is Tuesday's even though the
 * surface reading gave the date to the proposal named just before it. The
 * parser often hangs such a date on the object instead ("bid" nmod:on
 * "Tuesday"): a day or month after the cue's object, on or in it, dates the
 * act on the object all the same ("the agreement of 19 September" names it).
 */
import type { DateMention } from '../dates.js';
import type { SentenceGraph } from './graph.js';

/** Relations by which a time expression modifies a verb. */
const TEMPORAL = new Set(['obl', 'obl:tmod', 'nmod:tmod', 'obl:npmod', 'advmod']);
/** The cue's object, and how a date may hang on it and still be the act's. */
const OBJECTS = new Set(['obj', 'nsubj:pass']);
/** Tokens from the object's head to the date's: "bid on Tuesday" is 2; farther, the date is another clause's. */
const MAX_GAP = 3;
const ON_OBJECT = (rel: string): boolean => rel === 'nmod:tmod' || rel === 'nmod:on' || rel === 'nmod:in';

/** Of `dates`, the one attached to the cue's head token as a time modifier; null when none is. */
export function dateOfCueVerb(
  g: SentenceGraph,
  cueStart: number,
  cueEnd: number,
  dates: DateMention[],
): DateMention | null {
  const cue = g.headOf(cueStart, cueEnd);
  if (cue < 0) return null;
  for (const d of dates) {
    const head = g.headOf(d.start, d.end);
    if (head < 0 || head === cue) continue;
    const arc = g.relation(head);
    if (!arc) continue;
    if (arc.token === cue && TEMPORAL.has(arc.base)) return d;
    const object = g.relation(arc.token);
    if (
      object?.token === cue &&
      OBJECTS.has(object.base) &&
      ON_OBJECT(arc.rel) &&
      head > arc.token &&
      head - arc.token <= MAX_GAP
    )
      return d;
  }
  return null;
}
