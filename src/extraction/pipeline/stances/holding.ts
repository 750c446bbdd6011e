/**
 * Who holds the stance a cue states: the holder the sentence names (a person
 * speaks for their state), a list of actors after the cue, the actors
 * coordinated with the holder, or the speaker carried over from the
 * statement before ("He added ...", a quotation running on).
 */
import type { ActorMention } from '../actors.js';
import { findHolder, type HolderHit, type SentenceView } from '../holders.js';
import type { CueHit } from './cues.js';

/** The last person who made a statement, and whether a sentence has "he said", "she added", ... */
export interface SpeakerMemory {
  last: { mention: ActorMention; si: number } | null;
  /** read once per sentence, not once per cue */
  pronounIn: Array<boolean | undefined>;
}

export function newSpeakerMemory(): SpeakerMemory {
  return { last: null, pronounIn: [] };
}

const PRONOUN_SPEAKS =
  /(?:^|[\s,"])(?:he|she)\s+(?:\w+\s+)?(?:said|says|added|told|stressed|noted|warned|insisted|argued|repeated|called|described|dismissed|rejected|welcomed|urged)\b/i;

/**
 * The holder of the cue in sentence `si` (view `v`) and the actors listed
 * after it, or null when nobody holds it. A cue ending in "by" ("a plan
 * published by China") is held only by the agent after it.
 */
export function holderOfCue(
  text: string,
  views: SentenceView[],
  si: number,
  h: CueHit,
  speakers: SpeakerMemory,
): { holder: HolderHit; listed: ActorMention[] } | null {
  const v = views[si];
  const listed = listAfterCue(v, h.start, h.end);
  const byAgent = /\sby$/i.test(text.slice(h.start, h.end));
  if (byAgent && !listed.length) return null;
  let holder = byAgent ? null : findHolder(v, h.start, h.end);
  // "Those abstaining also included ...": the list holds it, not the subject before the cue
  if (
    listed.length &&
    holder &&
    holder.mention.end <= h.start &&
    /^\s*(?:,\s*)?(?:(?:also|further|notably)\s+)?(?:included|include|includes|including|were|are|:)/i.test(
      text.slice(h.end, h.end + 20),
    )
  )
    holder = null;
  if (!holder && listed.length)
    holder = { mention: listed[0], via: 'subject', speaker: listed[0].personId ? listed[0] : null };
  if (!holder) holder = carriedHolder(text, views, si, h.start, speakers);
  return holder ? { holder, listed } : null;
}

/** "He said ...", or a quotation that runs on: the person who spoke last holds it. */
function carriedHolder(
  text: string,
  views: SentenceView[],
  si: number,
  at: number,
  speakers: SpeakerMemory,
): HolderHit | null {
  const v = views[si];
  const before = text.slice(v.start, at);
  const quoteOnly = v.mentions.length === 0 && text[v.start] === '"';
  const hasPronoun =
    (speakers.pronounIn[si] ??= PRONOUN_SPEAKS.test(text.slice(v.start, v.end))) || /^(?:He|She)\s/.test(before);
  if (!hasPronoun && !quoteOnly) return null;
  // the most recent person named as a subject in the last three sentences
  for (let k = si; k >= Math.max(0, si - 3); k--) {
    const ms = views[k].mentions;
    for (let j = ms.length - 1; j >= 0; j--) {
      const m = ms[j];
      if (k === si && m.start >= at) continue;
      if (m.personId && !m.pp && !m.compound) return { mention: m, via: 'quote', speaker: m };
    }
    if (quoteOnly && k < si && k === si - 1 && !speakers.last) break;
  }
  const last = speakers.last;
  if (last && si - last.si <= 2) return { mention: last.mention, via: 'quote', speaker: last.mention };
  return null;
}

/** The others who hold it with the holder: those coordinated with it, and those listed after the cue. */
export function coHolders(
  v: SentenceView,
  holder: HolderHit,
  listed: ActorMention[],
  cueStart: number,
): ActorMention[] {
  const coordinated = holder.via === 'possessive' ? [] : coordinatedWith(v, holder.mention, cueStart);
  for (const m of listed) if (!coordinated.includes(m)) coordinated.push(m);
  return coordinated;
}

const LIST_SEP = /^(?:\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s+as\s+well\s+as\s+)(?:the\s+)?$/i;

/** Actor mentions coordinated with the holder in a list: "France, Spain and the African Union endorsed". */
function coordinatedWith(v: SentenceView, holder: ActorMention, cueStart: number): ActorMention[] {
  const ms = v.mentions;
  const k = ms.indexOf(holder);
  if (k < 0) return [];
  const out: ActorMention[] = [];
  const ok = (m: ActorMention): boolean =>
    !m.compound && !m.poss && (m.personId === null) === (holder.personId === null);
  for (let j = k - 1; j >= 0; j--) {
    const m = ms[j];
    // ("11 countries, including Poland, Israel and Italy, abstained": the list starts after "including")
    const heads =
      m.pp !== holder.pp && /\bincluding\s+(?:the\s+)?$/i.test(v.text.slice(Math.max(v.start, m.start - 16), m.start));
    if (!ok(m) || (m.pp !== holder.pp && !heads) || !LIST_SEP.test(v.text.slice(m.end, ms[j + 1].start))) break;
    out.push(m);
  }
  // a list that starts before the cue goes on up to it; one after the cue ("by A, B and C") goes on to its end
  for (let j = k + 1; j < ms.length; j++) {
    const m = ms[j];
    if (holder.start < cueStart && m.start > cueStart) break;
    if (!ok(m) || !LIST_SEP.test(v.text.slice(ms[j - 1].end, m.start))) break;
    out.push(m);
  }
  if (out.length && !out.every((m) => m.holderId)) return out.filter((m) => m.holderId);
  // "Russia was joined in voting no by Belarus ...": the subject joins the agents
  if (holder.start > cueStart) {
    const subj = ms.filter((m) => m.end <= cueStart && !m.pp && !m.compound).pop();
    if (subj && /\b(?:was|were|is|are)\s+joined\s+(?:in\s+)?(?:\w+\s+){0,2}$/i.test(v.text.slice(subj.end, cueStart)))
      out.push(subj);
  }
  return out;
}

/** A list of actors right after the cue: "those abstaining included A, B and C", "abstained were A and B". */
function listAfterCue(v: SentenceView, cueStart: number, cueEnd: number): ActorMention[] {
  const rest = v.text.slice(cueEnd, Math.min(v.end, cueEnd + 40));
  const joined = /\bjoined\s+(?:in\s+)?$/i.test(v.text.slice(Math.max(v.start, cueStart - 12), cueStart));
  const m0 = /\bby$/i.test(v.text.slice(cueEnd - 3, cueEnd))
    ? /^\s+(?:the\s+)?/.exec(rest)
    : joined
      ? // "Bolivia was joined in voting against it by Paraguay"
        /^\s+(?:(?:it|them|the\s+\w+)\s+)?by\s+(?:the\s+)?/i.exec(rest)
      : /^\s*(?:,\s*)?(?:(?:also|further|notably)\s+)?(?:included|include|includes|including|were|was|are|:)\s+(?:the\s+)?/i.exec(
          rest,
        );
  if (!m0) return [];
  let at = cueEnd + m0[0].length;
  const ms = v.mentions;
  let k = ms.findIndex((m) => m.start === at);
  // "floated by Pacific island nations including the Marshall Islands and ...": a group named by a
  // description, then its members: the members hold it
  if (k < 0 && /\bby$/i.test(v.text.slice(cueEnd - 3, cueEnd))) {
    const g =
      /^\s+(?:the\s+)?(?:[\p{L}-]+\s+){1,5}?(?:,\s*)?(?:including|such\s+as|among\s+them|led\s+by)\s+(?:the\s+)?/iu.exec(
        v.text.slice(cueEnd, Math.min(v.end, cueEnd + 90)),
      );
    if (g && !ms.some((m) => m.start >= cueEnd && m.start < cueEnd + g[0].length)) {
      at = cueEnd + g[0].length;
      k = ms.findIndex((m) => m.start === at);
    }
  }
  if (k < 0) return [];
  const out = [ms[k]];
  for (k = k + 1; k < ms.length; k++) {
    if (ms[k].compound || !LIST_SEP.test(v.text.slice(ms[k - 1].end, ms[k].start))) break;
    out.push(ms[k]);
  }
  return out.filter((m) => m.holderId);
}
