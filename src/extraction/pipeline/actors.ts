/**
 * Actor mentions: states, organisations and organs from the gazetteer and
 * the caller's known actors; persons introduced with a title ("South Korean
 * President Lee Jae-myung", "Ana Lopez, head of the ... Bureau") and
 * their later short references ("Lee", "Lopez"). Every mention knows the
 * state (or organisation) it speaks for, so that a stance voiced by a person
 * or a ministry is recorded as the state's, with the person as speaker.
 */
import { slugify } from './slug.js';
import {
  BODY_HEADS,
  ORGAN_HEADS,
  GOVERNMENT_NOUNS,
  HONORIFICS,
  NAME_PARTICLES,
  NOT_NAMES,
  OFFICIAL_NOUNS,
  ORGS,
  PROPOSAL_NOUNS,
  STATES,
  TITLE_MODIFIERS,
  actorTrie,
  demonymTrie,
  organTrie,
  titleTrie,
  type GazEntry,
} from './lexicon.js';
import {
  BoundedCache,
  Fingerprint,
  TokenTrie,
  caseOk,
  caseRuleOf,
  phraseKeys,
  stem,
  type CaseRule,
  type Token,
} from './tokens.js';
import type { ActorKind, KnownActor } from './types.js';

export interface ActorMention {
  start: number;
  end: number;
  tokStart: number;
  tokEnd: number;
  /** the entity named: a state, a person or an organisation */
  actorId: string;
  kind: ActorKind;
  /** who the mention speaks for: the state (or organisation) of a person/organ, the state itself */
  holderId: string;
  /** set when the mention is a person */
  personId: string | null;
  form: string;
  poss: boolean;
  /** object of a preposition ("in Nairobi", "with Lopez") */
  pp: boolean;
  /** part of a hyphenated modifier ("Japan-U.S. ties") */
  compound: boolean;
}

export interface ActorRecord {
  id: string;
  name: string;
  kind: ActorKind;
  aliases: Set<string>;
  representsId: string | null;
  role: string | null;
  known: boolean;
  confidence: number;
  firstStart: number;
  firstEnd: number;
  /** how the represented state was found */
  stateSource: 'explicit' | 'known' | 'home' | null;
  /** tokens for short references ("Lee", "Lopez", "Jae-myung") */
  nameTokens: string[];
}

export interface ActorTable {
  records: Map<string, ActorRecord>;
  mentions: ActorMention[];
  homeStateId: string | null;
}

/**
 * The key the extractor matches a mention of a person or body by, within the
 * library: case, hyphens and spaces ignored ("Lee Jae Myung" = "Lee Jae-myung"),
 * and the endings by which transliterations of one name differ ("Zelenskyy",
 * "Zelenskiy" = "Zelensky"; "Dmitriy" = "Dmitry").
 * Not the graph's name key (common/validation nameKey, stored as nameKeys).
 */
export function mentionKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/'s\b/g, '')
    .replace(/(?<=[a-z]{3})(?:iy|yy|ij|yi)\b/g, 'y')
    .replace(/[^a-z0-9]/g, '');
}

const PREPOSITIONS = new Set([
  'in',
  'at',
  'to',
  'from',
  'with',
  'by',
  'for',
  'on',
  'against',
  'between',
  'among',
  'toward',
  'towards',
  'about',
  'of',
  'into',
  'than',
  'near',
  'alongside',
  'via',
  'without',
  'over',
  'under',
  'including',
  'like',
  'across',
  'around',
  'behind',
  'beyond',
  'despite',
  'during',
  'after',
  'before',
  'through',
  'upon',
  'within',
  'and',
  'or',
  'visit',
  'visited',
  'visiting',
  'told',
  'asked',
  'urged',
  'met',
  'meet',
  'meets',
  'counterparts',
  'counterpart',
  'versus',
  'vs',
  'both',
]);
const CLAUSE_VERB =
  /^(?:[a-z]{3,}ed|said|says|was|were|had|has|is|are|will|would|could|met|took|made|told|gave|came|won|began|sent)$/;
const SKIPPABLE_BEFORE = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'two', 'three', 'then']);
const AFFILIATION_PREPS = new Set(['at', 'from', 'of', 'for', 'in', 'with']);
const AFFILIATION_WORDS =
  /\b(?:government|administration|authorities|side|ministry|office|cabinet|leadership|regime|delegation)\b/i;

/**
 * Is the mention starting at token `i` governed by a preposition (or is it the
 * object of told/asked/met)? "a spokesman at the Defence Ministry"
 * is NOT: there the ministry is the speaker's affiliation (only organs and
 * governments can be affiliations; "representative for North Korea" names a topic). Coordination
 * ("Japan and the United States") counts as governed only after a preposition
 * chain, so "and" is looked through.
 */
export function isGoverned(tokens: Token[], i: number, text: string, affiliation = false): boolean {
  let j = i - 1;
  while (j >= 0 && SKIPPABLE_BEFORE.has(tokens[j].key)) j--;
  if (j < 0) return false;
  // punctuation between means a new phrase
  const between = text.slice(tokens[j].end, tokens[i].start);
  if (/[,;:(")]/.test(between)) return false;
  const k = tokens[j].key;
  if (k === 'and' || k === 'or') {
    // "Japan and the US said": not governed; "with Japan and the US": governed
    for (let b = j - 1; b >= Math.max(0, j - 6); b--) {
      if (/[,;:(")]/.test(text.slice(tokens[b].end, tokens[b + 1].start))) return false;
      if (PREPOSITIONS.has(tokens[b].key) && tokens[b].key !== 'and' && tokens[b].key !== 'or') return true;
    }
    return false;
  }
  if (!PREPOSITIONS.has(k)) return false;
  // "a day after Ri dismissed the idea", "before Japan agreed": a conjunction opening a clause, not a preposition
  if (k === 'after' || k === 'before') {
    for (let q = i + 1; q < Math.min(tokens.length, i + 9); q++) {
      if (/[,;:(".]/.test(text.slice(tokens[q - 1].end, tokens[q].start))) break;
      if (CLAUSE_VERB.test(tokens[q].key) && !tokens[q].cap) return false;
    }
  }
  if (AFFILIATION_PREPS.has(k) && affiliation) {
    for (let c = j - 1; c >= Math.max(0, j - 3); c--) if (OFFICIAL_NOUNS.has(tokens[c].key)) return false;
  }
  return true;
}

// ------------------------------------------------------------ known actors

interface KnownIndex {
  trie: TokenTrie<{ actor: KnownActor; caseRule: CaseRule }>;
  byKey: Map<string, KnownActor>;
}
const knownCache = new WeakMap<KnownActor[], KnownIndex>();
const knownByContent = new BoundedCache<KnownIndex>(4);

function actorsFingerprint(known: KnownActor[]): string {
  const f = new Fingerprint();
  for (const a of known) {
    f.add(a.id).add(a.name).add(a.kind).add(a.representsId).add(a.role);
    for (const al of a.aliases) f.add(al);
  }
  return f.toString();
}

/** Index of the caller's known actors, cached by array identity and by content. */
export function indexKnownActors(known: KnownActor[]): KnownIndex {
  let idx = knownCache.get(known);
  if (idx) return idx;
  const fp = actorsFingerprint(known);
  idx = knownByContent.get(fp);
  if (idx) {
    knownCache.set(known, idx);
    return idx;
  }
  idx = { trie: new TokenTrie(), byKey: new Map() };
  for (const a of known) {
    for (const form of [a.name, ...a.aliases]) {
      if (!form) continue;
      const { keys, words } = phraseKeys(form);
      if (!keys.length) continue;
      // a bare lower-case single word would match prose ("moon"): demand capitals
      const rule = caseRuleOf(words).map((r, n) =>
        r === 'any' && a.kind !== 'STATE' ? (n === 0 ? 'cap' : r) : r,
      ) as CaseRule;
      idx.trie.add(keys, { actor: a, caseRule: rule });
      const k = mentionKey(form);
      if (k && !idx.byKey.has(k)) idx.byKey.set(k, a);
    }
  }
  knownCache.set(known, idx);
  knownByContent.set(fp, idx);
  return idx;
}

// ------------------------------------------------------------ the scan

interface Ctx {
  text: string;
  tokens: Token[];
  known: KnownIndex;
  records: Map<string, ActorRecord>;
  mentions: ActorMention[];
  covered: Int32Array; // token -> mention index + 1 (0 = free)
  contextWords: Map<string, boolean>;
  personByKey: Map<string, ActorRecord>;
  /** persons whose nameTokens grew (scanShortRefs keeps an index of them) */
  grown: ActorRecord[];
}

function record(
  ctx: Ctx,
  init: Omit<ActorRecord, 'aliases' | 'confidence' | 'firstStart' | 'firstEnd' | 'nameTokens'> & {
    start: number;
    end: number;
    nameTokens?: string[];
    confidence?: number;
  },
): ActorRecord {
  let r = ctx.records.get(init.id);
  if (!r) {
    r = {
      id: init.id,
      name: init.name,
      kind: init.kind,
      aliases: new Set(),
      representsId: init.representsId,
      role: init.role,
      known: init.known,
      confidence: init.confidence ?? 0.9,
      firstStart: init.start,
      firstEnd: init.end,
      stateSource: init.stateSource,
      nameTokens: init.nameTokens ?? [],
    };
    ctx.records.set(init.id, r);
  } else {
    if (!r.role && init.role) r.role = init.role;
    if (init.representsId && (!r.representsId || rank(init.stateSource) > rank(r.stateSource))) {
      r.representsId = init.representsId;
      r.stateSource = init.stateSource;
    }
  }
  return r;
}

const rank = (s: ActorRecord['stateSource']): number =>
  s === 'explicit' ? 3 : s === 'known' ? 2 : s === 'home' ? 1 : 0;

function addMention(ctx: Ctx, m: Omit<ActorMention, 'start' | 'end' | 'poss' | 'pp' | 'compound'>): ActorMention {
  const { tokens, text } = ctx;
  const first = tokens[m.tokStart];
  const last = tokens[m.tokEnd - 1];
  const mention: ActorMention = {
    ...m,
    start: first.start,
    end: last.end + (last.poss ? 2 : 0),
    poss: last.poss,
    pp: isGoverned(
      tokens,
      m.tokStart,
      text,
      m.kind === 'ORGANIZATION' ||
        m.form === 'government' ||
        m.form === 'organ' ||
        (m.kind === 'STATE' && AFFILIATION_WORDS.test(text.slice(first.start, last.end))),
    ),
    compound: first.hyphenPrev || (m.tokEnd < tokens.length && tokens[m.tokEnd].hyphenPrev && !last.poss),
  };
  ctx.mentions.push(mention);
  for (let i = m.tokStart; i < m.tokEnd; i++) ctx.covered[i] = ctx.mentions.length;
  return mention;
}

function contextOk(ctx: Ctx, word: string | null): boolean {
  if (!word) return true;
  let v = ctx.contextWords.get(word);
  if (v === undefined) {
    v = ctx.text.includes(word);
    ctx.contextWords.set(word, v);
  }
  return v;
}

/** Step A: gazetteer and known actors, longest match first. */
function scanGazetteer(ctx: Ctx): void {
  const { tokens } = ctx;
  const n = tokens.length;
  const keyAt = (i: number): string | null => (i < n ? tokens[i].key : null);
  for (let i = 0; i < n;) {
    const k = tokens[i].key;
    let best: { len: number; gaz?: GazEntry; known?: KnownActor } | null = null;
    if (actorTrie.hasStart(k)) {
      for (const [len, values] of actorTrie.matchAt(keyAt, i, n)) {
        // an alias that needs context ("Congo" where the text says "Democratic Republic") wins over the plain one
        const v =
          values.find((e) => e.context && caseOk(e.caseRule, tokens, i) && contextOk(ctx, e.context)) ??
          values.find((e) => caseOk(e.caseRule, tokens, i) && contextOk(ctx, e.context));
        if (v) {
          best = { len, gaz: v };
          break;
        }
      }
    }
    if (ctx.known.trie.hasStart(k)) {
      for (const [len, values] of ctx.known.trie.matchAt(keyAt, i, n)) {
        if (best && len < best.len) break;
        const v = values.find((e) => caseOk(e.caseRule, tokens, i));
        if (v) {
          best = { len, known: v.actor };
          break;
        }
      }
    }
    if (!best) {
      i++;
      continue;
    }
    if (best.gaz && best.gaz.kind === 'NONACTOR') {
      for (let t = i; t < i + best.len; t++) ctx.covered[t] = -1;
      i += best.len;
      continue;
    }
    const surface = ctx.text.slice(tokens[i].start, tokens[i + best.len - 1].end);
    if (best.known) {
      const a = best.known;
      const kind = a.kind;
      const r = record(ctx, {
        id: a.id,
        name: a.name,
        kind,
        representsId: a.representsId ?? null,
        role: a.role ?? null,
        known: true,
        stateSource: a.representsId ? 'known' : null,
        start: tokens[i].start,
        end: tokens[i + best.len - 1].end,
        nameTokens: kind === 'PERSON' ? phraseKeys(a.name).words : [],
      });
      if (kind === 'PERSON') ctx.personByKey.set(mentionKey(a.name), r);
      if (surface !== a.name) r.aliases.add(surface);
      addMention(ctx, {
        tokStart: i,
        tokEnd: i + best.len,
        actorId: a.id,
        kind,
        holderId: kind === 'STATE' ? a.id : (a.representsId ?? a.id),
        personId: kind === 'PERSON' ? a.id : null,
        form: 'known',
      });
    } else {
      const g = best.gaz!;
      const r = record(ctx, {
        id: g.id,
        name: g.name,
        kind: g.kind as ActorKind,
        representsId: g.representsId,
        role: null,
        known: false,
        stateSource: g.representsId ? 'explicit' : null,
        start: tokens[i].start,
        end: tokens[i + best.len - 1].end,
      });
      if (surface !== g.name && g.form !== 'name') r.aliases.add(surface.replace(/^the /i, ''));
      addMention(ctx, {
        tokStart: i,
        tokEnd: i + best.len,
        actorId: g.id,
        kind: g.kind as ActorKind,
        holderId: g.representsId ?? g.id,
        personId: null,
        form: g.form,
      });
    }
    i += best.len;
  }
}

/** A nationality cue ending right before token `end` (demonym or possessive state). */
function nationalityBefore(ctx: Ctx, end: number): { stateId: string; from: number } | null {
  const { tokens } = ctx;
  let e = end;
  while (e > 0 && (tokens[e - 1].key === 'the' || TITLE_MODIFIERS.has(tokens[e - 1].key))) e--;
  // "Chinese Foreign Ministry spokesperson": look through the organ to its nationality
  for (let s = Math.max(0, e - 4); s < e; s++) {
    const hit = organTrie.matchAt((i) => (i < e ? tokens[i].key : null), s, e).find(([len]) => s + len === e);
    if (hit && ctx.covered[s] === 0) {
      e = s;
      break;
    }
  }
  if (e <= 0) return null;
  const mi = ctx.covered[e - 1];
  if (mi > 0) {
    const m = ctx.mentions[mi - 1];
    if (m.tokEnd === e && (m.kind === 'STATE' || m.kind === 'ORGANIZATION') && !m.personId) {
      const adjacent = m.poss || m.form === 'alias' || m.form === 'name' || m.form === 'context' || m.form === 'organ';
      if (adjacent) return { stateId: m.holderId, from: m.tokStart };
    }
  }
  for (let s = Math.max(0, e - 3); s < e; s++) {
    for (const [len, values] of demonymTrie.matchAt((i) => (i < e ? tokens[i].key : null), s, e)) {
      if (s + len === e) {
        const v = values.find((x) => caseOk(x.caseRule, tokens, s));
        if (v) return { stateId: v.stateId, from: s };
      }
    }
  }
  return null;
}

function isNameStart(ctx: Ctx, i: number): boolean {
  const t = ctx.tokens[i];
  return !!t && t.cap && !NOT_NAMES.has(t.text) && ctx.covered[i] === 0 && !/^\d/.test(t.text) && !t.upper;
}

/** A run of capitalised name tokens starting at i: "Lee Jae Myung", "Kang Min-ho", "Ursula von der Leyen". */
function nameRun(ctx: Ctx, i: number, max = 5): number {
  const { tokens, text } = ctx;
  if (!isNameStart(ctx, i)) return 0;
  let j = i + 1;
  while (j < tokens.length && j - i < max) {
    if (tokens[j - 1].poss) break;
    const gap = text.slice(tokens[j - 1].end, tokens[j].start);
    const t = tokens[j];
    if (ctx.covered[j] !== 0) break;
    if (gap === '-' && t.hyphenPrev) {
      j++;
      continue;
    }
    if (gap !== ' ') break;
    if (t.cap && !RUN_BREAKERS.has(t.text) && !t.upper && !/^\d/.test(t.text)) {
      j++;
      continue;
    }
    if (NAME_PARTICLES.has(t.text) && tokens[j + 1]?.cap && /^[ -]$/.test(text.slice(t.end, tokens[j + 1].start))) {
      j += 2;
      continue;
    }
    break;
  }
  return j - i;
}

function personFromName(
  ctx: Ctx,
  from: number,
  len: number,
  role: string | null,
  stateId: string | null,
  stateSource: ActorRecord['stateSource'],
): ActorRecord {
  const { tokens, text } = ctx;
  const name = text.slice(tokens[from].start, tokens[from + len - 1].end);
  const key = mentionKey(name);
  let r = ctx.personByKey.get(key);
  const known = ctx.known.byKey.get(key);
  if (!r && known && known.kind === 'PERSON') {
    r = record(ctx, {
      id: known.id,
      name: known.name,
      kind: 'PERSON',
      representsId: known.representsId ?? null,
      role: known.role ?? null,
      known: true,
      stateSource: known.representsId ? 'known' : null,
      start: tokens[from].start,
      end: tokens[from + len - 1].end,
      nameTokens: phraseKeys(known.name).words,
    });
    ctx.personByKey.set(key, r);
  }
  if (!r) {
    r = record(ctx, {
      id: slugify(name),
      name,
      kind: 'PERSON',
      representsId: null,
      role: null,
      known: false,
      stateSource: null,
      start: tokens[from].start,
      end: tokens[from + len - 1].end,
      nameTokens: tokens.slice(from, from + len).map((t) => t.text),
    });
    ctx.personByKey.set(key, r);
  }
  if (name !== r.name) r.aliases.add(name);
  for (const t of tokens.slice(from, from + len)) {
    if (r.nameTokens.includes(t.text)) continue;
    r.nameTokens.push(t.text);
    ctx.grown.push(r);
  }
  if (role && !r.role) r.role = role;
  if (stateId && (rank(stateSource) > rank(r.stateSource) || !r.representsId)) {
    r.representsId = stateId;
    r.stateSource = stateSource;
  }
  return r;
}

// words that end a name even when capitalised (a name may go on with "In": "Park Sang In")
const RUN_BREAKERS = new Set([
  'The',
  'A',
  'An',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
  'President',
  'Prime',
  'Minister',
  'Foreign',
  'Secretary',
  'Chief',
  'Vice',
  'Ministry',
  'Bureau',
  'Department',
  'Office',
  'House',
  'Government',
]);

/** Words of a person's tie to another ("the sister of ...", "an aide to ..."): what follows says whom they speak for. */
const RELATIONS = new Set([
  'sister',
  'brother',
  'wife',
  'husband',
  'daughter',
  'son',
  'aide',
  'adviser',
  'advisor',
  'confidant',
]);
const TITLE_STOP = new Set([
  'for',
  'on',
  'to',
  'toward',
  'towards',
  'with',
  'against',
  'in',
  'over',
  'about',
  'who',
  'which',
  'said',
  'says',
]);

/** Step C: persons introduced by a title before or after their name. */
function scanTitledPersons(ctx: Ctx): Array<{ from: number; len: number; record: ActorRecord; start: number }> {
  const { tokens, text } = ctx;
  const n = tokens.length;
  const found: Array<{ from: number; len: number; record: ActorRecord; start: number }> = [];
  const foundFrom = new Set<number>();
  const add = (f: { from: number; len: number; record: ActorRecord; start: number }): void => {
    found.push(f);
    foundFrom.add(f.from);
  };
  const keyAt = (i: number): string | null => (i < n ? tokens[i].key : null);
  for (let i = 0; i < n; i++) {
    if (ctx.covered[i] !== 0) continue;
    const k = tokens[i].key;
    // honorific: "Mr. Jong Un"
    if (HONORIFICS.has(k) && text[tokens[i].end] === '.') {
      const len = nameRun(ctx, i + 1, 4);
      if (len) {
        const existing = matchExistingPerson(ctx, i + 1, len, true);
        const r = existing ?? personFromName(ctx, i + 1, len, null, null, null);
        add({ from: i + 1, len, record: r, start: i });
        i += len;
      }
      continue;
    }
    if (!titleTrie.hasStart(k)) continue;
    const hits = titleTrie.matchAt(keyAt, i, n);
    if (!hits.length) continue;
    const [tlen] = hits[0];
    const after = i + tlen;
    // a known person right after the title: the title and nationality join that mention
    const knownAfter = after < n && ctx.covered[after] > 0 ? ctx.mentions[ctx.covered[after] - 1] : null;
    if (
      knownAfter &&
      knownAfter.personId &&
      knownAfter.tokStart === after &&
      text.slice(tokens[after - 1].end, tokens[after].start) === ' '
    ) {
      let s = i;
      while (s > 0 && TITLE_MODIFIERS.has(tokens[s - 1].key)) s--;
      const nat = nationalityBefore(ctx, s);
      const from = nat ? Math.min(nat.from, s) : s;
      const r = ctx.records.get(knownAfter.personId);
      if (r && !r.role) r.role = text.slice(tokens[i].start, tokens[after - 1].end);
      if (r && nat && rank('explicit') > rank(r.stateSource)) {
        r.representsId = nat.stateId;
        r.stateSource = 'explicit';
      }
      for (let t = from; t < after; t++) {
        const ci = ctx.covered[t];
        if (ci > 0) ctx.mentions[ci - 1].actorId = '';
        ctx.covered[t] = ctx.covered[after];
      }
      knownAfter.tokStart = from;
      knownAfter.start = tokens[from].start;
      knownAfter.pp = isGoverned(tokens, from, text);
      i = knownAfter.tokEnd - 1;
      continue;
    }
    // forward: [nationality] [modifiers] TITLE Name
    if (after < n && text.slice(tokens[after - 1].end, tokens[after].start) === ' ' && !tokens[after - 1].poss) {
      const len = nameRun(ctx, after, 5);
      if (len) {
        let s = i;
        while (s > 0 && TITLE_MODIFIERS.has(tokens[s - 1].key)) s--;
        const nat = nationalityBefore(ctx, s);
        let rs = s;
        while (rs < i && /^(then|former|late|new|current)$/.test(tokens[rs].key)) rs++;
        const role = text.slice(tokens[rs].start, tokens[after - 1].end);
        const existing = matchExistingPerson(ctx, after, len, true);
        const r =
          existing && (!nat || existing.stateSource === 'explicit')
            ? existing
            : personFromName(ctx, after, len, role, nat?.stateId ?? null, nat ? 'explicit' : null);
        if (existing && !r.role) r.role = role;
        add({ from: after, len, record: r, start: nat ? Math.min(nat.from, s) : s });
        i = after + len - 1;
        continue;
      }
    }
  }
  // appositive: Name, [the] [nationality] [modifiers] TITLE ...,
  for (let i = 0; i < n; i++) {
    if (ctx.covered[i] !== 0 || !isNameStart(ctx, i)) continue;
    if (
      i > 0 &&
      ctx.covered[i - 1] === 0 &&
      tokens[i - 1].cap &&
      text.slice(tokens[i - 1].end, tokens[i].start) === ' '
    )
      continue;
    const len = nameRun(ctx, i, 5);
    if (len < 2 || foundFrom.has(i)) {
      i += Math.max(0, len - 1);
      continue;
    }
    const end = i + len;
    // title first, name second: "China's envoy to the agency, Li Song, said"
    if (i > 0 && /^,\s*$/.test(text.slice(tokens[i - 1].end, tokens[i].start))) {
      let segStart = i - 1;
      while (segStart > 0 && !/[,;.()"]/.test(text.slice(tokens[segStart - 1].end, tokens[segStart].start))) segStart--;
      let nat: string | null = null;
      let th: Array<[number, string[]]> = [];
      let t = segStart;
      for (let t0 = segStart; t0 < i - 1 && !th.length; t0++) {
        nat = null;
        t = t0;
        const mi = ctx.covered[t];
        if (mi > 0 && ctx.mentions[mi - 1].tokStart === t && !ctx.mentions[mi - 1].personId) {
          nat = ctx.mentions[mi - 1].holderId;
          t = ctx.mentions[mi - 1].tokEnd;
        } else if (mi === 0) {
          const d = demonymTrie.matchAt(keyAt, t, i).find(([, v]) => caseOk(v[0].caseRule, tokens, t));
          if (d) {
            nat = d[1][0].stateId;
            t += d[0];
          }
        }
        if (!nat) continue;
        while (t < i && TITLE_MODIFIERS.has(tokens[t].key)) t++;
        th = t < i - 1 ? titleTrie.matchAt(keyAt, t, i - 1) : [];
      }
      if (nat && th.length && !foundFrom.has(i)) {
        const role = text.slice(tokens[t].start, tokens[i - 1].end).trim();
        const existing = matchExistingPerson(ctx, i, len);
        const r = existing ?? personFromName(ctx, i, len, role, nat, 'explicit');
        if (!r.role) r.role = role;
        add({ from: i, len, record: r, start: i });
        i = end - 1;
        continue;
      }
    }
    if (end >= n || !/^,\s*$/.test(text.slice(tokens[end - 1].end, tokens[end].start))) {
      i = end - 1;
      continue;
    }
    // segment to the next comma / sentence end
    let segEnd = end;
    while (
      (segEnd < n && !/[,;.()"]/.test(text.slice(tokens[segEnd - 1].end, tokens[segEnd].start))) ||
      segEnd === end
    ) {
      segEnd++;
      if (segEnd >= n) break;
    }
    let t = end;
    let nat: { stateId: string } | null = null;
    const indefinite = /^(?:a|an)$/.test(tokens[t]?.key ?? '');
    if (/^(?:the|a|an)$/.test(tokens[t]?.key ?? '') && !(ctx.covered[t] > 0)) t++;
    // nationality: a state mention (possessive or adjectival) or a demonym
    const mi = ctx.covered[t];
    if (mi > 0 && ctx.mentions[mi - 1].tokStart <= t && !ctx.mentions[mi - 1].personId) {
      nat = { stateId: ctx.mentions[mi - 1].holderId };
      t = ctx.mentions[mi - 1].tokEnd;
    } else {
      for (const [dl, values] of demonymTrie.matchAt(keyAt, t, segEnd)) {
        const v = values.find((x) => caseOk(x.caseRule, tokens, t));
        if (v) {
          nat = { stateId: v.stateId };
          t += dl;
          break;
        }
      }
    }
    while (t < segEnd && TITLE_MODIFIERS.has(tokens[t].key)) t++;
    let th = t < segEnd ? titleTrie.matchAt(keyAt, t, segEnd) : [];
    // "Kim Yo-jong, a vice department director of the ruling party's Central Committee": a title a word or two in
    for (let skip = 1; !th.length && indefinite && skip <= 2 && t + skip < segEnd; skip++) {
      if (!/^[a-z-]+$/.test(tokens[t + skip - 1].text)) break;
      th = titleTrie.matchAt(keyAt, t + skip, segEnd);
      if (th.length) t += skip;
    }
    // "Kim Yo Jong, the sister of North Korean leader Kim Jong Un": a leader's relative or aide speaks for
    // the state that the rest of the description names
    if (!th.length && RELATIONS.has(tokens[t]?.key ?? '') && tokens[t + 1]?.key === 'of') {
      for (let q = t + 2; q < segEnd && !nat; q++) {
        const m = ctx.covered[q] > 0 ? ctx.mentions[ctx.covered[q] - 1] : null;
        if (m && m.holderId && m.holderId !== m.personId) nat = { stateId: m.holderId };
        const d = m
          ? undefined
          : demonymTrie.matchAt(keyAt, q, segEnd).find(([, v]) => caseOk(v[0].caseRule, tokens, q));
        if (d) nat = { stateId: d[1][0].stateId };
      }
      if (nat) th = [[2, []]];
    }
    if (!th.length) {
      i = end - 1;
      continue;
    }
    let tEnd = t + th[0][0];
    if (!nat) {
      // "head of the Kenyan Foreign Ministry's ... Bureau": look inside the role until a topic preposition
      for (let q = tEnd; q < segEnd && !TITLE_STOP.has(tokens[q].key); q++) {
        const m = ctx.covered[q] > 0 ? ctx.mentions[ctx.covered[q] - 1] : null;
        if (m && !m.personId) {
          nat = { stateId: m.holderId };
          break;
        }
        let hit = false;
        for (const [, values] of demonymTrie.matchAt(keyAt, q, segEnd)) {
          const v = values.find((x) => caseOk(x.caseRule, tokens, q));
          if (v) {
            nat = { stateId: v.stateId };
            hit = true;
            break;
          }
        }
        if (hit) break;
      }
    }
    let roleStart = end;
    if (/^(?:the|a|an)$/.test(tokens[roleStart].key) && !(ctx.covered[roleStart] > 0)) roleStart++;
    // drop a leading nationality from the role text
    const natMention = ctx.covered[roleStart] > 0 ? ctx.mentions[ctx.covered[roleStart] - 1] : null;
    if (natMention && natMention.tokStart <= roleStart && !natMention.personId) roleStart = natMention.tokEnd;
    else {
      const d = demonymTrie.matchAt(keyAt, roleStart, segEnd);
      if (d.length) roleStart += d[0][0];
    }
    tEnd = segEnd;
    const role = text.slice(tokens[roleStart].start, tokens[tEnd - 1].end + (tokens[tEnd - 1].poss ? 2 : 0)).trim();
    // "Ambassador Barbara Woodward, the UK's Permanent Representative": the titled person found before; the appositive adds the state
    const titled = found.find((f) => f.start <= i && i < f.from && f.from + f.len === end);
    if (titled) {
      if (nat && rank('explicit') > rank(titled.record.stateSource)) {
        titled.record.representsId = nat.stateId;
        titled.record.stateSource = 'explicit';
      }
      i = end - 1;
      continue;
    }
    const existing = matchExistingPerson(ctx, i, len);
    const r =
      existing && !nat
        ? existing
        : personFromName(ctx, i, len, role || null, nat?.stateId ?? null, nat ? 'explicit' : null);
    if (!r.role && role) r.role = role;
    add({ from: i, len, record: r, start: i });
    i = end - 1;
  }
  // "Kim Jong Un's sister Kim Yo Jong", "Kim Jong Un's powerful sister, Kim Yo Jong": named after the one
  // they are tied to, a relative or aide speaks for that one's state
  for (let p = 0; p + 2 < n; p++) {
    if (!tokens[p].poss) continue;
    const mi = ctx.covered[p];
    const known = mi > 0 ? ctx.mentions[mi - 1] : null;
    const titled = found.find((f) => f.from <= p && p < f.from + f.len);
    const stateId =
      known?.personId && known.holderId !== known.personId ? known.holderId : (titled?.record.representsId ?? null);
    if (!stateId) continue;
    let q = p + 1;
    while (q < n && q < p + 3 && /^[a-z-]+$/.test(tokens[q].text) && !RELATIONS.has(tokens[q].key)) q++;
    if (q >= n || !RELATIONS.has(tokens[q].key)) continue;
    const relation = tokens[q].text;
    q++;
    if (
      q < n &&
      /^,\s*$/.test(text.slice(tokens[q - 1].end, tokens[q].start)) === false &&
      text.slice(tokens[q - 1].end, tokens[q].start) !== ' '
    )
      continue;
    if (q >= n || ctx.covered[q] !== 0 || foundFrom.has(q) || !isNameStart(ctx, q)) continue;
    const len = nameRun(ctx, q, 5);
    if (len < 2) continue;
    const r = matchExistingPerson(ctx, q, len) ?? personFromName(ctx, q, len, relation, stateId, 'explicit');
    if (!r.representsId) {
      r.representsId = stateId;
      r.stateSource = 'explicit';
    }
    add({ from: q, len, record: r, start: q });
  }
  return found;
}

/** A run that spells a person already registered (any spelling) or a known person. */
function matchExistingPerson(ctx: Ctx, from: number, len: number, partial = false): ActorRecord | null {
  const { tokens, text } = ctx;
  const key = mentionKey(text.slice(tokens[from].start, tokens[from + len - 1].end));
  const r = ctx.personByKey.get(key);
  if (r) return r;
  const known = ctx.known.byKey.get(key);
  if (known && known.kind === 'PERSON') return personFromName(ctx, from, len, null, null, null);
  if (partial) {
    // "President Lee" after "President Lee Jae-myung"; "Mr. Jae-myung" after it
    const words = tokens.slice(from, from + len).map((t) => t.text);
    const hits = [...ctx.personByKey.values()].filter((p) => words.every((w) => p.nameTokens.includes(w)));
    if (hits.length) return hits.sort((a, b) => b.firstStart - a.firstStart)[0];
  }
  return null;
}

/** Step B: organs ("Indonesia's Defense Ministry", "the Foreign Ministry", "Lopez's government"). */
function scanOrgans(ctx: Ctx, homeStateId: string | null): void {
  const { tokens, text } = ctx;
  const n = tokens.length;
  const keyAt = (i: number): string | null => (i < n ? tokens[i].key : null);
  for (let i = 0; i < n; i++) {
    if (ctx.covered[i] !== 0 || !organTrie.hasStart(tokens[i].key)) continue;
    const hits = organTrie.matchAt(keyAt, i, n);
    const hit = hits.find(([, v]) => caseOk(v[0].caseRule, tokens, i));
    if (!hit) continue;
    const [len, [organ]] = hit;
    let stateId: string | null = null;
    let from = i;
    let source: ActorRecord['stateSource'] = 'explicit';
    // person's government: "Prime Minister Ana Lopez's government", "the Lopez administration"
    const prev = i > 0 && ctx.covered[i - 1] > 0 ? ctx.mentions[ctx.covered[i - 1] - 1] : null;
    if (prev && prev.personId && prev.tokEnd === i) {
      stateId = ctx.records.get(prev.personId)?.representsId ?? null;
    } else {
      const nat = nationalityBefore(ctx, i);
      if (nat) {
        stateId = nat.stateId;
        from = nat.from;
      }
    }
    if (!stateId) {
      stateId = homeStateId;
      source = 'home';
    }
    if (!stateId) continue;
    const organKey = organ.name.toLowerCase();
    if (GOVERNMENT_NOUNS.has(organKey) || organKey === 'administration' || organKey === 'government') {
      // "the government" is the state itself
      if (from !== i && ctx.covered[from] > 0) continue;
      addMention(ctx, {
        tokStart: i,
        tokEnd: i + len,
        actorId: stateId,
        kind: 'STATE',
        holderId: stateId,
        personId: null,
        form: 'government',
      });
      continue;
    }
    const state = STATES.get(stateId) ?? ORGS.get(stateId);
    const name = `${organ.name} of ${state?.name ?? stateId}`;
    const id = slugify(name);
    const r = record(ctx, {
      id,
      name,
      kind: 'ORGANIZATION',
      representsId: stateId,
      role: organ.name,
      known: false,
      stateSource: source,
      start: tokens[from].start,
      end: tokens[i + len - 1].end,
      confidence: source === 'home' ? 0.6 : 0.85,
    });
    const surface = text.slice(tokens[from].start, tokens[i + len - 1].end);
    // "Japan's Foreign Ministry" is another name of it; a bare "Foreign Ministry" is every state's, never an alias
    if (surface !== name && from < i) r.aliases.add(surface.replace(/^the /i, ''));
    // the organ mention replaces a nationality mention it absorbed
    if (from < i && ctx.covered[from] > 0) {
      const mi = ctx.covered[from] - 1;
      const m = ctx.mentions[mi];
      if (m.tokStart >= from && m.tokEnd <= i) {
        ctx.mentions.splice(mi, 1, { ...m, actorId: '', holderId: '' });
      }
    }
    addMention(ctx, {
      tokStart: from,
      tokEnd: i + len,
      actorId: id,
      kind: 'ORGANIZATION',
      holderId: stateId,
      personId: null,
      form: 'organ',
    });
    i += len - 1;
  }
}

/** Step D: later references to introduced persons ("Lee", "Lopez", "Mr. Jae-myung", another spelling). */
function scanShortRefs(ctx: Ctx): void {
  const { tokens, text } = ctx;
  const persons = [...ctx.records.values()].filter((r) => r.kind === 'PERSON');
  if (!persons.length) return;
  const byToken = new Map<string, ActorRecord[]>();
  for (const p of persons) {
    const words = p.nameTokens.length ? p.nameTokens : phraseKeys(p.name).words;
    const parts = new Set<string>();
    for (const w of words) for (const piece of w.split(/[-\s]/)) if (piece) parts.add(piece);
    parts.add(words[0]);
    parts.add(words[words.length - 1]);
    for (const w of parts) {
      const l = byToken.get(w) ?? [];
      if (!l.includes(p)) l.push(p);
      byToken.set(w, l);
    }
  }
  // every word of every person's name (and each part of a hyphenated one) -> the persons, kept up to
  // date as names grow, so that a run of name words is compared with the persons it could be, not all
  const order = new Map(persons.map((p, k) => [p, k]));
  const byWord = new Map<string, Set<ActorRecord>>();
  const indexed = new Map<ActorRecord, number>();
  const index = (p: ActorRecord): void => {
    if (!order.has(p)) return;
    for (let k = indexed.get(p) ?? 0; k < p.nameTokens.length; k++) {
      const x = p.nameTokens[k];
      for (const w of [x, ...x.split('-')]) {
        const set = byWord.get(w) ?? new Set<ActorRecord>();
        set.add(p);
        byWord.set(w, set);
      }
    }
    indexed.set(p, p.nameTokens.length);
  };
  ctx.grown.length = 0;
  for (const p of persons) index(p);
  const lastSeen = new Map<string, number>();
  for (const m of ctx.mentions)
    if (m.personId) lastSeen.set(m.personId, Math.max(lastSeen.get(m.personId) ?? -1, m.start));
  const n = tokens.length;
  for (let i = 0; i < n; i++) {
    if (ctx.covered[i] !== 0 || !tokens[i].cap) continue;
    const len = nameRun(ctx, i, 5) || (isNameStartLoose(ctx, i) ? 1 : 0);
    if (!len) continue;
    // another spelling of a full name
    const full = matchExistingPerson(ctx, i, len);
    if (full) {
      const surface = text.slice(tokens[i].start, tokens[i + len - 1].end);
      if (surface !== full.name && len > 1) full.aliases.add(surface);
      addMention(ctx, {
        tokStart: i,
        tokEnd: i + len,
        actorId: full.id,
        kind: 'PERSON',
        holderId: full.representsId ?? full.id,
        personId: full.id,
        form: 'person',
      });
      lastSeen.set(full.id, tokens[i].start);
      i += len - 1;
      continue;
    }
    // an unknown multi-word name is someone else ("Lee Min Ho" after "Lee Jae-myung"): leave it
    let candidates: ActorRecord[] | undefined;
    let useLen = len;
    if (len > 1) {
      const sub = text.slice(tokens[i].start, tokens[i + len - 1].end).split(/\s+/);
      const all = sub.every((w) => byToken.has(w));
      if (!all) {
        i += len - 1;
        continue;
      }
      for (const p of ctx.grown.splice(0)) index(p);
      candidates = [...(byWord.get(sub[0]) ?? [])]
        .filter((p) => sub.every((w) => p.nameTokens.includes(w) || p.nameTokens.some((x) => x.split('-').includes(w))))
        .sort((a, b) => order.get(a)! - order.get(b)!);
    } else {
      candidates = byToken.get(tokens[i].text);
      useLen = 1;
    }
    if (!candidates || !candidates.length) continue;
    const here = tokens[i].start;
    const introduced = candidates.filter((p) => p.firstStart <= here);
    const pool = introduced.length ? introduced : candidates;
    let chosen = pool[0];
    if (pool.length > 1) {
      // the one named in full most recently (within ~400 chars), else the first introduced
      const recent = pool
        .map((p) => ({ p, at: lastSeen.get(p.id) ?? -1 }))
        .filter((x) => x.at >= 0 && here - x.at < 400)
        .sort((a, b) => b.at - a.at);
      chosen = recent.length ? recent[0].p : pool.slice().sort((a, b) => a.firstStart - b.firstStart)[0];
    }
    addMention(ctx, {
      tokStart: i,
      tokEnd: i + useLen,
      actorId: chosen.id,
      kind: 'PERSON',
      holderId: chosen.representsId ?? chosen.id,
      personId: chosen.id,
      form: 'short',
    });
    i += useLen - 1;
  }
}

/**
 * Step C: bodies the gazetteer and the graph do not hold, known by the word
 * that ends their name: a run of capitalised words (acronyms too) ending in
 * one of lexicon BODY_HEADS ("People Power Party", "the African Group",
 * "AK Party"), or one capitalised name before "party" ("the Fidesz party").
 * Each is an organisation of its own, speaking for itself.
 */
const NOT_BODY_START = new Set([
  'The',
  'A',
  'An',
  'This',
  'That',
  'These',
  'Those',
  'Its',
  'Their',
  'His',
  'Her',
  'Our',
]);

/**
 * The record of a body named by tokens [from, nameEnd) (the library's actor
 * when it knows the name), ending at character `end`. Named after a state
 * with an organ's word last ("Russia's Federal Fisheries Agency"), it is
 * the state's organ and speaks for the state.
 */
function bodyRecord(
  ctx: Ctx,
  name: string,
  known: KnownActor | undefined,
  from: number,
  nameEnd: number,
  end: number,
): ActorRecord {
  const state = ORGAN_HEADS.has(ctx.tokens[nameEnd - 1].text) ? nationalityBefore(ctx, from) : null;
  return record(ctx, {
    id: known?.id ?? slugify(name),
    name: known?.name ?? name,
    kind: known?.kind ?? 'ORGANIZATION',
    representsId: known?.representsId ?? state?.stateId ?? null,
    role: null,
    known: !!known,
    stateSource: state ? 'explicit' : null,
    start: ctx.tokens[from].start,
    end,
    confidence: 0.6,
  });
}

function scanNamedBodies(ctx: Ctx): void {
  const { tokens, text } = ctx;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    // (a word that is no name alone may begin one: "People Power Party")
    if (ctx.covered[i] !== 0 || !t.cap || NOT_BODY_START.has(t.text) || BODY_HEADS.has(t.text) || /^\d/.test(t.text))
      continue;
    let j = i + 1;
    while (j < tokens.length && j - i < 6 && ctx.covered[j] === 0 && !tokens[j - 1].poss) {
      const gap = text.slice(tokens[j - 1].end, tokens[j].start);
      if (gap !== ' ' && !(gap === '-' && tokens[j].hyphenPrev)) break;
      if (!tokens[j].cap || RUN_BREAKERS.has(tokens[j].text) || /^\d/.test(tokens[j].text)) break;
      j++;
    }
    let end = -1;
    for (let k = j - 1; k > i && end < 0; k--) if (BODY_HEADS.has(tokens[k].text)) end = k + 1;
    let nameEnd = end;
    // "the Fidesz party": one name before a lower-case "party"
    if (end < 0 && j === i + 1 && !t.poss && !NOT_NAMES.has(t.text) && tokens[j]?.key === 'party' && !tokens[j].cap) {
      end = j + 1;
      nameEnd = j;
    }
    if (end < 0) continue;
    const name = text.slice(t.start, tokens[nameEnd - 1].end).replace(/'s$/, '');
    if (!slugify(name)) continue;
    const r = bodyRecord(ctx, name, ctx.known.byKey.get(mentionKey(name)), i, nameEnd, tokens[end - 1].end);
    if (r.kind !== 'ORGANIZATION') continue;
    addMention(ctx, {
      tokStart: i,
      tokEnd: end,
      actorId: r.id,
      kind: 'ORGANIZATION',
      holderId: r.representsId ?? r.id,
      personId: null,
      form: r.representsId ? 'organ' : 'name',
    });
    i = end - 1;
  }
}

/** Lower-case words a body's name may hold between its capitalised ones ("Association of Southeast Asian Nations"). */
const NAME_JOINERS = new Set(['of', 'for', 'and', 'the', 'on', 'in', 'de', 'del', 'la', 'du', 'des']);

/**
 * A body the article names and then abbreviates: "the Tigray People's
 * Liberation Front (TPLF)", "Civic Platform (PO)", "the National
 * Liberation Army (ELN)". News writing defines an organisation this way
 * before speaking of it by its letters, so the name and every later use of
 * the letters are mentions of one organisation, whatever its name's last
 * word. Letters after a body already read (a state's organ, "the Department
 * of Foreign Affairs (DFA)") name that body. A name with a proposal's noun is no body ("the
 * Joint Comprehensive Plan of Action (JCPOA)"). Nothing already someone's is taken: a person
 * ("Mohammed bin Salman (MBS)") or a known body ("the African Union (AU)")
 * was found first.
 */
function scanDefinedNames(ctx: Ctx): void {
  const { tokens, text } = ctx;
  for (let k = 2; k < tokens.length; k++) {
    const letters = tokens[k];
    if (!/^[A-Z]{2,6}$/.test(letters.text) || ctx.covered[k] !== 0) continue;
    if (text[letters.end] !== ')' || !/^\s?\($/.test(text.slice(tokens[k - 1].end, letters.start))) continue;
    let i = k;
    // a body read from its last words alone ("Liberation Front" of "the Tigray People's Liberation Front"): its mention
    // gives way to the whole name the letters define
    const partial: ActorMention[] = [];
    while (i > 0 && k - i < 8) {
      const t = tokens[i - 1];
      const held = ctx.covered[i - 1] !== 0 ? ctx.mentions[ctx.covered[i - 1] - 1] : null;
      const guessed =
        held?.kind === 'ORGANIZATION' &&
        held.form === 'name' &&
        !ORGS.has(held.actorId) &&
        !ctx.records.get(held.actorId)?.known;
      if (held && guessed && held.tokEnd === i) {
        partial.push(held);
        i = held.tokStart;
        continue;
      }
      if (held || !(t.cap || NAME_JOINERS.has(t.text)) || /^\d/.test(t.text)) break;
      if (i < k) {
        const gap = text.slice(t.end, tokens[i].start);
        if (gap !== ' ' && !(t.poss && /^['’]s? $/.test(gap))) break;
      }
      i--;
    }
    while (i < k && (!tokens[i].cap || NOT_BODY_START.has(tokens[i].text))) i++;
    const before = ctx.covered[k - 1] !== 0 ? ctx.mentions[ctx.covered[k - 1] - 1] : null;
    if (i === k && before && before.tokEnd === k && before.kind === 'ORGANIZATION' && !before.personId) {
      // a body already read ("the Department of Foreign Affairs (DFA)", a state's organ): its letters name it too
      ctx.records.get(before.actorId)?.aliases.add(letters.text);
      usesOf(ctx, k, [], before);
      continue;
    }
    if (k - i < 2 || !tokens[k - 1].cap) continue;
    if (partial.some((m) => m.tokStart < i)) continue;
    // "the Joint Comprehensive Plan of Action (JCPOA)", "the Indus Waters Treaty (IWT)": what is abbreviated is a proposal
    if (tokens.slice(i, k).some((t) => PROPOSAL_NOUNS.has(stem(t.key)))) continue;
    for (const m of partial) {
      const dropped = m.actorId;
      m.actorId = '';
      if (!ctx.mentions.some((x) => x.actorId === dropped)) ctx.records.delete(dropped);
    }
    const name = text.slice(tokens[i].start, tokens[k - 1].end);
    if (!slugify(name)) continue;
    const known = ctx.known.byKey.get(mentionKey(name)) ?? ctx.known.byKey.get(mentionKey(letters.text));
    const r = bodyRecord(ctx, name, known, i, k, letters.end);
    if (r.kind !== 'ORGANIZATION') continue;
    r.aliases.add(letters.text);
    const defined = addMention(ctx, {
      tokStart: i,
      tokEnd: k + 1,
      actorId: r.id,
      kind: 'ORGANIZATION',
      holderId: r.representsId ?? r.id,
      personId: null,
      form: r.representsId ? 'organ' : 'name',
    });
    usesOf(
      ctx,
      k,
      tokens.slice(i, k).map((t) => t.key),
      defined,
    );
  }
}

/** The later uses of letters defined at token k, and of the name in full (its keys), as mentions like `like`. */
function usesOf(ctx: Ctx, k: number, keys: string[], like: ActorMention): void {
  const { tokens } = ctx;
  const { actorId, kind, holderId, personId, form } = like;
  for (let j = k + 1; j < tokens.length; j++) {
    if (ctx.covered[j] !== 0) continue;
    let len = tokens[j].text === tokens[k].text ? 1 : 0;
    if (!len && keys.length && keys.every((key, n) => tokens[j + n]?.key === key && ctx.covered[j + n] === 0))
      len = keys.length;
    if (!len) continue;
    addMention(ctx, { tokStart: j, tokEnd: j + len, actorId, kind, holderId, personId, form });
    j += len - 1;
  }
}

function isNameStartLoose(ctx: Ctx, i: number): boolean {
  const t = ctx.tokens[i];
  return t.cap && !NOT_NAMES.has(t.text) && ctx.covered[i] === 0;
}

/** The state the article is mainly about: the first state-like subject. */
function findHomeState(ctx: Ctx): string | null {
  const sorted = ctx.mentions.slice().sort((a, b) => a.start - b.start);
  for (const m of sorted) {
    if (m.personId || m.pp || m.compound || !m.holderId) continue;
    if (STATES.has(m.holderId) || ctx.records.get(m.holderId)?.kind === 'STATE') return m.holderId;
  }
  const any = sorted.find((m) => m.holderId && STATES.has(m.holderId));
  return any ? any.holderId : null;
}

/** Find every actor mention in the (normalised) text. */
export function findActors(text: string, tokens: Token[], known: KnownActor[]): ActorTable {
  const ctx: Ctx = {
    text,
    tokens,
    known: indexKnownActors(known),
    records: new Map(),
    mentions: [],
    covered: new Int32Array(tokens.length),
    contextWords: new Map(),
    personByKey: new Map(),
    grown: [],
  };
  scanGazetteer(ctx);
  const persons = scanTitledPersons(ctx);
  for (const p of persons) {
    addMention(ctx, {
      tokStart: p.from,
      tokEnd: p.from + p.len,
      actorId: p.record.id,
      kind: 'PERSON',
      holderId: '',
      personId: p.record.id,
      form: 'person',
    });
    // the title and nationality belong to the mention's span for holder finding
    const m = ctx.mentions[ctx.mentions.length - 1];
    if (p.start < p.from) {
      m.start = tokens[p.start].start;
      m.pp = isGoverned(tokens, p.start, text);
      for (let t = p.start; t < p.from; t++) {
        const ci = ctx.covered[t];
        if (ci > 0 && ci - 1 !== ctx.mentions.length - 1) {
          const other = ctx.mentions[ci - 1];
          if (other.tokEnd <= p.from) other.actorId = ''; // nationality cue absorbed by the person
        }
        ctx.covered[t] = ctx.mentions.length;
      }
      m.tokStart = p.start;
    }
  }
  scanNamedBodies(ctx);
  const home = findHomeState(ctx);
  scanOrgans(ctx, home);
  scanShortRefs(ctx);
  scanDefinedNames(ctx);
  // persons without a state: the state (or organisation) the paragraph is about at their first
  // mention ("Israel, which ..., opposes it. Prime Minister Yair Lapid urged ..."), else the home state
  const bySite = ctx.mentions
    .filter((m) => !m.personId && !m.compound && m.actorId && m.holderId)
    .sort((a, b) => a.start - b.start);
  // the last state-like mention within 320 characters before pos, in the same paragraph
  const localState = (pos: number): string | null => {
    let lo = 0;
    let hi = bySite.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (bySite[mid].start < pos) lo = mid + 1;
      else hi = mid;
    }
    for (let j = lo - 1; j >= 0 && pos - bySite[j].start <= 320; j--) {
      const m = bySite[j];
      if (text.slice(m.end, pos).includes('\n\n')) continue;
      if (m.pp && !/^\s*(?:,|'s)/.test(text.slice(m.end, m.end + 3))) continue;
      const k = ctx.records.get(m.holderId)?.kind;
      if (STATES.has(m.holderId) || k === 'STATE') return m.holderId;
    }
    return null;
  };
  for (const r of ctx.records.values()) {
    if (r.kind === 'PERSON' && !r.representsId && r.firstStart >= 0) {
      const local = localState(r.firstStart);
      if (local) {
        r.representsId = local;
        r.stateSource = 'home';
        r.confidence = Math.min(r.confidence, 0.65);
      }
    }
    if (r.kind === 'PERSON' && !r.representsId && home) {
      r.representsId = home;
      r.stateSource = 'home';
      r.confidence = Math.min(r.confidence, 0.6);
    }
  }
  const mentions = ctx.mentions
    .filter((m) => m.actorId)
    .map((m) => (m.personId ? { ...m, holderId: ctx.records.get(m.personId)?.representsId ?? m.personId } : m))
    .sort((a, b) => a.start - b.start);
  // states referenced only as someone's represented state still need a record
  for (const r of [...ctx.records.values()]) {
    if (r.representsId && !ctx.records.has(r.representsId)) {
      const s = STATES.get(r.representsId) ?? ORGS.get(r.representsId);
      if (s) {
        ctx.records.set(s.id, {
          id: s.id,
          name: s.name,
          kind: STATES.has(s.id) ? 'STATE' : 'ORGANIZATION',
          aliases: new Set(),
          representsId: null,
          role: null,
          known: false,
          confidence: 0.9,
          firstStart: -1,
          firstEnd: -1,
          stateSource: null,
          nameTokens: [],
        });
      }
    }
  }
  return { records: ctx.records, mentions, homeStateId: home };
}
