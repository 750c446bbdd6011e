import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { ActorsService } from '../src/actors/actors.service.js';
import { AppModule } from '../src/app.module.js';
import { runAs } from '../src/common/operation-context.js';
import type { Connection } from '../src/common/pagination/connection.js';
import { nameKey } from '../src/common/validation.js';
import {
  CONFIDENCE_MODEL,
  estimate,
  learnFromDecisions,
  parseTextFile,
  scoreArticles,
  slugify,
} from '../src/extraction/index.js';
import type {
  ConfidenceModel,
  ExtractionResult,
  GoldFile,
  LabelledReading,
  ScoredStance,
  ScoreReport,
} from '../src/extraction/index.js';
import type { StanceRow } from '../src/graph/stance.row.js';
import { ActorKind, Position, StanceStatus } from '../src/graph/vocabulary.js';
import { IngestRepository } from '../src/ingest/ingest.repository.js';
import { IngestService } from '../src/ingest/ingest.service.js';
import { CypherRegistry } from '../src/neo4j/cypher-registry.js';
import { Neo4jService } from '../src/neo4j/neo4j.service.js';
import { ProposalsService } from '../src/proposals/proposals.service.js';
import { ProposalMergeService } from '../src/recording/proposal-merge.service.js';
import { RecordingService } from '../src/recording/recording.service.js';
import { CueStatus } from '../src/review/models/review.models.js';
import { ReviewService } from '../src/review/review.service.js';
import { MarkKind } from '../src/stances/models/stance.model.js';
import { StancesService } from '../src/stances/stances.service.js';
import { listArticleFiles } from './files.js';
import { StderrLogger } from './stderr-logger.js';

/**
 * `npm run learning -- FOLDER GOLD [--known FOLDER] [--split NAME]`: does the
 * review desk's learning loop pay? The articles (of the split) in date order
 * are cut in two: A, the earlier half, which an analyst corrects from the
 * gold, and B, the later, read before and after those corrections. Reported
 * (stderr for people, one JSON line on stdout): B's P/R/F1 both ways, the
 * corrections by kind, how many changed a later reading (reach), the seeds'
 * F1 from an empty graph and after A's corrections (no correction may make
 * it fall), and how early the desk's queue shows the wrong stances. Every run
 * starts from an empty graph: npm runs it on a throwaway Neo4j, wiped between runs.
 */
const BY = 'learning-script';
const KINDS = 'confirm reject amend-proposal amend-position amend-actor add merge create-proposal create-actor';

type App = INestApplicationContext;
type Gold = GoldFile & { split?: Record<string, string[]> };
type GoldStance = Exclude<GoldFile['articles'][number]['stances'], string>[number];
type Triple = Pick<GoldStance, 'actor' | 'proposal'> & { position: string };
type Source = { file: string; input: Parameters<IngestService['ingest']>[0] };
type ExtractedStance = ExtractionResult['stances'][number];
type Ingested = { file: string; articleId: string; x: ExtractionResult; extractor: string };
/**
 * One correction; reject: the rule and cue; add: the cue; amend: the aliases
 * taught; merge, create: the node kept or made; reject, amend: the stance
 * decided (a labelled reading the confidence model learns from).
 */
type Correction = { kind: string; taught?: string[][] } & Partial<
  Record<'rule' | 'cue' | 'id' | 'from' | 'stance', string | null>
>;
/** A later article's stance as read before and after the corrections (one side absent: new, or gone). */
type Change = { file: string; before?: ExtractedStance; after?: ExtractedStance; x: ExtractionResult };

async function main(): Promise<void> {
  const started = Date.now();
  const took = () => `done at ${((Date.now() - started) / 1000).toFixed(0)} s`;
  const from = process.env.INIT_CWD ?? process.cwd();
  const args = process.argv.slice(2);
  const option = (name: string) => (args.includes(name) ? args.splice(args.indexOf(name), 2)[1] : undefined);
  const [known, split] = [option('--known'), option('--split')];
  if (args.length !== 2) throw new Error('usage: npm run learning -- FOLDER GOLD [--known FOLDER] [--split NAME]');
  const gold = readGold(resolve(from, args[1]));
  const chosen = split ? gold.split?.[split] : undefined;
  if (split && !chosen) throw new Error(`no split "${split}" in ${args[1]}`);
  const inGold = (f: string) => gold.articles.some((a) => a.file === f) && (!chosen || chosen.includes(f));
  const articles = sourcesOf(resolve(from, args[0]), gold, inGold).sort(
    (a, b) => (a.input.publishedOn ?? '').localeCompare(b.input.publishedOn ?? '') || a.file.localeCompare(b.file),
  );
  // Corrections of the past teach the future: A is the earlier half.
  const A = articles.slice(0, Math.floor(articles.length / 2));
  const B = articles.slice(A.length);
  const seedFolder = known ? resolve(from, known) : null;
  const seedGoldPath = seedFolder ? join(seedFolder, 'gold.json') : '';
  const seedGold = existsSync(seedGoldPath) ? readGold(seedGoldPath) : null;
  const seeds = seedFolder ? sourcesOf(seedFolder, seedGold, () => true) : [];
  const [to, since] = [A.at(-1)?.input.publishedOn, B[0]?.input.publishedOn];
  console.error(`A: ${A.length} articles up to ${to}; B: ${B.length} from ${since}`);
  process.env.STANCE_LOAD_DEMO = 'false';

  const before = await withApp(async (app) => {
    await requireEmpty(app, 'the learning loop is measured from an empty graph');
    const seedRuns = await ingestAll(app, seeds);
    const seedsEmpty = seedGold ? await score(app, seedGold, seedRuns) : null;
    const a = await ingestAll(app, A);
    const b = await ingestAll(app, B);
    const golds = [{ gold, runs: [...a, ...b] }, ...(seedGold ? [{ gold: seedGold, runs: seedRuns }] : [])];
    const queueB = await queueFigure(app, [{ gold, runs: b }]);
    return { seedsEmpty, b, score: await score(app, gold, b), queue: await queueFigure(app, golds), queueB };
  });
  console.error(`before (seeds, A, B): ${took()}`);
  const analyst = await withApp(async (app) => {
    await wipe(app);
    const seen = await ingestAll(app, seeds);
    const a = await ingestAll(app, A);
    return new Analyst(app, gold, [...seen, ...a]).correct(a);
  });
  // A service started afresh reads B: nothing it cached (the gazetteer, 5 s) predates the corrections.
  const after = await withApp(async (app) => {
    const decisions = await app.get(IngestRepository).decisions();
    const b = await ingestAll(app, B);
    return { b, decisions, score: await score(app, gold, b), queueB: await queueFigure(app, [{ gold, runs: b }]) };
  });
  console.error(`after (seeds, A, corrections, B): ${took()}`);
  let seedsAfter: ScoreReport | null = null;
  if (seedGold) {
    await withApp(async (app) => {
      await wipe(app);
      const a = await ingestAll(app, A);
      return new Analyst(app, gold, a).correct(a);
    });
    seedsAfter = await withApp(async (app) => score(app, seedGold, await ingestAll(app, seeds)));
    console.error(`seeds after A's corrections (A, corrections, seeds): ${took()}`);
  }

  const changes = before.b.flatMap((b, i) => changesIn(b, after.b[i]));
  const taught = analyst.corrections.filter((c) => c.kind !== 'confirm');
  const learned = learnedReach(taught, after.decisions, after.b);
  const byWords = new Set(taught.filter((c) => reaches(c, changes, analyst.accepted)));
  const reaching = taught.filter((c) => byWords.has(c) || learned.confidence.has(c));
  const count = (cs: Correction[]) =>
    Object.fromEntries(KINDS.split(' ').map((k) => [k, cs.filter((c) => c.kind === k).length]));
  const figures = ({ overall: { attributes: _, ...figures } }: ScoreReport) => figures;
  const summary = {
    articles: { a: A.length, b: B.length },
    extractor: [...new Set([...before.b, ...after.b].map((r) => r.extractor))].join(', '),
    before: figures(before.score),
    after: figures(after.score),
    seeds: { empty: before.seedsEmpty?.overall.f1 ?? null, afterCorrections: seedsAfter?.overall.f1 ?? null },
    corrections: { ...count(analyst.corrections), refused: analyst.refused, cuesAccepted: analyst.accepted.size },
    reach: {
      corrections: taught.length,
      reaching: reaching.length,
      byWordsRulesAndNodes: byWords.size,
      byTheModel: { confidence: learned.confidence.size, order: learned.order.size, decisions: learned.decisions },
    },
    queue: before.queue,
    queueOnB: { before: before.queueB, after: after.queueB },
    seconds: (Date.now() - started) / 1000,
  };
  explain(changes, taught, analyst.accepted);
  const f = (x: number | null) => (x === null ? '  -  ' : x.toFixed(3));
  const { queue: q, reach, before: b, after: a, queueOnB } = summary;
  const share = (x: typeof q) => `${x.wrongInFirstFifth} of ${x.wrong} (${(100 * x.share).toFixed(0)}%)`;
  const list = (counts: object) => Object.entries(counts).map(([k, n]) => `${k} ${n}`);
  const reached = list(count(reaching)).filter((k) => !k.endsWith(' 0'));
  console.error(
    [
      `\nread by: ${summary.extractor}`,
      `on B (${B.length} later articles)  before  after`,
      ...(['precision', 'recall', 'f1'] as const).map((k) => `  ${k.padEnd(24)} ${f(b[k])}   ${f(a[k])}`),
      `seeds F1: ${f(summary.seeds.empty)} from an empty graph, ${f(summary.seeds.afterCorrections)} after A's corrections`,
      `corrections on A (${A.length} articles): ${list(summary.corrections).join(', ')}`,
      `reach: ${reach.reaching} of ${reach.corrections} corrections (confirms aside) changed a reading of B ` +
        `(${changes.length} readings differ); by kind: ${reached.join(', ') || 'none'}`,
      `  through taught words, rule and cue counts, nodes: ${reach.byWordsRulesAndNodes}; through the refitted ` +
        `confidence model (left out, a reading of B's confidence differs by 0.01 or more): ${reach.byTheModel.confidence}, ` +
        `of which B's queue order differs: ${reach.byTheModel.order} (${reach.byTheModel.decisions} decisions learned from)`,
      `B's queue (B's stances only), wrong in its first fifth: ${share(queueOnB.before)} before, ${share(queueOnB.after)} after A's corrections`,
      `queue: ${q.wrong} wrong of ${q.length} stances; its first fifth shows ${q.wrongInFirstFifth} of them ` +
        `(${(100 * q.share).toFixed(0)}%; at best ${(100 * q.bestPossibleShare).toFixed(0)}%, by chance about 20%)`,
      `${summary.seconds.toFixed(0)} s in all`,
    ].join('\n'),
  );
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

/** For people: what the amendments taught, and each reading of B that changed with the corrections that explain it. */
function explain(changes: Change[], taught: Correction[], accepted: Set<string>): void {
  for (const c of taught)
    for (const [kind, id, alias] of c.taught ?? []) console.error(`  taught ${kind} ${id}: "${alias}"`);
  const show = (s?: ExtractedStance) =>
    s ? `${s.actorId} | ${s.proposalId} | ${s.position} ${s.confidence.toFixed(2)}` : '-';
  for (const ch of changes) {
    const s = (ch.after ?? ch.before)!;
    const why = [...new Set(taught.filter((c) => reaches(c, [ch], accepted)).map((c) => c.kind))].join(', ');
    // The extractor's feedback also weighs a rule's decisions over all its cues (not counted as reach).
    const ruleWide = taught.some((c) => c.kind === 'reject' && c.rule === s.rule) ? 'rejections of its rule' : '?';
    console.error(`  ${ch.file}: ${show(ch.before)} -> ${show(ch.after)} ("${s.cue}"): ${why || ruleWide}`);
  }
}

/**
 * An analyst at the review desk with the gold at hand: each stance of an
 * article confirmed, amended in one field, or rejected; what the extractor
 * missed recorded; proposals told twice merged; the cues analysts gave
 * accepted. All through the services the desk's resolvers call.
 */
class Analyst {
  readonly corrections: Correction[] = [];
  readonly accepted = new Set<string>();
  refused = 0;
  private readonly age = new Map<string, number>();

  constructor(
    private readonly app: App,
    private readonly gold: Gold,
    seen: Ingested[],
  ) {
    // "The older" of two proposals: the one an earlier article brought.
    seen.forEach((r, i) => r.x.proposals.forEach((p) => this.age.has(p.id) || this.age.set(p.id, i)));
  }

  async correct(runs: Ingested[]): Promise<this> {
    for (const r of runs) await this.correctArticle(r);
    await this.mergeDuplicates(runs.map((r) => r.file));
    const review = this.app.get(ReviewService);
    for (;;) {
      const page = await review.cueCandidates(CueStatus.CANDIDATE, 100); // an accepted cue leaves the list
      for (const c of page) await review.decideCue(c.words, c.position, true, BY);
      page.forEach((c) => this.accepted.add(nameKey(c.words)));
      if (page.length < 100) return this;
    }
  }

  private async correctArticle(r: Ingested): Promise<void> {
    const golds = goldStancesOf(this.gold, r.file);
    const rows = await this.app.get(StancesService).byArticles([r.articleId]);
    const names = await named(this.app, rows);
    const covered = new Set<GoldStance>();
    const open: Array<{ row: StanceRow; t: Triple }> = [];
    for (const [i, row] of rows.entries()) {
      const t = readAs(this.gold, r.file, names[i]);
      const g = golds.find((x) => same(x, t));
      if (row.status !== StanceStatus.PROPOSED) {
        if (g && row.status === StanceStatus.CONFIRMED) covered.add(g); // decided on an earlier article
      } else if (!g) open.push({ row, t });
      else if (await this.act({ kind: 'confirm' }, () => this.decide(row.id, StanceStatus.CONFIRMED))) covered.add(g);
    }
    const evidence = await this.app.get(StancesService).evidence(open.map((o) => o.row.id));
    for (const { row, t } of open) {
      const said = evidence.filter((e) => e.stanceId === row.id && e.articleId === r.articleId).map((e) => e.quote);
      const missing = golds.filter((g) => !covered.has(g));
      const fix = amendmentFor(t, this.statedIn(said, missing));
      const reject = () => this.decide(row.id, StanceStatus.REJECTED);
      if (!fix) await this.act({ kind: 'reject', rule: row.rule, cue: row.cue, stance: row.id }, reject);
      else if (await this.act({ kind: fix.kind, stance: row.id }, () => this.amend(r.file, row, fix.kind, fix.g)))
        covered.add(fix.g);
    }
    for (const g of golds.filter((x) => !covered.has(x))) await this.act({ kind: 'add' }, () => this.add(r, g));
  }

  /**
   * The gold statements a stance's own sentences make (one of their cues is
   * there), those whose proposal the sentences name first: an analyst never
   * amends a stance into a statement made elsewhere.
   */
  private statedIn(said: string[], golds: GoldStance[]): GoldStance[] {
    const has = (words: string) => said.some((q) => flat(q).includes(flat(words)));
    const forms = (name: string) => [name, ...(this.gold.proposals.find((p) => p.name === name)?.aliases ?? [])];
    const named = (g: GoldStance) => (forms(g.proposal).some(has) ? 0 : 1);
    return golds.filter((g) => cuesOf(g).some(has)).sort((a, b) => named(a) - named(b));
  }

  private async decide(id: string, status: StanceStatus): Promise<void> {
    await this.app.get(RecordingService).setStatus(id, status, BY);
  }

  private async amend(file: string, row: StanceRow, kind: string, g: GoldStance): Promise<Partial<Correction>> {
    const change =
      kind === 'amend-proposal'
        ? { proposalId: await this.proposalFor(file, g.proposal) }
        : kind === 'amend-actor'
          ? { actorId: await this.actorFor(file, g.actor) }
          : { position: g.position as Position };
    const review = this.app.get(ReviewService);
    const to = await review.amend(row.id, change, BY, null);
    // each taught alias as "proposal inter-korean-dialogue: military talks between the Koreas"
    const taught = (await review.amendmentsOf([to.id])).get(to.id)?.at(-1)?.taught ?? [];
    const parts = taught.map((t) => /^(\S+) (\S+): (.*)$/s.exec(t)?.slice(1));
    return { taught: parts.filter((p) => p !== undefined) };
  }

  /** What the extractor missed, recorded with the sentence that holds the gold's (first) cue as evidence. */
  private async add(r: Ingested, g: GoldStance): Promise<Partial<Correction>> {
    const cues = cuesOf(g);
    const quote = cues.map((c) => sentenceWith(r.x.text, c)).find(Boolean);
    // the analyst marks, in the sentence, the words that name the proposal and the holder (the gold's wordings)
    const proposal = this.gold.proposals.find((p) => p.name === g.proposal);
    const actor = this.gold.actors.find((a) => a.name === g.actor);
    const marks = quote
      ? [
          markOf(quote, MarkKind.PROPOSAL, proposal ? [proposal.name, ...(proposal.aliases ?? [])] : [g.proposal]),
          markOf(quote, MarkKind.HOLDER, actor ? [actor.name, ...(actor.aliases ?? [])] : [g.actor]),
        ].filter((m) => m !== null)
      : [];
    const { taught } = await this.app.get(RecordingService).recordAndTeach({
      actorId: await this.actorFor(r.file, g.actor),
      proposalId: await this.proposalFor(r.file, g.proposal),
      position: g.position as Position,
      cue: cues[0],
      conditions: g.conditions,
      // The desk takes a day or a month; a year alone ("2022") is left to the article's date.
      statedOn: /^\d{4}-\d\d(-\d\d)?$/.test(g.statedOn ?? '') ? g.statedOn : null,
      evidence: quote ? [{ ...quote, marks, article: { id: r.articleId } }] : [],
    });
    const parts = taught.map((t) => /^(\S+) (\S+): (.*)$/s.exec(t)?.slice(1));
    return { cue: cues[0], taught: parts.filter((p) => p !== undefined) };
  }

  /** The graph's proposal the scorer reads as the gold one in this article (the gold's name first), else a new one. */
  private async proposalFor(file: string, name: string): Promise<string> {
    const all = await everything((after) => this.app.get(ProposalsService).page(100, after));
    const hits = all.filter((p) => p.id === slugify(name) || readAs(this.gold, file, probe('', p)).proposal === name);
    if (hits.length) return this.oldest(hits, name).id;
    const made = await this.app.get(ProposalsService).upsert({ name });
    this.corrections.push({ kind: 'create-proposal', id: made.id });
    return made.id;
  }

  private async actorFor(file: string, name: string): Promise<string> {
    const all = await everything((after) => this.app.get(ActorsService).page(100, after, null));
    const is = (words: string) => readAs(this.gold, file, probe(words, { name: '', aliases: [] })).actor === name;
    const hit = all.find((a) => is(a.name)) ?? all.find((a) => a.aliases.some(is));
    if (hit) return hit.id;
    const made = await this.app.get(ActorsService).upsert({ name, kind: kindOf(this.gold, name) });
    this.corrections.push({ kind: 'create-actor', id: made.id });
    return made.id;
  }

  /** Graph proposals the scorer reads as one gold proposal (in an article whose gold has it) become one. */
  private async mergeDuplicates(files: string[]): Promise<void> {
    const all = await everything((after) => this.app.get(ProposalsService).page(100, after));
    const byGold = new Map<string, Set<(typeof all)[number]>>();
    for (const file of files) {
      const wanted = new Set(goldStancesOf(this.gold, file).map((g) => g.proposal));
      for (const p of all) {
        const g = readAs(this.gold, file, probe('', p)).proposal;
        if (wanted.has(g)) byGold.set(g, (byGold.get(g) ?? new Set()).add(p));
      }
    }
    const gone = new Set<string>();
    for (const [name, found] of byGold) {
      const left = [...found].filter((p) => !gone.has(p.id));
      const keep = this.oldest(left, name);
      for (const p of left.filter((x) => x !== keep)) {
        gone.add(p.id);
        const merge = () => this.app.get(ProposalMergeService).merge(keep.id, p.id);
        await this.act({ kind: 'merge', id: keep.id, from: p.id }, merge);
      }
    }
  }

  /** The proposal with the gold's name, else the one an earlier article brought. */
  private oldest<T extends { id: string; name: string }>(ps: T[], name: string): T {
    const rank = (p: T) => (nameKey(p.name) === nameKey(name) ? -1 : (this.age.get(p.id) ?? Infinity));
    return [...ps].sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id))[0];
  }

  /** One correction: counted when it went through; logged, not fatal, when the service refused it. */
  private async act(c: Correction, work: () => Promise<Partial<Correction> | string | void>): Promise<boolean> {
    try {
      const more = await work();
      this.corrections.push(typeof more === 'object' ? { ...c, ...more } : c);
      return true;
    } catch (error) {
      this.refused += 1;
      console.error(`  ${c.kind} refused: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }
}

/** The one field to change to make a wrong stance one of the gold's still missing, or null: reject it. */
function amendmentFor(t: Triple, left: GoldStance[]): { kind: string; g: GoldStance } | null {
  const rules: Array<[string, (g: GoldStance) => boolean]> = [
    ['amend-proposal', (g) => g.actor === t.actor && g.position === t.position],
    ['amend-position', (g) => g.actor === t.actor && g.proposal === t.proposal],
    ['amend-actor', (g) => g.proposal === t.proposal && g.position === t.position],
  ];
  for (const [kind, fits] of rules) {
    const g = left.find(fits);
    if (g) return { kind, g };
  }
  return null;
}

/**
 * How scoreArticles reads a stance in an article: the gold's names for its
 * actor and proposal where it recognises them. Asked of the scorer itself, a
 * stance at a time, so the analyst and the figures judge alike (the
 * extraction library exports the scorer, not its helpers).
 */
function readAs(gold: Gold, file: string, s: ScoredStance): Triple {
  const [r] = scoreArticles(gold, [{ file, stances: [s] }]).articles;
  if (r.tp === 1) return goldStancesOf(gold, file).find((g) => !r.missing.includes(keyOf(g)))!;
  const parts = r.spurious[0].split(' | ');
  const [proposal, position] = parts.splice(-2);
  return { actor: parts.join(' | '), proposal, position };
}

/** A stance no gold one matches (no such position): asks the scorer what an actor's or a proposal's names denote. */
function probe(actor: string, proposal: { name: string; aliases: string[] }): ScoredStance {
  return { actor, proposal, position: '-', speaker: null, cue: '', conditions: [], statedOn: null };
}

const keyOf = (t: Triple): string => `${t.actor} | ${t.proposal} | ${t.position}`;
const same = (g: Triple, t: Triple): boolean => keyOf(g) === keyOf(t);
const cuesOf = (g: GoldStance): string[] => (Array.isArray(g.cue) ? g.cue : [g.cue]).filter((c) => c.trim());
/** Case and curly quotes aside. */
const flat = (s: string) => s.replace(/[\u2018-\u201d]/g, (q) => (q < '\u201c' ? "'" : '"')).toLowerCase();

function goldStancesOf(gold: GoldFile, file: string, depth = 0): GoldStance[] {
  const stances = gold.articles.find((x) => x.file === file)?.stances ?? [];
  if (typeof stances !== 'string') return stances;
  const m = /same as\s+(\S+)/.exec(stances);
  return m && depth < 5 ? goldStancesOf(gold, m[1], depth + 1) : [];
}

function kindOf(gold: GoldFile, name: string): ActorKind {
  const kind = (gold.actors.find((a) => a.name === name) as { kind?: string } | undefined)?.kind;
  if (kind === ActorKind.PERSON || kind === ActorKind.STATE) return kind;
  return kind ? ActorKind.ORGANIZATION : ActorKind.STATE; // GROUP, PARTY: organisations to the graph
}

/** Where the longest of the wordings is written in the quote, as a mark of the given kind (case and curly quotes aside). */
function markOf(
  quote: { quote: string; charStart: number },
  kind: MarkKind,
  wordings: string[],
): { kind: MarkKind; charStart: number; charEnd: number } | null {
  const text = flat(quote.quote);
  for (const w of [...wordings].sort((a, b) => b.length - a.length)) {
    const at = w.trim() ? text.indexOf(flat(w.trim())) : -1;
    if (at >= 0) return { kind, charStart: quote.charStart + at, charEnd: quote.charStart + at + w.trim().length };
  }
  return null;
}

/** The sentence that holds the words (case and curly quotes aside), with its offsets in the text. */
function sentenceWith(text: string, words: string): { quote: string; charStart: number; charEnd: number } | null {
  const at = flat(text).indexOf(flat(words.trim()));
  if (at < 0) return null;
  let [charStart, charEnd] = [0, text.length];
  for (const m of text.matchAll(/[.!?]["'\u201d\u2019)]*(?=\s)|\n/g)) {
    if (m.index + m[0].length <= at) charStart = m.index + m[0].length;
    else if (m.index >= at + words.length) {
      charEnd = m[0] === '\n' ? m.index : m.index + m[0].length;
      break;
    }
  }
  while (/\s/.test(text[charStart] ?? '')) charStart++;
  [charStart, charEnd] = [Math.max(charStart, at - 900), Math.min(charEnd, at + words.length + 900)];
  return { quote: text.slice(charStart, charEnd), charStart, charEnd };
}

/** How one later article's reading differs: stances new, gone, moved (holder, proposal, position) or less sure. */
function changesIn(before: Ingested, after: Ingested): Change[] {
  const key = (s: ExtractedStance) => `${s.rule}|${s.cue.toLowerCase()}|${s.evidence[0]?.charStart}`;
  const pool = new Map<string, ExtractedStance[]>();
  for (const s of before.x.stances) pool.set(key(s), [...(pool.get(key(s)) ?? []), s]);
  const out: Change[] = [];
  for (const s of after.x.stances) {
    const olds = pool.get(key(s)) ?? [];
    const alike = olds.findIndex((o) => o.proposalId === s.proposalId && o.actorId === s.actorId);
    const [old] = olds.splice(Math.max(0, alike), 1);
    const moved = old && (old.proposalId !== s.proposalId || old.actorId !== s.actorId || old.position !== s.position);
    if (!old || moved || old.confidence !== s.confidence)
      out.push({ file: after.file, before: old, after: s, x: after.x });
  }
  for (const olds of pool.values()) out.push(...olds.map((s) => ({ file: after.file, before: s, x: after.x })));
  return out;
}

/**
 * Whether a correction explains one of the differences: an amendment when
 * the article's words for the stance's new proposal (or holder) contain an
 * alias it taught; a rejection when a stance of its rule and cue changed
 * confidence (or went); an add when its cue, accepted, made a new stance; a
 * merge or a creation when a stance moved onto the node kept or made (or,
 * for a merge, off the node merged away).
 */
function reaches(c: Correction, changes: Change[], accepted: Set<string>): boolean {
  const now = changes.filter((ch) => ch.after);
  const onto = (field: 'proposalId' | 'actorId') =>
    now.some((ch) => ch.after![field] === c.id && ch.before?.[field] !== c.id);
  const cue = nameKey(c.cue ?? '');
  switch (c.kind) {
    case 'reject':
      return changes.some(
        ({ before: b, after: a }) => b && b.rule === c.rule && nameKey(b.cue) === cue && a?.confidence !== b.confidence,
      );
    case 'add':
      return (
        (accepted.has(cue) && now.some((ch) => !ch.before && nameKey(ch.after!.cue) === cue)) || taughtReaches(c, now)
      );
    case 'merge':
      return (
        onto('proposalId') ||
        changes.some(({ before: b, after: a }) => b?.proposalId === c.from && a?.proposalId !== c.from)
      );
    case 'create-proposal':
      return onto('proposalId');
    case 'create-actor':
      return onto('actorId');
    default:
      return taughtReaches(c, now);
  }
}

/**
 * Which corrections reach B through the confidence model refitted with the
 * desk's decisions: leave-one-out, the model refitted without the reading a
 * correction decided (a rejection or an amendment) against the model with
 * all of them, on the features of every reading of B. Counted when some
 * reading's estimate differs by at least 0.01 (the confidence the desk
 * shows), and apart when the order of B's readings by it differs (what the
 * queue shows).
 */
function learnedReach(taught: Correction[], decisions: Array<LabelledReading & { id: string }>, runs: Ingested[]) {
  const xs = runs.flatMap((r) => r.x.stances.flatMap((s) => (s.features ? [s.features] : [])));
  const all = learnFromDecisions(CONFIDENCE_MODEL, decisions);
  const round = (v: number) => Math.round(v * 100);
  const order = (m: ConfidenceModel) =>
    xs
      .map((x, i) => [round(estimate(m, x)), i])
      .sort((u, v) => u[0] - v[0] || u[1] - v[1])
      .map(([, i]) => i)
      .join(' ');
  const [estimates, ordered] = [xs.map((x) => round(estimate(all, x))), order(all)];
  const confidence = new Set<Correction>();
  const moved = new Set<Correction>();
  for (const c of taught) {
    if (!c.stance || !decisions.some((d) => d.id === c.stance)) continue;
    const without = learnFromDecisions(
      CONFIDENCE_MODEL,
      decisions.filter((d) => d.id !== c.stance),
    );
    if (xs.some((x, i) => round(estimate(without, x)) !== estimates[i])) confidence.add(c);
    if (order(without) !== ordered) moved.add(c);
  }
  return { confidence, order: moved, decisions: decisions.length };
}

/** Whether a later reading is on a node an alias was taught to, by the article's words holding that alias. */
function taughtReaches(c: Correction, now: Change[]): boolean {
  return (c.taught ?? []).some(([kind, id, alias]) =>
    now.some((ch) => wordsOf(ch, kind, id).some((w) => w.includes(nameKey(alias)))),
  );
}

/** The article's words for a stance's proposal (its mentions) or holder (its marks), when the stance is on that node. */
function wordsOf(ch: Change, kind: string, id: string): string[] {
  const s = ch.after!;
  const slice = (m: { charStart: number; charEnd: number }) => nameKey(ch.x.text.slice(m.charStart, m.charEnd));
  if (kind === 'proposal' && s.proposalId === id)
    return (ch.x.proposals.find((p) => p.id === id)?.mentions ?? []).map(slice);
  if (kind === 'actor' && (s.actorId === id || s.speakerId === id))
    return s.marks.filter((m) => m.kind === 'holder' || m.kind === 'speaker').map(slice);
  return [];
}

/**
 * The desk's queue in its order, each stance right or wrong by the gold of
 * its articles (stances of articles without gold left out): how many of the
 * wrong ones its first fifth shows, against the most it could.
 */
async function queueFigure(app: App, golds: Array<{ gold: Gold; runs: Ingested[] }>) {
  const queued = await everything((after) => app.get(ReviewService).queue(null, 100, after, false));
  const evidence = await app.get(StancesService).evidence(queued.map((s) => s.id));
  const places = golds.flatMap(({ gold, runs }) => runs.map((r) => [r.articleId, { gold, file: r.file }] as const));
  const where = new Map(places);
  const names = await named(app, queued);
  const labels = queued.flatMap((s, i) => {
    const own = evidence.filter((e) => e.stanceId === s.id && where.has(e.articleId));
    const right = ({ gold, file }: { gold: Gold; file: string }) =>
      goldStancesOf(gold, file).some((g) => same(g, readAs(gold, file, names[i])));
    return own.length ? [own.some((e) => right(where.get(e.articleId)!))] : [];
  });
  const wrong = labels.filter((right) => !right).length;
  const fifth = Math.ceil(0.2 * labels.length);
  const wrongInFirstFifth = labels.slice(0, fifth).filter((right) => !right).length;
  const [share, bestPossibleShare] = wrong ? [wrongInFirstFifth / wrong, Math.min(1, fifth / wrong)] : [1, 1];
  return { length: labels.length, wrong, wrongInFirstFifth, share, bestPossibleShare };
}

async function withApp<T>(work: (app: App) => Promise<T>): Promise<T> {
  const options = { logger: new StderrLogger(), abortOnError: false };
  const app = await NestFactory.createApplicationContext(AppModule, options);
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

async function requireEmpty(app: App, why: string): Promise<void> {
  const count = app.get(CypherRegistry).get('quality/count-nodes');
  const [{ nodes }] = await app.get(Neo4jService).read<{ nodes: number }>(count);
  if (nodes > 0) throw new Error(`the database at ${process.env.NEO4J_URI} holds ${nodes} nodes: ${why}`);
}

/** Empties the graph this command filled, for the next run to start from nothing. */
async function wipe(app: App): Promise<void> {
  // CALL … IN TRANSACTIONS runs only in an auto-commit transaction.
  await app.get(Neo4jService).runAutoCommit(app.get(CypherRegistry).get('learning/wipe'), {}, 600_000);
  await requireEmpty(app, 'the wipe left them');
}

async function ingestAll(app: App, sources: Source[]): Promise<Ingested[]> {
  const out: Ingested[] = [];
  for (const { file, input } of sources) {
    const o = await app.get(IngestService).ingest(input);
    out.push({ file, articleId: o.article.id, x: o.extraction, extractor: o.extractor });
  }
  return out;
}

/** The live stances each article backs, scored against the gold as cli/quality.ts scores them. */
async function score(app: App, gold: Gold, runs: Ingested[]): Promise<ScoreReport> {
  const results = [];
  for (const r of runs) {
    const rows = await app.get(StancesService).byArticles([r.articleId]);
    const live = rows.filter((s) => s.status === StanceStatus.PROPOSED || s.status === StanceStatus.CONFIRMED);
    results.push({ file: r.file, stances: await named(app, live) });
  }
  return scoreArticles(gold, results);
}

/** Stances in the scorer's vocabulary (names, not ids), in the order given. */
async function named(app: App, rows: StanceRow[]): Promise<ScoredStance[]> {
  const [actors, proposals] = await Promise.all([
    app.get(ActorsService).findByIds([...new Set(rows.flatMap((s) => [s.actorId, s.speakerId ?? s.actorId]))]),
    app.get(ProposalsService).findByIds([...new Set(rows.map((s) => s.proposalId))]),
  ]);
  const actor = new Map(actors.map((a) => [a.id, a.name]));
  const proposal = new Map(proposals.map((p) => [p.id, p]));
  return rows.map((s) => ({
    actor: actor.get(s.actorId) ?? s.actorId,
    proposal: {
      name: proposal.get(s.proposalId)?.name ?? s.proposalId,
      aliases: proposal.get(s.proposalId)?.aliases ?? [],
    },
    position: s.position,
    speaker: s.speakerId ? (actor.get(s.speakerId) ?? s.speakerId) : null,
    cue: s.cue ?? '',
    conditions: s.conditions,
    statedOn: s.statedOn,
  }));
}

async function everything<T>(page: (after: string | null) => Promise<Connection<T>>): Promise<T[]> {
  const out: T[] = [];
  for (let after: string | null = null; ;) {
    const c = await page(after);
    out.push(...c.nodes);
    if (!c.pageInfo.hasNextPage) return out;
    after = c.pageInfo.endCursor;
  }
}

/** The article files of a folder that `wanted` names, read as cli/quality.ts reads them (the gold's date when the header has none). */
function sourcesOf(folder: string, gold: Gold | null, wanted: (file: string) => boolean): Source[] {
  if (!existsSync(folder)) throw new Error(`no folder ${folder}`);
  return listArticleFiles([folder])
    .filter((f) => !/^readme/i.test(basename(f)) && wanted(basename(f)))
    .map((f) => {
      const { metadata, text } = parseTextFile(readFileSync(f, 'utf8'));
      const given = gold?.articles.find((a) => a.file === basename(f))?.publishedOn ?? null;
      return { file: basename(f), input: { text, ...metadata, publishedOn: metadata.publishedOn ?? given } };
    });
}

function readGold(path: string): Gold {
  if (!existsSync(path)) throw new Error(`no gold file at ${path}`);
  return JSON.parse(readFileSync(path, 'utf8')) as Gold;
}

runAs('cli learning', main).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
