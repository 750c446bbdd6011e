/**
 * Extraction quality against a gold file (the format of shared/seeds/gold.json):
 * precision, recall and F1 of the set of (actor, proposal, position) triples
 * per article and overall (micro-averaged), plus speaker, cue, condition and
 * statedOn accuracy over the matched triples.
 */
export type GoldPosition = 'SUPPORT' | 'OPPOSE' | 'NONCOMMITTAL';

export interface GoldProposal {
  name: string;
  aliases?: string[];
}
export interface GoldActor {
  name: string;
  aliases?: string[];
}
export interface GoldStance {
  actor: string;
  speaker: string | null;
  proposal: string;
  position: GoldPosition;
  cue: string[] | string;
  conditions: string[];
  statedOn: string | null;
}
/** A proposal as the article words it (the real corpus's gold lists every one). */
export interface GoldMention {
  text: string;
  proposal: string;
  /** A definite back-reference ("the deal"): a mention, but never a name. */
  backReference?: boolean;
}
export interface GoldArticle {
  file: string;
  publishedOn?: string | null;
  stances: GoldStance[] | string;
  mentions?: GoldMention[];
}
export interface GoldFile {
  proposals: GoldProposal[];
  actors: GoldActor[];
  articles: GoldArticle[];
}

export interface ScoredStance {
  actor: string;
  proposal: { name: string; aliases: string[] };
  position: string;
  speaker: string | null;
  cue: string;
  conditions: string[];
  statedOn: string | null;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
export interface AttributeAccuracy {
  speaker: number;
  cue: number;
  conditions: number;
  statedOn: number;
  /** the date an "as of" answer uses, statedOn else the report's publishedOn, within a day of the gold's */
  effectiveOn: number;
  matched: number;
}
/** Figures for the stances of one position (or the conditional ones), over matched triples. */
export interface PositionFigures extends Counts {
  precision: number;
  recall: number;
  f1: number;
}
export type PositionKey = GoldPosition | 'conditional';

export interface ArticleScore extends Counts {
  file: string;
  precision: number;
  recall: number;
  f1: number;
  attributes: AttributeAccuracy;
  missing: string[];
  spurious: string[];
}
export interface ScoreReport {
  articles: ArticleScore[];
  overall: Counts & { precision: number; recall: number; f1: number; attributes: AttributeAccuracy };
  /** P/R/F1 per gold position, and for stances with conditions (either side). */
  byPosition: Record<PositionKey, PositionFigures>;
}

const key = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** What may follow a noun phrase's head inside a longer wording of it. */
const POST_MODIFIER =
  /^(?:calling|demanding|urging|seeking|aimed|on|for|to|that|which|between|with|of|in|by|from|against|over)\s/;

/** Lower case, hyphens and punctuation as spaces, articles dropped. */
export function phraseNorm(s: string): string {
  return ` ${s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2010-\u2015-]/g, ' ')
    .replace(/[^a-z0-9 ]/g, ' ')
    .replace(/\b(?:a|an|the)\b/g, ' ')
    // a wording's leading possessive pronoun ("its December 3 referendum") is no part of any name
    .replace(/^\s*(?:its|their|his|her|our)\b/, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `;
}

function ratio(n: number, d: number): number {
  return d === 0 ? 1 : n / d;
}
function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

export class GoldIndex {
  private readonly actorByKey = new Map<string, string>();
  private readonly proposalForms: Array<{ name: string; forms: string[] }>;

  constructor(readonly gold: GoldFile) {
    for (const a of gold.actors) for (const f of [a.name, ...(a.aliases ?? [])]) this.actorByKey.set(key(f), a.name);
    this.proposalForms = gold.proposals.map((p) => ({
      name: p.name,
      forms: [p.name, ...(p.aliases ?? [])].map(phraseNorm),
    }));
  }

  actor(name: string | null): string | null {
    if (!name) return null;
    return this.actorByKey.get(key(name)) ?? name;
  }

  /**
   * The gold proposal an extracted one denotes, in an article whose gold lists
   * its mentions (the real corpus): the rule of issue 13, strict. Its name is
   * the gold name, one of the gold's wordings anywhere in the corpus, or one
   * of this article's own wordings of it; an alias counts when it is one of
   * this article's wordings. Back-references ("the deal") and one-word generic
   * forms are never names. Without mentions: proposal() below.
   */
  proposalIn(p: { name: string; aliases: string[] }, file: string): string {
    const article = this.gold.articles.find((a) => a.file === file);
    if (!article?.mentions?.length) return this.proposal(p);
    const backRefs = new Set(article.mentions.filter((m) => m.backReference).map((m) => phraseNorm(m.text)));
    const isName = (f: string): boolean => !backRefs.has(f) && f.trim().split(' ').length >= 2;
    const own = new Map<string, string>();
    for (const m of article.mentions)
      if (!m.backReference && isName(phraseNorm(m.text))) own.set(phraseNorm(m.text), m.proposal);
    const name = phraseNorm(p.name);
    if (own.has(name)) return own.get(name)!;
    // A wording's noun phrase without its trailing modifier ("a United States
    // draft resolution" of "... draft resolution calling for a ceasefire") is the same wording.
    if (isName(name)) {
      for (const [wording, proposal] of own) {
        if (wording.startsWith(name) && POST_MODIFIER.test(wording.slice(name.length))) return proposal;
      }
    }
    for (const g of this.proposalForms) if (g.forms.some((f) => f === name && isName(f))) return g.name;
    for (const alias of p.aliases) {
      const hit = own.get(phraseNorm(alias));
      if (hit) return hit;
    }
    return p.name;
  }

  /** The gold proposal an extracted one denotes: the longest gold form found in (or containing) its names. */
  proposal(p: { name: string; aliases: string[] }): string {
    const mine = [p.name, ...p.aliases].map(phraseNorm);
    let best: { name: string; score: number } | null = null;
    for (const g of this.proposalForms) {
      for (const gf of g.forms) {
        for (const m of mine) {
          let score = 0;
          if (m.includes(gf)) score = gf.length;
          else if (gf.includes(m) && m.trim().split(' ').length >= 2) score = m.length;
          if (score && (!best || score > best.score)) best = { name: g.name, score };
        }
      }
    }
    return best?.name ?? p.name;
  }

  stancesOf(file: string): GoldStance[] {
    const a = this.gold.articles.find((x) => x.file === file);
    if (!a) return [];
    if (typeof a.stances === 'string') {
      const m = /same as\s+(\S+)/.exec(a.stances);
      return m ? this.stancesOf(m[1]) : [];
    }
    return a.stances;
  }
}

function cueMatches(gold: string[] | string, cue: string): boolean {
  const c = phraseNorm(cue);
  return (Array.isArray(gold) ? gold : [gold]).some((g) => {
    const n = phraseNorm(g);
    return c.includes(n) || n.includes(c);
  });
}

function conditionMatches(gold: string[], got: string[]): boolean {
  if (!gold.length || !got.length) return gold.length === got.length;
  const words = (s: string): Set<string> => new Set(phraseNorm(s).trim().split(' ').filter(Boolean));
  return gold.every((g) =>
    got.some((x) => {
      const a = words(g);
      const b = words(x);
      let inter = 0;
      for (const w of a) if (b.has(w)) inter++;
      return inter / (a.size + b.size - inter) >= 0.6 || phraseNorm(x).includes(phraseNorm(g));
    }),
  );
}

/** The gold's index, built once per gold object (rightStances is asked article by article). */
const INDEXES = new WeakMap<GoldFile, GoldIndex>();
function indexOf(gold: GoldFile): GoldIndex {
  let idx = INDEXES.get(gold);
  if (!idx) INDEXES.set(gold, (idx = new GoldIndex(gold)));
  return idx;
}

/** Whether each extracted stance of `file` is one of its gold stances (actor, proposal, position), as scoreArticles counts. */
export function rightStances(gold: GoldFile, file: string, stances: ScoredStance[]): boolean[] {
  const idx = indexOf(gold);
  const triple = (a: string, p: string, pos: string): string => `${a} | ${p} | ${pos}`;
  const goldSet = new Set(idx.stancesOf(file).map((g) => triple(g.actor, g.proposal, g.position)));
  return stances.map((s) =>
    goldSet.has(triple(idx.actor(s.actor) ?? s.actor, idx.proposalIn(s.proposal, file), s.position)),
  );
}

export function scoreArticles(gold: GoldFile, results: Array<{ file: string; stances: ScoredStance[] }>): ScoreReport {
  const idx = new GoldIndex(gold);
  const articles: ArticleScore[] = [];
  const total = { tp: 0, fp: 0, fn: 0 };
  const attr = { speaker: 0, cue: 0, conditions: 0, statedOn: 0, effectiveOn: 0, matched: 0 };
  const KEYS: PositionKey[] = ['SUPPORT', 'OPPOSE', 'NONCOMMITTAL', 'conditional'];
  const per = Object.fromEntries(KEYS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Record<PositionKey, Counts>;
  for (const r of results) {
    const goldStances = idx.stancesOf(r.file);
    const triple = (a: string, p: string, pos: string): string => `${a} | ${p} | ${pos}`;
    const mapped = r.stances.map((s) => ({
      s,
      t: triple(idx.actor(s.actor) ?? s.actor, idx.proposalIn(s.proposal, r.file), s.position),
      speaker: idx.actor(s.speaker),
    }));
    const gotSet = new Set(mapped.map((m) => m.t));
    const goldSet = new Set(goldStances.map((g) => triple(g.actor, g.proposal, g.position)));
    const tp = [...gotSet].filter((t) => goldSet.has(t)).length;
    const a = { speaker: 0, cue: 0, conditions: 0, statedOn: 0, effectiveOn: 0, matched: 0 };
    const publishedOn = gold.articles.find((x) => x.file === r.file)?.publishedOn ?? null;
    for (const g of goldStances) {
      const t = triple(g.actor, g.proposal, g.position);
      const cands = mapped.filter((m) => m.t === t);
      if (!cands.length) continue;
      const scoreOf = (m: (typeof mapped)[number]): [boolean, boolean, boolean, boolean, boolean] => [
        (m.speaker ?? null) === (g.speaker ? idx.actor(g.speaker) : null),
        cueMatches(g.cue, m.s.cue),
        conditionMatches(g.conditions, m.s.conditions),
        sameDay(m.s.statedOn ?? null, g.statedOn ?? null),
        sameDay(m.s.statedOn ?? publishedOn, g.statedOn ?? publishedOn),
      ];
      const best = cands.map(scoreOf).sort((x, y) => y.filter(Boolean).length - x.filter(Boolean).length)[0];
      a.matched++;
      if (best[0]) a.speaker++;
      if (best[1]) a.cue++;
      if (best[2]) a.conditions++;
      if (best[3]) a.statedOn++;
      if (best[4]) a.effectiveOn++;
    }
    const counts = { tp, fp: gotSet.size - tp, fn: goldSet.size - tp };
    // Per position: a triple's position is its last field; "conditional" when
    // the gold (for gold triples) or the extractor (for the others) gave conditions.
    const goldConditional = new Set(
      goldStances.filter((g) => g.conditions.length).map((g) => triple(g.actor, g.proposal, g.position)),
    );
    const gotConditional = new Set(mapped.filter((m) => m.s.conditions.length).map((m) => m.t));
    const positionOf = (t: string): GoldPosition => t.slice(t.lastIndexOf(' | ') + 3) as GoldPosition;
    for (const t of gotSet) {
      const hit = goldSet.has(t);
      const k = per[positionOf(t)];
      if (k) k[hit ? 'tp' : 'fp']++;
      if (hit ? goldConditional.has(t) : gotConditional.has(t)) per.conditional[hit ? 'tp' : 'fp']++;
    }
    for (const t of goldSet) {
      if (gotSet.has(t)) continue;
      const k = per[positionOf(t)];
      if (k) k.fn++;
      if (goldConditional.has(t)) per.conditional.fn++;
    }
    const precision = ratio(tp, gotSet.size);
    const recall = ratio(tp, goldSet.size);
    articles.push({
      file: r.file,
      ...counts,
      precision,
      recall,
      f1: f1(precision, recall),
      attributes: { ...a },
      missing: [...goldSet].filter((t) => !gotSet.has(t)),
      spurious: [...gotSet].filter((t) => !goldSet.has(t)),
    });
    total.tp += counts.tp;
    total.fp += counts.fp;
    total.fn += counts.fn;
    for (const k of ['speaker', 'cue', 'conditions', 'statedOn', 'effectiveOn', 'matched'] as const) attr[k] += a[k];
  }
  const precision = ratio(total.tp, total.tp + total.fp);
  const recall = ratio(total.tp, total.tp + total.fn);
  const figures = (c: Counts): PositionFigures => {
    const p = ratio(c.tp, c.tp + c.fp);
    const r = ratio(c.tp, c.tp + c.fn);
    return { ...c, precision: p, recall: r, f1: f1(p, r) };
  };
  const byPosition = Object.fromEntries(KEYS.map((k) => [k, figures(per[k])])) as Record<PositionKey, PositionFigures>;
  return {
    articles,
    overall: { ...total, precision, recall, f1: f1(precision, recall), attributes: attr },
    byPosition,
  };
}

/** Dates agree when both are missing, or within one day (a statement late on the 5th is reported on the 6th). */
function sameDay(got: string | null, gold: string | null): boolean {
  if (!got || !gold) return got === gold;
  if (got === gold) return true;
  const a = Date.parse(got);
  const b = Date.parse(gold);
  return (
    got.length === 10 && gold.length === 10 && Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) <= 86_400_000
  );
}

const pct = (x: number): string => x.toFixed(2);
const acc = (n: number, d: number): string => (d ? `${n}/${d}` : '-');

export function formatTable(report: ScoreReport): string {
  const head = ['article', 'TP', 'FP', 'FN', 'P', 'R', 'F1', 'speaker', 'cue', 'cond', 'statedOn', 'asOf'];
  const rows = report.articles.map((a) => [
    a.file,
    String(a.tp),
    String(a.fp),
    String(a.fn),
    pct(a.precision),
    pct(a.recall),
    pct(a.f1),
    acc(a.attributes.speaker, a.attributes.matched),
    acc(a.attributes.cue, a.attributes.matched),
    acc(a.attributes.conditions, a.attributes.matched),
    acc(a.attributes.statedOn, a.attributes.matched),
    acc(a.attributes.effectiveOn, a.attributes.matched),
  ]);
  const o = report.overall;
  rows.push([
    'OVERALL',
    String(o.tp),
    String(o.fp),
    String(o.fn),
    pct(o.precision),
    pct(o.recall),
    pct(o.f1),
    acc(o.attributes.speaker, o.attributes.matched),
    acc(o.attributes.cue, o.attributes.matched),
    acc(o.attributes.conditions, o.attributes.matched),
    acc(o.attributes.statedOn, o.attributes.matched),
    acc(o.attributes.effectiveOn, o.attributes.matched),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const out = [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
  out.push(
    '',
    'by position   TP   FP   FN     P     R    F1',
    ...Object.entries(report.byPosition).map(
      ([k, f]) =>
        `${k.padEnd(12)} ${String(f.tp).padStart(4)} ${String(f.fp).padStart(4)} ${String(f.fn).padStart(4)}  ${pct(f.precision)}  ${pct(f.recall)}  ${pct(f.f1)}`,
    ),
  );
  for (const a of report.articles) {
    for (const m of a.missing) out.push(`  missing  ${a.file}: ${m}`);
    for (const s of a.spurious) out.push(`  spurious ${a.file}: ${s}`);
  }
  return out.join('\n');
}

/** How the product linked each proposal mention the gold lists (the real corpus). */
export interface LinkScore {
  /** gold mentions in the articles scored */
  mentions: number;
  /** of them, found in the text */
  located: number;
  /** linked to the gold proposal (or to a new one the article names with one of its own wordings) */
  right: number;
  /** a product mention covers it, linked elsewhere */
  wrong: number;
  /** no product mention covers it */
  missed: number;
  /** mentions whose gold proposal is among the first five candidates offered (of those located, when offered) */
  inTop5: number;
  /** mentions whose gold proposal the graph did not hold yet: the analyst's right choice is "a new proposal" */
  notHeld: number;
  /** each gold mention not linked right: the file, its wording, the gold proposal, and the product's (null: none) */
  misses: Array<{ file: string; wording: string; proposal: string; got: string | null }>;
}

export interface LinkedResult {
  file: string;
  /** the text the mention offsets refer to */
  text: string;
  proposals: Array<{ name: string; aliases: string[]; mentions: Array<{ charStart: number; charEnd: number }> }>;
  /** the candidates an analyst would be offered for a wording (best first), when known */
  candidates?: (wording: string) => Array<{ name: string; aliases: string[] }>;
  /** every proposal the graph held when the article came in, its own included */
  held?: Array<{ name: string; aliases: string[] }>;
}

const straighten = (s: string): string => s.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');

/** Proposal linking on every gold mention: the product proposal whose mention covers it most, mapped by proposalIn. */
export function scoreLinks(gold: GoldFile, results: LinkedResult[]): LinkScore {
  const idx = new GoldIndex(gold);
  const out: LinkScore = { mentions: 0, located: 0, right: 0, wrong: 0, missed: 0, inTop5: 0, notHeld: 0, misses: [] };
  for (const r of results) {
    const article = gold.articles.find((a) => a.file === r.file);
    if (!article?.mentions?.length) continue;
    const text = straighten(r.text);
    let cursor = 0;
    for (const m of article.mentions) {
      out.mentions++;
      const wording = straighten(m.text);
      let at = text.indexOf(wording, cursor);
      if (at < 0) at = text.indexOf(wording);
      if (at < 0) continue;
      out.located++;
      cursor = at + wording.length;
      let best: LinkedResult['proposals'][number] | null = null;
      let bestOverlap = 0;
      for (const p of r.proposals) {
        for (const pm of p.mentions) {
          const overlap = Math.min(pm.charEnd, at + wording.length) - Math.max(pm.charStart, at);
          if (overlap > bestOverlap) {
            bestOverlap = overlap;
            best = p;
          }
        }
      }
      if (r.candidates) {
        const offered = r.candidates(m.text);
        if (offered.slice(0, 5).some((c) => idx.proposalIn(c, r.file) === m.proposal)) out.inTop5++;
        else if (!r.held?.some((c) => idx.proposalIn(c, r.file) === m.proposal)) out.notHeld++;
      }
      const miss = { file: r.file, wording: m.text, proposal: m.proposal };
      if (!best) {
        out.missed++;
        out.misses.push({ ...miss, got: null });
      } else if (idx.proposalIn(best, r.file) === m.proposal) out.right++;
      else {
        out.wrong++;
        out.misses.push({ ...miss, got: best.name });
      }
    }
  }
  return out;
}

export function formatLinks(l: LinkScore): string {
  const pctOf = (n: number): string => (l.located ? `${((100 * n) / l.located).toFixed(0)}%` : '-');
  return (
    `proposal links: ${l.right}/${l.located} mentions linked right (${pctOf(l.right)}), ${l.wrong} linked elsewhere, ` +
    `${l.missed} not found; ${l.mentions - l.located} gold mentions not located in the text; ` +
    `the right proposal among the first 5 candidates offered: ${l.inTop5}/${l.located} (${pctOf(l.inTop5)}), ` +
    `or not held yet ("new proposal" is the right choice): ${l.inTop5 + l.notHeld}/${l.located} (${pctOf(l.inTop5 + l.notHeld)})`
  );
}
