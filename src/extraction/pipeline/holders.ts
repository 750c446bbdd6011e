/**
 * Who holds a position expressed at a given place in a sentence: the
 * possessor of the cue ("Japan's intention"), the speaker a quote is
 * attributed to, the agent of a passive ("rejected by Ankara"), or the nearest
 * subject to the left that is not governed by a preposition.
 */
import type { ActorMention } from './actors.js';
import type { Token } from './tokens.js';

export interface SentenceView {
  text: string; // the whole normalised text
  start: number;
  end: number;
  tokens: Token[]; // all tokens
  tokFrom: number; // first token of the sentence
  tokTo: number; // one past the last token
  mentions: ActorMention[]; // actor mentions inside the sentence, by start
  /** spans the holder must not come from (proposal phrases) */
  excluded: Array<[number, number]>;
  /** where the text's quotes and commas are (one for all sentences) */
  marks: TextMarks;
}

/**
 * Where the quotes and commas of a text are, so that "inside a quotation?",
 * "the quotation around here" and "the comma before / after" are look-ups,
 * not scans: a sentence has many mentions and cues, each asking again.
 */
export interface TextMarks {
  /** quoteCount[i]: the number of '"' in text[0, i) */
  quoteCount: Int32Array;
  /** offsets of the '"', ascending */
  quotes: Int32Array;
  /** offsets of the ',', ascending */
  commas: Int32Array;
  /** scare[k]: whether the quotation closed by quotes[k] is a scare quote (1, 0; -1 not known yet) */
  scare: Int8Array;
}

export function markText(text: string): TextMarks {
  const quoteCount = new Int32Array(text.length + 1);
  const quotes: number[] = [];
  const commas: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quotes.push(i);
    else if (c === 44) commas.push(i);
    quoteCount[i + 1] = quotes.length;
  }
  return {
    quoteCount,
    quotes: Int32Array.from(quotes),
    commas: Int32Array.from(commas),
    scare: new Int8Array(quotes.length + 1).fill(-1),
  };
}

/** The first offset in `at` (ascending) that is >= pos, or -1 (String.indexOf on a mark). */
function firstFrom(at: Int32Array, pos: number): number {
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at[mid] < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo < at.length ? at[lo] : -1;
}

/** The last offset in `at` (ascending) that is <= pos, or -1 (String.lastIndexOf on a mark). */
function lastUpTo(at: Int32Array, pos: number): number {
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at[mid] <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? at[lo - 1] : -1;
}

export interface HolderHit {
  mention: ActorMention;
  via: 'possessive' | 'quote' | 'passive' | 'subject' | 'after-adverbial';
  /** the person who voiced it, when one is named in the same statement */
  speaker: ActorMention | null;
}

const POSSESSED = new Set([
  'stance',
  'position',
  'policy',
  'of',
  'on',
  'the',
  'own',
  'stated',
  'firm',
  'long',
  'standing',
  'consistent',
  'continued',
  'strong',
  'basic',
  'official',
  'clear',
  'growing',
  'apparent',
  'renewed',
  'view',
  'views',
]);
const ACCORDING = /\baccording\s+to\s+$/i;

/** A quoted word or two ("premature", "hostile policy") is the reporter's quoting, not a speech. */
export function scareQuote(text: string, v: SentenceView, pos: number): boolean {
  const { quoteCount, quotes, scare } = v.marks;
  // the quotes before and after pos: text.lastIndexOf('"', pos - 1) and text.indexOf('"', pos)
  const k = quoteCount[Math.max(0, pos)];
  const open = k > 0 ? quotes[k - 1] : pos <= 0 && text.charCodeAt(0) === 34 ? 0 : -1;
  const close = k < quotes.length ? quotes[k] : -1;
  if (open < v.start || close < 0 || close > v.end) return false;
  if (scare[k] < 0)
    scare[k] =
      text
        .slice(open + 1, close)
        .trim()
        .split(/\s+/).length <= 3
        ? 1
        : 0;
  return scare[k] === 1;
}

export function insideQuote(v: SentenceView, pos: number): boolean {
  return (v.marks.quoteCount[pos] - v.marks.quoteCount[v.start]) % 2 === 1;
}

/** "SEOUL, Sept. 25 (Yonhap) --", "UNITED NATIONS (AP) -", "BEIJING/TAIPEI, Nov 20 (Reuters) -": a dateline names a place. */
export function inDateline(v: SentenceView, m: ActorMention): boolean {
  if (m.start - v.start > 40 || /[a-z]/.test(v.text.slice(v.start, m.end))) return false;
  return (
    /^(?:\/[A-Z][A-Z ./]*)?(?:,\s*[A-Z][a-z]{2,4}\.?\s+\d{1,2})?\s*(?:\([^)]{1,40}\))?\s*(?:--|-|\u2014|\u2013)\s/.test(
      v.text.slice(m.end, m.end + 60),
    ) || /^(?:\/[A-Z][A-Z ./]*)?,\s*[A-Z][a-z]{2,4}\.?\s+\d{1,2}\s*\(/.test(v.text.slice(m.end, m.end + 60))
  );
}

function usable(v: SentenceView, m: ActorMention): boolean {
  if (m.pp || m.compound) return false;
  if (inDateline(v, m)) return false;
  for (const [a, b] of v.excluded) if (m.start >= a && m.start < b) return false;
  if (ACCORDING.test(v.text.slice(Math.max(v.start, m.start - 20), m.start))) return false;
  return true;
}

/** Prefer the person whose appositive contains an organ/state mention of the same state. */
function preferPerson(v: SentenceView, chosen: ActorMention, before: number): ActorMention {
  if (chosen.personId) return chosen;
  for (const m of v.mentions) {
    if (m.start >= chosen.start || m.start >= before) break;
    if (m.personId && m.holderId === chosen.holderId && !m.pp) {
      const between = v.text.slice(m.end, chosen.start);
      if (/^\s*,/.test(between)) return m;
    }
  }
  return chosen;
}

function speakerFor(v: SentenceView, holder: ActorMention, cueStart: number): ActorMention | null {
  if (holder.personId) return holder;
  // the statement's subject, if it is a person speaking for the same state
  for (const m of v.mentions) {
    if (m.start >= cueStart) break;
    if (m.personId && !m.pp && m.holderId === holder.holderId && usable(v, m)) return m;
  }
  return null;
}

export function findHolder(v: SentenceView, cueStart: number, cueEnd: number): HolderHit | null {
  const { text } = v;
  // passive agent: "was rejected by Ankara"
  const after = text.slice(cueEnd, Math.min(v.end, cueEnd + 6));
  if (/^\s+by\s/.test(after)) {
    const agent = v.mentions.find((m) => m.start > cueEnd && m.start <= cueEnd + 8);
    if (agent) return { mention: agent, via: 'passive', speaker: agent.personId ? agent : null };
  }
  // possessive right before the cue: "Chile's intention", "Ankara's firm stance of seeking"
  for (let k = v.mentions.length - 1; k >= 0; k--) {
    const m = v.mentions[k];
    if (m.end > cueStart) continue;
    if (!m.poss || m.compound) break;
    const words =
      text
        .slice(m.end, cueStart)
        .toLowerCase()
        .match(/[a-z]+/g) ?? [];
    if (words.length <= 3 && words.every((w) => POSSESSED.has(w))) {
      return { mention: m, via: 'possessive', speaker: speakerFor(v, m, cueStart) };
    }
    break;
  }
  // inside a quotation (not a scare quote of a word or two): the speaker it is attributed to
  if (insideQuote(v, cueStart) && !scareQuote(text, v, cueStart)) {
    let close = firstFrom(v.marks.quotes, cueEnd);
    if (close < 0 || close >= v.end) close = -1;
    if (close >= 0) {
      const m = v.mentions.find(
        (x) =>
          x.start > close &&
          !x.compound &&
          (!x.pp || /\b(?:at|from|of)\s+(?:the\s+)?$/.test(text.slice(x.start - 10, x.start))),
      );
      // only an attribution right after the quotation ('," Kim said', '," said a spokesman for Japan'), not a later clause
      const between = m ? text.slice(close + 1, m.start) : '';
      if (
        m &&
        between.length <= 60 &&
        !/\b(?:if|unless|but|because|while|when|whether|that|which|only)\b/i.test(between)
      ) {
        return { mention: m, via: 'quote', speaker: m.personId ? m : null };
      }
    }
    // the opening quote: the last one before the cue in the sentence
    let open = lastUpTo(v.marks.quotes, cueStart - 1);
    if (open < v.start) open = v.start - 1;
    for (let k = v.mentions.length - 1; k >= 0; k--) {
      const m = v.mentions[k];
      if (m.end <= open && usable(v, m)) return { mention: m, via: 'quote', speaker: m.personId ? m : null };
    }
    return null;
  }
  // nearest usable subject to the left, outside quotes
  let chosen: ActorMention | null = null;
  // "with 14 votes in favour and Russia abstaining": the subject of an absolute participle, even after "with ... and"
  {
    const last = v.mentions.filter((m) => m.end <= cueStart).pop();
    if (
      last &&
      last.pp &&
      !last.compound &&
      /^\s+$/.test(text.slice(last.end, cueStart)) &&
      /^\w+ing\b/.test(text.slice(cueStart, cueEnd))
    ) {
      return { mention: last, via: 'subject', speaker: last.personId ? last : null };
    }
  }
  for (const m of v.mentions) {
    if (m.start >= cueStart) break;
    if (!usable(v, m) || (insideQuote(v, m.start) && !scareQuote(text, v, m.start))) continue;
    if (inRelativeClause(v, m, cueStart)) continue;
    // "Sudan's U.N. ambassador": the organisation modifies the possessor's envoy, who speaks for the possessor
    if (
      chosen &&
      chosen.poss &&
      m.kind === 'ORGANIZATION' &&
      !m.personId &&
      /^\s?$/.test(text.slice(chosen.end, m.start))
    )
      continue;
    chosen = m;
  }
  if (chosen) {
    const h = preferPerson(v, chosen, cueStart);
    return { mention: h, via: 'subject', speaker: speakerFor(v, h, cueStart) };
  }
  // a leading adverbial ("In pursuing the deal ..., Lopez will ask"): the main-clause subject after it
  const comma = firstFrom(v.marks.commas, cueEnd);
  const leading = /^(?:in|after|while|when|by|before|despite|with|as|on|upon|having|to|since|though|although)\b/i.test(
    text.slice(v.start, v.start + 12),
  );
  if (leading && comma > 0 && comma < v.end && lastUpTo(v.marks.commas, cueStart) < v.start) {
    const m = v.mentions.find((x) => x.start > comma && usable(v, x) && !insideQuote(v, x.start));
    if (m) return { mention: m, via: 'after-adverbial', speaker: m.personId ? m : null };
  }
  return null;
}

/** "The M23 rebels, whom the United Nations says are backed by Rwanda, said ...": a mention inside a relative clause that closes before the cue. */
function inRelativeClause(v: SentenceView, m: ActorMention, cueStart: number): boolean {
  const open = lastUpTo(v.marks.commas, m.start);
  if (open < v.start) return false;
  if (!/^,\s*(?:whom|who|which|whose|where)\b/i.test(v.text.slice(open, m.start))) return false;
  const close = firstFrom(v.marks.commas, m.end);
  return close > 0 && close < cueStart;
}
