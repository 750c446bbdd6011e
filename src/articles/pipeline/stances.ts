/**
 * Stances: for each sentence, the position cues it contains (stance-cues.json),
 * the proposal each cue is about, who holds it (a person speaks for their
 * state), conditions, the date it was taken, and the evidence span; plus the
 * SUPPORT of whoever put a proposal forward. Duplicates inside one article
 * (the same fact told twice, or in two revisions) merge into one stance with
 * several evidence spans.
 */
import type { ActorMention, ActorTable } from './actors.js';
import { dateCompatible, type DateMention } from './dates.js';
import { findHolder, insideQuote, type HolderHit, type SentenceView } from './holders.js';
import {
  ANAPHOR_TYPED,
  ANON_SOURCE_RE,
  BLOCKER_RE,
  CONDITION_RE,
  CONDITION_STOP_RE,
  CUE_BY_PREFIX2,
  CUE_BY_WORD,
  CUE_UNINDEXED,
  GERUND_CONDITION_RE,
  HEDGE_RE,
  NEGATION_BEFORE,
  PROPOSAL_NOUNS,
  SAKE_RE,
  type CompiledCue,
} from './lexicon.js';
import { resolveAnaphor, type ProposalMention, type ProposalTable } from './proposals.js';
import type { Sentence } from './sentences.js';
import { stem, type Token } from './tokens.js';
import type { ExtractedStance, Position, Span } from './types.js';

export interface CueHit {
  cue: CompiledCue;
  start: number;
  end: number;
}

/** All cue matches in the text: candidate cues are looked up by their first word. */
export function scanCues(text: string, tokens: Token[]): CueHit[] {
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

interface Candidate {
  actorId: string;
  proposalId: string;
  position: Position;
  cue: string;
  conditions: string[];
  speakerId: string | null;
  statedOn: string | null;
  /** the date is only an upper bound (report or publication date) */
  weakDate: boolean;
  confidence: number;
  rule: string;
  span: Span;
  order: number;
}

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

const PRONOUN_SPEAKS =
  /(?:^|[\s,"])(?:he|she)\s+(?:\w+\s+)?(?:said|says|added|told|stressed|noted|warned|insisted|argued|repeated|called|described|dismissed|rejected|welcomed|urged)\b/i;

/** Sentences a discourse date survives without being used again. */
const CONTEXT_SPAN = 2;
const REFRESH_CONTEXT_ON_USE = false;
const CLAUSE_BREAK = /;|\s--\s|\bbut\b|\bwhile\b|\bwhereas\b|\balthough\b|,\s+(?:and|or)\b/i;
const LEADING_TOPIC = /^(?:with|regarding|on|as for|asked about|concerning|over|about|as to|in response to)\b/i;

export interface StanceInputs {
  text: string;
  tokens: Token[];
  sentences: Array<Sentence & { revision: number; tokFrom: number; tokTo: number }>;
  views: SentenceView[];
  actors: ActorTable;
  proposals: ProposalTable;
  dates: DateMention[];
  publishedOn: string | null;
}

function tokenIndexAt(tokens: Token[], pos: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose value is >= x (values ascending). */
function lowerBound(values: number[], x: number): number {
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
 * How far a condition reads after its marker, in characters (the longest
 * condition an analyst may record, LIMITS.condition): each marker reads to
 * the next stop, and without one, in a sentence of markers, every marker
 * would read to the sentence's end.
 */
const MAX_CONDITION_CHARS = 500;

/** Whitespace and the punctuation a condition does not end with. */
const TRAILING = new Set([' ', '\t', '\n', '\r', '\f', '\v', '.', ',', ';', ':']);

export function cleanCondition(raw: string): string {
  let c = raw;
  const stop = CONDITION_STOP_RE.exec(c);
  if (stop) c = c.slice(0, stop.index);
  c = c.replace(/"/g, '').replace(/\s+/g, ' ');
  // trailing punctuation off, from the end (a /[\s.,;:]+$/ retries from every mark of a long run)
  let e = c.length;
  while (e > 0 && TRAILING.has(c[e - 1])) e--;
  return c.slice(0, e).trim();
}

export function extractStances(inp: StanceInputs, cues: CueHit[] = scanCues(inp.text, inp.tokens)): ExtractedStance[] {
  const { text, tokens, sentences, views, proposals, dates } = inp;
  const pMentions = proposals.mentions;
  const pmStarts = pMentions.map((m) => m.start);
  const introsByTrig = proposals.intros.slice().sort((a, b) => a.trigStart - b.trigStart);
  const introStarts = introsByTrig.map((x) => x.trigStart);
  const candidates: Candidate[] = [];
  // the discourse date: set by a dated event, kept while the narrative goes on in the past tense
  let contextDate: string | null = null;
  let contextAge = 0;
  let contextRevision = -1;
  let ci = 0;
  let di = 0;
  let order = 0;
  // the last person who made a statement, for "He said ..." and quotations running on
  let lastSpeaker: { mention: ActorMention; si: number } | null = null;
  // whether a sentence has "he said", "she added", ...: read once per sentence, not once per cue
  const pronounIn: Array<boolean | undefined> = [];
  const carriedHolder = (si: number, at: number): HolderHit | null => {
    const v = views[si];
    const before = text.slice(v.start, at);
    const quoteOnly = v.mentions.length === 0 && text[v.start] === '"';
    const hasPronoun =
      (pronounIn[si] ??= PRONOUN_SPEAKS.test(text.slice(v.start, v.end))) || /^(?:He|She)\s/.test(before);
    if (!hasPronoun && !quoteOnly) return null;
    // the most recent person named as a subject in the last three sentences
    for (let k = si; k >= Math.max(0, si - 3); k--) {
      const ms = views[k].mentions;
      for (let j = ms.length - 1; j >= 0; j--) {
        const m = ms[j];
        if (k === si && m.start >= at) continue;
        if (m.personId && !m.pp && !m.compound) return { mention: m, via: 'quote', speaker: m };
      }
      if (quoteOnly && k < si && k === si - 1 && !lastSpeaker) break;
    }
    if (lastSpeaker && si - lastSpeaker.si <= 2)
      return { mention: lastSpeaker.mention, via: 'quote', speaker: lastSpeaker.mention };
    return null;
  };

  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si];
    const v = views[si];
    if (s.revision !== contextRevision) {
      contextDate = null;
      contextRevision = s.revision;
    }
    contextAge++;
    let contextUsed = false;
    const sCues: CueHit[] = [];
    while (ci < cues.length && cues[ci].start < s.end) {
      if (cues[ci].start >= s.start) sCues.push(cues[ci]);
      ci++;
    }
    const sDates: DateMention[] = [];
    while (di < dates.length && dates[di].start < s.end) {
      if (dates[di].start >= s.start) sDates.push(dates[di]);
      di++;
    }
    const candidatesBefore = candidates.length;
    const sIntros: typeof proposals.intros = [];
    for (let k = lowerBound(introStarts, s.start); k < introsByTrig.length && introsByTrig[k].trigStart < s.end; k++)
      sIntros.push(introsByTrig[k]);
    const pmFrom = lowerBound(pmStarts, s.start);
    let pmTo = pmFrom;
    while (pmTo < pMentions.length && pMentions[pmTo].start < s.end) pmTo++;
    const sMentions = pMentions.slice(pmFrom, pmTo);
    const sText = s.text;
    // blockers: speculation ("it is uncertain whether") silences what follows it
    let blockedFrom = Infinity;
    BLOCKER_RE.lastIndex = 0;
    const bm = BLOCKER_RE.exec(sText);
    if (bm) blockedFrom = s.start + bm.index;
    const sakes: Array<[number, number]> = [];
    SAKE_RE.lastIndex = 0;
    for (let m = SAKE_RE.exec(sText); m; m = SAKE_RE.exec(sText))
      sakes.push([s.start + m.index, s.start + m.index + m[0].length]);

    // --- dates in this sentence: report dates, proposal dates, event dates
    const eventDates: DateMention[] = [];
    let reportDate: string | null = null;
    // a date we cannot resolve ("last week", "in 2002") still says the statement is not the context's
    let ownUnresolvedDate = false;
    for (const d of sDates) {
      if (d.future) continue;
      // "VIENNA, June 6 (Reuters) -": the dateline dates the report, not what it reports
      if (
        si === 0 &&
        /^[A-Z][A-Z .,'/-]*,\s*$/.test(text.slice(s.start, d.start)) &&
        /^\s*(?:\([^)]{1,40}\))?\s*(?:--|-|\u2014|\u2013)/.test(text.slice(d.end, d.end + 50))
      ) {
        reportDate = d.value;
        continue;
      }
      if (!d.value) {
        if (!sIntros.some((x) => d.start >= x.trigStart && d.start < x.rawEnd)) ownUnresolvedDate = true;
        continue;
      }
      const before = text.slice(Math.max(s.start, d.start - 60), d.start);
      if (/\b(?:said|says|reported|told reporters|announced)\s+(?:on\s+)?$/i.test(before)) {
        const subj = before.replace(/\s*(?:said|says|reported|told reporters|announced)\s+(?:on\s+)?$/i, '');
        if (ANON_SOURCE_RE.test(subj.slice(-40))) {
          reportDate = d.value;
          continue;
        }
      }
      // a date inside a proposal's name is part of it; one trailing the name ("proposed talks with Japan on Monday") dates the statement
      if (sIntros.some((x) => x.date === d || (d.start >= x.trigStart && d.start < x.end))) continue;
      // "a truce starting on Aug. 4", "by the end of the year": a date the proposal sets, not when anyone spoke
      if (/\b(?:starting|beginning|from|until|till|by|effective|deadline|due)\s+(?:on\s+|in\s+)?$/i.test(before))
        continue;
      eventDates.push(d);
    }
    const statementDate = (at: number, holder: ActorMention | null): { date: string | null; weak: boolean } => {
      if (eventDates.length) {
        // the event date closest to the statement
        const sorted = eventDates.slice().sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at));
        return { date: sorted[0].value, weak: false };
      }
      // the tense of the holder's own verb: skip an appositive, read the next few words
      let frag = holder ? text.slice(holder.end, Math.max(holder.end, at) + 30) : text.slice(at, at + 40);
      frag = frag.replace(/^\s*,[^,]{0,160},/, '');
      const tense = tenseOf(frag.trim().split(/\s+/).slice(0, 4).join(' '));
      if (ownUnresolvedDate) return { date: null, weak: false };
      if (tense === 'past' && contextDate && contextAge <= CONTEXT_SPAN) {
        contextUsed = true;
        return { date: contextDate, weak: false };
      }
      if (tense !== 'past' && reportDate) return { date: reportDate, weak: true };
      if (tense === 'present') return { date: inp.publishedOn, weak: true };
      return { date: null, weak: false };
    };

    // --- cues govern the cues inside their reach ("reluctance to accept")
    const kept: CueHit[] = [];
    for (const h of sCues) {
      // "adopted with 20 votes in favour": a tally, not a voter (and it governs nothing)
      if (
        /^votes?\b/i.test(text.slice(h.start, h.end)) &&
        /\d\s*$/.test(text.slice(Math.max(s.start, h.start - 8), h.start))
      )
        continue;
      const gov = kept[kept.length - 1];
      if (gov) {
        const between = text.slice(gov.end, h.start);
        const words = between.trim() ? between.trim().split(/\s+/).length : 0;
        if (words <= gov.cue.gap && !/[;.]/.test(between) && !CLAUSE_BREAK.test(between)) continue;
      }
      kept.push(h);
    }

    const salientBefore = (pos: number, minStart: number): ProposalMention | null => {
      const k = lowerBound(pmStarts, pos) - 1;
      return k >= 0 && pMentions[k].start >= minStart ? pMentions[k] : null;
    };

    for (const h of kept) {
      if (h.start >= blockedFrom) continue;
      if (sakes.some(([a, b]) => Math.abs(h.start - b) < 60 || Math.abs(a - h.end) < 60)) continue;
      // "a resolution calling for ...": the proposal's content, not someone's position
      {
        const ti = tokenIndexAt(tokens, h.start);
        if (
          ti > 0 &&
          /ing\b/.test(text.slice(h.start, h.end).split(/\s/)[0]) &&
          PROPOSAL_NOUNS.has(stem(tokens[ti - 1].key)) &&
          /^\s+$/.test(text.slice(tokens[ti - 1].end, h.start))
        )
          continue;
      }
      // "the proposed talks", "the rejected plan": a participle used as an adjective
      if (
        /ed$/i.test(text.slice(h.start, h.end)) &&
        /\b(?:the|a|an|its|their|his|her)\s+$/i.test(text.slice(Math.max(s.start, h.start - 8), h.start))
      )
        continue;
      let position = h.cue.position;
      let cueText = text.slice(h.start, h.end);
      // "adopted with 20 votes in favour": a tally, not a voter
      if (/^votes?\b/i.test(cueText) && /\d\s*$/.test(text.slice(Math.max(s.start, h.start - 8), h.start))) continue;
      let conf = h.cue.weight;
      if (h.cue.negatable) {
        const before = text.slice(Math.max(s.start, h.start - 60), h.start);
        const neg = NEGATION_BEFORE.exec(before);
        if (neg) {
          position = position === 'SUPPORT' ? 'OPPOSE' : 'NONCOMMITTAL';
          cueText = text.slice(h.start - (before.length - neg.index), h.end).trim();
          conf -= 0.05;
        }
      }
      // --- the proposal the cue is about
      let proposalId: string | null = null;
      let rule = 'cue';
      const after = sMentions.find((m) => m.start >= h.start);
      if (after) {
        const between = text.slice(h.end, after.start);
        // a titled name between counts as one word: "rejected South Korean President Yoon Suk Yeol's initiative"
        let words = between.trim() ? between.trim().split(/\s+/).length : 0;
        for (const m of v.mentions) {
          if (m.start >= h.end && m.end <= after.start)
            words -= Math.max(0, text.slice(m.start, m.end).split(/\s+/).length - 1);
        }
        if (words <= h.cue.gap && !CLAUSE_BREAK.test(between)) proposalId = after.proposalId;
      }
      if (!proposalId) {
        // a bare head noun in the cue's slot: "appetite for high-level talks"
        const t0 = tokenIndexAt(tokens, h.end);
        for (let t = t0; t < Math.min(s.tokTo, t0 + h.cue.gap + 1); t++) {
          if (/[,;.:"()]|--/.test(text.slice(t > t0 ? tokens[t - 1].end : h.end, tokens[t].start))) break;
          if (/(?:ed|ing)$/.test(tokens[t].key) && !ANAPHOR_TYPED.has(tokens[t].key)) continue;
          const st = stem(tokens[t].key);
          if (ANAPHOR_TYPED.has(st) || PROPOSAL_NOUNS.has(st)) {
            proposalId = resolveAnaphor(st, h.start, pMentions, [], proposals.records, null);
            if (proposalId) rule = 'cue+slot';
            break;
          }
        }
      }
      if (!proposalId) {
        // a pronoun object: "backed it", "rejected it outright", "welcomed them"
        const t0 = tokenIndexAt(tokens, h.end);
        const obj = tokens[t0];
        if (
          obj &&
          t0 < s.tokTo &&
          (obj.key === 'it' || obj.key === 'them') &&
          !/[,;.:"]/.test(text.slice(h.end, obj.start))
        ) {
          const after1 = tokens[t0 + 1]?.key ?? '';
          if (!/^(?:is|was|were|are|would|will|has|had|could|should|said|says|may|might|must)$/.test(after1)) {
            const sal = salientBefore(h.start, sentences[Math.max(0, si - 3)].start);
            if (sal) {
              proposalId = sal.proposalId;
              rule = 'cue+pronoun';
              conf -= 0.05;
            }
          }
        }
      }
      if (!proposalId) {
        const before = sMentions.filter((m) => m.end <= h.start);
        const lead = LEADING_TOPIC.test(sText) ? s.start + Math.max(0, sText.indexOf(',')) : -1;
        const topic = before.find((m) => lead > 0 && m.end <= lead);
        if (topic) {
          proposalId = topic.proposalId;
          rule = 'cue+topic';
        } else if (before.length) {
          const last = before[before.length - 1];
          const between = text.slice(last.end, h.start);
          if (
            /\b(?:is|are|was|were|be|been|remains?|seems?|looks?)\b/i.test(between) &&
            between.split(/\s+/).length <= 8 &&
            !/[,;]/.test(between)
          ) {
            proposalId = last.proposalId;
            rule = 'cue+subject';
          }
        }
      }
      if (!proposalId && h.cue.zero) {
        const back = sentences[Math.max(0, si - 4)].start;
        const sal = salientBefore(h.start, back);
        if (sal) {
          proposalId = sal.proposalId;
          rule = 'cue+salient';
          conf -= 0.1;
        }
      }
      if (!proposalId) continue;
      // "the day the meeting had been proposed", "the plan was rejected": a passive without its agent names no holder
      if (
        /^\w+ed$/i.test(cueText) &&
        /\b(?:been|being|was|were|is|are|be)\s+(?:\w+ly\s+)?$/i.test(
          text.slice(Math.max(s.start, h.start - 24), h.start),
        ) &&
        !/^\s+(?:to|by|with|about|in)\b/i.test(text.slice(h.end, h.end + 6))
      )
        continue;
      // --- who holds it: the holder, the actors coordinated with it ("China and Russia voted against"),
      // a list after the cue ("those abstaining included A, B and C"), or the speaker carried over
      // from the statement before ("He added ...", a quotation continued in the next sentence)
      const listed = listAfterCue(v, h.start, h.end);
      // "a plan published by China": only the agent after "by" holds it
      const byAgent = /\sby$/i.test(text.slice(h.start, h.end));
      if (byAgent && !listed.length) continue;
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
      if (!holder) holder = carriedHolder(si, h.start);
      if (!holder) continue;
      const actorId = holder.mention.holderId;
      if (!actorId) continue;
      const coordinated = holder.via === 'possessive' ? [] : coordinatedWith(v, holder.mention, h.start);
      for (const m of listed) if (!coordinated.includes(m)) coordinated.push(m);
      const rec = proposals.records.get(proposalId);
      // conditions after the cue, in the same quotation state, up to the next cue of the sentence
      // ("had initially opposed the plan, but now supports it, provided that ...": the condition is the support's)
      const nextCue = kept.find((x) => x.start > h.end);
      const conditions = findConditions(
        text,
        v,
        h.start,
        Math.min(s.end, h.end + 400, nextCue ? nextCue.start : Infinity),
      );
      if (HEDGE_RE.test(text.slice(Math.max(s.start, h.start - 40), h.start))) conf -= 0.1;
      if (holder.via !== 'subject' && holder.via !== 'possessive') conf -= 0.05;
      const ownIntro = sIntros.find((x) => x.date?.value && h.start <= x.trigStart && h.end >= x.trigEnd);
      // "drafted by Britain": a passive participle describes the proposal, it does not date anyone's statement
      const passiveAgent = /\sby$/i.test(cueText);
      // "had initially opposed", "had blocked the bid since May": background in the past perfect is not dated by the story
      const pastPerfect = /\bhad\s+(?:\w+ly\s+|earlier\s+|long\s+|also\s+|previously\s+)?$/i.test(
        text.slice(Math.max(s.start, h.start - 24), h.start),
      );
      const nearestEvent = (): string | null =>
        eventDates.slice().sort((a, b) => Math.abs(a.start - h.start) - Math.abs(b.start - h.start))[0]?.value ?? null;
      const sd = ownIntro
        ? { date: ownIntro.date!.value, weak: false }
        : passiveAgent
          ? { date: null, weak: false }
          : pastPerfect
            ? { date: nearestEvent(), weak: false }
            : statementDate(h.start, holder.mention);
      candidates.push({
        actorId,
        proposalId,
        position,
        cue: cueText,
        conditions,
        speakerId: holder.speaker?.personId ?? null,
        statedOn: sd.date,
        weakDate: sd.weak,
        confidence: Math.max(0.05, Math.min(0.95, conf)),
        rule: `${rule}:${h.cue.pattern}`,
        span: { quote: sText, charStart: s.start, charEnd: s.end, revision: s.revision },
        order: order++,
      });
      for (const m of coordinated) {
        if (!m.holderId || m.holderId === actorId) continue;
        candidates.push({
          actorId: m.holderId,
          proposalId,
          position,
          cue: cueText,
          conditions: [],
          speakerId: m.personId ?? null,
          statedOn: sd.date,
          weakDate: sd.weak,
          confidence: Math.max(0.05, Math.min(0.95, conf - 0.05)),
          rule: `${rule}+list:${h.cue.pattern}`,
          span: { quote: sText, charStart: s.start, charEnd: s.end, revision: s.revision },
          order: order++,
        });
      }
      if (holder.mention.personId) lastSpeaker = { mention: holder.mention, si };
      void rec;
    }

    // --- whoever puts a proposal forward supports it
    for (const intro of sIntros) {
      if (!intro.proposer || intro.trigStart >= blockedFrom) continue;
      // only an act of proposing implies support; desire/seek/need phrases are cues of their own
      if (intro.pattern !== 'noun-proposal' && intro.pattern !== 'verb-propose') continue;
      if (NEGATION_BEFORE.test(text.slice(Math.max(s.start, intro.trigStart - 60), intro.trigStart))) continue;
      const actorId = intro.proposer.holderId;
      if (!actorId) continue;
      // a noun phrase ("Ankara's offer") dates nothing; a verb ("proposed on Monday") does
      const sd = intro.date?.value
        ? { date: intro.date.value, weak: false }
        : intro.pattern === 'verb-propose'
          ? statementDate(intro.trigStart, intro.proposer)
          : { date: null, weak: false };
      candidates.push({
        actorId,
        proposalId: intro.recordId,
        position: 'SUPPORT',
        cue: text.slice(intro.trigStart, intro.trigEnd),
        conditions:
          intro.pattern === 'verb-propose' ? findConditions(text, v, intro.end, Math.min(s.end, intro.end + 300)) : [],
        speakerId: intro.proposer.personId,
        statedOn: sd.date,
        weakDate: sd.weak,
        confidence: 0.75,
        rule: `proposer:${intro.pattern}`,
        span: { quote: sText, charStart: s.start, charEnd: s.end, revision: s.revision },
        order: order++,
      });
    }

    // --- the discourse date moves on with a sentence-initial date ("At the meeting on Oct. 19, ...")
    // or the date of a statement this sentence reported
    const sentenceInitial = eventDates.find((d) => d.start - s.start < 40);
    const producedStance = candidates.length > candidatesBefore;
    // the lede's date stays the story's date for the next sentences, even when the lede itself is no stance
    const lede = si === 0 || sentences[si - 1].revision !== s.revision;
    const setter = sentenceInitial?.value ? sentenceInitial : lede && eventDates[0]?.value ? eventDates[0] : null;
    if (setter) {
      contextDate = setter.value;
      contextAge = 0;
    } else if (producedStance && eventDates.length && eventDates[0].value) {
      contextDate = eventDates[0].value;
      contextAge = 0;
    } else if (contextUsed && REFRESH_CONTEXT_ON_USE) contextAge = 0;
  }
  return mergeCandidates(candidates);
}

function findConditions(text: string, v: SentenceView, from: number, to: number): string[] {
  const out: string[] = [];
  const slice = text.slice(from, to);
  const cueQuoted = insideQuote(v, from);
  for (const re of [CONDITION_RE, GERUND_CONDITION_RE]) {
    re.lastIndex = 0;
    for (let m = re.exec(slice); m; m = re.exec(slice)) {
      const at = from + m.index;
      if (insideQuote(v, at) !== cueQuoted) continue;
      const marker = m[1].toLowerCase();
      if (marker === 'if' && /\b(?:even|as|asked|whether)\s+$/i.test(text.slice(at - 8, at))) continue;
      const rest = text.slice(at + m[0].length, Math.min(v.end, at + m[0].length + MAX_CONDITION_CHARS));
      const c = cleanCondition(rest);
      if (c.split(/\s+/).length >= 2 && !out.includes(c)) out.push(c);
    }
  }
  return out;
}

interface Cluster {
  date: string | null;
  members: Candidate[];
  /** kept as members join (a group can hold thousands of candidates: one fact told over and over) */
  speakers: Set<string>;
  minOrder: number;
  /** every member's date is weak or missing */
  allWeak: boolean;
}

function cluster(date: string | null, first: Candidate): Cluster {
  const cl: Cluster = { date, members: [], speakers: new Set(), minOrder: Infinity, allWeak: true };
  join(cl, first);
  return cl;
}

function join(cl: Cluster, c: Candidate): void {
  cl.members.push(c);
  if (c.speakerId) cl.speakers.add(c.speakerId);
  cl.minOrder = Math.min(cl.minOrder, c.order);
  if (!(c.weakDate || !c.statedOn)) cl.allWeak = false;
}

function mergeCandidates(cands: Candidate[]): ExtractedStance[] {
  const groups = new Map<string, Candidate[]>();
  for (const c of cands) {
    const k = `${c.actorId}\u0000${c.proposalId}\u0000${c.position}`;
    const g = groups.get(k) ?? [];
    g.push(c);
    groups.set(k, g);
  }
  const out: Array<ExtractedStance & { order: number }> = [];
  for (const g of groups.values()) {
    const isStrong = (c: Candidate): boolean => !!c.statedOn && !c.weakDate;
    const strong = g.filter(isStrong).sort((a, b) => b.statedOn!.length - a.statedOn!.length || a.order - b.order);
    const clusters: Cluster[] = [];
    for (const c of strong) {
      const cl = clusters.find((x) => dateCompatible(x.date, c.statedOn));
      if (cl) join(cl, c);
      else clusters.push(cluster(c.statedOn, c));
    }
    const rest = g.filter((c) => !isStrong(c)).sort((a, b) => a.order - b.order);
    for (const c of rest) {
      let target = clusters.filter(
        (x) => !c.statedOn || (x.date !== null && x.date.slice(0, c.statedOn.length) <= c.statedOn),
      );
      if (c.speakerId) {
        const same = target.filter((x) => x.speakers.has(c.speakerId!));
        if (same.length) target = same;
      }
      if (target.length) {
        target.sort((a, b) => a.minOrder - b.minOrder);
        join(target[0], c);
      } else {
        const weakCl = clusters.find((x) => x.allWeak && dateCompatible(x.date, c.statedOn));
        if (weakCl) {
          join(weakCl, c);
          if (!weakCl.date) weakCl.date = c.statedOn;
        } else clusters.push(cluster(c.statedOn, c));
      }
    }
    for (const cl of clusters) {
      const ms = cl.members.slice().sort((a, b) => a.order - b.order);
      // the cue shown is the most explicit one: a cue with a named speaker over a proposer's noun phrase
      const explicit = (c: Candidate): number =>
        (c.rule.startsWith('cue:') ? 2 : c.rule.startsWith('cue') ? 1 : 0) + (c.speakerId ? 1 : 0);
      const best = ms
        .slice()
        .sort((a, b) => explicit(b) - explicit(a) || b.confidence - a.confidence || a.order - b.order)[0];
      const evidence: Span[] = [];
      const spans = new Set<number>();
      for (const m of ms) {
        if (spans.has(m.span.charStart)) continue;
        spans.add(m.span.charStart);
        evidence.push(m.span);
      }
      const conditions = [...new Set(ms.flatMap((m) => m.conditions))];
      let p = 1;
      for (const m of ms) p *= 1 - m.confidence;
      const dates = ms.map((m) => m.statedOn).filter((d): d is string => !!d);
      const strongDates = ms.filter((m) => !m.weakDate && m.statedOn).map((m) => m.statedOn!);
      const pool = strongDates.length ? strongDates : dates;
      const statedOn = pool.sort((a, b) => b.length - a.length)[0] ?? null;
      out.push({
        actorId: best.actorId,
        proposalId: best.proposalId,
        position: best.position,
        cue: best.cue,
        conditions,
        speakerId: ms.find((m) => m.speakerId)?.speakerId ?? null,
        statedOn,
        confidence: Math.round(Math.min(0.97, 1 - p) * 100) / 100,
        rule: best.rule,
        evidence,
        order: ms[0].order,
      });
    }
  }
  return out.sort((a, b) => a.order - b.order).map(({ order: _o, ...rest }) => rest);
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
    if (!ok(m) || m.pp !== holder.pp || !LIST_SEP.test(v.text.slice(m.end, ms[j + 1].start))) break;
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
