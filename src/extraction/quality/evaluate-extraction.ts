/**
 * Run the extractor over a folder of article files in name order, the way
 * the graph would see them (each result's actors and proposals become known
 * entities for the next file), and score the stances against a gold file.
 * No database: the extractor alone (cli/extraction-quality.ts runs it as a
 * command; `npm run quality` measures the whole pipeline through the graph).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle } from '../pipeline/extract.js';
import { parseTextFile } from '../pipeline/metadata.js';
import { proposalCandidates } from '../pipeline/proposals.js';
import type { ParsedDocument } from '../pipeline/parse.js';
import type { ConfidenceModel } from '../pipeline/confidence.js';
import type { ExtractionResult, KnownActor, KnownProposal } from '../pipeline/types.js';
import {
  rightStances,
  scoreArticles,
  scoreLinks,
  type GoldFile,
  type LinkScore,
  type ScoreReport,
  type ScoredStance,
} from './score.js';

export interface EvaluateOptions {
  /** publication date per file; a key present with null means "not given" (the text's own header decides) */
  publishedOn?: Record<string, string | null>;
  /** only these files (by name), e.g. one half of a corpus; all .txt files when absent */
  files?: string[];
  /** the parse of each file's body (articleBody), by file name, when a parser ran */
  parses?: Map<string, ParsedDocument>;
  /** what the graph knows before the first file (e.g. the seeds' results); updated as files are read */
  known?: { actors: KnownActor[]; proposals: KnownProposal[] };
  /** the confidence model (null: the rules' own confidences, what a model is fitted on); the extractor's by default */
  model?: ConfidenceModel | null;
}

export interface Evaluation {
  report: ScoreReport;
  /** proposal linking on the gold's mentions (articles whose gold lists them) */
  links: LinkScore;
  results: Array<{
    file: string;
    result: ExtractionResult;
    /** the proposals an analyst would be offered for a wording in this article, best first */
    candidates: (wording: string) => Array<{ name: string; aliases: string[] }>;
    /** the proposals the graph held when the article came in, its own included */
    held: Array<{ name: string; aliases: string[] }>;
  }>;
}

/** The scorer's view of an extraction result: names instead of ids. */
export function toScored(result: ExtractionResult): ScoredStance[] {
  const actorName = (id: string | null): string | null =>
    id ? (result.actors.find((a) => a.id === id)?.name ?? id) : null;
  return result.stances.map((s) => {
    const p = result.proposals.find((x) => x.id === s.proposalId);
    return {
      actor: actorName(s.actorId) ?? s.actorId,
      proposal: { name: p?.name ?? s.proposalId, aliases: p?.aliases ?? [] },
      position: s.position,
      speaker: actorName(s.speakerId),
      cue: s.cue,
      conditions: s.conditions,
      statedOn: s.statedOn,
    };
  });
}

/** Why a gold stance was missed: its proposal or actor never read, both read but no stance, or another position. */
export type MissCause = 'no proposal' | 'no actor' | 'neither' | 'no stance' | 'position';

/**
 * The causes of the gold stances of one article that the reading missed: each
 * scored alone (a gold file holding that stance only), so that "the proposal
 * was found" means some proposal of the reading is the gold one as the scorer
 * counts it (by name or by one of the article's own wordings).
 */
export function missCauses(gold: GoldFile, file: string, result: ExtractionResult): MissCause[] {
  const article = gold.articles.find((a) => a.file === file);
  if (!article || !Array.isArray(article.stances)) return [];
  const got = toScored(result);
  const out: MissCause[] = [];
  for (const g of article.stances) {
    const alone: GoldFile = {
      ...gold,
      articles: gold.articles.map((a) => (a === article ? { ...a, stances: [g] } : a)),
    };
    const right = (stances: ScoredStance[]): boolean => rightStances(alone, file, stances)[0];
    const as = (actor: string, proposal: ScoredStance['proposal']): ScoredStance => ({
      actor,
      proposal,
      position: g.position,
      speaker: null,
      cue: '',
      conditions: [],
      statedOn: null,
    });
    if (got.some((st) => right([st]))) continue;
    const proposal = result.proposals.some((p) => right([as(g.actor, { name: p.name, aliases: p.aliases })]));
    const actor = result.actors.some((a) => right([as(a.name, { name: g.proposal, aliases: [] })]));
    if (!proposal) out.push(actor ? 'no proposal' : 'neither');
    else if (!actor) out.push('no actor');
    else out.push(got.some((st) => right([{ ...st, position: g.position }])) ? 'position' : 'no stance');
  }
  return out;
}

/** Fold one result's entities into what the graph knows, keeping ids and adding aliases. */
export function learn(known: { actors: KnownActor[]; proposals: KnownProposal[] }, r: ExtractionResult): void {
  for (const a of r.actors) {
    const k = known.actors.find((x) => x.id === a.id);
    if (k) {
      for (const al of a.aliases) if (!k.aliases.includes(al)) k.aliases.push(al);
      if (!k.representsId && a.representsId) k.representsId = a.representsId;
    } else
      known.actors.push({
        id: a.id,
        name: a.name,
        kind: a.kind,
        aliases: [...a.aliases],
        representsId: a.representsId,
        role: a.role,
      });
  }
  for (const p of r.proposals) {
    const k = known.proposals.find((x) => x.id === p.id);
    if (k) {
      for (const al of p.aliases) if (!k.aliases.includes(al)) k.aliases.push(al);
    } else
      known.proposals.push({
        id: p.id,
        name: p.name,
        aliases: [...p.aliases],
        introducedOn: p.proposedOn ?? r.metadata.publishedOn ?? null,
      });
  }
}

export function evaluateFolder(folder: string, goldPath: string, options: EvaluateOptions = {}): Evaluation {
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as GoldFile;
  const files = readdirSync(folder)
    .filter((f) => f.endsWith('.txt') && (!options.files || options.files.includes(f)))
    .sort();
  const known = options.known ?? { actors: [] as KnownActor[], proposals: [] as KnownProposal[] };
  const results: Evaluation['results'] = [];
  for (const file of files) {
    const parsed = parseTextFile(readFileSync(join(folder, file), 'utf8'));
    const given =
      options.publishedOn && file in options.publishedOn
        ? options.publishedOn[file]
        : (gold.articles.find((a) => a.file === file)?.publishedOn ?? parsed.metadata.publishedOn ?? null);
    // a fresh copy per call: the extractor caches indexes by array identity
    const snapshot = {
      actors: known.actors.map((a) => ({ ...a, aliases: [...a.aliases] })),
      proposals: known.proposals.map((p) => ({ ...p, aliases: [...p.aliases] })),
    };
    const parse = options.parses?.get(file) ?? null;
    const input = { ...parsed.metadata, text: parsed.text, publishedOn: given, parse };
    const result =
      options.model === undefined ? extractArticle(input, snapshot) : extractArticle(input, snapshot, options.model);
    // what an analyst linking a mention of this article would be offered: the graph's proposals, this article's among them
    const graph = [
      ...snapshot.proposals.filter((p) => !result.proposals.some((q) => q.id === p.id)),
      ...result.proposals,
    ];
    const inArticle = result.proposals.map((p) => p.id);
    const byId = new Map(graph.map((p) => [p.id, p]));
    const candidates = (wording: string) =>
      proposalCandidates(wording, graph, snapshot.actors, { inArticle }).map((c) => byId.get(c.id)!);
    results.push({ file, result, candidates, held: graph });
    learn(known, result);
  }
  const scored = results
    .filter((r) => gold.articles.some((a) => a.file === r.file))
    .map((r) => ({ file: r.file, stances: toScored(r.result) }));
  const linked = results.map((r) => ({
    file: r.file,
    text: r.result.text,
    proposals: r.result.proposals,
    candidates: r.candidates,
    held: r.held,
  }));
  return { report: scoreArticles(gold, scored), links: scoreLinks(gold, linked), results };
}
