import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { AppModule } from '../src/app.module.js';
import { PROJECT_ROOT } from '../src/common/project-root.js';
import { ActorsService } from '../src/actors/actors.service.js';
import {
  formatLinks,
  formatTable,
  parseTextFile,
  scoreArticles,
  scoreLinks,
  type GoldFile,
  type LinkedResult,
  type ScoredStance,
} from '../src/extraction/index.js';
import { IngestService } from '../src/ingest/ingest.service.js';
import { CypherRegistry } from '../src/neo4j/cypher-registry.js';
import { Neo4jService } from '../src/neo4j/neo4j.service.js';
import { ProposalsService } from '../src/proposals/proposals.service.js';
import { StancesService } from '../src/stances/stances.service.js';
import { listArticleFiles } from './files.js';
import { StderrLogger } from './stderr-logger.js';
import { runAs } from '../src/common/operation-context.js';
import { nameKey } from '../src/common/validation.js';

/**
 * `npm run quality -- [folder] [gold.json] [--known FOLDER] [--split NAME] [--misses]`:
 * --known ingests another folder first, unscored (the seeds, as a new user's
 * graph holds them); --split scores only that split of the gold file;
 * --misses lists each gold proposal mention not linked right.
 * Ingests a folder of articles
 * into an EMPTY database (the npm script starts a throwaway Neo4j for it)
 * through the real pipeline and writes, reads the stances back from the
 * graph and scores them against the gold file: precision, recall and F1 of
 * (actor, proposal, position) per article and overall, plus speaker, cue,
 * condition and statedOn accuracy, and the report-identity checks.
 * The report is for people (stderr); stdout carries one line of JSON, the
 * overall scores, for scripts.
 */
async function main(): Promise<void> {
  const from = process.env.INIT_CWD ?? process.cwd();
  const { positional, known, split, misses } = parseArgs(process.argv.slice(2));
  const folder = resolve(from, positional[0] ?? join(PROJECT_ROOT, '..', 'shared', 'seeds'));
  const goldPath = resolve(from, positional[1] ?? join(folder, 'gold.json'));
  if (!existsSync(goldPath)) throw new Error(`no gold file at ${goldPath}`);
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as GoldFile & {
    articles: Array<{ file: string; publishedOn?: string | null; sameEventAs?: string[] }>;
    split?: Record<string, string[]>;
  };
  const chosen = split ? gold.split?.[split] : undefined;
  if (split && !chosen) throw new Error(`no split "${split}" in ${goldPath}`);
  if (!existsSync(folder))
    throw new Error(
      `no folder ${folder}${folder.endsWith('texts') ? ' (rebuild the real corpus texts: test/fixtures/articles-real/README.md)' : ''}`,
    );

  process.env.STANCE_LOAD_DEMO = 'false';
  const app = await NestFactory.createApplicationContext(AppModule, {
    logger: new StderrLogger(),
    abortOnError: false,
  });
  try {
    const neo4j = app.get(Neo4jService);
    const cypher = app.get(CypherRegistry);
    const [{ nodes }] = await neo4j.read<{ nodes: number }>(cypher.get('quality/count-nodes'));
    if (nodes > 0)
      throw new Error(
        `the database at ${process.env.NEO4J_URI} is not empty (${nodes} nodes): quality is measured from an empty graph`,
      );

    const ingest = app.get(IngestService);
    // What the graph knows before the measured articles (as a new user would
    // have it: the seeds ingested first), not scored.
    const knownFolder = known ? resolve(from, known) : null;
    const knownGold =
      knownFolder && existsSync(join(knownFolder, 'gold.json'))
        ? (JSON.parse(readFileSync(join(knownFolder, 'gold.json'), 'utf8')) as typeof gold)
        : null;
    for (const file of knownFolder
      ? listArticleFiles([knownFolder]).filter((f) => !/^readme/i.test(basename(f)))
      : []) {
      const { metadata, text } = parseTextFile(readFileSync(file, 'utf8'));
      const given = knownGold?.articles.find((a) => a.file === basename(file))?.publishedOn ?? null;
      await ingest.ingest({ text, ...metadata, publishedOn: metadata.publishedOn ?? given });
    }
    if (known) console.error(`ingested the articles of ${known} first (not scored)`);
    const articleOf = new Map<string, string>();
    const files = listArticleFiles([folder]).filter((f) =>
      gold.articles.some((a) => a.file === basename(f) && (!chosen || chosen.includes(a.file))),
    );
    const started = Date.now();
    const stage = { parseMs: 0, extractMs: 0, writeMs: 0 };
    const linked: LinkedResult[] = [];
    for (const file of files) {
      const { metadata, text } = parseTextFile(readFileSync(file, 'utf8'));
      const article = gold.articles.find((a) => a.file === basename(file));
      const given = article?.publishedOn ?? null;
      const outcome = await ingest.ingest({ text, ...metadata, publishedOn: metadata.publishedOn ?? given });
      articleOf.set(basename(file), outcome.article.id);
      for (const k of ['parseMs', 'extractMs', 'writeMs'] as const) stage[k] += outcome.timings[k];
      // proposal linking: what the article's mentions were linked to, and what an analyst would be offered for each
      const x = outcome.extraction;
      const inArticle = x.proposals.map((p) => p.id);
      const offered = new Map<string, Array<{ name: string; aliases: string[] }>>();
      for (const m of article?.mentions ?? [])
        if (!offered.has(m.text)) offered.set(m.text, await ingest.proposalCandidates(m.text, inArticle, 5));
      linked.push({
        file: basename(file),
        text: x.text,
        proposals: x.proposals,
        candidates: (w) => offered.get(w) ?? [],
        held: await ingest.knownProposals(),
      });
      console.error(
        `ingested ${basename(file)} -> ${outcome.article.id}: ${outcome.stances.length} stances (read by ${outcome.extractor})${outcome.sameReportAs ? `, same report as ${outcome.sameReportAs.id}` : ''}`,
      );
    }
    const seconds = (Date.now() - started) / 1000;

    const results = await Promise.all(
      [...articleOf].map(async ([file, articleId]) => ({ file, stances: await scoredStancesOf(app, articleId) })),
    );
    const report = scoreArticles(gold, results);
    if (chosen && files.length < chosen.length)
      console.error(`${chosen.length - files.length} articles of the split have no text in ${folder}`);
    console.error(`\n${formatTable(report)}`);
    const links = scoreLinks(gold, linked);
    if (links.mentions) console.error(formatLinks(links));
    // each gold mention the product did not link right: its words, the gold proposal, what it was linked to
    if (misses)
      for (const m of links.misses)
        console.error(`  link miss ${m.file}: "${m.wording}" is ${m.proposal}; got ${m.got ?? '-'}`);
    const per = (ms: number): string => (files.length ? (ms / files.length).toFixed(0) : '-');
    console.error(
      `per article: parse ${per(stage.parseMs)} ms, extraction ${per(stage.extractMs)} ms, write ${per(stage.writeMs)} ms`,
    );
    for (const a of report.articles) {
      for (const m of a.missing) console.error(`  ${a.file} missing:  ${m}`);
      for (const s of a.spurious) console.error(`  ${a.file} spurious: ${s}`);
    }
    console.error(`\nreport identity:`);
    for (const a of gold.articles) {
      for (const other of a.sameEventAs ?? []) {
        const [x, y] = [articleOf.get(a.file), articleOf.get(other)];
        if (!x || !y) continue;
        const [row] = await neo4j.read<{ linked: boolean }>(cypher.get('quality/same-report'), { x, y });
        console.error(`  ${a.file} and ${other} one report: ${row?.linked ? 'yes' : 'NO'}`);
      }
    }
    // Two proposals under one normalised name are one proposal told twice, or two that a name cannot tell apart.
    const byKey = new Map<string, string[]>();
    for (const p of await neo4j.read<{ id: string; name: string }>(cypher.get('quality/proposal-names'))) {
      const names = byKey.get(nameKey(p.name)) ?? [];
      names.push(`${p.name} (${p.id})`);
      byKey.set(nameKey(p.name), names);
    }
    const shared = [...byKey.values()].filter((names) => names.length > 1);
    console.error(`\nproposals sharing a normalised name: ${shared.length}`);
    for (const names of shared.slice(0, 10)) console.error(`  ${names.join(' | ')}`);
    console.error(`\n${files.length} articles ingested and written in ${seconds.toFixed(2)} s`);
    process.stdout.write(
      `${JSON.stringify({
        articles: files.length,
        seconds,
        overall: report.overall,
        links: { mentions: links.mentions, right: links.right, inTop5: links.inTop5, notHeld: links.notHeld },
        msPerArticle: Object.fromEntries(
          Object.entries(stage).map(([k, v]) => [k, files.length ? v / files.length : 0]),
        ),
        sharedProposalNames: shared.length,
      })}\n`,
    );
  } finally {
    await app.close();
  }
}

function parseArgs(args: string[]): { positional: string[]; known?: string; split?: string; misses: boolean } {
  const positional: string[] = [];
  let known: string | undefined;
  let split: string | undefined;
  let misses = false;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--known') known = args[++i];
    else if (args[i] === '--split') split = args[++i];
    else if (args[i] === '--misses') misses = true;
    else positional.push(args[i]);
  }
  return { positional, known, split, misses };
}

/** The stances the graph holds with evidence from one article, in the scorer's vocabulary (names, not ids). */
async function scoredStancesOf(
  app: { get<T>(type: new (...args: never[]) => T): T },
  articleId: string,
): Promise<ScoredStance[]> {
  const stances = await app.get(StancesService).byArticles([articleId]);
  const actorIds = [...new Set(stances.flatMap((s) => [s.actorId, s.speakerId ?? s.actorId]))];
  const [actors, proposals] = await Promise.all([
    app.get(ActorsService).findByIds(actorIds),
    app.get(ProposalsService).findByIds([...new Set(stances.map((s) => s.proposalId))]),
  ]);
  const actor = new Map(actors.map((a) => [a.id, a]));
  const proposal = new Map(proposals.map((p) => [p.id, p]));
  return stances.map((s) => ({
    actor: actor.get(s.actorId)?.name ?? s.actorId,
    proposal: {
      name: proposal.get(s.proposalId)?.name ?? s.proposalId,
      aliases: proposal.get(s.proposalId)?.aliases ?? [],
    },
    position: s.position,
    speaker: s.speakerId ? (actor.get(s.speakerId)?.name ?? s.speakerId) : null,
    cue: s.cue ?? '',
    conditions: s.conditions,
    statedOn: s.statedOn,
  }));
}

runAs('cli quality', main).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
