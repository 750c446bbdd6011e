/**
 * Proposal mentions: the caller's known proposals (names and aliases, matched
 * tolerant of case, hyphens, articles and inflection, with actor names
 * compared by the actor they denote: "talks with Ankara" = "talks
 * with North Korea"), NEW proposals introduced by patterns ("a proposal to
 * hold military talks", "will seek to establish a trade
 * corridor", "its desire to hold a summit with ..."), and anaphors ("the
 * proposal", "the offer", "the talks") resolved to the most recently
 * mentioned compatible proposal.
 */
import { slugify } from './slug.js';
import { findActors, type ActorMention, type ActorRecord, type ActorTable } from './actors.js';
import type { DateMention } from './dates.js';
import {
  ANAPHOR_ANY,
  ANAPHOR_WORDS,
  ANAPHOR_DETERMINERS,
  ASKING_FOR_VERBS,
  ASPIRING_VERBS,
  BETWEEN_SUBJECT_AND_WISH,
  ACT_VERBS,
  ANAPHOR_ACTIONS,
  verbIn,
  JOIN_VERBS,
  JOINING_CLAUSE_VERBS,
  JOINING_WORDS,
  RELATIVE_WORDS,
  ANAPHOR_TYPED,
  BOUNDARY_WORDS,
  CONJUNCTION_VERBS,
  GENERIC_MODIFIERS,
  NAMED_HEADS,
  REPORTING_VERBS,
  boundaryPhraseTrie,
  LIGHT_VERBS,
  OPEN_VERB_BLACKLIST,
  PROPOSAL_NOUNS,
  PROPOSAL_TYPES,
  PROPOSING_PATTERNS,
  EVALUATIVE_MODIFIERS,
  NAME_DROP_MODIFIERS,
  PROPOSAL_STOPWORDS,
  PROPOSAL_VERBS,
  demonymTrie,
  triggerTrie,
} from './lexicon.js';
import {
  BoundedCache,
  Fingerprint,
  TokenTrie,
  caseOk,
  firstFrom,
  keyOf,
  stem,
  tokenize,
  type Token,
} from './tokens.js';
import type { KnownActor, KnownProposal } from './types.js';
import type { Reshaped } from './parsed/noun-phrase.js';

/** One unit of proposal wording: a word stem, or a whole actor mention as '@id'. */
export interface SemUnit {
  key: string;
  raw: string;
  start: number;
  end: number;
  tokStart: number;
  tokEnd: number;
  actor: ActorMention | null;
}

const ARTICLES = new Set(['a', 'an', 'the']);

export function semStream(tokens: Token[], mentions: ActorMention[], from = 0, to = tokens.length): SemUnit[] {
  const byTok = new Map<number, ActorMention>();
  for (const m of mentions) if (m.tokStart >= from && m.tokStart < to) byTok.set(m.tokStart, m);
  const out: SemUnit[] = [];
  for (let i = from; i < to;) {
    const m = byTok.get(i);
    if (m) {
      const id = m.personId ?? m.holderId ?? m.actorId;
      out.push({
        key: `@${id}`,
        raw: `@${id}`,
        start: m.start,
        end: m.end,
        tokStart: m.tokStart,
        tokEnd: m.tokEnd,
        actor: m,
      });
      i = Math.max(m.tokEnd, i + 1);
      continue;
    }
    const t = tokens[i];
    if (!ARTICLES.has(t.key))
      out.push({ key: stem(t.key), raw: t.key, start: t.start, end: t.end, tokStart: i, tokEnd: i + 1, actor: null });
    i++;
  }
  return out;
}

/** The words that identify a proposal: no stopwords, no leading light verb. */
export function contentKeys(units: SemUnit[]): string[] {
  let u = units;
  while (u.length && (LIGHT_VERBS.has(u[0].raw) || PROPOSAL_STOPWORDS.has(u[0].raw))) u = u.slice(1);
  return u.filter((x) => !PROPOSAL_STOPWORDS.has(x.raw)).map((x) => x.key);
}

/** The verbs of acting on a proposal, as keys ("extend the deal" is as generic as "the deal"). */
const ACT_VERB_KEYS = new Set([...ACT_VERBS.keys()].map(stem));

/** The parties a wording names: the state or organisation of each actor in it. */
function partiesOf(units: SemUnit[]): Set<string> {
  const out = new Set<string>();
  for (const u of units) if (u.actor?.holderId) out.add(u.actor.holderId);
  return out;
}

/**
 * Another wording of a proposal between the same parties: "a Japan-North
 * Korea summit" is the summit of Shinzo Abe and Kim Jong Un. Both name two
 * parties or more, the same ones, and proposals of one kind.
 */
function sameParties(rec: ProposalRecord, parties: Set<string>, keys: string[]): boolean {
  if (parties.size < 2 || rec.parties.size !== parties.size) return false;
  for (const p of parties) if (!rec.parties.has(p)) return false;
  if (!shareKind(keys, rec.allKeys)) return false;
  return !rec.keySets.some((ks) => conflicting(ks, keys, (k) => /\d/.test(k)));
}

/**
 * Two proposals' parties that cannot be one proposal's: both name two or more,
 * and each names one the other does not (the US–North Korea summit and the
 * Japan–North Korea summit share North Korea).
 */
function partiesClash(a: Set<string>, b: Set<string>): boolean {
  if (a.size < 2 || b.size < 2) return false;
  return [...a].some((p) => !b.has(p)) && [...b].some((p) => !a.has(p));
}

function headOf(keys: string[]): string | null {
  for (const k of keys) if (PROPOSAL_NOUNS.has(k)) return k;
  return null;
}

export interface ProposalRecord {
  id: string;
  name: string;
  aliases: Set<string>;
  proposedById: string | null;
  proposerId: string | null;
  proposedOn: string | null;
  known: boolean;
  confidence: number;
  evidenceStart: number;
  evidenceEnd: number;
  keySets: string[][];
  allKeys: Set<string>;
  head: string | null;
  /** the states and organisations its wordings name (a person counts for whom they speak): its parties */
  parties: Set<string>;
  mentioned: boolean;
  /** a known proposal's: when it was put forward, and whether it is a text put forward once (see heldProposals) */
  introducedOn?: string | null;
  oneTime?: boolean;
}

export interface ProposalIntro {
  recordId: string;
  pattern: string;
  trigStart: number;
  trigEnd: number;
  start: number;
  end: number;
  /** end of the complement before trimming trailing dates ("hold talks ... on Friday") */
  rawEnd: number;
  name: string;
  raw: string;
  proposer: ActorMention | null;
  date: DateMention | null;
}

export interface ProposalMention {
  start: number;
  end: number;
  proposalId: string;
  kind: 'intro' | 'name' | 'anaphor';
}

export interface ProposalTable {
  records: Map<string, ProposalRecord>;
  intros: ProposalIntro[];
  mentions: ProposalMention[];
  /** each applicant state's accessions ("<state>'s <organisation> accession") the article holds, by the state's id */
  accessions?: Map<string, ProposalRecord[]>;
}

/** Intros read as what a stance cue is about, not as put forward by anyone. */
const CUE_ARGUMENTS = new Set(['cue-object', 'cue-subject', 'cue-joining']);

/** A stance cue, and the noun phrase it says something of when the parse shows one before it ("the plan was rejected"). */
export interface CueHit {
  start: number;
  end: number;
  position: string;
  subject?: { start: number; end: number } | null;
}

// ------------------------------------------------------------ known proposals

interface KnownIndex {
  records: ProposalRecord[];
  trie: TokenTrie<string>;
  byId: Map<string, ProposalRecord>;
  /** content word -> records using it, so an intro is compared with few candidates */
  byKey: Map<string, ProposalRecord[]>;
  /** party -> records naming it */
  byParty: Map<string, ProposalRecord[]>;
  /** a name's slug without its hyphens -> the id that holds it */
  compactIds: Map<string, string>;
  /** the records named "<state>'s <organisation> accession" */
  accessionRecords: ProposalRecord[];
  /** the texts put forward once (drafts, resolutions, offers) with their date, oldest first */
  oneTimeRecords: ProposalRecord[];
}
const knownCache = new WeakMap<KnownProposal[], KnownIndex>();
const knownByContent = new BoundedCache<KnownIndex>(4);
// the wording of one alias in semantic units: stable across calls, so cached by text
const aliasCache = new BoundedCache<SemUnit[]>(50000);

function aliasUnits(alias: string, knownActors: KnownActor[]): SemUnit[] {
  const hit = aliasCache.get(alias);
  if (hit) return hit;
  const toks = tokenize(alias);
  const table = findActors(alias, toks, knownActors);
  const units = semStream(toks, table.mentions);
  aliasCache.set(alias, units);
  return units;
}

/** A name's slug without its hyphens: "cease-fire-proposal" and "ceasefire-proposal" are one name. */
function compactId(id: string): string {
  return id.replace(/-/g, '');
}

function proposalsFingerprint(known: KnownProposal[]): string {
  const f = new Fingerprint();
  for (const p of known) {
    f.add(p.id).add(p.name);
    for (const al of p.aliases) f.add(al);
  }
  return f.toString();
}

/** Index of the caller's known proposals, cached by array identity and by content. */
function indexKnown(known: KnownProposal[], knownActors: KnownActor[]): KnownIndex {
  let idx = knownCache.get(known);
  if (idx) return idx;
  const fp = proposalsFingerprint(known);
  idx = knownByContent.get(fp);
  if (idx) {
    knownCache.set(known, idx);
    return idx;
  }
  idx = {
    records: [],
    trie: new TokenTrie(),
    byId: new Map(),
    byKey: new Map(),
    byParty: new Map(),
    compactIds: new Map(),
    accessionRecords: [],
    oneTimeRecords: [],
  };
  for (const p of known) {
    const rec: ProposalRecord = {
      id: p.id,
      name: p.name,
      aliases: new Set(),
      proposedById: null,
      proposerId: null,
      proposedOn: null,
      known: true,
      confidence: 1,
      evidenceStart: -1,
      evidenceEnd: -1,
      keySets: [],
      allKeys: new Set(),
      head: null,
      parties: new Set(),
      mentioned: false,
      introducedOn: p.introducedOn ?? null,
      oneTime: oneTime(p),
    };
    for (const form of [p.name, ...p.aliases]) {
      const units = aliasUnits(form, knownActors);
      if (!units.length) continue;
      // one common word ("the alliance", learned from a correction) names no proposal: it would take every
      // later "the alliance" for it; a name ("Brexit", "JCPOA") or a proposal noun still does
      if (isCommonWord(form, units)) continue;
      const ck = contentKeys(units);
      // nor does an alias in generic words ("extend the deal", "the proposed agreement"): in another article it
      // means whatever that article's deal is
      if (form !== p.name && ck.every((k) => genericKey(k) || ACT_VERB_KEYS.has(k)) && !partiesOf(units).size) continue;
      for (const party of partiesOf(units)) rec.parties.add(party);
      idx.trie.add(
        units.map((u) => u.key),
        p.id,
      );
      // "the AUKUS pact": a name in capitals before generic words names the proposal alone in a later article ("AUKUS")
      const [first, ...rest] = units;
      if (
        rest.length &&
        !first.actor &&
        /^[A-Z]{3,}$/.test(form.slice(first.start, first.end)) &&
        rest.every((u) => !u.actor && genericKey(u.key))
      )
        idx.trie.add([first.key], p.id);
      if (ck.length) {
        idx.trie.add(
          ck.length < units.length ? units.slice(units.findIndex((u) => u.key === ck[0])).map((u) => u.key) : [],
          p.id,
        );
        rec.keySets.push(ck);
        for (const k of ck) rec.allKeys.add(k);
      }
    }
    rec.head = headOf([...rec.allKeys]);
    idx.records.push(rec);
    idx.byId.set(rec.id, rec);
    for (const k of rec.allKeys) {
      const l = idx.byKey.get(k) ?? [];
      l.push(rec);
      idx.byKey.set(k, l);
    }
    for (const party of rec.parties) idx.byParty.set(party, [...(idx.byParty.get(party) ?? []), rec]);
    if (!idx.compactIds.has(compactId(rec.id))) idx.compactIds.set(compactId(rec.id), rec.id);
    if (/ accession$/.test(rec.name)) idx.accessionRecords.push(rec);
    if (rec.oneTime && rec.introducedOn) idx.oneTimeRecords.push(rec);
  }
  idx.oneTimeRecords.sort((a, b) =>
    a.introducedOn! < b.introducedOn! ? -1 : a.introducedOn! > b.introducedOn! ? 1 : 0,
  );
  knownCache.set(known, idx);
  knownByContent.set(fp, idx);
  return idx;
}

/** A proposal this article puts forward under `name`, first said at [start, end): nothing known of it yet. */
function newRecord(name: string, start: number, end: number, confidence: number): ProposalRecord {
  return {
    id: slugify(name),
    name,
    aliases: new Set(),
    proposedById: null,
    proposerId: null,
    proposedOn: null,
    known: false,
    confidence,
    evidenceStart: start,
    evidenceEnd: end,
    keySets: [],
    allKeys: new Set(),
    head: null,
    parties: new Set(),
    mentioned: true,
  };
}

/**
 * A new proposal's name without the words in front that say how it stands or
 * how the writer judges it ("stalled nuclear talks", "the much-anticipated
 * summit between ...", "a sinister plan by ...") or the act a cue took with it
 * ("obstructing negotiations over the dam"): what is left must still be a
 * name of two words or more with a proposal noun in it, else the name stays.
 * Only words the article wrote in lower case go (`raw` is its wording), so
 * "New START" and "Historic Accord Act" keep theirs; the wording stays an alias.
 */
export function cleanName(name: string, raw: string): string {
  // never a preposition or a speaker's possessive first: "For the reform of the Council", "Our proposal of ..."
  const lead = LEADING_WORDS.exec(name);
  if (lead && name.length > lead[0].length) {
    const rest = name.slice(lead[0].length);
    return cleanName(rest.charAt(0).toUpperCase() + rest.slice(1), raw);
  }
  const words = name.split(' ');
  let written = raw.split(/\s+/);
  let at = written.findIndex((w) => w.toLowerCase() === words[0].toLowerCase());
  // a wording that starts later than the name: the name's first word capitalised only as its first, unless a
  // capitalised word follows it ("Crippled nuclear deal", not "Historic Accord Act")
  if (at < 0 && /^[a-z]/.test(words[1] ?? '')) [written, at] = [[words[0].toLowerCase(), ...words.slice(1)], 0];
  if (at < 0) return name;
  let from = 0;
  while (from + 3 <= words.length && at + from < written.length) {
    const word = written[at + from];
    if (word.toLowerCase() !== words[from].toLowerCase()) break;
    if (!/^[a-z]/.test(word)) break;
    const w = word.toLowerCase();
    const act = /ing$/.test(w) && !PROPOSAL_NOUNS.has(stem(w)) && !/^(?:ruling|leading|binding)$/.test(w);
    if (!NAME_DROP_MODIFIERS.has(w) && !act) break;
    from++;
  }
  const rest = words.slice(from);
  if (!from || rest.length < 2 || !rest.some((w) => PROPOSAL_NOUNS.has(stem(w.toLowerCase().replace(/[^a-z-]/g, '')))))
    return name;
  const out = rest.join(' ');
  return out.charAt(0).toUpperCase() + out.slice(1);
}

const LEADING_WORDS = /^(?:for|of|on|to|with|by|about|from|our|my|your)\s+(?:the\s+)?/i;

/** Words by which an article calls an organisation it has named: "the alliance" (NATO), "the bloc" (the EU). */
const ORG_DESCRIPTORS = new Set(['alliance', 'bloc', 'union', 'organisation', 'organization', 'grouping'].map(stem));

/** A wording that is one lower-case word and no proposal noun: "the alliance", "members". */
function isCommonWord(form: string, units: SemUnit[]): boolean {
  const ck = contentKeys(units);
  return ck.length === 1 && !units.some((u) => u.actor) && !/[A-Z0-9]/.test(form) && !PROPOSAL_NOUNS.has(ck[0]);
}

// ------------------------------------------------------------ intros

const SKIP_BETWEEN = new Set([
  'on',
  'last',
  'this',
  'earlier',
  'formally',
  'officially',
  'also',
  'again',
  'recently',
  'publicly',
  'first',
  'repeatedly',
  'reportedly',
  'previously',
  'strongly',
  'now',
]);

interface Ctx {
  text: string;
  tokens: Token[];
  sem: SemUnit[];
  semAtTok: Int32Array; // token -> sem index (or -1)
  actorAtTok: Array<ActorMention | null>;
  dateAtTok: Array<DateMention | null>;
  actors: ActorTable;
}

function gapText(ctx: Ctx, a: number, b: number): string {
  return ctx.text.slice(ctx.tokens[a].end, ctx.tokens[b].start);
}

let lastRawEnd = 0;
/** How a resolution says what it asks for ("a resolution calling for ...", "demanding ..."), as participles. */
const RESOLUTION_VERBS = new Set([
  'calling',
  'demanding',
  'urging',
  'condemning',
  'seeking',
  'requiring',
  'asking',
  'deploring',
  'authorising',
  'authorizing',
  'extending',
  'establishing',
  'imposing',
  'recommending',
]);
/** Their past forms, as a relative clause says them ("a draft resolution that recommended ..."): the participle of each. */
const RESOLUTION_PAST = new Map<string, string>(
  [...RESOLUTION_VERBS].map((ing) => [ing === 'seeking' ? 'sought' : ing.replace(/ing$/, 'ed'), ing]),
);
const HEAD_PARTICIPLES =
  /^(?:ending|establishing|creating|banning|allowing|granting|setting|providing|limiting|capping|extending|restoring|ensuring|guaranteeing|recognising|recognizing|normalising|normalizing|lifting|imposing|requiring)$/;
// heads that reporters use for one another when they refer back: "the agreement" ... "the pact" ... "the deal"
/** Words that make a meeting one for journalists ("press conference"). */
const FOR_JOURNALISTS = new Set(['press', 'news', 'media']);

const NOT_A_PROPOSAL = new Set(
  [
    'calm',
    'restraint',
    'patience',
    'caution',
    'unity',
    'solidarity',
    'de-escalation',
    'deescalation',
    'moderation',
    'maximum',
    'utmost',
    'the',
    'to',
    'table',
  ].map(stem),
);
const NOMINALISATIONS = new Set([
  'creation',
  'establishment',
  'adoption',
  'implementation',
  'signing',
  'launch',
  'idea',
  'revival',
  'conclusion',
  'ratification',
  'approval',
  'extension',
  'renewal',
  'resumption',
  'terms',
  'parts',
  'part',
  'details',
  'text',
  'principle',
  'spirit',
  'goal',
  'aim',
  'concept',
]);
const PRONOUNS = new Set(
  [
    'it',
    'them',
    'this',
    'that',
    'these',
    'those',
    'one',
    'ones',
    'so',
    'him',
    'her',
    'us',
    'they',
    'we',
    'what',
    'which',
  ].map(stem),
);
const FINITE_AFTER_NP = /^(?:[a-z]{3,}ed|won|drew|met|came|went|took|got|faces|remains|won't)$/;

/** Tokens of a complement starting at `from`: up to punctuation, a boundary word or 14 tokens. */
/** Nouns of an act on a party that name a proposal with their complement ("the withdrawal of US forces"). */
const ACT_HEADS = new Set(
  [
    'withdrawal',
    'release',
    'intervention',
    'reform',
    'normalization',
    'normalisation',
    'deployment',
    'expansion',
    'expulsion',
    'recognition',
    'reunification',
    'admission',
    'pullout',
    'departure',
  ].map(stem),
);

/** Acts that take place in a country: "a military intervention in Niger", "the deployment in Poland". */
const IN_PLACE_HEADS = new Set(['intervention', 'deployment'].map(stem));

/** The token of an act noun heading the phrase [from, end): the first followed by what it acts on ("of", "from", "to"). */
function actHeadOf(tokens: Token[], from: number, end: number): number {
  for (let t = from; t < tokens.length && tokens[t].end <= end; t++)
    if (
      ACT_HEADS.has(stem(tokens[t].key)) &&
      (/^(?:of|from|to|against)$/.test(tokens[t + 1]?.key ?? '') ||
        (tokens[t + 1]?.key === 'in' && IN_PLACE_HEADS.has(stem(tokens[t].key))))
    )
      return t;
  return -1;
}

/** Nouns of a purpose phrase: "in an effort to", "in a bid to", "in a move that". */
const PURPOSE_NOUNS = /^(?:effort|bid|attempt|move|push|step|gesture|sign|show|drive|quest)$/;

/** Whether a purpose phrase starts at i ("the provisional agreement | in a clear and sincere effort to ..."): never part of a name. */
function purposeAt(ctx: Ctx, i: number, limit: number): boolean {
  const { tokens } = ctx;
  if (tokens[i]?.key !== 'in' || !/^(?:a|an)$/.test(tokens[i + 1]?.key ?? '')) return false;
  for (let q = i + 2; q < Math.min(limit, i + 7); q++) if (PURPOSE_NOUNS.test(tokens[q].key)) return true;
  return false;
}

function complementEnd(ctx: Ctx, from: number, limit: number): number {
  const { tokens } = ctx;
  let i = from + 1;
  let units = 1;
  for (; i < limit && units < 14; i++) {
    if (!(ctx.actorAtTok[i] && ctx.actorAtTok[i]!.tokStart < i)) units++;
    // (the comma of a date is inside it: "its December 3, 2023 referendum")
    const inDate = !!ctx.dateAtTok[i] && ctx.dateAtTok[i] === ctx.dateAtTok[i - 1];
    if (/[,;:.!?"()]|--/.test(gapText(ctx, i - 1, i)) && !inDate) break;
    const k = tokens[i].key;
    if (ctx.actorAtTok[i] && ctx.actorAtTok[i]!.tokStart < i) continue;
    if (BOUNDARY_WORDS.has(k)) break;
    // "provided that ...", "in its current form", "at a summit": not part of the name
    if (
      boundaryPhraseTrie.hasStart(k) &&
      boundaryPhraseTrie.matchAt((x) => (x < limit ? tokens[x].key : null), i, limit).length
    )
      break;
    if ((k === 'and' || k === 'or') && i + 1 < limit && CONJUNCTION_VERBS.has(tokens[i + 1].key)) break;
    if ((k === 'by' || k === 'through' || k === 'upon') && i + 1 < limit && /ing$/.test(tokens[i + 1].key)) break;
    if (k === 'in' && tokens[i + 1]?.key === 'order') break;
    if (purposeAt(ctx, i, limit)) break;
    // "called for such a fund for three decades": a duration, not part of the name
    if (
      k === 'for' &&
      /^(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|decades|years|months|weeks|days)$/.test(
        tokens[i + 1]?.key ?? '',
      )
    )
      break;
    // "proposed the declaration in his speech", "at a meeting": the occasion, not the name
    if (
      /^(?:in|at|during)$/.test(k) &&
      /^(?:his|her|its|their|a|an)$/.test(tokens[i + 1]?.key ?? '') &&
      /^(?:speech|address|remarks|statement|meeting|interview|letter|message|visit|briefing|session|summit|conference|call|phone|new|news|keynote|televised|annual|regular|weekly)$/.test(
        tokens[i + 2]?.key ?? '',
      )
    )
      break;
    // "to join NATO to parliament": a second goal after the object
    if (
      k === 'to' &&
      i - from >= 2 &&
      ctx.actorAtTok[i - 1] &&
      (tokens[i + 1]?.cap ||
        /^(?:the|a|an|its|their|his|her|parliament|lawmakers|congress|legislators|voters)$/.test(
          tokens[i + 1]?.key ?? '',
        ))
    )
      break;
    // a finite verb after the noun phrase ends it: "a levy on shipping emissions gained ground"
    if (
      i - from >= 2 &&
      FINITE_AFTER_NP.test(k) &&
      !tokens[i].cap &&
      !tokens[i].hyphenPrev &&
      !ADJ_PARTICIPLES.has(k) &&
      !PROPOSAL_STOPWORDS.has(tokens[i - 1].key) &&
      !NOT_NP_START.has(tokens[i - 1].key)
    )
      break;
    if (
      k === 'to' &&
      i + 1 < limit &&
      /^(entice|persuade|pressure|force|avoid|prevent|counter|ease|end)$/.test(tokens[i + 1].key) &&
      i - from > 3
    )
      break;
  }
  lastRawEnd = ctx.tokens[i - 1].end;
  // trim trailing dates and dangling prepositions/stopwords
  let e = i;
  for (;;) {
    if (e - 1 > from && ctx.dateAtTok[e - 1]) {
      const d = ctx.dateAtTok[e - 1]!;
      while (e - 1 > from && ctx.dateAtTok[e - 1] === d) e--;
      continue;
    }
    if (
      e - 1 > from &&
      (PROPOSAL_STOPWORDS.has(tokens[e - 1].key) ||
        /^(?:immediately|quickly|soon|now|again|too|swiftly|today)$/.test(tokens[e - 1].key)) &&
      !ctx.actorAtTok[e - 1]
    ) {
      e--;
      continue;
    }
    break;
  }
  return e;
}

/** Who gets urged: "all sides", "the parties", "member states" (an actor name counts too). */
const ADDRESSEES =
  /^(?:all|both|the|other|its|their|rival|warring|member|neighbouring|neighboring)?\s*(?:sides|parties|states|countries|nations|governments|leaders|members|allies|partners|everyone|others|factions|groups)$/i;

const NOT_NP_START = new Set([
  'to',
  'that',
  'it',
  'them',
  'him',
  'her',
  'this',
  'those',
  'these',
  'what',
  'how',
  'whether',
  'which',
  'who',
  'if',
  'on',
  'in',
  'at',
  'for',
  'by',
  'with',
  'from',
  'of',
  'and',
  'or',
  'but',
  'is',
  'was',
  'are',
  'were',
  'be',
  'not',
]);

/** "Ukraine joining NATO", "Sweden acceding to the EU": a state's accession said as a clause, as a span of tokens. */
function joiningAt(ctx: Ctx, from: number, limit: number): [number, number] | null {
  const state = ctx.actorAtTok[from];
  if (!state || state.tokStart !== from || state.kind !== 'STATE') return null;
  let q = state.tokEnd;
  if (q >= limit || !JOINING_CLAUSE_VERBS.has(ctx.tokens[q].key)) return null;
  q++;
  if (ctx.tokens[q]?.key === 'to' || ctx.tokens[q]?.key === 'into') q++;
  if (q < limit && ARTICLES.has(ctx.tokens[q].key)) q++;
  const org = ctx.actorAtTok[q];
  if (!org || org.tokStart !== q || org.kind !== 'ORGANIZATION' || org.tokEnd > limit) return null;
  return [from, org.tokEnd];
}

/** What a cue says something of, as an intro named by its own words and put forward by no one. */
function cueArgument(ctx: Ctx, pattern: string, h: CueHit, span: [number, number], rawEnd: number): RawIntro {
  const { name, raw } = nameFrom(ctx, span[0], span[1]);
  return {
    pattern,
    trigStart: h.start,
    trigEnd: h.end,
    start: ctx.tokens[span[0]].start,
    end: ctx.tokens[span[1] - 1].end,
    rawEnd,
    name,
    raw,
    proposer: null,
    date: null,
    tokS: span[0],
    tokE: span[1],
    proposerMode: 'none',
  };
}

/**
 * "asked to join NATO", "applied to join the trans-Atlantic alliance": a cue whose last word is a verb of
 * joining, followed (from token `from`) by an organisation: the tokens from that verb to the organisation's end.
 */
function joinedAfterCue(ctx: Ctx, h: CueHit, from: number, limit: number): [number, number] | null {
  const verb = tokenAt(ctx.tokens, h.end) - 1;
  if (verb < 1 || ctx.tokens[verb].end !== h.end || !JOIN_VERBS.has(ctx.tokens[verb].key)) return null;
  if (ctx.tokens[verb - 1].key !== 'to') return null;
  let q = from;
  if (q < limit && ARTICLES.has(ctx.tokens[q].key)) q++;
  const org = ctx.actorAtTok[q];
  if (!org || org.tokStart !== q || org.kind !== 'ORGANIZATION' || org.personId || org.tokEnd > limit) return null;
  return [verb, org.tokEnd];
}

/**
 * Acts on a proposal, a membership or an organisation that are proposals of
 * their own (lexicon `acts`): "India is suspending the Indus Waters Treaty"
 * is the suspension of the treaty, "voted to suspend Syria's membership" the
 * suspension of the membership, "dissolve the OSCE Minsk Group" its
 * dissolution. Named "<act> of <what it acts on>" ("Suspension of the Indus
 * Waters Treaty"); a bare reference ("suspend the treaty") takes the name of
 * the last proposal of its kind named before it, and is left out when there
 * is none. The verb's subject puts the act forward (it does it).
 */
function actsOnProposals(ctx: Ctx, sentenceBounds: Array<[number, number]>, out: IntroList): void {
  const { tokens, text } = ctx;
  for (let i = 1; i < tokens.length; i++) {
    const act = ACT_VERBS.get(tokens[i].key);
    // (not inside another intro's words: "a proposal to extend the deal" is that proposal; not an adjective:
    // "the suspended talks")
    if (!act || out.taken(i) || ARTICLES.has(tokens[i - 1].key) || ANAPHOR_DETERMINERS.has(tokens[i - 1].key)) continue;
    const si = sentenceOfToken(sentenceBounds, i);
    const limit = si >= 0 ? sentenceBounds[si][1] : tokens.length;
    let j = i + 1;
    if (act.before) {
      if (tokens[j]?.key !== act.before) continue;
      j++;
    }
    if (j >= limit || /[,;:.!?"()]/.test(gapText(ctx, j - 1, j))) continue;
    let span = npAt(ctx, j, limit);
    if (!span) {
      const q = j < limit && ARTICLES.has(tokens[j].key) ? j + 1 : j;
      const org = ctx.actorAtTok[q];
      if (org && org.tokStart === q && org.kind === 'ORGANIZATION' && !org.personId && org.tokEnd <= limit)
        span = [q, org.tokEnd];
    }
    if (!span) continue;
    // what it acts on ends before a clause, a time or a place: "suspend the deal in late 2023", "revive the deal in private"
    for (let p = span[0] + 1; p < span[1]; p++)
      if (
        OBJECT_ENDS.has(tokens[p].key) ||
        (tokens[p].key === 'for' && FOR_LENGTH.test(tokens[p + 1]?.key ?? '')) ||
        ctx.dateAtTok[p] ||
        /[,;:.!?"()]/.test(gapText(ctx, p - 1, p))
      ) {
        span = [span[0], p];
        break;
      }
    // "revive a crippled nuclear deal": the deal, without how it stands ("the nuclear deal ...")
    let from = span[0];
    while (from + 1 < span[1] && NAME_DROP_MODIFIERS.has(tokens[from].key) && !tokens[from].cap) from++;
    let object = text.slice(tokens[from].start, tokens[span[1] - 1].end).replace(/\s+/g, ' ');
    if (span[0] > j && ARTICLES.has(tokens[span[0] - 1].key)) object = `the ${object}`;
    const content = keysOf(ctx, { tokS: span[0], tokE: span[1] });
    // what is acted on stands and can be stopped or kept: an agreement, a membership, talks, sanctions, an organisation
    // ("extend economic cooperation", "extend an invitation" offer something; they prolong nothing)
    const kinds = kindsOf(content);
    // (an act on an act is the act on what that acts on: "extend the five-year extension" is that extension)
    if (!ctx.actorAtTok[span[0]] && (!ACTED_ON.some((k) => kinds.has(k)) || ACT_KINDS.some((k) => kinds.has(k))))
      continue;
    if (content.every((k) => genericKey(k))) {
      // "suspend the treaty": the treaty named before, by its kind
      // (the intros found last, at most ANAPHOR_LOOKBACK of them: a text of thousands of acts and intros stays linear)
      let named: RawIntro | undefined;
      for (let k = out.list.length - 1; k >= Math.max(0, out.list.length - ANAPHOR_LOOKBACK); k--) {
        const x = out.list[k];
        if (x.end > tokens[i].start || x.pattern === 'act-on' || (named && named.end >= x.end)) continue;
        if (shareKind(kinds, kindsOf(keysOf(ctx, x)))) named = x;
      }
      // ("extend the pact" after "a five-year extension of the treaty": that extension, not a new act)
      // ("extend the deal" after "a proposal to extend the current agreement": that proposal's act, no other)
      if (!named || ACT_KINDS.some((k) => kindsOf(keysOf(ctx, named)).has(k)) || ACT_VERBS.has(tokens[named.tokS].key))
        continue;
      // (its name as the article wrote it: "the nuclear deal ...", "the Indus Waters Treaty"; a possessor takes no article)
      const written = /^\p{Ll}/u.test(text.slice(named.start, named.start + 1))
        ? named.name.charAt(0).toLowerCase() + named.name.slice(1)
        : named.name;
      object = /'s\b/.test(written.split(' ')[0]) ? written : `the ${written}`;
    }
    const end = tokens[span[1] - 1].end;
    const noun = act.noun.charAt(0).toUpperCase() + act.noun.slice(1);
    out.push({
      pattern: 'act-on',
      trigStart: tokens[i].start,
      trigEnd: tokens[i].end,
      start: tokens[i].start,
      end,
      rawEnd: end,
      name: `${noun} ${act.before ?? 'of'} ${object}`,
      raw: text.slice(tokens[i].start, end).replace(/\s+/g, ' '),
      proposer: null,
      date: null,
      tokS: i,
      tokE: span[1],
      proposerMode: 'subject',
    });
  }
}

/** Words that end what an act acts on: a clause, a time, a place or a purpose begins. */
const OBJECT_ENDS = new Set([
  'in',
  'at',
  'to',
  'that',
  'which',
  'by',
  'after',
  'before',
  'since',
  'during',
  'until',
  'as',
  'because',
  'amid',
  'despite',
  'while',
  'unless',
  'if',
  'when',
  'following',
  'within',
  'without',
  'beyond',
]);
/** "for" before a length of time ends it too: "extend the deal for one year", "suspend the talks for another month". */
const FOR_LENGTH = /^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|another|a|an|several|many|at)$/;

/** The kinds of proposal an act can act on. */
const ACTED_ON = [
  'agreement',
  'membership',
  'talks',
  'sanctions',
  'ceasefire',
  'declaration',
  'resolution',
  'candidacy',
];

/** The content keys of an intro's words (or of any run of tokens). */
function keysOf(ctx: Ctx, x: { tokS: number; tokE: number }): string[] {
  const out: string[] = [];
  for (let k = firstUnitFrom(ctx.sem, x.tokS); k < ctx.sem.length && ctx.sem[k].tokStart < x.tokE; k++)
    if (!PROPOSAL_STOPWORDS.has(ctx.sem[k].raw)) out.push(ctx.sem[k].key);
  return out;
}

/** The states listed beside a state's mention: "Finland and Sweden", "Finland, Norway and Sweden" (not itself). */
function coordinatedStates(ctx: Ctx, m: ActorMention): ActorMention[] {
  const { tokens, text, actorAtTok } = ctx;
  const out: ActorMention[] = [];
  const joined = (a: number, b: number): boolean => /^\s*,?\s*$/.test(text.slice(tokens[a].end, tokens[b].start));
  // leftwards: "Finland and" | "Finland," before it, then further along the list
  for (let at = m.tokStart; out.length < 10;) {
    let q = at - 1;
    if (q >= 1 && /^(?:and|or)$/.test(tokens[q].key) && joined(q - 1, q)) q--;
    else if (!(q >= 0 && text.slice(tokens[q].end, tokens[at].start).includes(','))) break;
    const prev = actorAtTok[q];
    if (!prev || prev.tokEnd !== q + 1 || prev.kind !== 'STATE') break;
    out.push(prev);
    at = prev.tokStart;
  }
  // rightwards: "and Sweden", ", Sweden"
  for (let at = m.tokEnd; out.length < 10 && at < tokens.length;) {
    let q = at;
    if (/^(?:and|or)$/.test(tokens[q].key) && joined(q - 1, q)) q++;
    else if (!text.slice(tokens[at - 1].end, tokens[at].start).includes(',')) break;
    const next = actorAtTok[q];
    if (!next || next.tokStart !== q || next.kind !== 'STATE') break;
    out.push(next);
    at = next.tokEnd;
  }
  return out;
}

/** A noun phrase headed (within its first 4 words) by a proposal noun; any noun phrase when `open`. */
/** Cues of worry and the prepositions before what they are about. */
const WORRY = /concern|doubt|reservation|misgiving|worr|question|fear/i;
const WORRY_PREPS = new Set(['over', 'about', 'regarding', 'on', 'at', 'with']);

function npAt(ctx: Ctx, from: number, limit: number, open = false): [number, number] | null {
  let s = from;
  while (
    s < limit &&
    (ANAPHOR_DETERMINERS.has(ctx.tokens[s].key) || ARTICLES.has(ctx.tokens[s].key) || ctx.tokens[s].key === 'a')
  )
    s++;
  if (s >= limit) return null;
  const e = complementEnd(ctx, s, limit);
  if (open && !NOT_NP_START.has(ctx.tokens[s].key) && !/(?:ed|ing)$/.test(ctx.tokens[s].key) && !ctx.actorAtTok[s])
    return [s, e];
  for (let i = s; i < Math.min(e, s + 4); i++) {
    if (ctx.actorAtTok[i]) continue;
    if (PROPOSAL_NOUNS.has(stem(ctx.tokens[i].key))) return [s, e];
  }
  return null;
}

function vpAt(ctx: Ctx, from: number, limit: number, open = false): [number, number] | null {
  if (from >= limit) return null;
  const k = ctx.tokens[from].key;
  const verbish =
    PROPOSAL_VERBS.has(k) ||
    (open && /^[a-z]+$/.test(ctx.tokens[from].text) && !OPEN_VERB_BLACKLIST.has(k) && !NOT_NP_START.has(k));
  if (!verbish || ctx.actorAtTok[from]) return null;
  const e = complementEnd(ctx, from, limit);
  if (e - from < 2) return null;
  return [from, e];
}

function nameFrom(ctx: Ctx, s: number, e: number): { name: string; raw: string } {
  const { tokens, text } = ctx;
  const raw = text.slice(tokens[s].start, tokens[e - 1].end);
  let i = s;
  if (LIGHT_VERBS.has(tokens[i].key) && i + 1 < e) i++;
  if (tokens[i].key === 'up' && i + 1 < e) i++;
  // "the launch of accession talks": the act's noun gone, its "of" goes too
  if (i > s && tokens[i].key === 'of' && i + 1 < e) i++;
  while (i + 1 < e && (ARTICLES.has(tokens[i].key) || ANAPHOR_DETERMINERS.has(tokens[i].key))) i++;
  // rebuild with persons by their canonical names ("Prime Minister Ana Lopez" -> "Ana Lopez")
  let out = '';
  let pos = tokens[i].start;
  const end = tokens[e - 1].end;
  for (let t = i; t < e; t++) {
    const m = ctx.actorAtTok[t];
    if (m && m.personId && m.tokStart === t) {
      const rec = ctx.actors.records.get(m.personId);
      out += text.slice(pos, m.start) + (rec?.name ?? text.slice(m.start, m.end));
      pos = Math.min(m.end, end);
      if (text.slice(pos - 2, pos) === "'s") pos -= 2;
      t = m.tokEnd - 1;
    }
  }
  out += text.slice(pos, end);
  out = out.replace(/\s+/g, ' ').trim();
  // an act said as a verb is named as the act: "normalize relations between ..." -> "Normalization of relations between ..."
  const [verb, ...object] = out.split(' ');
  const act = ACT_NOUN_OF_VERB.get(verb.toLowerCase());
  if (act && object.length && !/^(?:of|to|from|for|with|on|in|by)$/i.test(object[0]))
    out = `${act} of ${object.join(' ')}`;
  return { name: out.charAt(0).toUpperCase() + out.slice(1), raw };
}

/** The noun of an act a proposal is said with as a verb (base and -ing forms). */
const ACT_NOUN_OF_VERB = new Map<string, string>(
  (
    [
      ['normalize', 'normalization'],
      ['normalise', 'normalisation'],
      ['open', 'opening'],
      ['lift', 'lifting'],
      ['impose', 'imposition'],
      ['withdraw', 'withdrawal'],
      ['deploy', 'deployment'],
      ['admit', 'admission'],
      ['suspend', 'suspension'],
      ['recognize', 'recognition'],
      ['recognise', 'recognition'],
      ['expand', 'expansion'],
      ['extend', 'extension'],
      ['abolish', 'abolition'],
      ['cancel', 'cancellation'],
      ['reduce', 'reduction'],
      ['replace', 'replacement'],
      ['revise', 'revision'],
      ['ratify', 'ratification'],
      ['renew', 'renewal'],
      ['invite', 'invitation'],
      ['reunify', 'reunification'],
      ['reinstate', 'reinstatement'],
      ['end', 'end'],
      ['release', 'release'],
      ['reform', 'reform'],
      ['acquire', 'acquisition'],
      ['procure', 'procurement'],
      ['purchase', 'purchase'],
      ['buy', 'purchase'],
      ['sell', 'sale'],
    ] as Array<[string, string]>
  ).flatMap(([verb, noun]) => [
    [verb, noun.charAt(0).toUpperCase() + noun.slice(1)] as [string, string],
    [`${verb.replace(/e$/, '')}ing`, noun.charAt(0).toUpperCase() + noun.slice(1)] as [string, string],
  ]),
);

function proposerByPossession(ctx: Ctx, trigFrom: number): ActorMention | null {
  const { tokens } = ctx;
  let p = trigFrom - 1;
  // skip adjectives/determiners: "any Turkish proposal", "Ankara's latest offer"
  for (let hops = 0; p >= 0 && hops < 3; hops++) {
    const m = ctx.actorAtTok[p];
    if (m) return m.poss ? m : null;
    // demonym: "South Korean proposal"
    for (let s = Math.max(0, p - 2); s <= p; s++) {
      for (const [len, values] of demonymTrie.matchAt((i) => (i <= p ? tokens[i].key : null), s, p + 1)) {
        if (s + len === p + 1) {
          const v = values.find((x) => caseOk(x.caseRule, tokens, s));
          if (v) {
            const rec = ctx.actors.records.get(v.stateId);
            return {
              start: tokens[s].start,
              end: tokens[p].end,
              tokStart: s,
              tokEnd: p + 1,
              actorId: v.stateId,
              kind: 'STATE',
              holderId: v.stateId,
              personId: null,
              form: 'demonym',
              poss: false,
              pp: false,
              compound: false,
              ...(rec ? {} : {}),
            };
          }
        }
      }
    }
    if (
      /^(latest|new|fresh|recent|formal|previous|earlier|initial|original|any|the|a|an|its|their|his|her)$/.test(
        tokens[p].key,
      )
    ) {
      p--;
      continue;
    }
    break;
  }
  return null;
}

type RawIntro = Omit<ProposalIntro, 'recordId'> & {
  tokS: number;
  tokE: number;
  proposerMode: 'poss' | 'subject' | 'none';
};

/**
 * The intros found so far, with what the search asks of all of them ("did
 * one end before here?", "is this token taken?") kept up to date as each is
 * added: asked by scanning the list, a text of thousands of intros would
 * cost thousands of scans of thousands.
 */
class IntroList {
  readonly list: RawIntro[] = [];
  private minEnd = Infinity;
  /** head word -> the least tokE of the intros it heads */
  private readonly headEnds = new Map<string, number>();
  /** trigger starts, ascending */
  private readonly trigStarts: number[] = [];
  /** tokens inside an intro's words or its trigger */
  private readonly takenTokens: Uint8Array;
  /** characters inside an intro's words */
  private readonly takenChars: Uint8Array;
  /** the actors named inside some intro's words, as content keys ("@<id>") */
  private readonly namedActors = new Set<string>();

  constructor(
    private readonly tokens: Token[],
    textLength: number,
    private readonly actorAtTok: ReadonlyArray<ActorMention | null>,
  ) {
    this.takenTokens = new Uint8Array(tokens.length);
    this.takenChars = new Uint8Array(textLength);
  }

  get length(): number {
    return this.list.length;
  }

  push(x: RawIntro): void {
    const { tokens } = this;
    this.list.push(x);
    this.minEnd = Math.min(this.minEnd, x.end);
    const head = stem(tokens[x.tokE - 1]?.key ?? '') !== '' ? tokensHead(tokens, x) : null;
    if (head !== null) this.headEnds.set(head, Math.min(this.headEnds.get(head) ?? Infinity, x.tokE));
    this.trigStarts.splice(upperBound(this.trigStarts, x.trigStart), 0, x.trigStart);
    this.takenTokens.fill(1, x.tokS, x.tokE);
    for (let t = tokenAt(tokens, x.trigStart); t < tokens.length && tokens[t].end <= x.trigEnd; t++)
      this.takenTokens[t] = 1;
    this.takenChars.fill(1, x.start, x.end);
    for (let t = x.tokS; t < x.tokE; t++) {
      const m = this.actorAtTok[t];
      if (m) this.namedActors.add(`@${m.personId ?? m.holderId ?? m.actorId}`);
    }
  }

  /** Some intro's words name the actor of content key `key` ("@<id>"). */
  namesActor(key: string): boolean {
    return this.namedActors.has(key);
  }

  /** Some intro ends at or before `pos`. */
  endsBy(pos: number): boolean {
    return this.minEnd <= pos;
  }

  /** Some intro headed by `head` ends at or before token `tok`. */
  headEndsBy(head: string, tok: number): boolean {
    return (this.headEnds.get(head) ?? Infinity) <= tok;
  }

  /** Some intro's trigger starts in [from, to]. */
  triggerIn(from: number, to: number): boolean {
    const k = upperBound(this.trigStarts, from - 1);
    return k < this.trigStarts.length && this.trigStarts[k] <= to;
  }

  /** Token `t` is inside an intro's words or trigger. */
  taken(t: number): boolean {
    return this.takenTokens[t] === 1;
  }

  /** Some intro's words overlap the characters [start, end). */
  overlaps(start: number, end: number): boolean {
    for (let c = Math.max(0, start); c < end; c++) if (this.takenChars[c]) return true;
    return false;
  }
}

/** The first index of `values` (ascending) whose value is > x. */
function upperBound(values: number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The sentence (index into bounds, by token) holding token t, or -1. */
function sentenceOfToken(bounds: Array<[number, number]>, t: number): number {
  let lo = 0;
  let hi = bounds.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (bounds[mid][1] <= t) lo = mid + 1;
    else if (bounds[mid][0] > t) hi = mid - 1;
    else return mid;
  }
  return -1;
}

export function findIntros(ctx: Ctx, sentenceBounds: Array<[number, number]>, cueHits: CueHit[]): RawIntro[] {
  const { tokens } = ctx;
  const out = new IntroList(tokens, ctx.text.length, ctx.actorAtTok);
  let si = 0;
  const n = tokens.length;
  for (let i = 0; i < n; i++) {
    const k = tokens[i].key;
    if (!triggerTrie.hasStart(k)) continue;
    while (si < sentenceBounds.length - 1 && sentenceBounds[si][1] <= i) si++;
    const limit = sentenceBounds[si]?.[1] ?? n;
    const hits = triggerTrie.matchAt((x) => (x < limit ? tokens[x].key : null), i, limit);
    if (!hits.length) continue;
    const [tlen, triggers] = hits[0];
    const trigger = triggers[0];
    // "a resolution calling for ...", "a plan urging ...": the proposal's content, not a new proposal
    if (
      trigger.proposer === 'subject' &&
      /ing$/.test(k) &&
      i > 0 &&
      !ctx.actorAtTok[i - 1] &&
      PROPOSAL_NOUNS.has(stem(tokens[i - 1].key)) &&
      !/[,;.]/.test(gapText(ctx, i - 1, i))
    )
      continue;
    // "It calls for a truce", "the plan also demands ...": what a proposal contains, not a new one
    if (trigger.proposer === 'subject' && proposalIsSubject(ctx, i, sentenceBounds[si]?.[0] ?? -1)) continue;
    // "the proposed talks": a participle used as an adjective introduces nothing
    if (trigger.proposer === 'subject' && i > 0 && ANAPHOR_DETERMINERS.has(tokens[i - 1].key) && /ed$/.test(k))
      continue;
    let j = i + tlen;
    let proposer: ActorMention | null = null;
    let date: DateMention | null = null;
    // between trigger and complement: "by South Korea", "to North Korea", "on Monday"
    for (let hops = 0; j < limit && hops < 6; hops++) {
      if (/[,;:.!?"()]/.test(gapText(ctx, j - 1, j))) break;
      const key = tokens[j].key;
      // "a proposal by (the) European Union", "an offer from Brussels"
      const agentAt = ctx.actorAtTok[j + 1]
        ? j + 1
        : tokens[j + 1] && ARTICLES.has(tokens[j + 1].key) && ctx.actorAtTok[j + 2]
          ? j + 2
          : -1;
      if ((key === 'by' || key === 'from') && agentAt > 0 && trigger.proposer === 'poss') {
        proposer = ctx.actorAtTok[agentAt]!;
        j = proposer.tokEnd;
        continue;
      }
      if (key === 'to' && ctx.actorAtTok[j + 1] && trigger.proposer === 'subject') {
        j = ctx.actorAtTok[j + 1]!.tokEnd;
        continue;
      }
      // "urged Russia to rejoin ...": the addressee
      if (
        ctx.actorAtTok[j] &&
        ctx.actorAtTok[j]!.tokStart === j &&
        trigger.proposer === 'subject' &&
        hops === 0 &&
        tokens[ctx.actorAtTok[j]!.tokEnd]?.key === 'to'
      ) {
        j = ctx.actorAtTok[j]!.tokEnd;
        continue;
      }
      if (ctx.dateAtTok[j]) {
        date = ctx.dateAtTok[j];
        while (j < limit && ctx.dateAtTok[j] === date) j++;
        continue;
      }
      if (SKIP_BETWEEN.has(key) && !ctx.dateAtTok[j + 1]) {
        if (key !== 'on') {
          j++;
          continue;
        }
      }
      if (key === 'on' && ctx.dateAtTok[j + 1]) {
        j++;
        continue;
      }
      break;
    }
    let span: [number, number] | null = null;
    const open = trigger.open === true;
    lastRawEnd = 0;
    for (const take of trigger.takes) {
      if (take === 'to-vp' && tokens[j]?.key === 'to') span = vpAt(ctx, j + 1, limit, open);
      else if (take === 'for-np' && tokens[j]?.key === 'for') span = npAt(ctx, j + 1, limit);
      else if (take === 'of-np' && tokens[j]?.key === 'of') span = npAt(ctx, j + 1, limit) ?? vpAt(ctx, j + 1, limit);
      else if (take === 'np' && tokens[j] && !['to', 'that', 'for', 'of'].includes(tokens[j].key)) {
        span = npAt(ctx, j, limit, open && trigger.pattern !== 'noun-proposal');
        // "urged all sides to show restraint": the noun phrase is the addressee, the proposal follows
        if (span && trigger.pattern !== 'noun-proposal') {
          let to = -1;
          for (let q = span[0]; q <= span[1] && q < limit; q++)
            if (tokens[q].key === 'to' && !PROPOSAL_NOUNS.has(stem(tokens[q - 1]?.key ?? ''))) {
              to = q;
              break;
            }
          const addressee =
            to > span[0] &&
            (!!ctx.actorAtTok[span[0]] || ADDRESSEES.test(ctx.text.slice(tokens[span[0]].start, tokens[to - 1].end)));
          if (addressee) span = vpAt(ctx, to + 1, limit, open);
        }
      } else if (take === 'that-clause' && tokens[j]?.key === 'that') {
        for (let v = j + 1; v < Math.min(limit, j + 10); v++) {
          if (/[,;.]/.test(gapText(ctx, v - 1, v))) break;
          if (PROPOSAL_VERBS.has(tokens[v].key) && !ctx.actorAtTok[v]) {
            span = vpAt(ctx, v, limit);
            if (span) break;
          }
        }
      } else if (take === 'np-before') {
        // "the ceasefire plan": a proposal noun right before the trigger noun
        const p = i - 1;
        const det = tokens[p - 1]?.key;
        const definite = det === 'the' || det === 'this' || det === 'that';
        if (definite && out.length) continue;
        if (
          p >= 0 &&
          !ctx.actorAtTok[p] &&
          PROPOSAL_NOUNS.has(stem(tokens[p].key)) &&
          !/[,;.]/.test(gapText(ctx, p, i))
        ) {
          let s = p;
          while (
            s - 1 >= 0 &&
            !ctx.actorAtTok[s - 1] &&
            !ctx.dateAtTok[s - 1] &&
            // a place's name is part of it too: "the Tumen river corridor initiative"
            (/^\p{L}/u.test(tokens[s - 1].text) ||
              (/^\d+$/.test(tokens[s - 1].text) && gapText(ctx, s - 1, s) === '-')) &&
            !ANAPHOR_DETERMINERS.has(tokens[s - 1].key) &&
            !ARTICLES.has(tokens[s - 1].key) &&
            p - s < 3 &&
            !/[,;.]/.test(gapText(ctx, s - 1, s))
          ) {
            // "a ceasefire and hostage release proposal": a coordinated proposal noun belongs to the name
            if (tokens[s - 1].key === 'and' || tokens[s - 1].key === 'or') {
              if (s - 2 >= 0 && PROPOSAL_NOUNS.has(stem(tokens[s - 2].key)) && !ctx.actorAtTok[s - 2]) {
                s -= 2;
                continue;
              }
              break;
            }
            s--;
          }
          span = [s, i + tlen];
          lastRawEnd = tokens[i + tlen - 1].end;
        }
      }
      if (span) break;
    }
    if (!span) continue;
    // "offered to extend the deal", "urged Russia to suspend the talks": an act on a proposal (actsOnProposals),
    // named for the act and what it acts on, put forward by the verb's subject ("a proposal to extend the deal"
    // is that proposal)
    if (trigger.pattern !== 'noun-proposal' && ACT_VERBS.has(tokens[span[0]].key)) continue;
    // "a joint six-point proposal for a political settlement": the noun's own modifiers belong to the name
    if (trigger.pattern === 'noun-proposal' && span[0] > i) {
      let m0 = i;
      let specific = false;
      while (
        m0 - 1 >= 0 &&
        i - m0 < 4 &&
        !ctx.actorAtTok[m0 - 1] &&
        /^[a-z0-9][a-z0-9-]*$/.test(tokens[m0 - 1].text) &&
        !ARTICLES.has(tokens[m0 - 1].key) &&
        !ANAPHOR_DETERMINERS.has(tokens[m0 - 1].key) &&
        !NOT_NP_START.has(tokens[m0 - 1].key) &&
        !BOUNDARY_WORDS.has(tokens[m0 - 1].key) &&
        !REPORTING_VERBS.has(tokens[m0 - 1].key) &&
        !/(?:ed|ing|ly)$/.test(tokens[m0 - 1].key) &&
        /^[ -]$/.test(gapText(ctx, m0 - 1, m0))
      ) {
        m0--;
        if (!genericKey(stem(tokens[m0].key)) && !/^\d+$/.test(tokens[m0].key)) specific = true;
      }
      if (specific && (m0 === 0 || !tokens[m0 - 1].poss)) span = [m0, span[1]];
    }
    // "called for the code to be ...": a definite reference to a proposal already named is an anaphor
    {
      // ... also as the object of a verb: "sign the agreement", "finalise the deal"
      let a0 = span[0];
      if (
        (PROPOSAL_VERBS.has(tokens[a0].key) || LIGHT_VERBS.has(tokens[a0].key)) &&
        a0 + 2 < tokens.length &&
        /^(the|this|that|its|their)$/.test(tokens[a0 + 1].key)
      )
        a0 += 2;
      if (a0 > 0 && /^(the|this|that|its|their)$/.test(tokens[a0 - 1].key)) {
        const st0 = stem(tokens[a0].key);
        if (
          (ANAPHOR_ANY.has(st0) || ANAPHOR_TYPED.has(st0) || NAMED_HEADS.has(st0)) &&
          (a0 + 1 >= span[1] || !FORWARD_PREPS.has(tokens[a0 + 1]?.key ?? ''))
        )
          continue;
        // "push for the tax at the IMO" after "a proposal for a global levy": any proposal noun, definite, with only
        // where or when after it, names nothing new once a proposal was introduced
        if (
          PROPOSAL_NOUNS.has(st0) &&
          out.endsBy(tokens[a0].start) &&
          (a0 + 1 >= span[1] || LOCATIVE_PREPS.has(tokens[a0 + 1].key))
        )
          continue;
        // "the agreement with Brazil, Argentina ..." after "the trade agreement with Mercosur": the same one again
        if (NAMED_HEADS.has(st0) && out.headEndsBy(st0, a0)) continue;
      }
    }
    if (trigger.proposer === 'poss' && !proposer) proposer = proposerByPossession(ctx, i);
    // "urged the North to return to dialogue", "called for calm": an exhortation in generic words is not a proposal of its own
    if (trigger.pattern === 'verb-call-for') {
      const words = tokens
        .slice(span[0], span[1])
        .map((t) => stem(t.key))
        .filter((k) => !PROPOSAL_STOPWORDS.has(k) && !ARTICLES.has(k));
      if (words.every((k) => genericKey(k) || PROPOSAL_VERBS.has(k) || NOT_A_PROPOSAL.has(k))) continue;
    }
    // "the idea of a separate fund", "a new plan" after a proposal was named: generic words refer back to it
    if (out.endsBy(tokens[span[0]].start) && !genericWording(ctx, span[0], span[1])) continue;
    const rawEnd = lastRawEnd;
    const { name, raw } = nameFrom(ctx, span[0], span[1]);
    out.push({
      pattern: trigger.pattern,
      trigStart: tokens[i].start,
      trigEnd: tokens[i + tlen - 1].end,
      start: tokens[span[0]].start,
      end: tokens[span[1] - 1].end,
      rawEnd: Math.max(rawEnd, tokens[span[1] - 1].end),
      name,
      raw,
      proposer,
      date,
      tokS: span[0],
      tokE: span[1],
      proposerMode: trigger.proposer,
    });
    i = Math.max(i, span[0] - 1);
  }
  // a proposal named by its modifiers, with no proposing word: "the Black Sea grain deal",
  // "a 50 billion euro European Union aid package for Ukraine", "the five-point consensus"
  const fromTriggers = out.length;
  namedNounPhrases(ctx, sentenceBounds, out);
  actsOnProposals(ctx, sentenceBounds, out);
  // the object of a position cue, when it names a proposal-like thing: "opposes the deployment of THAAD"
  for (const h of cueHits) {
    if (h.position === 'NONCOMMITTAL') continue;
    const t = tokenAt(tokens, h.end);
    if (t >= tokens.length || /[,;.:"]/.test(ctx.text.slice(h.end, tokens[t].start))) continue;
    if (out.triggerIn(h.start, tokens[t].start + 1)) continue;
    const si = sentenceOfToken(sentenceBounds, t);
    const limit = si >= 0 ? sentenceBounds[si][1] : tokens.length;
    // "asked to join NATO", "applied to join the alliance": the cue ends in the act of joining, and what
    // follows is the organisation joined: the joining is the proposal (the joiner's accession, buildProposals)
    const joined = joinedAfterCue(ctx, h, t, limit);
    if (joined) {
      out.push(cueArgument(ctx, 'cue-joining', h, joined, tokens[joined[1] - 1].end));
      continue;
    }
    // a worry is about what follows its preposition: "voiced concerns over the release of ..."
    const worry = WORRY.test(ctx.text.slice(h.start, h.end));
    const at = worry && t + 1 < limit && WORRY_PREPS.has(tokens[t].key) ? t + 1 : t;
    const det = tokens[at].key;
    // "eager to improve ...", "premature to discuss ...": an infinitive is not a named thing
    if (det === 'to' || det === 'that' || PROPOSAL_VERBS.has(det) || /\bto$/i.test(ctx.text.slice(h.start, h.end)))
      continue;
    // ... and only a thing named as one: "concerns over guarantees" is a matter of concern, not a proposal
    if (worry && !ARTICLES.has(det) && !ANAPHOR_DETERMINERS.has(det) && !tokens[at].cap) continue;
    if (proposalIsSubject(ctx, tokenAt(tokens, h.start), si >= 0 ? sentenceBounds[si][0] : -1)) continue;
    const span = npAt(ctx, at, limit) ?? joiningAt(ctx, at, limit);
    if (!span) continue;
    // "backed candidate status for Ukraine in a concerted effort to ...": the phrase ends before an adverbial
    // phrase that holds another intro's trigger (it had run into it and been dropped whole)
    for (let q = span[0] + 1; q < span[1]; q++) {
      if (!out.taken(q)) continue;
      for (let r = q - 1; r > span[0] + 1 && r >= q - 3; r--)
        if (/^(?:in|as|amid|after|during|despite)$/.test(tokens[r].key)) span[1] = r;
      break;
    }
    const rawEnd = lastRawEnd;
    const content: string[] = [];
    for (let k = firstUnitFrom(ctx.sem, span[0]); k < ctx.sem.length && ctx.sem[k].tokStart < span[1]; k++) {
      if (!PROPOSAL_STOPWORDS.has(ctx.sem[k].raw)) content.push(ctx.sem[k].key);
    }
    // "the mission" is an anaphor; "the deployment of THAAD" names something;
    // "the European initiative" is headed by a generic proposal noun: an anaphor too
    if (ANAPHOR_DETERMINERS.has(det) && content.length < 2) continue;
    // "the creation of the fund", "the idea of a separate fund": a nominalisation of a proposal named before
    {
      let q = span[0];
      while (q < span[1] && (ARTICLES.has(tokens[q].key) || ANAPHOR_DETERMINERS.has(tokens[q].key))) q++;
      if (
        q + 2 < span[1] &&
        NOMINALISATIONS.has(tokens[q].key) &&
        tokens[q + 1].key === 'of' &&
        out.endsBy(tokens[span[0]].start)
      ) {
        const rest = content.filter((k) => !NOMINALISATIONS.has(k) && k !== stem(tokens[q].key));
        // (a party no proposal named before makes it another one: "the launch of accession talks with Ukraine"
        // after "Turkey's ambition to join the EU")
        if (rest.every((k) => (k.startsWith('@') ? out.namesActor(k) : genericKey(k)))) continue;
      }
    }
    // "supports Yoon's plan", "the Chinese document": who put it forward and a generic head refer back to one named before
    // (but "Finland's membership" after "Sweden's bid" is another state's accession: the state is who joins)
    const accession =
      kindsOf(content).has('membership') &&
      content.some((k) => k.startsWith('@') && ctx.actors.records.get(k.slice(1))?.kind === 'STATE');
    if (!accession && out.endsBy(tokens[span[0]].start) && content.every((k) => k.startsWith('@') || genericKey(k)))
      continue;
    // "the agreement with Brazil ...": a definite proposal head after one was named refers back to it
    const definiteObj =
      /^(the|this|that|its|their)$/.test(det) || /^(the|this|that|its|their)$/.test(tokens[span[0] - 1]?.key ?? '');
    if (definiteObj && out.endsBy(tokens[span[0]].start) && NAMED_HEADS.has(stem(tokens[span[0]].key))) continue;
    {
      // "push for the tax at the IMO" after "a proposal for a global levy": a definite proposal noun with only where or when after it
      let q = span[0];
      while (q < span[1] && (ARTICLES.has(tokens[q].key) || ANAPHOR_DETERMINERS.has(tokens[q].key))) q++;
      if (
        definiteObj &&
        q < span[1] &&
        PROPOSAL_NOUNS.has(stem(tokens[q].key)) &&
        out.endsBy(tokens[span[0]].start) &&
        (q + 1 >= span[1] || LOCATIVE_PREPS.has(tokens[q + 1].key))
      )
        continue;
    }
    if (ANAPHOR_DETERMINERS.has(det) && out.length && ANAPHOR_ANY.has(stem(tokens[span[1] - 1].key))) continue;
    if (out.overlaps(ctx.tokens[span[0]].start, ctx.tokens[span[1] - 1].end)) continue;
    out.push(cueArgument(ctx, 'cue-object', h, span, Math.max(rawEnd, tokens[span[1] - 1].end)));
  }
  // the subject of a predicate cue, read off the parse: "another summit with the US would not be useful"
  for (const h of cueHits) {
    if (!h.subject || h.position === 'NONCOMMITTAL' || out.overlaps(h.subject.start, h.subject.end)) continue;
    const s = tokenAt(tokens, h.subject.start);
    const e = tokenAt(tokens, h.subject.end);
    if (s >= e || tokens[s].start !== h.subject.start || tokens[e - 1].end !== h.subject.end) continue;
    const { name, raw } = nameFrom(ctx, s, e);
    out.push({
      pattern: 'cue-subject',
      trigStart: h.start,
      trigEnd: h.end,
      start: h.subject.start,
      end: h.subject.end,
      rawEnd: h.subject.end,
      name,
      raw,
      proposer: null,
      date: null,
      tokS: s,
      tokE: e,
      proposerMode: 'none',
    });
  }
  // once every intro is known, a triggered intro in generic words after any of them refers back too:
  // "ready to join a consensus on the agreement" after "refused to back a draft agreement ..."
  // (from the last triggered intro back: whether another intro ends before it counts the ones still kept)
  const list = out.list;
  if (list.length > fromTriggers) {
    const endBefore = new Array<number>(fromTriggers + 1);
    endBefore[0] = Infinity;
    for (let x = 0; x < fromTriggers; x++) endBefore[x + 1] = Math.min(endBefore[x], list[x].end);
    let endAfter = Infinity;
    for (let x = fromTriggers; x < list.length; x++) endAfter = Math.min(endAfter, list[x].end);
    const dropped = new Uint8Array(list.length);
    for (let x = fromTriggers - 1; x >= 0; x--) {
      const it = list[x];
      if (Math.min(endBefore[x], endAfter) <= it.start && !genericWording(ctx, it.tokS, it.tokE)) dropped[x] = 1;
      else endAfter = Math.min(endAfter, it.end);
    }
    return list.filter((_, x) => !dropped[x]).sort((a, b) => a.start - b.start);
  }
  return list.sort((a, b) => a.start - b.start);
}

/** Whether a span has a word that names something of its own (not a proposal noun, verb, generic modifier or actor-free filler). */
function genericWording(ctx: Ctx, from: number, to: number): boolean {
  const { tokens } = ctx;
  for (let q = from; q < to; q++) {
    const k = stem(tokens[q].key);
    if (ARTICLES.has(tokens[q].key) || PROPOSAL_STOPWORDS.has(tokens[q].key)) continue;
    if (
      ctx.actorAtTok[q] ||
      !(genericKey(k) || PROPOSAL_VERBS.has(tokens[q].key) || NOMINALISATIONS.has(tokens[q].key))
    )
      return true;
  }
  return false;
}

const MULTI_HEADS = new Set([
  'code of conduct',
  'memorandum of understanding',
  'declaration of principles',
  'statement of principles',
  'cessation of hostilities',
]);
const ADJ_PARTICIPLES = new Set([
  'binding',
  'lasting',
  'existing',
  'standing',
  'proposed',
  'revised',
  'updated',
  'amended',
  'landmark',
  'united',
  'integrated',
  'enhanced',
  'expanded',
  'extended',
  'renewed',
]);
const DRAFTED = new Set([
  'drafted',
  'sponsored',
  'brokered',
  'proposed',
  'backed',
  'led',
  'authored',
  'written',
  'mediated',
]);
const LOCATIVE_PREPS = new Set(['at', 'in', 'during', 'before', 'after', 'next', 'this', 'by', 'within', 'when']);
const FORWARD_PREPS = new Set(['for', 'of', 'on', 'with', 'between', 'in', 'among', 'over']);
const MODIFIER_RE = /^[\p{L}\p{N}$][\p{L}\p{N}$.%-]*$/u;

function namedNounPhrases(ctx: Ctx, sentenceBounds: Array<[number, number]>, out: IntroList): void {
  const { tokens } = ctx;
  const taken = (t: number): boolean => out.taken(t);
  let si = 0;
  let coveredTo = -1;
  for (let h = 0; h < tokens.length; h++) {
    if (
      h < coveredTo ||
      ctx.actorAtTok[h] ||
      !NAMED_HEADS.has(stem(tokens[h].key)) ||
      /(?:ed|ing)$/.test(tokens[h].key)
    )
      continue;
    // a verb use: "plans to", "deal with"
    const nextKey = tokens[h + 1]?.key;
    if (nextKey === 'with' && tokens[h].key === 'deal') continue;
    if (taken(h)) continue;
    while (si < sentenceBounds.length - 1 && sentenceBounds[si][1] <= h) si++;
    const [sFrom, limit] = sentenceBounds[si] ?? [0, tokens.length];
    // walk back over modifiers
    let s = h;
    let content = false;
    let wordContent = false;
    let proposer: ActorMention | null = null;
    let modifierActor: ActorMention | null = null;
    let drafted = false;
    for (let hops = 0; s - 1 >= sFrom && hops < 7; hops++) {
      const p = s - 1;
      const gap = gapText(ctx, p, s);
      if (gap !== ' ' && gap !== '-') break;
      // inside a hyphenated compound ("end-of-war", "loss-and-damage"): the whole word is a modifier
      if (gap === '-' && !ctx.actorAtTok[p] && /^[a-z0-9]+$/.test(tokens[p].text) && !DRAFTED.has(tokens[s].key)) {
        s = p;
        if (
          !GENERIC_MODIFIERS.has(tokens[p].key) &&
          !/^\d+$/.test(tokens[p].key) &&
          !/^(?:of|and|to|the|a)$/.test(tokens[p].key)
        ) {
          content = true;
          wordContent = true;
        }
        continue;
      }
      const m = ctx.actorAtTok[p];
      if (m) {
        if (m.poss && m.tokEnd === s) {
          proposer = m;
          break;
        }
        if (m.personId) break;
        s = m.tokStart;
        content = true;
        modifierActor = m;
        continue;
      }
      const k = tokens[p].key;
      if (k === 'of' && s === h && p - 1 >= sFrom && MULTI_HEADS.has(`${tokens[p - 1].key} of ${tokens[h].key}`)) {
        s = p - 1;
        continue;
      }
      if (
        ARTICLES.has(k) ||
        ANAPHOR_DETERMINERS.has(k) ||
        NOT_NP_START.has(k) ||
        BOUNDARY_WORDS.has(k) ||
        REPORTING_VERBS.has(k)
      ) {
        if (
          k === 'and' &&
          p - 1 >= sFrom &&
          PROPOSAL_NOUNS.has(stem(tokens[p - 1].key)) &&
          gapText(ctx, p - 1, p) === ' '
        ) {
          s = p;
          continue;
        }
        break;
      }
      if (!MODIFIER_RE.test(tokens[p].text) || /ly$/.test(k)) break;
      // "code of conduct": a multi-word head
      if (k === 'of' && s === h && p - 1 >= sFrom && MULTI_HEADS.has(`${tokens[p - 1].key} of ${tokens[h].key}`)) {
        s = p - 1;
        continue;
      }
      // a verb or participle ends the phrase, except "U.S.-drafted", "British-drafted", "legally binding"
      if (/(?:ed|ing)$/.test(k) && !tokens[p].hyphenPrev && !tokens[p].cap && !ADJ_PARTICIPLES.has(k)) break;
      if (tokens[p].poss) {
        break;
      }
      // "British-drafted", "U.S.-brokered": the actor before the hyphen put it forward
      if (tokens[p].hyphenPrev && DRAFTED.has(k)) {
        drafted = true;
        s = p;
        continue;
      }
      if (isDemonym(tokens, p) && tokens[p].cap) {
        const d = proposerByPossession(ctx, p + 1);
        if (d) modifierActor = d;
      } else if (!GENERIC_MODIFIERS.has(k) && !/^\d+$/.test(k)) wordContent = true;
      if (!GENERIC_MODIFIERS.has(k) && !/^\d+$/.test(k)) content = true;
      s = p;
    }
    // "a resolution on Wednesday calling on Iran to ...": an unnamed resolution named by what it calls for
    // ... or "a declaration formally ending the Korean War": a bare head named by its participle clause
    if (!content && !taken(h) && h + 1 < limit && !/[,;:.!?"()]/.test(gapText(ctx, h, h + 1))) {
      let q = h + 1;
      while (
        q < limit &&
        (ctx.dateAtTok[q] ||
          (tokens[q].key === 'on' && ctx.dateAtTok[q + 1]) ||
          /^(?:formally|officially|jointly|effectively|finally)$/.test(tokens[q].key))
      )
        q++;
      let verb = tokens[q]?.key ?? '';
      // "a draft resolution that recommended ...": named as "... recommending ..."
      const relative =
        /^(?:resolution|motion)$/.test(tokens[h].key) &&
        RELATIVE_WORDS.has(verb) &&
        RESOLUTION_PAST.has(tokens[q + 1]?.key ?? '');
      if (relative) verb = RESOLUTION_PAST.get(tokens[++q].key)!;
      const ok = /^(?:resolution|motion)$/.test(tokens[h].key)
        ? RESOLUTION_VERBS.has(verb)
        : HEAD_PARTICIPLES.test(verb);
      if (q < limit && q + 2 < limit && ok && !/[;:.!?"()]/.test(gapText(ctx, q - 1, q))) {
        let ce = complementEnd(ctx, q, limit);
        if (ce - q > 8) ce = q + 8;
        while (ce - 1 > q && PROPOSAL_STOPWORDS.has(tokens[ce - 1].key)) ce--;
        if (ce - q >= 3) {
          const body = nameFrom(ctx, q, ce);
          if (relative)
            body.name = `${verb} ${ctx.text.slice(tokens[q + 1].start, tokens[ce - 1].end).replace(/\s+/g, ' ')}`;
          out.push({
            // the trigger is the participle, so that a date between ("a resolution on Wednesday calling ...") dates the event
            pattern: 'named-np',
            trigStart: tokens[q].start,
            trigEnd: tokens[q].end,
            start: tokens[h].start,
            end: tokens[ce - 1].end,
            rawEnd: tokens[ce - 1].end,
            name: `${tokens[h].text.charAt(0).toUpperCase()}${tokens[h].text.slice(1).toLowerCase()} ${body.name.charAt(0).toLowerCase()}${body.name.slice(1)}`,
            raw: ctx.text.slice(tokens[h].start, tokens[ce - 1].end),
            proposer: null,
            date: null,
            tokS: h,
            tokE: ce,
            proposerMode: 'poss',
          });
          coveredTo = ce;
          continue;
        }
      }
    }
    if (!content || s === h) continue;
    // "the EU text", "the Turkish proposal": only who put it forward, so a reference to a proposal already named
    if (!wordContent && !drafted && out.endsBy(tokens[s].start)) continue;
    if (!proposer) proposer = proposerByPossession(ctx, s);
    // a proposal-type head with its author as modifier: "a European Union proposal", "a British-drafted resolution"
    const authored =
      !proposer &&
      modifierActor &&
      (drafted || ANAPHOR_ANY.has(stem(tokens[h].key)) || /^(draft|resolution|text)$/.test(tokens[h].key));
    if (authored) proposer = modifierActor;
    // the name goes on with a prepositional phrase: "aid package for Ukraine", "code of conduct in the South China Sea"
    let e = h + 1;
    lastRawEnd = tokens[h].end;
    if (
      nextKey &&
      (FORWARD_PREPS.has(nextKey) ||
        ((nextKey === 'aimed' || nextKey === 'designed') && /^(at|to)$/.test(tokens[h + 2]?.key ?? ''))) &&
      h + 2 < limit &&
      !/[,;:.!?"()]/.test(gapText(ctx, h, h + 1)) &&
      !purposeAt(ctx, h + 1, limit)
    ) {
      const ce = complementEnd(ctx, h + 1, limit);
      if (ce > h + 2) e = ce;
    }
    for (let q = s; q < e; q++)
      if (taken(q)) {
        e = q;
        break;
      }
    if (e <= h) continue;
    // an indefinite or bare phrase needs more than common words to be a name:
    // "a peace treaty" (background) vs "a 50 billion euro EU aid package", "a levy on shipping emissions"
    const detKey = s > 0 ? tokens[s - 1].key : '';
    const definite = /^(the|this|that|its|their|his|her)$/.test(detKey) || !!proposer;
    let marked = e > h + 1;
    for (let q = s; q < h && !marked; q++)
      if (ctx.actorAtTok[q] || (tokens[q].cap && q > sFrom) || /\d/.test(tokens[q].key) || tokens[q].hyphenPrev)
        marked = true;
    if (!definite && !marked) continue;
    const { name, raw } = nameFrom(ctx, s, e);
    out.push({
      pattern: authored || (proposer && ANAPHOR_ANY.has(stem(tokens[h].key))) ? 'noun-proposal' : 'named-np',
      trigStart: tokens[h].start,
      trigEnd: tokens[h].end,
      start: tokens[s].start,
      end: tokens[e - 1].end,
      // a trailing date ("... for Sudan on Monday") dates the statement, not the name
      rawEnd: tokens[e - 1].end,
      name,
      raw,
      proposer,
      date: null,
      tokS: s,
      tokE: e,
      proposerMode: 'poss',
    });
    coveredTo = e;
  }
}

/** "It calls for a truce", "the plan also demands ...": the subject of the verb at `i` is a proposal, not an actor. */
/** Verbs by which a text, not an actor, asks for something. */
const ASKS =
  /^(?:call|calls|called|demand|demands|demanded|urge|urges|urged|seek|seeks|sought|envisage|envisages|envisaged|provide|provides|include|includes|require|requires|propose|proposes|stipulate|stipulates|set|sets|lay|lays|outline|outlines)$/;

function proposalIsSubject(ctx: Ctx, i: number, sentenceStart: number): boolean {
  const { tokens } = ctx;
  if (i <= 0) return false;
  let b = i - 1;
  // "The consensus, agreed in 2021, calls for ...": the subject before the appositive
  if (/,/.test(ctx.text.slice(tokens[b].end, tokens[i].start))) {
    let c = b;
    // (an appositive counts up to 8 tokens back: no need to look further)
    while (c > sentenceStart && i - c < 8 && !/,/.test(ctx.text.slice(tokens[c - 1].end, tokens[c].start))) c--;
    if (c > sentenceStart && c - 1 >= 0 && i - c < 8) b = c - 1;
  }
  if (/^(?:also|further|would|will|then|explicitly|only)$/.test(tokens[b].key) && b > 0) b--;
  const bk = tokens[b].key;
  if (ctx.actorAtTok[b]) return false;
  return (
    bk === 'which' ||
    // "It calls for a truce" (a text asks), not "It endorsed Finland's membership" (a state acts)
    (bk === 'it' && b === sentenceStart && ASKS.test(tokens[i].key)) ||
    (PROPOSAL_NOUNS.has(stem(bk)) && b > 0 && /^(?:the|this|that|its|their)$/.test(tokens[b - 1].key))
  );
}

/** A word that any proposal could be named with: a proposal noun, a generic modifier, a number. */
let genericStems: Set<string> | null = null;
function genericKey(k: string): boolean {
  // (and the words that judge it or say how it stands: "the shameful proposal" names no proposal of its own)
  genericStems ??= new Set([...GENERIC_MODIFIERS, ...NAME_DROP_MODIFIERS].map(stem));
  return (
    PROPOSAL_NOUNS.has(k) ||
    ANAPHOR_ANY.has(k) ||
    ANAPHOR_TYPED.has(k) ||
    GENERIC_MODIFIERS.has(k) ||
    genericStems.has(k) ||
    PROPOSAL_STOPWORDS.has(k) ||
    LIGHT_VERBS.has(k) ||
    /^\d+$/.test(k)
  );
}

/** The proposal noun an intro is headed by (its first proposal noun), as a stem. */
function tokensHead(tokens: Token[], x: { tokS: number; tokE: number }): string | null {
  for (let q = x.tokS; q < x.tokE; q++) {
    const st = stem(tokens[q].key);
    if (NAMED_HEADS.has(st)) return st;
  }
  return null;
}

function isDemonym(tokens: Token[], i: number): boolean {
  return demonymTrie.matchAt((x) => (x === i ? tokens[x].key : null), i, i + 1).length > 0;
}

/** The first unit of `sem` (ordered by token) starting at or after token `tok`. */
function firstUnitFrom(sem: SemUnit[], tok: number): number {
  return firstFrom(sem, tok, (u) => u.tokStart);
}

function tokenAt(tokens: Token[], pos: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// ------------------------------------------------------------ registry

/**
 * The most proposals one article puts forward: far more than any report
 * does (a few, a few dozen in a long one). A hostile text can introduce a
 * new one every few words, and each is compared with all the others.
 */
const MAX_INTROS = 1000;

/**
 * A word that modifies the shorter form's head from before it ("military talks")
 * must not stand after that head in the longer form, where it belongs to another
 * noun ("talks with Myanmar's military government"): same words, another proposal.
 */
export function modifiersInPlace(small: string[], big: string[]): boolean {
  let h = -1;
  for (let i = small.length - 1; i >= 0; i--)
    if (PROPOSAL_NOUNS.has(small[i])) {
      h = i;
      break;
    }
  if (h <= 0) return true;
  const bh = big.indexOf(small[h]);
  if (bh < 0) return true;
  for (let i = 0; i < h; i++) {
    const w = small[i];
    if (PROPOSAL_NOUNS.has(w) || w.startsWith('@')) continue;
    const at = big.indexOf(w);
    if (at > bh && big.lastIndexOf(small[h]) < at) return false;
  }
  return true;
}

function subsetMatch(a: string[], b: string[]): boolean {
  if (!a.length || !b.length) return false;
  // content lists are short (a handful of words): arrays beat sets here
  const small = a.length <= b.length ? a : b;
  const big = small === a ? b : a;
  let inter = 0;
  for (let i = 0; i < small.length; i++) {
    if (small.indexOf(small[i]) !== i) continue;
    if (!big.includes(small[i])) return false;
    inter++;
  }
  // every content word of the shorter form appears in the longer one
  if (inter < 2 && !(inter === 1 && PROPOSAL_NOUNS.has(small[0]) && new Set(big).size === 1)) return false;
  if (!modifiersInPlace(small, big)) return false;
  for (const x of small) if (PROPOSAL_NOUNS.has(x) || x.startsWith('@')) return true;
  // "the six-point proposal" after "a joint six-point proposal for ...": a proposal-type head with a specific modifier
  if (small.some((x) => ANAPHOR_ANY.has(x)) && small.some((x) => !genericKey(x))) return true;
  return false;
}

/** Kinds of proposal put forward once, as one text: a later text in the same words is another one. */
const ONE_TIME = new Set(['resolution', 'proposal']);
/** How long after it was put forward such a text is still the one an article's words name. */
const ONE_TIME_DAYS = 60;
/** How long after it was put forward such a text is what "the resolution" means in an article that names none. */
const RECENT_TEXT_DAYS = 14;
/** Determiners that point at one thing the reader knows: "the resolution", "this proposal". */
const DEFINITE = new Set(['the', 'this', 'that']);
/** Words after a name's head: "of May 2024", "for talks", "demanding a ceasefire". */
const POST_HEAD =
  /^(?:of|for|on|to|in|by|with|between|against|over|that|which|demanding|calling|urging|seeking|aimed)$/;

/** Whether a known proposal is a draft, a resolution, a plan or an offer: named with one of those as its head noun. */
function oneTime(p: KnownProposal): boolean {
  return nameKinds(p.name).some((k) => ONE_TIME.has(k));
}

/**
 * The kinds of proposal a name's head says: the last word that says a kind
 * before what follows the head ("UAE draft", "Gaza ceasefire proposal of May",
 * "ceasefire resolution for the Israel-Gaza War": draft, proposal, resolution).
 */
export function nameKinds(name: string): string[] {
  const words = tokenize(name).map((t) => t.key);
  const after = words.findIndex((w, i) => i > 0 && POST_HEAD.test(w));
  const head = (after < 0 ? words : words.slice(0, after))
    .map(stem)
    .filter((k) => PROPOSAL_TYPES.has(k))
    .pop();
  return head ? PROPOSAL_TYPES.get(head)! : [];
}

/** Days from one ISO date (or year-month) to another. */
function daysBetween(a: string, b: string): number {
  const t = (d: string): number => Date.parse(d.length === 7 ? `${d}-01` : d.length === 4 ? `${d}-01-01` : d);
  return Math.abs(t(a) - t(b)) / 86_400_000;
}

/**
 * Whether a known proposal is out of reach of an article published on
 * `publishedOn`: a draft, resolution, plan or offer put forward more than two
 * months from it ("a UN resolution demanding an immediate ceasefire" in March
 * is not December's). Such a record is left out of every lookup of that
 * article, so its words make a new proposal.
 */
function staleFor(r: ProposalRecord, publishedOn: string | null): boolean {
  return (
    !!publishedOn &&
    r.known &&
    !!r.oneTime &&
    !!r.introducedOn &&
    daysBetween(r.introducedOn, publishedOn) > ONE_TIME_DAYS
  );
}

/** The token of wishing before "to join" in a wording ("wants to join NATO"), or -1. */
function aspirationAt(tokens: Token[], from: number, to: number): number {
  for (let q = Math.max(0, from - 2); q < to; q++)
    if (JOINING_WORDS.has(stem(tokens[q].key)))
      return q >= 2 && tokens[q - 1].key === 'to' && verbIn(ASPIRING_VERBS, tokens[q - 2].key) ? q - 2 : -1;
  return -1;
}

/** Words between "for" and a membership: "applied for a fast-tracked membership", "for its membership". */
const BEFORE_MEMBERSHIP = new Set([
  'a',
  'an',
  'the',
  'its',
  'their',
  'full',
  'formal',
  'fast',
  'tracked',
  'quick',
  'early',
]);

/** The verb asking for the membership a wording names ("applied for a fast-tracked membership in NATO"), or -1. */
function askingForAt(tokens: Token[], from: number): number {
  let q = from - 1;
  for (let skipped = 0; q >= 0 && skipped < 3 && BEFORE_MEMBERSHIP.has(tokens[q].key); skipped++) q--;
  if (q < 1 || tokens[q].key !== 'for') return -1;
  return verbIn(ASKING_FOR_VERBS, tokens[q - 1].key) ? q - 1 : -1;
}

/**
 * The accession a wording is about: a word of membership or joining, exactly
 * one state (the applicant: possessor, demonym, or the one who bids) and at
 * most one organisation (none: "Sweden's bid"). Null otherwise.
 */
function accessionOf(
  units: SemUnit[],
  keys: string[],
  records: Map<string, ActorRecord>,
  proposer: ActorMention | null,
): { state: ActorRecord; org: ActorRecord | null } | null {
  if (!kindsOf(keys).has('membership') && !keys.some((k) => JOINING_WORDS.has(k))) return null;
  const states = new Set<string>();
  const orgs = new Set<string>();
  for (const u of units) {
    if (!u.actor) continue;
    if (u.actor.kind === 'ORGANIZATION') orgs.add(u.actor.actorId);
    else states.add(u.actor.holderId);
  }
  // "its bid to join NATO": the one who bids
  if (!states.size && proposer && proposer.kind !== 'ORGANIZATION') states.add(proposer.holderId);
  if (states.size !== 1 || orgs.size > 1) return null;
  const state = records.get([...states][0]);
  const org = orgs.size ? records.get([...orgs][0]) : null;
  if (!state || state.kind !== 'STATE' || org === undefined) return null;
  return { state, org };
}

/** The kinds of proposal a wording's head nouns name. */
function kindsOf(keys: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const k of keys) for (const kind of PROPOSAL_TYPES.get(k) ?? []) out.add(kind);
  return out;
}

/** Both wordings name a proposal of one kind (an agreement, talks...): "the deal" and "the Black Sea Grain Initiative". */
function shareKind(a: Iterable<string>, b: Iterable<string>): boolean {
  const kinds = kindsOf(a);
  if (!kinds.size) return false;
  for (const k of kindsOf(b)) if (kinds.has(k)) return true;
  return false;
}

/** Both name something the other does not: parties ('@sweden' / '@finland') or numbers ('2728' / '2730'). */
function conflicting(a: string[], b: string[], test: (k: string) => boolean): boolean {
  const xs = a.filter(test);
  const ys = b.filter(test);
  return xs.some((x) => !ys.includes(x)) && ys.some((y) => !xs.includes(y));
}

/**
 * Two wordings in one article of one proposal: the same kind ("a landmark
 * pandemic agreement on ..." and "the WHO Pandemic Agreement"), a specific word
 * in common, and no different parties or numbers.
 */
export function kindred(a: string[], b: string[], known: boolean): boolean {
  if (!a.length || !b.length) return false;
  if (!shareKind(a, b)) return false;
  // a word of its own in common (a party in common is not enough: many proposals share one); with a
  // proposal from another article, two words, or one and a party
  const shared = new Set(a.filter((k) => b.includes(k) && !genericKey(k)));
  const words = [...shared].filter((k) => !k.startsWith('@')).length;
  if (!words || (known && words + (shared.size > words ? 1 : 0) < 2)) return false;
  // the words before the head that say which kind of it it is agree, when both have some ("inter-Korean military talks" is not "inter-Korean dialogue")
  const classifiers = (keys: string[]): string => {
    const h = keys.findIndex((k) => PROPOSAL_NOUNS.has(k));
    const pre = keys
      .slice(0, Math.max(0, h))
      .filter((k) => !k.startsWith('@') && !genericKey(k) && !EVALUATIVE_MODIFIERS.has(k));
    return [...new Set(pre)].sort().join(' ');
  };
  const ca = classifiers(a);
  const cb = classifiers(b);
  if (ca && cb && ca !== cb) return false;
  return !conflicting(a, b, (k) => k.startsWith('@')) && !conflicting(a, b, (k) => /\d/.test(k)) && sameAct(a, b);
}

/** Kinds of proposal that are acts on another ("the suspension of the treaty" is not the treaty). */
const ACT_KINDS = ['extension', 'suspension', 'termination', 'restoration', 'postponement', 'expulsion'];

/** The act kinds a head noun names ("suspension": suspension), none for others (asked per pair of wordings: kept per word). */
const ACT_KINDS_OF = new Map<string, ReadonlySet<string>>();
const NO_KINDS: ReadonlySet<string> = new Set();
function actKinds(head: string | null): ReadonlySet<string> {
  if (!head) return NO_KINDS;
  let kinds = ACT_KINDS_OF.get(head);
  if (!kinds) {
    const found = [...kindsOf([head])].filter((k) => ACT_KINDS.includes(k));
    kinds = found.length ? new Set(found) : NO_KINDS;
    if (ACT_KINDS_OF.size < 10_000) ACT_KINDS_OF.set(head, kinds);
  }
  return kinds;
}

/**
 * Both wordings name the same act on a proposal, or neither names one. The
 * act is the wording's head: its first proposal noun ("the suspension of the
 * treaty") or its last word ("the grain deal extension"), not a noun inside it
 * ("a declaration of the termination of the war" is a declaration).
 */
function sameAct(a: string[], b: string[]): boolean {
  const [ha, la, hb, lb] = [
    actKinds(headOf(a)),
    actKinds(a.at(-1) ?? null),
    actKinds(headOf(b)),
    actKinds(b.at(-1) ?? null),
  ];
  if (!ha.size && !la.size && !hb.size && !lb.size) return true;
  return ACT_KINDS.every((k) => (ha.has(k) || la.has(k)) === (hb.has(k) || lb.has(k)));
}

function sameProposal(
  rec: ProposalRecord,
  keys: string[],
  head: string | null,
  proposerId: string | null,
  date: string | null,
): boolean {
  for (const ks of rec.keySets)
    if ((subsetMatch(ks, keys) || subsetMatch(...sameActorWords(ks, keys))) && sameAct(ks, keys)) return true;
  if (head && rec.head === head && proposerId && rec.proposedById === proposerId && date && rec.proposedOn === date)
    return true;
  return false;
}

/**
 * Another article's proposal takes a wording that names, among the words
 * they share, a party it does not have only through a wording of its own that
 * names a party too: "an end to Israel's war on Gaza" is not the Korean
 * end-of-war declaration known as "an end to the war", though every word of
 * that is in it ("naval talks with Peru" are still the "naval talks" known:
 * the party follows the words they share).
 */
function partiesFit(r: ProposalRecord, keys: string[], parties: Set<string>): boolean {
  const inside = (k: string, at: number): boolean => {
    if (!k.startsWith('@') || r.parties.has(k.slice(1))) return false;
    return keys.slice(0, at).some((x) => r.allKeys.has(x)) && keys.slice(at + 1).some((x) => r.allKeys.has(x));
  };
  if (!parties.size || !keys.some(inside)) return true;
  return r.keySets.some((ks) => ks.some((k) => k.startsWith('@')) && subsetMatch(ks, keys));
}

/**
 * Two wordings' keys with a place read as an actor in one ("@northeast-asia")
 * and as plain words in the other ("northeast", "asia") spelled the same way:
 * whether a region is an actor depends on the rest of the text, not on the
 * proposal's name. An actor key both share stays as it is.
 */
function sameActorWords(a: string[], b: string[]): [string[], string[]] {
  // (nothing to spread when neither names an actor: the common case, asked for every pair of wordings)
  if (!a.some((k) => k.startsWith('@')) && !b.some((k) => k.startsWith('@'))) return [a, b];
  const spread = (xs: string[], other: string[]): string[] =>
    xs.flatMap((k) => {
      if (!k.startsWith('@') || other.includes(k)) return [k];
      const words = actorWords(k);
      return words.every((w) => other.includes(w)) ? words : [k];
    });
  return [spread(a, b), spread(b, a)];
}

/** An actor key's words, stemmed ("@northeast-asia": northeast, asia), kept per key. */
const ACTOR_WORDS = new Map<string, string[]>();
function actorWords(key: string): string[] {
  let words = ACTOR_WORDS.get(key);
  if (!words) {
    words = key.slice(1).split('-').map(stem);
    if (ACTOR_WORDS.size < 10_000) ACTOR_WORDS.set(key, words);
  }
  return words;
}

/** A known proposal's record for one article to add to, leaving the cached index as it is. */
function ownCopy(r: ProposalRecord): ProposalRecord {
  return {
    ...r,
    aliases: new Set(r.aliases),
    keySets: [...r.keySets],
    allKeys: new Set(r.allKeys),
    parties: new Set(r.parties),
  };
}

/** The pattern's wording up to `end` (a coordinated act began there), named as the pattern names it. */
function cutIntro(ctx: Ctx, raw: RawIntro, end: number): RawIntro | null {
  let tokE = raw.tokS;
  while (tokE < raw.tokE && ctx.tokens[tokE].end <= end) tokE++;
  if (tokE <= raw.tokS) return null;
  const named = nameFrom(ctx, raw.tokS, tokE);
  return { ...raw, tokE, end: ctx.tokens[tokE - 1].end, rawEnd: ctx.tokens[tokE - 1].end, ...named };
}

/** An intro moved onto the noun phrase the parse names; null when no token of ours lies in it. */
function reshapedIntro(tokens: Token[], raw: RawIntro, shaped: Reshaped & { keep: true }): RawIntro | null {
  let tokS = raw.tokS;
  while (tokS < tokens.length && tokens[tokS].start < shaped.start) tokS++;
  while (tokS > 0 && tokens[tokS - 1].start >= shaped.start) tokS--;
  let tokE = tokS;
  while (tokE < tokens.length && tokens[tokE].start < shaped.end) tokE++;
  if (tokE <= tokS) return null;
  return { ...raw, tokS, tokE, start: shaped.start, end: shaped.end, rawEnd: shaped.end, name: shaped.name };
}

export function buildProposals(
  text: string,
  tokens: Token[],
  sentenceTokBounds: Array<[number, number]>,
  actors: ActorTable,
  dates: DateMention[],
  known: KnownProposal[],
  knownActors: KnownActor[],
  subjectOf: (
    tokIndex: number,
    charStart: number,
    verbEnd?: number,
  ) => { mention: ActorMention; speaker: ActorMention | null } | null,
  cueHits: CueHit[] = [],
  reshape: ((start: number, end: number, pattern: string) => Reshaped | null) | null = null,
  nounPhrases: Array<{ start: number; end: number }> = [],
  publishedOn: string | null = null,
): ProposalTable & { sem: SemUnit[] } {
  const actorAtTok: Array<ActorMention | null> = new Array(tokens.length).fill(null);
  for (const m of actors.mentions) for (let t = m.tokStart; t < m.tokEnd; t++) actorAtTok[t] = m;
  const dateAtTok: Array<DateMention | null> = new Array(tokens.length).fill(null);
  let di = 0;
  for (let t = 0; t < tokens.length && di < dates.length; t++) {
    while (di < dates.length && dates[di].end <= tokens[t].start) di++;
    if (di < dates.length && tokens[t].start >= dates[di].start && tokens[t].end <= dates[di].end)
      dateAtTok[t] = dates[di];
  }
  const sem = semStream(tokens, actors.mentions);
  const semAtTok = new Int32Array(tokens.length).fill(-1);
  sem.forEach((u, idx) => {
    for (let t = u.tokStart; t < u.tokEnd; t++) semAtTok[t] = idx;
  });
  const ctx: Ctx = { text, tokens, sem, semAtTok, actorAtTok, dateAtTok, actors };
  const kidx = indexKnown(known, knownActors);
  const records = new Map<string, ProposalRecord>();
  // the known proposals this article may name: one index for every article, the stale ones skipped at lookup
  const held = (r: ProposalRecord | undefined): r is ProposalRecord => !!r && !staleFor(r, publishedOn);
  const knownHeld = (id: string): ProposalRecord | undefined => {
    const r = kidx.byId.get(id);
    return held(r) ? r : undefined;
  };
  const trie = new TokenTrie<string>();
  const intros: ProposalIntro[] = [];

  /**
   * The proposal a wording names among those this article or the graph holds:
   * the same content words; else one of the same kind with words of its own in
   * common, put forward by no one else; else one of its kind between the same
   * parties ("a Japan-North Korea summit"). Undefined: a new one.
   */
  const existingProposal = (
    keys: string[],
    head: string | null,
    proposedById: string | null,
    proposedOn: string | null,
    parties: Set<string>,
  ): ProposalRecord | undefined => {
    let rec: ProposalRecord | undefined;
    // the content of a proposal is not the proposal: "an immediate ceasefire" is not "the resolution demanding an immediate ceasefire"
    const saidKinds = head ? kindsOf([head]) : new Set<string>();
    const fits = (r: ProposalRecord): boolean => {
      // a summit between Trump and Kim is not the one between Abe and Kim: two parties or more each, different ones
      if (partiesClash(r.parties, parties)) return false;
      // (within one article the kinds may differ: "the summit" the article set up may be "the talks" later)
      if (!saidKinds.size || !r.head || records.has(r.id)) return true;
      const its = kindsOf([r.head]);
      return !its.size || [...its].some((k) => saidKinds.has(k));
    };
    for (const r of records.values()) if (fits(r) && sameProposal(r, keys, head, proposedById, proposedOn)) rec = r;
    const akin = (r: ProposalRecord): boolean =>
      fits(r) &&
      !(r.proposedById && proposedById && r.proposedById !== proposedById) &&
      r.keySets.some((ks) => kindred(ks, keys, r.known));
    if (!rec) for (const r of records.values()) if (akin(r)) rec = r;
    if (!rec) {
      const seen = new Set<ProposalRecord>();
      // (only through its specific words: a match needs one in common, and a generic one, "agreement", lists thousands)
      for (const k of keys) {
        if (genericKey(k)) continue;
        for (const r of kidx.byKey.get(k) ?? []) {
          if (seen.has(r) || !held(r)) continue;
          seen.add(r);
          // another article's proposal needs a specific word in common: "a ceasefire proposal" here is not
          // the Gaza "ceasefire and hostage release proposal" known from elsewhere
          if (
            fits(r) &&
            sameProposal(r, keys, head, proposedById, proposedOn) &&
            keys.some((x) => r.allKeys.has(x) && !genericKey(x)) &&
            partiesFit(r, keys, parties)
          )
            rec = r;
        }
      }
      if (!rec) for (const r of seen) if (akin(r) && (!rec || r.keySets.length > rec.keySets.length)) rec = r;
    }
    if (!rec) for (const r of records.values()) if (sameParties(r, parties, keys)) rec = r;
    if (!rec && parties.size >= 2)
      for (const r of kidx.byParty.get([...parties][0]) ?? []) if (held(r) && sameParties(r, parties, keys)) rec = r;
    return rec;
  };

  // the accessions of each applicant state, held and named here: "<state>'s <organisation> accession"
  const accessions = new Map<string, ProposalRecord[]>();
  const noteAccession = (stateId: string, rec: ProposalRecord): void => {
    const list = accessions.get(stateId) ?? [];
    const at = list.findIndex((r) => r.id === rec.id);
    if (at >= 0) list[at] = rec;
    else list.push(rec);
    accessions.set(stateId, list);
  };
  if (kidx.accessionRecords.length) {
    const states = new Map(knownActors.filter((a) => a.kind === 'STATE').map((a) => [a.name, a.id]));
    for (const r of kidx.accessionRecords) {
      const state = held(r) ? states.get(/^(.+)'s /.exec(r.name)?.[1] ?? '') : undefined;
      if (state) noteAccession(state, r);
    }
  }

  /** The accession held for a state (and organisation), renamed "<state>'s <organisation> accession" when this article first names it so. */
  const heldAccession = (joining: { state: ActorRecord; org: ActorRecord | null }): ProposalRecord | undefined => {
    const accession = joining.org ? `${joining.state.name}'s ${joining.org.name} accession` : null;
    let rec = accession ? (records.get(slugify(accession)) ?? knownHeld(slugify(accession))) : undefined;
    // the state's bid held under another wording ("Sweden's bid"), or its one accession when no organisation is named
    const held = (accessions.get(joining.state.id) ?? []).filter(
      (r) => !accession || !r.name.endsWith(' accession') || r.name === accession,
    );
    if (!rec && held.length === 1) rec = held[0];
    if (rec && accession && rec.name !== accession && records.has(rec.id) && !rec.known) {
      rec.aliases.add(rec.name);
      rec.name = accession;
    }
    return rec;
  };

  // a name's slug without its hyphens -> the id that holds it: this article's, else a held known one
  const sameNames = new Map<string, string>();
  const sameName = (id: string): string | undefined => {
    const c = compactId(id);
    const known = kidx.compactIds.get(c);
    return sameNames.get(c) ?? (known && knownHeld(known) ? known : undefined);
  };

  // "Ukraine wants to join NATO", "Georgia hopes to join the EU": the state that wishes it, said just before
  const aspiringJoiner = (raw: RawIntro, keys: string[]): ActorMention | null => {
    const asking = kindsOf(keys).has('membership') ? askingForAt(tokens, raw.tokS) : -1;
    const wish = asking >= 0 ? asking : aspirationAt(tokens, raw.tokS, raw.tokE);
    if (wish < 0) return null;
    const subject = subjectOf(raw.tokS, raw.trigStart)?.mention ?? null;
    return subject &&
      subject.end <= tokens[wish].start &&
      BETWEEN_SUBJECT_AND_WISH.test(text.slice(subject.end, tokens[wish].start))
      ? subject
      : null;
  };

  // (each intro is compared with every proposal named so far: the bound keeps that linear in the text)
  for (const found of findIntros(ctx, sentenceTokBounds, cueHits).slice(0, MAX_INTROS)) {
    // With a parse: a noun phrase's name, or nothing when the wording is not a proposal's.
    const shaped = reshape?.(found.start, found.end, found.pattern) ?? null;
    if (shaped && !shaped.keep) continue;
    const raw = !shaped
      ? found
      : shaped.keep === 'cut'
        ? cutIntro(ctx, found, shaped.end)
        : reshapedIntro(tokens, found, shaped);
    if (!raw) continue;
    const units = sem.slice(semAtTok[raw.tokS] >= 0 ? semAtTok[raw.tokS] : 0, (semAtTok[raw.tokE - 1] ?? -1) + 1);
    // an act on a proposal ("suspending the treaty") is keyed by its noun ("suspension"), as when written so
    const act = raw.pattern === 'act-on' ? stem(keyOf(raw.name.split(' ')[0])) : null;
    const keys = act ? [act, ...contentKeys(units.slice(1))] : contentKeys(units);
    const head = act ?? headOf(keys) ?? (units[0] && PROPOSAL_VERBS.has(units[0].raw) ? units[0].key : null);
    if (!keys.length) continue;
    // "ready to implement it": a pronoun names nothing (and, once known, would match every "it" in later articles)
    if (keys.every((k) => PRONOUNS.has(k))) continue;
    // "opposed delays which stalled the talks": a relative clause is about a noun before it, never a name
    // (in lower case: "WHO pandemic agreement" is the World Health Organization's)
    if (RELATIVE_WORDS.has(tokens[raw.tokS].key) && !tokens[raw.tokS].cap) continue;
    // a bare generic head ("the agreement", "talks", "a plan") names nothing on its own: it is a
    // reference to a proposal named elsewhere, and as a name it would swallow unrelated proposals
    if (
      new Set(keys).size === 1 &&
      (ANAPHOR_ANY.has(keys[0]) ||
        ANAPHOR_TYPED.has(keys[0]) ||
        NAMED_HEADS.has(keys[0]) ||
        // "supports an end", "opposed the sanctions": a bare proposal noun no one put forward here names nothing
        (PROPOSAL_NOUNS.has(keys[0]) && !PROPOSING_PATTERNS.has(raw.pattern))) &&
      !kidx.byKey.get(keys[0])?.some((r) => r.keySets.some((ks) => ks.length === 1))
    )
      continue;
    let proposer = raw.proposer;
    let speaker: ActorMention | null = proposer?.personId ? proposer : null;
    const puts = raw.pattern !== 'need-to' && !CUE_ARGUMENTS.has(raw.pattern);
    if (!proposer && puts && raw.proposerMode === 'subject') {
      // (an act's own verb says who does it, when the parse can: "voted to suspend", not whoever the sentence names first)
      const h = subjectOf(raw.tokS, raw.trigStart, raw.pattern === 'act-on' ? raw.trigEnd : undefined);
      proposer = h?.mention ?? null;
      speaker = h?.speaker ?? null;
    }
    if (!proposer && raw.proposerMode === 'poss') {
      // "its desire", "his proposal": the clause subject
      const before = text.slice(Math.max(0, raw.trigStart - 8), raw.trigStart);
      if (/\b(its|his|her|their)\s+$/i.test(before)) {
        const h = subjectOf(raw.tokS, raw.trigStart);
        proposer = h?.mention ?? null;
        speaker = h?.speaker ?? null;
      }
    }
    if (!puts) proposer = null;
    const proposedById = proposer ? proposer.holderId : null;
    const proposedOn =
      raw.pattern === 'noun-proposal' || raw.pattern === 'verb-propose' ? (raw.date?.value ?? null) : null;
    const parties = partiesOf(units);
    // "Sweden's bid to join NATO", "Sweden's membership in the alliance": one state's accession, however worded;
    // "Ukraine wants to join NATO", "renounced plans to join NATO": who would join is the subject of the verb
    // the wording completes, though it puts nothing forward
    const joiner = proposer ?? aspiringJoiner(raw, keys);
    const joining = accessionOf(units, keys, actors.records, joiner);
    const accession = joining?.org ? `${joining.state.name}'s ${joining.org.name} accession` : null;
    let rec = joining ? heldAccession(joining) : undefined;
    // "join NATO" names nothing but that accession
    if (shaped?.keep === true && shaped.joins && !accession && !rec) continue;
    // a different state's or organisation's accession is never another wording of this one
    if (!rec && !joining) rec = existingProposal(keys, head, proposedById, proposedOn, parties);
    if (!rec) {
      rec = {
        ...newRecord(
          accession ?? cleanName(raw.name, raw.raw),
          raw.start,
          raw.end,
          CUE_ARGUMENTS.has(raw.pattern) ? 0.5 : 0.7,
        ),
        proposedById,
        proposerId: speaker?.personId ?? null,
        proposedOn,
        head,
      };
      // one name however it is spelled: "Cease-fire proposal" is the "Ceasefire proposal" held
      const same = sameName(rec.id);
      if (same && same !== rec.id) rec.id = same;
      rec = records.get(rec.id) ?? knownHeld(rec.id) ?? rec;
      if (!sameNames.has(compactId(rec.id))) sameNames.set(compactId(rec.id), rec.id);
    }
    if (rec.known && !records.has(rec.id)) rec = ownCopy(rec);
    for (const party of parties) rec.parties.add(party);
    records.set(rec.id, rec);
    if (joining) noteAccession(joining.state.id, rec);
    // "Finland and Sweden asked to join NATO": each state listed with the joiner asks for its own accession
    if (joining?.org && joiner && joining.state.id === joiner.holderId)
      for (const co of coordinatedStates(ctx, joiner)) {
        const state = actors.records.get(co.holderId);
        if (!state || state.kind !== 'STATE' || state.id === joining.state.id) continue;
        const other = { state, org: joining.org };
        const theirs = heldAccession(other);
        if (theirs) {
          // (held from an earlier article: this one names it too)
          if (!records.has(theirs.id)) records.set(theirs.id, { ...ownCopy(theirs), mentioned: true });
          noteAccession(state.id, records.get(theirs.id)!);
          continue;
        }
        const own = newRecord(`${state.name}'s ${joining.org.name} accession`, raw.start, raw.end, 0.5);
        if (records.has(own.id)) continue;
        records.set(own.id, { ...own, keySets: [keys], allKeys: new Set(keys), head, parties: new Set(parties) });
        noteAccession(state.id, records.get(own.id)!);
      }
    rec.mentioned = true;
    if (rec.evidenceStart < 0) {
      rec.evidenceStart = raw.start;
      rec.evidenceEnd = raw.end;
    }
    if (!rec.proposedById && proposedById) rec.proposedById = proposedById;
    if (!rec.proposerId && speaker?.personId && proposedById === rec.proposedById) rec.proposerId = speaker.personId;
    if (!rec.proposedOn && proposedOn) rec.proposedOn = proposedOn;
    // "a United Nations resolution" then "a United Nations resolution demanding an immediate ceasefire":
    // a new proposal takes the wording that says more about it
    if (!rec.known && raw.name.toLowerCase().startsWith(`${rec.name.toLowerCase()} `)) {
      rec.aliases.add(rec.name);
      rec.name = raw.name;
    }
    for (const form of [raw.name, raw.raw]) if (form !== rec.name) rec.aliases.add(form);
    // the article's own wording with its possessor: "Turkey's ambition to join the EU"
    const from = Math.min(raw.trigStart, raw.start);
    if (proposer?.poss && proposer.end <= from && /^(?:['\u2019]s?)?\s*$/.test(text.slice(proposer.end, from)))
      rec.aliases.add(text.slice(proposer.start, Math.max(raw.end, raw.rawEnd)).replace(/\s+/g, ' '));
    rec.keySets.push(keys);
    for (const k of keys) rec.allKeys.add(k);
    if (!rec.head) rec.head = head;
    trie.add(
      units.map((u) => u.key),
      rec.id,
    );
    const ci = units.findIndex((u) => u.key === keys[0]);
    if (ci > 0)
      trie.add(
        units.slice(ci).map((u) => u.key),
        rec.id,
      );
    // the tail of a name said again later in the article: "a regional lithium price band" ... "the price band"
    {
      let headAt = -1;
      for (let q = 0; q < units.length; q++)
        if (
          !units[q].actor &&
          (PROPOSAL_NOUNS.has(units[q].key) || NAMED_HEADS.has(units[q].key) || q === units.length - 1)
        ) {
          headAt = q;
          if (PROPOSAL_NOUNS.has(units[q].key) || NAMED_HEADS.has(units[q].key)) break;
        }
      if (headAt >= 2 && !CUE_ARGUMENTS.has(raw.pattern)) {
        const tail = units.slice(headAt - 1, headAt + 1);
        if (tail.every((u) => !u.actor) && !genericKey(tail[0].key) && !PROPOSAL_STOPWORDS.has(tail[0].raw))
          trie.add(
            tail.map((u) => u.key),
            rec.id,
          );
      }
    }
    intros.push({
      recordId: rec.id,
      pattern: raw.pattern,
      trigStart: raw.trigStart,
      trigEnd: raw.trigEnd,
      start: raw.start,
      end: raw.end,
      rawEnd: raw.rawEnd,
      name: raw.name,
      raw: raw.raw,
      proposer,
      date: raw.date,
    });
  }

  // mentions: intros, names/aliases (known and new), anaphors
  const mentions: ProposalMention[] = intros.map((x) => ({
    start: CUE_ARGUMENTS.has(x.pattern) ? x.start : Math.min(x.trigStart, x.start),
    end: x.end,
    proposalId: x.recordId,
    kind: 'intro' as const,
  }));
  const mark = new Uint8Array(text.length + 1);
  for (const m of mentions) mark.fill(1, m.start, m.end);
  const covered = (s: number, e: number): boolean => {
    for (let c = s; c < e; c++) if (mark[c]) return true;
    return false;
  };
  const semKeyAt = (x: number): string | null => (x < sem.length ? sem[x].key : null);
  const named = (id: string): boolean => records.has(id) || !!knownHeld(id);
  for (let u = 0; u < sem.length; u++) {
    let best: [number, string] | null = null;
    for (const tr of [trie, kidx.trie]) {
      if (!tr.hasStart(sem[u].key)) continue;
      // the longest wording of a proposal this article may name
      for (const [len, ids] of tr.matchAt(semKeyAt, u, Math.min(sem.length, u + 30))) {
        const id = ids.find(named);
        if (id && (!best || len > best[0])) best = [len, id];
        if (id) break;
      }
    }
    if (!best) continue;
    // a known proposal from another article, matched by generic words only ("the ceasefire proposal"): not it
    if (!records.has(best[1])) {
      let specific = false;
      for (let q = u; q < u + best[0] && !specific; q++) specific = !genericKey(sem[q].key);
      if (!specific) continue;
    }
    const s = sem[u].start;
    const e = sem[u + best[0] - 1].end;
    if (!covered(s, e)) {
      mentions.push({ start: s, end: e, proposalId: best[1], kind: 'name' });
      mark.fill(1, s, e);
      if (!records.has(best[1])) {
        const k = kidx.byId.get(best[1])!;
        records.set(k.id, { ...ownCopy(k), evidenceStart: s, evidenceEnd: e, mentioned: true });
      }
      // the article's own wording of a proposal the graph holds, as the result reports it
      const rec = records.get(best[1])!;
      if (rec.known && text.slice(s, e) !== rec.name) rec.aliases.add(text.slice(s, e));
    }
    u += best[0] - 1;
  }
  // noun phrases the parse heads with a proposal noun: another wording of a proposal already held
  // ("a Japan-North Korea summit" for the Abe-Kim summit); never a new proposal
  for (const np of nounPhrases) {
    if (covered(np.start, np.end)) continue;
    const from = firstUnitFrom(sem, tokenAt(tokens, np.start));
    let to = from;
    while (to < sem.length && sem[to].end <= np.end) to++;
    const units = sem.slice(from, to);
    const keys = contentKeys(units);
    // an act on a party named outright, after its noun ("the withdrawal of US forces from Iraq", "a military
    // intervention in Niger", "reform of the Security Council"): a proposal wherever it is said, not only after a cue
    const npFrom = tokenAt(tokens, np.start);
    const head = actHeadOf(tokens, npFrom, np.end);
    // looked up once: nothing below changes the records before the second use
    const held = head >= 0 ? existingProposal(keys, headOf(keys), null, null, partiesOf(units)) : undefined;
    if (head >= 0 && !held) {
      const after = units.filter((u) => u.tokStart > head);
      if (after.some((u) => u.actor) && after.length >= 2) {
        const { name } = nameFrom(ctx, npFrom, tokenAt(tokens, np.end));
        const rec: ProposalRecord = {
          ...newRecord(cleanName(name, text.slice(np.start, np.end)), np.start, np.end, 0.5),
          keySets: [keys],
          allKeys: new Set(keys),
          head: headOf(keys),
          parties: new Set(partiesOf(units)),
        };
        if (!records.has(rec.id)) records.set(rec.id, rec);
        mentions.push({ start: np.start, end: np.end, proposalId: rec.id, kind: 'name' });
        mark.fill(1, np.start, np.end);
        continue;
      }
    }
    // a kind of proposal (an agreement, talks, a summit...) with a word of its own
    if (!kindsOf(keys).size || !keys.some((k) => !genericKey(k))) continue;
    const joining = accessionOf(units, keys, actors.records, null);
    let rec = joining
      ? heldAccession(joining)
      : head >= 0
        ? held
        : existingProposal(keys, headOf(keys), null, null, partiesOf(units));
    // a state's accession to an organisation named outright ("Ukraine's membership in NATO") is that proposal
    // wherever it is said, not only after a cue
    if (!rec && joining?.org) {
      const name = `${joining.state.name}'s ${joining.org.name} accession`;
      rec = {
        ...newRecord(name, np.start, np.end, 0.7),
        keySets: [keys],
        allKeys: new Set(keys),
        head: headOf(keys),
        parties: new Set(partiesOf(units)),
      };
      records.set(rec.id, rec);
      noteAccession(joining.state.id, rec);
    }
    if (!rec) continue;
    mentions.push({ start: np.start, end: np.end, proposalId: rec.id, kind: 'name' });
    mark.fill(1, np.start, np.end);
    if (!records.has(rec.id))
      records.set(rec.id, { ...ownCopy(rec), evidenceStart: np.start, evidenceEnd: np.end, mentioned: true });
    const wording = text.slice(np.start, np.end);
    if (wording !== rec.name) records.get(rec.id)!.aliases.add(wording);
  }
  mentions.sort((a, b) => a.start - b.start);

  // anaphors, in text order, against what was mentioned before them
  const anaphors: ProposalMention[] = [];
  // the heads the article has introduced with "a"/"an" so far ("passed a resolution on Wednesday calling on Iran"):
  // its own, whether or not its name was read; "the resolution" after it is never another article's
  const introducedHeads = new Set<string>();
  let firstOrganisationEnd = Infinity;
  for (const m of actors.mentions)
    if (m.kind === 'ORGANIZATION') firstOrganisationEnd = Math.min(firstOrganisationEnd, m.end);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.key === 'a' || t.key === 'an' || t.key === 'another')
      for (let h = i + 1; h < Math.min(tokens.length, i + 4); h++) introducedHeads.add(stem(tokens[h].key));
    const isDet = ANAPHOR_DETERMINERS.has(t.key) || (actorAtTok[i]?.poss && actorAtTok[i]!.tokEnd === i + 1);
    if (!isDet) continue;
    // the head is the last anaphor noun of the phrase: "the dialogue offer" -> offer
    let headAt = -1;
    let anaphorAuthor: ActorMention | null = null;
    for (let h = i + 1; h < Math.min(tokens.length, i + 4); h++) {
      if (/[,;.:"()]/.test(text.slice(tokens[h - 1].end, tokens[h].start))) break;
      if (actorAtTok[h]) {
        // "the EU text": the actor names the author
        const am = actorAtTok[h]!;
        if (am.poss || am.personId || headAt >= 0) break;
        anaphorAuthor = am;
        h = am.tokEnd - 1;
        continue;
      }
      if (tokens[h].cap && !isDemonym(tokens, h)) break;
      const st = stem(tokens[h].key);
      // a verb is no head: "the party called for", "the resolution calls on", "the dam according to"
      // (a participle before a noun is its modifier: "the emerging agreement", "the proposed talks")
      if (verbForm(tokens, h, headAt >= 0)) {
        if (headAt < 0 && h + 1 < tokens.length && anaphorNoun(stem(tokens[h + 1].key))) continue;
        break;
      }
      if (
        ANAPHOR_ANY.has(st) ||
        ANAPHOR_TYPED.has(st) ||
        (PROPOSAL_NOUNS.has(st) && !/(?:ed|ing)$/.test(tokens[h].key))
      )
        headAt = h;
      else if (headAt >= 0) break;
    }
    for (let h = headAt; h >= 0 && h === headAt; h++) {
      // "the press conference", "a news briefing": an event for journalists, not a proposal
      if (h > i + 1 && FOR_JOURNALISTS.has(tokens[h - 1].key)) break;
      const st = stem(tokens[h].key);
      // "the alliance", "the bloc" after NATO or the EU was named: the organisation, not a proposal
      if (ORG_DESCRIPTORS.has(st) && firstOrganisationEnd <= t.start) break;
      if (covered(t.start, tokens[h].end) || (tokens[h + 1]?.key === 'to' && ANAPHOR_ANY.has(st))) break;
      // "the proposal by Lopez"
      let by: ActorMention | null = null;
      if (tokens[h + 1]?.key === 'by' && actorAtTok[h + 2]) by = actorAtTok[h + 2];
      if (actorAtTok[i]?.poss) by = actorAtTok[i];
      // "the European offer": the demonym names the proposer
      let byId = by?.holderId ?? anaphorAuthor?.holderId ?? null;
      for (let q = i + 1; q < h && !byId; q++) {
        const d = demonymTrie.matchAt((x) => (x === q ? tokens[x].key : null), q, q + 1);
        if (d.length && caseOk(d[0][1][0].caseRule, tokens, q)) byId = d[0][1][0].stateId;
      }
      // "Finland's membership": a state's own bid, never another state's
      const applicant = actorAtTok[i]?.poss && kindsOf([st]).has('membership') ? actorAtTok[i]!.holderId : null;
      const target = applicant
        ? ownAccession(applicant)
        : (resolveAnaphor(st, tokens[h].start, mentions, anaphors, records, byId, bareAfter(tokens, i, h)) ??
          (DEFINITE.has(t.key) && !introducedHeads.has(st) ? recentText(st) : null));
      if (target)
        anaphors.push({
          start: t.start,
          end: by && by.start > tokens[h].end ? by.end : tokens[h].end,
          proposalId: target,
          kind: 'anaphor',
        });
      break;
    }
  }
  const all = [...mentions, ...anaphors].sort((a, b) => a.start - b.start);
  /**
   * "The resolution" with nothing before it in the article that it could
   * mean: the one text of that kind (a draft, a resolution, an offer) the
   * graph saw put forward in the days before the article. None when there
   * are several, or none.
   */
  function recentText(head: string): string | null {
    if (!publishedOn) return null;
    const typed = !ANAPHOR_ANY.has(head);
    let found: ProposalRecord | null = null;
    for (let x = kidx.oneTimeRecords.length - 1; x >= 0; x--) {
      const r = kidx.oneTimeRecords[x];
      if (r.introducedOn! > publishedOn) continue;
      if (daysBetween(r.introducedOn!, publishedOn) > RECENT_TEXT_DAYS) break;
      if (typed && !r.allKeys.has(head) && !shareKind([head], r.allKeys)) continue;
      if (found && found.id !== r.id) return null;
      found = r;
    }
    if (!found) return null;
    if (!records.has(found.id)) records.set(found.id, { ...ownCopy(found), mentioned: true });
    return found.id;
  }
  function ownAccession(stateId: string): string | null {
    const held = accessions.get(stateId) ?? [];
    if (held.length !== 1) return null;
    if (!records.has(held[0].id)) records.set(held[0].id, { ...ownCopy(held[0]), mentioned: true });
    return held[0].id;
  }
  return { records, intros, mentions: all, sem, accessions };
}

/**
 * How many proposal mentions back an anaphor looks (in each list): far more
 * than an article holds, so that a text of thousands of mentions and
 * anaphors costs O(mentions) per anaphor at most this, not O(text).
 */
const ANAPHOR_LOOKBACK = 500;

/** The first index of `list` (by start, ascending) whose start is >= pos. */
function firstAtOrAfter(list: ProposalMention[], pos: number): number {
  return firstFrom(list, pos, (m) => m.start);
}

/** What a verb is followed by when it says what a text does: "calls for", "urges on", "according to". */
const AFTER_VERB = new Set(['for', 'on', 'upon', 'to', 'that', 'an', 'a', 'the']);

/**
 * Whether the word at h, after a determiner, is a verb rather than the noun
 * an anaphor ends on: a past or present participle that no list names
 * ("called", "according"), or, after a noun, a present tense before its
 * complement ("the resolution calls for").
 */
function verbForm(tokens: Token[], h: number, afterNoun: boolean): boolean {
  const key = tokens[h].key;
  if (ANAPHOR_WORDS.has(key)) return false;
  if (/(?:ed|ing)$/.test(key)) return true;
  return afterNoun && /s$/.test(key) && AFTER_VERB.has(tokens[h + 1]?.key ?? '');
}

/** What a plan on the table is called once it is agreed: "the deal", "the agreement". */
const SETTLED = new Set(['deal', 'agreement', 'accord'].map(stem));

/** Whether only participles stand between the determiner at i and the head at h: "the deal", "the proposed deal". */
function bareAfter(tokens: Token[], i: number, h: number): boolean {
  for (let q = i + 1; q < h; q++) if (!/(?:ed|ing)$/.test(tokens[q].key)) return false;
  return true;
}

/** A word an anaphor may end on. */
function anaphorNoun(st: string): boolean {
  return ANAPHOR_ANY.has(st) || ANAPHOR_TYPED.has(st) || PROPOSAL_NOUNS.has(st);
}

/** The most recently mentioned proposal compatible with the anaphor's head word (mentions ordered by start). */
export function resolveAnaphor(
  head: string,
  pos: number,
  mentions: ProposalMention[],
  more: ProposalMention[],
  records: Map<string, ProposalRecord>,
  byHolder: string | null,
  bare = false,
): string | null {
  const typed = !ANAPHOR_ANY.has(head);
  let best: ProposalMention | null = null;
  let bestBy: ProposalMention | null = null;
  // "the initiative" after an "audacious initiative" and a later call for talks: the one with that head word
  let bestHead: ProposalMention | null = null;
  let bestHeadBy: ProposalMention | null = null;
  let acted: ProposalMention | null = null;
  // "studying a ceasefire proposal ... to finalise the agreement": a plan on the table becomes the deal
  // (said bare: "the 2015 nuclear deal" is another)
  const settles = bare && SETTLED.has(head);
  let offered: ProposalMention | null = null;
  for (const list of [mentions, more]) {
    const upTo = firstAtOrAfter(list, pos);
    for (let i = Math.max(0, upTo - ANAPHOR_LOOKBACK); i < upTo; i++) {
      const m = list[i];
      const r = records.get(m.proposalId);
      if (!r) continue;
      // "the agreement" after "suspending the agreement" is the agreement, not its suspension (which "the suspension"
      // is): an act on the proposal only when the article names nothing else the anaphor could mean
      if (typed && actKinds(r.head).size && ![...actKinds(head)].some((k) => actKinds(r.head).has(k))) {
        if (!acted || m.start > acted.start) acted = m;
        continue;
      }
      if (
        typed &&
        !r.allKeys.has(head) &&
        !(head === 'talk' && r.allKeys.has('summit')) &&
        !(head === 'summit' && r.allKeys.has('talk') && r.allKeys.has('summit')) &&
        !shareKind([head], r.allKeys)
      ) {
        if (settles && kindsOf(r.allKeys).has('proposal') && (!offered || m.start > offered.start)) offered = m;
        continue;
      }
      if (!best || m.start > best.start) best = m;
      if (byHolder && r.proposedById === byHolder && (!bestBy || m.start > bestBy.start)) bestBy = m;
      if (!typed && r.allKeys.has(head)) {
        if (!bestHead || m.start > bestHead.start) bestHead = m;
        if (byHolder && r.proposedById === byHolder && (!bestHeadBy || m.start > bestHeadBy.start)) bestHeadBy = m;
      }
    }
  }
  // "India is suspending the treaty ... the 1960 treaty ... The move": the act, whatever was named since
  if (ANAPHOR_ACTIONS.has(head) && !bestHeadBy && !bestBy) {
    let lastAct: ProposalMention | null = null;
    for (const list of [mentions, more]) {
      const upTo = firstAtOrAfter(list, pos);
      for (let i = upTo - 1; i >= Math.max(0, upTo - ANAPHOR_LOOKBACK); i--) {
        const r = records.get(list[i].proposalId);
        if (!r || !actKinds(r.head).size) continue;
        if (!lastAct || list[i].start > lastAct.start) lastAct = list[i];
        break;
      }
    }
    if (lastAct) return lastAct.proposalId;
  }
  return (bestHeadBy ?? bestBy ?? bestHead ?? best ?? acted ?? offered)?.proposalId ?? null;
}

// ------------------------------------------------------------ candidates for an analyst

/** A proposal the graph holds that a wording may name, with how well and by which rule. */
export interface ProposalCandidate {
  id: string;
  name: string;
  /** 0..1 */
  score: number;
  /** 'name' (one of its names), 'words' (its content words), 'kind+words', 'kind+parties', 'in-article', 'similar' */
  rule: string;
}

/**
 * The proposals `wording` may name, best first: for an analyst linking a
 * mention by hand. A proposal the same article mentions (`inArticle`, ids)
 * ranks above others of its kind, so a back-reference ("the deal") offers the
 * article's own first.
 */
export function proposalCandidates(
  wording: string,
  known: KnownProposal[],
  knownActors: KnownActor[],
  options: { limit?: number; inArticle?: string[] } = {},
): ProposalCandidate[] {
  const limit = options.limit ?? 5;
  const inArticle = new Set(options.inArticle ?? []);
  const units = aliasUnits(wording, knownActors);
  const keys = contentKeys(units);
  const parties = partiesOf(units);
  const kinds = kindsOf(keys);
  const specific = new Set(keys.filter((k) => !genericKey(k)));
  const flat = (s: string): string =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  const asWritten = flat(wording.replace(/^(?:the|a|an)\s+/i, ''));
  const idx = indexKnown(known, knownActors);
  const byId = new Map(known.map((k) => [k.id, k]));
  const out: ProposalCandidate[] = [];
  for (const r of idx.records) {
    let best: { score: number; rule: string } = { score: 0, rule: 'similar' };
    const take = (score: number, rule: string): void => {
      if (score > best.score) best = { score, rule };
    };
    const p = byId.get(r.id);
    if (p && [p.name, ...p.aliases].some((f) => flat(f) === asWritten)) take(1, 'name');
    for (const ks of r.keySets) {
      if (subsetMatch(ks, keys)) take(0.9, 'words');
      if (kindred(ks, keys, false))
        take(0.7 + 0.05 * Math.min(3, ks.filter((k) => specific.has(k)).length), 'kind+words');
    }
    if (sameParties(r, parties, keys)) take(0.8, 'kind+parties');
    // otherwise a likeness: the specific words in common, the kind, the parties
    const theirs = new Set([...r.allKeys].filter((k) => !genericKey(k)));
    let common = 0;
    for (const k of specific) if (theirs.has(k)) common++;
    const union = specific.size + theirs.size - common;
    const sameKindOf = shareKind(keys, r.allKeys);
    let partyCommon = 0;
    for (const x of parties) if (r.parties.has(x)) partyCommon++;
    take(
      0.5 * (union ? common / union : 0) +
        (sameKindOf ? 0.15 : 0) +
        (parties.size ? (0.15 * partyCommon) / parties.size : 0),
      'similar',
    );
    if (inArticle.has(r.id) && (sameKindOf || !kinds.size)) take(Math.max(best.score, 0.6) + 0.05, 'in-article');
    if (best.score > 0)
      out.push({ id: r.id, name: r.name, score: Math.round(best.score * 1000) / 1000, rule: best.rule });
  }
  return out.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, limit);
}
