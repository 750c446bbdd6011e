import type { UpsertActorInput } from '../../src/actors/dto/upsert-actor.input.js';
import type { UpsertProposalInput } from '../../src/proposals/dto/upsert-proposal.input.js';
import type { RecordStanceInput } from '../../src/stances/dto/record-stance.input.js';
import { slugify } from '../../src/extraction/index.js';
import { ActorKind, Position } from '../../src/graph/vocabulary.js';

/**
 * A deterministic synthetic stance graph of any size, shaped like the real
 * one: regions of states, the ministries and officials who speak for them,
 * and the proposals put forward there; each proposal draws 18-42 actors of
 * its region (and now and then one of five great powers), who take positions
 * over several rounds of diplomacy, each round reported by one to four
 * outlets, some of them reprints of another's story.
 *
 * Density is fixed per region (125 holders, 50 proposals, about 5,000
 * stances), so a bigger tier is more regions, not denser ones: a proposal or
 * an actor of region 0 looks the same at 10k and at 1M stances, and the
 * questions the benchmark asks about them have the same answers at every
 * tier. Everything comes from a seeded generator keyed by entity index:
 * the same N gives the same graph, and a smaller tier is a prefix of a
 * bigger one.
 */

export const STATES_PER_REGION = 75;
export const ORGS_PER_REGION = 50;
export const PERSONS_PER_REGION = 100;
export const PROPOSALS_PER_REGION = 50;
/** About this many stances per region (50 proposals x ~100 stances). */
export const STANCES_PER_REGION = 5000;

/** A stance as the generator makes it: an analyst's record, or an extraction still PROPOSED. */
export interface SyntheticStance {
  input: RecordStanceInput;
  status: 'CONFIRMED' | 'PROPOSED' | 'REJECTED' | 'RETRACTED';
  rule: string | null;
}

export interface SyntheticProposal {
  index: number;
  upsert: UpsertProposalInput;
  stances: SyntheticStance[];
  /** [reprint article url, original article url]: reported as SAME_REPORT_AS. */
  reprints: Array<[string, string]>;
}

// ---- seeded randomness ------------------------------------------------------

/** A small, fast PRNG (mulberry32) keyed by a label and an index: entity i is the same whatever else is generated. */
export function rng(...keys: number[]): () => number {
  let h = 0x9e3779b9;
  for (const k of keys) h = Math.imul(h ^ (k + 0x7f4a7c15), 0x85ebca6b) ^ (h >>> 13);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

// ---- names ------------------------------------------------------------------

const SYL = [
  'val',
  'dor',
  'mar',
  'ken',
  'tes',
  'lor',
  'bri',
  'sun',
  'ka',
  'ro',
  'vel',
  'than',
  'mi',
  'zar',
  'pol',
  'ost',
  'ga',
  'ren',
  'lu',
  'bek',
];
const STATE_END = ['ia', 'land', 'stan', 'ora', 'ana', 'ica'];
const CITY_END = ['grad', 'ton', 'polis', 'mouth', 'burg', 'ville'];
const FIRST = [
  'Ana',
  'Boris',
  'Chen',
  'Dina',
  'Emil',
  'Farah',
  'Goran',
  'Hana',
  'Ivo',
  'Jun',
  'Kemal',
  'Lena',
  'Mateo',
  'Nadia',
  'Omar',
  'Priya',
  'Rafael',
  'Sina',
  'Tomas',
  'Yara',
];
const ROLES = [
  'Foreign Minister',
  'President',
  'Prime Minister',
  'Defense Minister',
  'special envoy',
  'ambassador to the United Nations',
  'spokesperson of the Foreign Ministry',
];
const ORG_KINDS = ['Foreign Ministry', 'Defense Ministry', 'National Security Council'];
const PLANS = [
  'water-sharing treaty',
  'ceasefire',
  'joint naval patrol',
  'carbon border tax',
  'debt relief package',
  'fishing rights accord',
  'free trade agreement',
  'peacekeeping mission',
  'mining moratorium',
  'energy price summit',
  'border demarcation commission',
  'refugee return plan',
  'arms control pact',
  'customs union',
  'disaster relief fund',
];
const PLACES = ['Northern', 'Southern', 'Eastern', 'Western', 'Coastal', 'Highland', 'River', 'Gulf', 'Lake', 'Island'];
const OUTLETS = Array.from(
  { length: 40 },
  (_, i) =>
    `${['Global', 'Daily', 'Regional', 'World', 'Evening', 'Morning', 'Capital', 'Frontier'][i % 8]} ${['Wire', 'Times', 'Herald', 'Post', 'Observer'][Math.floor(i / 8)]}`,
);
const CUES: Record<Position, string[]> = {
  [Position.SUPPORT]: ['welcomed', 'supports', 'underscored the need to proceed', 'backed', 'an admirable idea'],
  [Position.OPPOSE]: ['premature', 'reject', 'opposes', 'unacceptable', 'will not accept'],
  [Position.NONCOMMITTAL]: ['did not make its position clear', 'is studying', 'declined to comment', 'wait and see'],
};
const CONDITIONS = [
  'unless security guarantees are given',
  'only if the talks cover sanctions relief',
  'unless the other side withdraws its troops',
  'only if the regional forum endorses it',
  'unless the costs are shared',
];
const POSITIONS = [Position.SUPPORT, Position.OPPOSE, Position.NONCOMMITTAL];

function word(index: number, ends: readonly string[]): string {
  // Mixed radix over syllables and endings: injective, so every index has its own name.
  let i = index;
  const parts: string[] = [];
  for (let k = 0; k < 3; k++) {
    parts.push(SYL[i % SYL.length]);
    i = Math.floor(i / SYL.length);
  }
  const w = parts.join('') + ends[i % ends.length] + (i >= ends.length ? ` ${Math.floor(i / ends.length) + 1}` : '');
  return w.charAt(0).toUpperCase() + w.slice(1);
}

export function stateName(globalStateIndex: number): string {
  return word(globalStateIndex, STATE_END);
}

export function capitalName(globalStateIndex: number): string {
  return word(globalStateIndex + 7919, CITY_END);
}

export const GREAT_POWERS: UpsertActorInput[] = [
  { name: 'Atlantic Union', kind: ActorKind.STATE, aliases: ['the Union', 'Brussels of the West'] },
  { name: 'Eastern Federation', kind: ActorKind.STATE, aliases: ['the Federation', 'Kavgrad'] },
  { name: 'Middle Kingdom Republic', kind: ActorKind.STATE, aliases: ['the Republic', 'Zhonggrad'] },
  { name: 'Southern Commonwealth', kind: ActorKind.STATE, aliases: ['the Commonwealth'] },
  { name: 'Island Confederation', kind: ActorKind.STATE, aliases: ['the Confederation'] },
].map((a) => ({ ...a, id: slugify(a.name) }));

// ---- the graph --------------------------------------------------------------

export function stateId(region: number, i: number): string {
  return slugify(stateName(region * STATES_PER_REGION + i));
}

/** The region's actors: states first, then who speaks for them (they point at states). */
export function regionActors(region: number): UpsertActorInput[] {
  const out: UpsertActorInput[] = [];
  for (let i = 0; i < STATES_PER_REGION; i++) {
    const g = region * STATES_PER_REGION + i;
    const name = stateName(g);
    out.push({
      id: slugify(name),
      name,
      kind: ActorKind.STATE,
      aliases: [capitalName(g), `the ${name} government`, `Republic of ${name}`],
    });
  }
  for (let i = 0; i < ORGS_PER_REGION; i++) {
    const state = out[(i * 3) % STATES_PER_REGION];
    const kind = ORG_KINDS[i % ORG_KINDS.length];
    const name = `${state.name} ${kind}`;
    out.push({
      id: slugify(name),
      name,
      kind: ActorKind.ORGANIZATION,
      aliases: [`${kind} of ${state.name}`],
      represents: { stateId: state.id!, role: null },
    });
  }
  for (let i = 0; i < PERSONS_PER_REGION; i++) {
    const g = region * PERSONS_PER_REGION + i;
    const state = out[i % STATES_PER_REGION];
    const name = `${FIRST[g % FIRST.length]} ${word(Math.floor(g / FIRST.length) + 101, ['ov', 'ez', 'son', 'ski', 'ic', 'ani'])}`;
    const role = ROLES[g % ROLES.length];
    out.push({
      id: slugify(name),
      name,
      kind: ActorKind.PERSON,
      aliases: [name.replace(' ', ' A. ')],
      represents: { stateId: state.id!, role },
    });
  }
  return out;
}

/** A region's actors with the officials of each state, for picking speakers. */
export interface Region {
  index: number;
  actors: UpsertActorInput[];
  officials: Map<string, string[]>;
}

export function region(index: number): Region {
  const actors = regionActors(index);
  const officials = new Map<string, string[]>();
  for (const a of actors) {
    if (a.kind !== ActorKind.PERSON) continue;
    const list = officials.get(a.represents!.stateId) ?? [];
    list.push(a.id!);
    officials.set(a.represents!.stateId, list);
  }
  return { index, actors, officials };
}

/** The person who speaks for a holder: one of its state's officials, most of the time. */
function speakerFor(reg: Region, holder: UpsertActorInput, r: () => number): string | null {
  const stateId = holder.kind === ActorKind.STATE ? holder.id! : holder.represents?.stateId;
  const persons = stateId ? reg.officials.get(stateId) : undefined;
  return persons && r() < 0.7 ? pick(r, persons) : null;
}

export function proposalName(globalIndex: number): string {
  const r = rng(11, globalIndex);
  return `${pick(r, PLACES)} ${pick(r, PLANS)} ${globalIndex + 1}`;
}

function isoDay(days: number): string {
  return new Date(Date.UTC(2000, 0, 1) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Proposal `index` of a region with all its stances; deterministic in (region, index). */
export function regionProposal(reg: Region, index: number): SyntheticProposal {
  const actors = reg.actors;
  const g = reg.index * PROPOSALS_PER_REGION + index;
  const r = rng(23, g);
  const name = proposalName(g);
  const proposer = actors[int(r, 0, STATES_PER_REGION - 1)];
  const person = reg.officials.get(proposer.id!)?.[0] ?? null;
  const start = int(r, 0, 20 * 365);
  const upsert: UpsertProposalInput = {
    id: slugify(name),
    name,
    summary: `${proposer.name} proposes a ${name.replace(/ \d+$/, '').toLowerCase()} for the region.`,
    aliases: [`the ${name.replace(/ \d+$/, '').toLowerCase()} ${g + 1}`, `${proposer.name}'s plan ${g + 1}`],
    proposedById: proposer.id!,
    proposerId: person,
    proposedOn: isoDay(start),
  };

  // Rounds of diplomacy, at least 45 days apart: each has a date and its reports.
  const roundCount = int(r, 4, 9);
  const rounds: Array<{
    day: number;
    month: boolean;
    articles: Array<{ url: string; outlet: string; title: string; publishedOn: string; reprintOf: string | null }>;
  }> = [];
  let day = start + int(r, 1, 30);
  for (let k = 0; k < roundCount; k++) {
    const articles: (typeof rounds)[number]['articles'] = [];
    const n = int(r, 1, 4);
    const outlets = new Set<string>();
    for (let a = 0; a < n; a++) {
      let outlet = pick(r, OUTLETS);
      while (outlets.has(outlet)) outlet = pick(r, OUTLETS);
      outlets.add(outlet);
      const reprintOf = a > 0 && r() < 0.2 ? articles[0].url : null;
      articles.push({
        url: `https://news.bench.example/${slugify(outlet)}/${g}-${k}-${a}`,
        outlet,
        title: `${name}: round ${k + 1}`,
        publishedOn: isoDay(day + int(r, 0, 3)),
        reprintOf,
      });
    }
    rounds.push({ day, month: r() < 0.15, articles });
    day += int(r, 45, 220);
  }

  // Who takes part: 18-42 of the region's holders, and sometimes a great power.
  const holderCount = STATES_PER_REGION + ORGS_PER_REGION;
  const k = int(r, 18, 42);
  const chosen = new Set<number>();
  while (chosen.size < k) chosen.add(int(r, 0, holderCount - 1));
  const participants: UpsertActorInput[] = [...chosen].map((i) => actors[i]);
  for (const power of GREAT_POWERS) if (r() < 0.03) participants.push(power);

  const stances: SyntheticStance[] = [];
  for (const holder of participants) {
    // 1-6 of the rounds, in order; the position drifts from round to round.
    const m = Math.min(roundCount, int(r, 1, 6));
    const taken = new Set<number>();
    while (taken.size < m) taken.add(int(r, 0, roundCount - 1));
    let position = pick(r, POSITIONS);
    let usedUnknownDate = false;
    let first = true;
    for (const k of [...taken].sort((a, b) => a - b)) {
      if (!first && r() > 0.65) position = pick(r, POSITIONS);
      first = false;
      const round = rounds[k];
      const date = isoDay(round.day);
      let statedOn: string | null = round.month ? date.slice(0, 7) : date;
      if (!usedUnknownDate && r() < 0.05) {
        statedOn = null;
        usedUnknownDate = true;
      }
      const cue = pick(r, CUES[position]);
      const evidenceFrom = round.articles.slice(0, int(r, 1, Math.min(2, round.articles.length)));
      const speakerId = speakerFor(reg, holder, r);
      const roll = r();
      const status = roll < 0.8 ? 'CONFIRMED' : roll < 0.95 ? 'PROPOSED' : roll < 0.98 ? 'REJECTED' : 'RETRACTED';
      stances.push({
        status,
        rule: status === 'PROPOSED' ? 'synthetic' : null,
        input: {
          actorId: holder.id!,
          proposalId: upsert.id!,
          position,
          cue,
          conditions: r() < 0.2 ? [pick(r, CONDITIONS)] : [],
          speakerId: GREAT_POWERS.includes(holder) ? null : speakerId,
          statedOn,
          confidence: status === 'PROPOSED' ? Math.round((0.5 + r() * 0.45) * 100) / 100 : 1,
          evidence: evidenceFrom.map((a, i) => {
            const charStart = int(r, 0, 3000);
            const quote = `${holder.name} ${cue} the ${name.replace(/ \d+$/, '')}${i > 0 ? ', the report added' : ''}`;
            return {
              quote,
              charStart,
              charEnd: charStart + quote.length,
              article: { url: a.url, outlet: a.outlet, title: a.title, publishedOn: a.publishedOn },
            };
          }),
        },
      });
    }
  }
  const reprints = rounds.flatMap((round) =>
    round.articles.filter((a) => a.reprintOf).map((a) => [a.url, a.reprintOf!] as [string, string]),
  );
  return { index: g, upsert, stances, reprints };
}

/** The whole plan for N stances: actors and proposals by region, stances until N. */
export interface SyntheticPlan {
  stances: number;
  readonly regions: number;
  actors(): UpsertActorInput[];
  /** Proposals in order, the last one cut so the total is exactly N. */
  proposals(): Generator<SyntheticProposal>;
}

/**
 * `firstRegion` shifts the regions used: the write benchmark takes regions
 * far from any tier's (1000 on), so its rows are new wherever it runs.
 */
export function syntheticPlan(stances: number, firstRegion = 0): SyntheticPlan {
  let regions: number | null = null;
  // Regions until they hold N stances (a dry pass: generation is cheap next to writing).
  const regionCount = (): number => {
    if (regions !== null) return regions;
    let count = 0;
    for (let have = 0; have < stances; count++) {
      const reg = region(firstRegion + count);
      for (let i = 0; i < PROPOSALS_PER_REGION; i++) have += regionProposal(reg, i).stances.length;
    }
    return (regions = count);
  };
  return {
    stances,
    get regions() {
      return regionCount();
    },
    actors() {
      const all: UpsertActorInput[] = [...GREAT_POWERS];
      for (let g = 0; g < regionCount(); g++) all.push(...regionActors(firstRegion + g));
      return all;
    },
    *proposals() {
      let left = stances;
      for (let g = 0; left > 0; g++) {
        const reg = region(firstRegion + g);
        for (let i = 0; i < PROPOSALS_PER_REGION && left > 0; i++) {
          const p = regionProposal(reg, i);
          if (p.stances.length > left) p.stances = p.stances.slice(0, left);
          left -= p.stances.length;
          yield p;
        }
      }
    },
  };
}
