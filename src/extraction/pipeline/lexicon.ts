/**
 * The compiled lexicon: the analyst-editable JSON files in ../lexicon/ turned
 * into token tries, sets and sticky regexes ONCE, at module load. Nothing in
 * the per-article path builds a regex.
 */
import { slugify } from './slug.js';
import statesData from '../lexicon/states.json' with { type: 'json' };
import orgsData from '../lexicon/organizations.json' with { type: 'json' };
import organsData from '../lexicon/organs.json' with { type: 'json' };
import titlesData from '../lexicon/titles.json' with { type: 'json' };
import cuesData from '../lexicon/stance-cues.json' with { type: 'json' };
import proposalsData from '../lexicon/proposals.json' with { type: 'json' };
import { TokenTrie, caseRuleOf, keyOf, phraseKeys, stem, type CaseRule } from './tokens.js';
import type { ActorKind, Position } from './types.js';

export type GazForm = 'name' | 'alias' | 'capital' | 'government' | 'organ' | 'context' | 'nonactor';

export interface GazEntry {
  /** actor id; '' for non-actors */
  id: string;
  name: string;
  kind: ActorKind | 'NONACTOR';
  form: GazForm;
  /** the state an organ speaks for */
  representsId: string | null;
  caseRule: CaseRule;
  /** entry applies only if the text contains this word */
  context: string | null;
}

export interface StateInfo {
  id: string;
  name: string;
  aliases: string[];
  demonyms: string[];
  capitals: string[];
}

export interface OrgInfo {
  id: string;
  name: string;
  aliases: string[];
  kind: ActorKind;
  representsId: string | null;
}

// ---------------------------------------------------------------- gazetteer

export const STATES = new Map<string, StateInfo>();
export const ORGS = new Map<string, OrgInfo>();
export const actorTrie = new TokenTrie<GazEntry>();
/** nationality adjectives: "Japanese", "South Korean", "U.S." */
export const demonymTrie = new TokenTrie<{ stateId: string; caseRule: CaseRule }>();
/** generic organs that take their state from context: "Foreign Ministry" */
export const organTrie = new TokenTrie<{ name: string; caseRule: CaseRule }>();

function addGaz(phrase: string, entry: Omit<GazEntry, 'caseRule'>): void {
  const { keys, words } = phraseKeys(phrase);
  if (!keys.length) return;
  actorTrie.add(keys, { ...entry, caseRule: caseRuleOf(words) });
}

const governmentNouns: string[] = organsData.governmentNouns;

for (const s of statesData.states) {
  const id = slugify(s.name);
  STATES.set(id, { id, name: s.name, aliases: s.aliases, demonyms: s.demonyms, capitals: s.capitals });
  const base = { id, name: s.name, kind: 'STATE' as const, representsId: null, context: null };
  addGaz(s.name, { ...base, form: 'name' });
  for (const a of s.aliases) addGaz(a, { ...base, form: 'alias' });
  for (const c of s.capitals) addGaz(c, { ...base, form: 'capital' });
  for (const d of s.demonyms) {
    const { keys, words } = phraseKeys(d);
    demonymTrie.add(keys, { stateId: id, caseRule: caseRuleOf(words) });
    for (const g of governmentNouns) addGaz(`${d} ${g}`, { ...base, form: 'government' });
  }
  for (const c of (s as { contextAliases?: Array<{ alias: string; whenTextMentions: string }> }).contextAliases ?? []) {
    addGaz(c.alias, { ...base, form: 'context', context: c.whenTextMentions });
  }
}
for (const n of statesData.nonActors) {
  addGaz(n, { id: '', name: n, kind: 'NONACTOR', form: 'nonactor', representsId: null, context: null });
}
for (const o of orgsData.organizations as Array<{ name: string; aliases: string[]; demonyms?: string[] }>) {
  const id = slugify(o.name);
  for (const d of o.demonyms ?? []) {
    const { keys, words } = phraseKeys(d);
    demonymTrie.add(keys, { stateId: id, caseRule: caseRuleOf(words) });
  }
  ORGS.set(id, { id, name: o.name, aliases: o.aliases, kind: 'ORGANIZATION', representsId: null });
  const base = { id, name: o.name, kind: 'ORGANIZATION' as const, representsId: null, context: null };
  addGaz(o.name, { ...base, form: 'name' });
  for (const a of o.aliases) addGaz(a, { ...base, form: 'alias' });
}
for (const o of organsData.specific) {
  const id = slugify(o.name);
  const stateId = slugify(o.state);
  ORGS.set(id, { id, name: o.name, aliases: o.aliases, kind: 'ORGANIZATION', representsId: stateId });
  const base = { id, name: o.name, kind: 'ORGANIZATION' as const, representsId: stateId, context: null };
  addGaz(o.name, { ...base, form: 'organ' });
  for (const a of o.aliases) addGaz(a, { ...base, form: 'organ' });
}
for (const g of organsData.generic) {
  const { keys, words } = phraseKeys(g);
  organTrie.add(keys, { name: g.replace(/^[a-z]/, (c) => c.toUpperCase()), caseRule: caseRuleOf(words) });
}
export const OFFICIAL_NOUNS = new Set<string>(organsData.officialNouns);
export const GOVERNMENT_NOUNS = new Set<string>(governmentNouns);

// ---------------------------------------------------------------- persons

export const titleTrie = new TokenTrie<string>();
for (const t of titlesData.titles) titleTrie.add(phraseKeys(t).keys, t);
export const TITLE_MODIFIERS = new Set<string>(titlesData.modifiers.map(keyOf));
export const HONORIFICS = new Set<string>(titlesData.honorifics.map((h) => keyOf(h)));
export const NAME_PARTICLES = new Set<string>(titlesData.nameParticles);
export const NOT_NAMES = new Set<string>(titlesData.notNames);
/** Words that end the name of a body the gazetteer does not hold: "People Power Party", "African Group". */
export const BODY_HEADS = new Set<string>([...orgsData.bodyHeads.own, ...orgsData.bodyHeads.organs]);
/** The ids of bodies whose members vote on resolutions: the body holds no stance on one itself. */
export const VOTING_BODIES = new Set<string>((orgsData.votingBodies as string[]).map(slugify));
/** Of those, the words of a state's organs: named after a state, the body speaks for it. */
export const ORGAN_HEADS = new Set<string>(orgsData.bodyHeads.organs);

// ---------------------------------------------------------------- stance cues

export interface CompiledCue {
  index: number;
  pattern: string;
  re: RegExp;
  position: Position;
  weight: number;
  gap: number;
  zero: boolean;
  negatable: boolean;
}

const POSS = '(?:its|his|her|their|our|my|your|the)';
const AUXES = [
  'did',
  'does',
  'do',
  'has',
  'have',
  'had',
  'would',
  'could',
  'can',
  'should',
  'is',
  'are',
  'was',
  'were',
  'will',
  'must',
];
const AUXNOT = `(?:(?:${AUXES.join('|')})(?:\\s+not|n't)|won't|cannot|never)`;
const AUXNOT_FIRST = [...AUXES, ...AUXES.map((a) => `${a}n`), 'won', 'cannot', 'never', 'ca', 'wo'];

function escapeWord(w: string): string {
  return w
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/-/g, '[- ]?'))
    .join("[\\w'-]*");
}

function splitTop(p: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of p) {
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    if (ch === ')' || ch === ']' || ch === '}') depth--;
    if (ch === sep && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts.filter((x) => x !== '');
}

interface Unit {
  re: string;
  optional: boolean;
  gap: number;
  first: string[] | null; // null = cannot index
}

function unitOf(piece: string): Unit {
  let optional = false;
  let p = piece;
  if (p === '~' || p === '~~') {
    const n = p === '~' ? 4 : 8;
    return { re: `(?:\\S+\\s+){0,${n}}?`, optional: false, gap: n, first: null };
  }
  if (p.endsWith('?') && p.length > 1) {
    optional = true;
    p = p.slice(0, -1);
  }
  if (p === '{POSS}')
    return { re: POSS, optional, gap: 0, first: ['its', 'his', 'her', 'their', 'our', 'my', 'your', 'the'] };
  if (p === '{AUXNOT}') return { re: AUXNOT, optional, gap: 0, first: AUXNOT_FIRST };
  if (p === '{NOT}') return { re: '(?:not|never)', optional, gap: 0, first: ['not', 'never'] };
  if ((p.startsWith('(') && p.endsWith(')')) || (p.startsWith('[') && p.endsWith(']'))) {
    if (p.startsWith('[')) optional = true;
    const alts = splitTop(p.slice(1, -1), '|');
    const compiled = alts.map((a) =>
      splitTop(a, ' ')
        .map((w) => (w === '{POSS}' ? POSS : escapeWord(w)))
        .join('\\s+'),
    );
    const first = alts.map((a) => a.split(' ')[0]);
    return { re: `(?:${compiled.join('|')})`, optional, gap: 0, first };
  }
  return { re: escapeWord(p), optional, gap: 0, first: [p] };
}

/**
 * Words of degree a cue's words may have between them as written: "expressed strong concerns about",
 * "voiced serious reservations", "stopped well short of endorsing" are the patterns' cues.
 */
const DEGREE = `(?:(?:${[
  'very',
  'strong',
  'strongly',
  'grave',
  'serious',
  'deep',
  'deeply',
  'great',
  'growing',
  'particular',
  'considerable',
  'further',
  'firm',
  'firmly',
  'renewed',
  'continued',
  'utmost',
  'profound',
  'real',
  'well',
  'fully',
  'clearly',
].join('|')})\\s+){0,2}`;

function compilePattern(p: string): { source: string; first: string[] | null } {
  const units = splitTop(p, ' ').map(unitOf);
  let src = '';
  let needSep = false;
  let first: string[] | null = [];
  let firstOpen = true;
  for (const u of units) {
    if (firstOpen) {
      if (u.first === null) first = null;
      else if (first) first.push(...u.first);
      if (!u.optional) firstOpen = false;
    }
    const sep = needSep ? `\\s+${DEGREE}` : '';
    if (u.gap) {
      src += `${sep}${u.re}`;
      needSep = false;
    } else if (u.optional) {
      src += `${sep}(?:${u.re}\\s+)?`;
      needSep = false;
    } else {
      src += `${sep}${u.re}`;
      needSep = true;
    }
  }
  return { source: `\\b${src}(?![\\w'])`, first };
}

/**
 * A cue analysts added (an accepted candidate, KnownEntities.cues): its words
 * as written, matched whole and in order, with the weight of a plain lexicon
 * cue. Not indexed: the few there are are tried at every token.
 */
export function compileAddedCue(words: string, position: Position, index: number): CompiledCue | null {
  const parts = words.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0 || parts.length > 8) return null;
  // each word of four letters or more in any of its forms ("expressed reservations" reads "expresses reservation")
  const word = (w: string): string => {
    const escaped = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const root = w.length >= 4 && /^[a-z]+$/i.test(w) ? stem(w.toLowerCase()) : null;
    return root && root.length >= 3 ? `${escaped(root)}[a-z]*` : escaped(w);
  };
  const source = `\\b${parts.map(word).join('\\s+')}(?![\\w'])`;
  return {
    index,
    pattern: words,
    re: new RegExp(source, 'iy'),
    position,
    weight: 0.6,
    gap: 6,
    zero: false,
    negatable: true,
  };
}

export const CUES: CompiledCue[] = [];
/** first word -> cues; prefix (for word*) -> cues; cues that cannot be indexed */
export const CUE_BY_WORD = new Map<string, CompiledCue[]>();
export const CUE_BY_PREFIX: Array<[string, CompiledCue]> = [];
/** the same, bucketed by the first two letters of the prefix */
export const CUE_BY_PREFIX2 = new Map<string, Array<[string, CompiledCue]>>();
export const CUE_UNINDEXED: CompiledCue[] = [];

for (const c of cuesData.cues as Array<{
  p: string;
  pos: string;
  w: number;
  gap?: number;
  zero?: boolean;
  neg?: boolean;
}>) {
  const { source, first } = compilePattern(c.p);
  const cue: CompiledCue = {
    index: CUES.length,
    pattern: c.p,
    re: new RegExp(source, 'iy'),
    position: c.pos as Position,
    weight: c.w,
    gap: c.gap ?? 6,
    zero: c.zero ?? false,
    negatable: c.neg ?? true,
  };
  CUES.push(cue);
  if (!first) {
    CUE_UNINDEXED.push(cue);
    continue;
  }
  for (const f of new Set(first)) {
    const w = f.toLowerCase();
    if (w.includes('*')) {
      const prefix = w.slice(0, w.indexOf('*'));
      CUE_BY_PREFIX.push([prefix, cue]);
      const b = CUE_BY_PREFIX2.get(prefix.slice(0, 2)) ?? [];
      b.push([prefix, cue]);
      CUE_BY_PREFIX2.set(prefix.slice(0, 2), b);
    } else {
      const k = keyOf(w.split(/[\s-]/)[0]);
      const list = CUE_BY_WORD.get(k) ?? [];
      if (!list.includes(cue)) list.push(cue);
      CUE_BY_WORD.set(k, list);
    }
  }
}

const wordsRe = (words: string[]): string =>
  words
    .slice()
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
    .join('|');

/** negator followed only by auxiliaries/adverbs up to the end of the string */
export const NEGATION_BEFORE = new RegExp(
  `(?:\\b(?:(?:do|does|did|will|would|could|can|should|has|have|had|is|are|was|were|must)\\s+)?\\b(?:${wordsRe(cuesData.negators.filter((n) => n !== "n't"))})|\\b\\w+n't)\\s+(?:(?:${wordsRe(cuesData.negationSkip)})\\s+){0,3}$`,
  'i',
);
export const CONDITION_RE = new RegExp(`\\b(${wordsRe(cuesData.conditionMarkers)})\\s+`, 'gi');
export const GERUND_CONDITION_RE = new RegExp(
  `\\b(${wordsRe(cuesData.gerundConditionMarkers)})\\s+(?=\\w+ing\\b)`,
  'gi',
);
export const CONDITION_STOP_RE = new RegExp(`,|;|--|\\s(?:${wordsRe(cuesData.conditionStops)})\\b`, 'i');
export const BLOCKER_RE = new RegExp(`\\b(?:${wordsRe(cuesData.blockers)})\\b`, 'gi');
/** "talks for talks' sake": a qualifier that turns a cue into one about an empty version of the thing */
export const SAKE_RE = /\bfor (?:the sake of \w+|\w+'s? sake|(?:its|their) own sake)\b/gi;
export const HEDGE_RE = new RegExp(`\\b(?:${wordsRe(cuesData.hedges)})\\b`, 'i');
export const REPORTING_VERBS = new Set<string>(cuesData.reportingVerbs);
export const ANON_SOURCE_RE = new RegExp(
  `\\b(?:(?:diplomatic|informed|government|senior|unnamed|anonymous|official|military|intelligence|political|several|other|some|many|local|western|foreign|japanese|american|u\\.s\\.|news|state-run|state)\\s+)*(?:${wordsRe(cuesData.anonymousSourceWords)})\\b`,
  'i',
);

// ---------------------------------------------------------------- proposals

export const PROPOSAL_NOUNS = new Set<string>(proposalsData.nouns.map((n) => stem(keyOf(n))));
export const PROPOSAL_VERBS = new Set<string>(proposalsData.verbs.map((v) => keyOf(v)));
export const LIGHT_VERBS = new Set<string>(proposalsData.lightVerbs.map((v) => keyOf(v)));
export const BOUNDARY_WORDS = new Set<string>(proposalsData.boundaries);
export const CONJUNCTION_VERBS = new Set<string>(proposalsData.conjunctionVerbs);
export const ANAPHOR_ANY = new Set<string>(proposalsData.anaphors.any.map((w) => stem(keyOf(w))));
export const ANAPHOR_TYPED = new Set<string>(proposalsData.anaphors.typed.map((w) => stem(keyOf(w))));
/** The anaphor nouns as listed ("meeting", "talks"): a form of theirs that is not listed may be a verb. */
export const ANAPHOR_WORDS = new Set<string>(
  [...proposalsData.anaphors.any, ...proposalsData.anaphors.typed].map(keyOf),
);
/** Anaphors that name something done: after an act on a proposal they mean the act ('the move'). */
export const ANAPHOR_ACTIONS = new Set<string>(proposalsData.anaphors.actions.map((w) => stem(keyOf(w))));
export const ANAPHOR_DETERMINERS = new Set<string>(proposalsData.anaphors.determiners);

export interface Trigger {
  words: string[];
  takes: string[];
  proposer: 'poss' | 'subject';
  pattern: string;
  open?: boolean;
}
export const OPEN_VERB_BLACKLIST = new Set<string>(proposalsData.openVerbBlacklist);
/** Heads of a proposal named by its modifiers alone ("the Black Sea grain deal"); multi-word heads by their last word. */
export const NAMED_HEADS = new Set<string>(proposalsData.namedHeads.map((n) => stem(keyOf(n.split(/\s+/).pop()!))));
export const GENERIC_MODIFIERS = new Set<string>(proposalsData.genericModifiers.map(keyOf));
/** Words that judge a proposal without telling which one it is ('landmark', 'historic'), as stems. */
export const EVALUATIVE_MODIFIERS = new Set<string>(
  proposalsData.evaluativeModifiers.flatMap((w: string) => w.split(/\s+/)).map((w: string) => stem(keyOf(w))),
);
/** Words dropped from the front of a new proposal's name: how it stands or is judged ('stalled', 'landmark'), lower case. */
export const NAME_DROP_MODIFIERS = new Set<string>(proposalsData.nameDropModifiers.map((w: string) => w.toLowerCase()));
/** Words that open a relative clause: what they open says something of a noun before them. */
export const RELATIVE_WORDS = new Set(['that', 'which', 'who', 'whose', 'whom']);
/** Verbs of a state entering an organisation, as lemmas ('join', 'enter', 'accede'). */
export const JOIN_VERBS = new Set<string>(proposalsData.accession.verbs);
/** Verbs of acting on a proposal that make a proposal of their own, by form: the act's noun and the preposition before its object ('withdraw from'). */
export const ACT_VERBS = new Map<string, { noun: string; before: string | null }>(
  (proposalsData.acts as Array<{ noun: string; verbs: string[]; before?: string }>).flatMap((a) =>
    a.verbs.map((v) => [v, { noun: a.noun, before: a.before ?? null }] as const),
  ),
);
/** Their -ing forms, which head a clause naming an accession ('opposes Ukraine joining NATO'). */
export const JOINING_CLAUSE_VERBS = new Set<string>(
  proposalsData.accession.verbs.map((v) => `${v.replace(/e$/, '')}ing`),
);
/** Words of joining, as stems, beside the nouns of the membership type. */
export const JOINING_WORDS = new Set<string>(proposalsData.accession.words.map(stem));
/** Verbs of wishing before 'to join', as stems ('wants to join', 'plans to join'). */
export const ASPIRING_VERBS = new Set<string>(proposalsData.accession.aspiring.map(stem));
/** Verbs that ask for a membership ('applied for membership in NATO', 'bids for EU membership'), as stems. */
export const ASKING_FOR_VERBS = new Set<string>(proposalsData.accession.askingFor.map(stem));
/** Whether a verb form is one of a set of stems ("applied": the stem of "applies", as the stemmer leaves "apply"). */
export function verbIn(stems: ReadonlySet<string>, form: string): boolean {
  return stems.has(stem(form)) || stems.has(stem(form.replace(/ied$/, 'ies')));
}
/** What may stand between a subject and its verb of wishing: 'Ukraine has long wanted', 'Georgia still hopes'. */
export const BETWEEN_SUBJECT_AND_WISH = new RegExp(
  `^\\s*(?:(?:${proposalsData.accession.betweenSubjectAndWish.join('|')})\\s+)*$`,
  'i',
);
/** The kinds of proposal a head noun (as a stem) names: agreement, talks, summit, resolution, membership... */
export const PROPOSAL_TYPES = new Map<string, string[]>();
for (const [kind, nouns] of Object.entries(proposalsData.types as Record<string, string[]>))
  for (const n of nouns) {
    const k = stem(keyOf(n.split(/\s+/).pop()!));
    PROPOSAL_TYPES.set(k, [...(PROPOSAL_TYPES.get(k) ?? []), kind]);
  }
/** Phrases that end a proposal's wording ("provided that", "in its current form"). */
export const boundaryPhraseTrie = new TokenTrie<string>();
for (const b of proposalsData.boundaryPhrases) boundaryPhraseTrie.add(phraseKeys(b).keys, b);
/** The trigger patterns of an act of putting a proposal forward ("a proposal to", "proposed", "called for"): what they introduce is a proposal, however bare its name. */
export const PROPOSING_PATTERNS = new Set(['noun-proposal', 'verb-propose', 'verb-call-for']);
export const triggerTrie = new TokenTrie<Trigger>();
for (const t of proposalsData.triggers as Trigger[]) {
  for (const w of t.words) triggerTrie.add(phraseKeys(w).keys, t);
}

/** Words that never start or end a proposal name's content. */
export const PROPOSAL_STOPWORDS = new Set<string>([
  'a',
  'an',
  'the',
  'any',
  'its',
  'his',
  'her',
  'their',
  'our',
  'of',
  'to',
  'with',
  'between',
  'and',
  'for',
  'on',
  'at',
  'in',
  'by',
  'from',
  'about',
  'such',
  'this',
  'that',
  'these',
  'those',
  'some',
  'new',
  'possible',
  'proposed',
  'so',
  'called',
  'up',
]);
