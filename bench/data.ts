import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { pathToFileURL } from 'node:url';
import { ActorsService } from '../src/actors/actors.service.js';
import type { UpsertActorInput } from '../src/actors/dto/upsert-actor.input.js';
import { AppModule } from '../src/app.module.js';
import { ArticlesService } from '../src/articles/articles.service.js';
import { nameKeysOf } from '../src/common/validation.js';
import { ActorsRepository } from '../src/actors/actors.repository.js';
import type { ActorWrite } from '../src/graph/actor.row.js';
import type { ProposalWrite } from '../src/graph/proposal.row.js';
import { ProposalsRepository } from '../src/proposals/proposals.repository.js';
import { RecordingService } from '../src/recording/recording.service.js';
import { StanceWriter } from '../src/recording/stance-writer.js';
import { CypherRegistry } from '../src/neo4j/cypher-registry.js';
import { Neo4jService } from '../src/neo4j/neo4j.service.js';
import type { UpsertProposalInput } from '../src/proposals/dto/upsert-proposal.input.js';
import { ProposalsService } from '../src/proposals/proposals.service.js';
import { batchesOf, prepareBatch } from './data/batches.js';
import { SyntheticPlan, syntheticPlan, SyntheticProposal } from './data/synthetic.js';
import { Args, tierLabel } from './support/args.js';
import {
  DATA_VERSION,
  fromEnv,
  readMarker,
  startHome,
  targetEnv,
  tierHome,
  tierPagecache,
  writeMarker,
} from './support/neo4j-home.js';
import { pool, Progress } from './support/progress.js';
import { ActorKind } from '../src/graph/vocabulary.js';
import { runAs } from '../src/common/operation-context.js';

/**
 * `npm run bench:data -- --stances N [--batch 1000] [--concurrency 2]`:
 * writes the synthetic graph of N stances (data/synthetic.ts) into the Neo4j
 * at NEO4J_URI, or else into the tier's own bench home
 * (.stance/bench-neo4j/10k, 100k, 1m: kept, so a tier is generated once), through the product's own write paths: ingestion's batched
 * entity upserts for actors and proposals, then StanceWriter (the one stance write path) in
 * batches, each inside one transaction with the batch's reprint links.
 * Resumable: entities that exist and batches already committed are skipped,
 * so an interrupted run picks up where it stopped. Prints progress on stderr
 * and a JSON summary on stdout.
 */
export interface DataSummary {
  stances: number;
  actors: number;
  proposals: number;
  articles: number;
  evidence: number;
  seconds: number;
  writtenStances: number;
  stancesPerSec: number;
}

export async function generate(
  app: INestApplicationContext,
  stances: number,
  batchSize: number,
  concurrency: number,
): Promise<DataSummary> {
  const t0 = performance.now();
  const plan = syntheticPlan(stances);
  await writeEntities(app, plan);
  const tWrite = performance.now();
  const written = await writeStances(app, plan.proposals(), stances, batchSize, concurrency, true);
  const writeSeconds = (performance.now() - tWrite) / 1000;
  const [counts] = await app
    .get(Neo4jService)
    .read<Omit<DataSummary, 'seconds' | 'writtenStances' | 'stancesPerSec'>>(
      app.get(CypherRegistry).get('bench/graph-counts'),
    );
  return {
    ...counts,
    seconds: Number(((performance.now() - t0) / 1000).toFixed(1)),
    writtenStances: written,
    stancesPerSec: written > 0 ? Math.round(written / writeSeconds) : 0,
  };
}

/**
 * Actors and proposals that do not exist yet, through ingestion's batched
 * path (IngestRepository.upsertActors / upsertProposals: UNWIND, one
 * transaction per 500), as if the extractor had met them; states first,
 * since others represent them. One transaction per entity
 * (ActorsService.upsert) would make the 1M tier's 55,000 entities cost more
 * than its million stances.
 */
export async function writeEntities(app: INestApplicationContext, plan: SyntheticPlan): Promise<void> {
  const neo4j = app.get(Neo4jService);
  const actorRows = app.get(ActorsRepository);
  const proposalRows = app.get(ProposalsRepository);
  const actors = plan.actors();
  const actorsService = app.get(ActorsService);
  for (const [label, list] of [
    ['states', actors.filter((a) => a.kind === ActorKind.STATE)],
    ['organisations and persons', actors.filter((a) => a.kind !== ActorKind.STATE)],
  ] as const) {
    const missing = await missingOf(
      list.map((a) => a.id!),
      (ids) => actorsService.findByIds(ids),
    );
    const todo = list.filter((a) => missing.has(a.id!)).map(actorRow);
    const progress = new Progress(label, todo.length);
    for (let i = 0; i < todo.length; i += 500) {
      await neo4j.writeTransaction((tx) => actorRows.upsert(tx, todo.slice(i, i + 500)));
      progress.add(Math.min(500, todo.length - i));
    }
    progress.done();
  }

  // The plan is walked twice (proposals here, stances later) rather than held: 1M stances do not fit comfortably.
  const proposalsService = app.get(ProposalsService);
  const upserts: UpsertProposalInput[] = [];
  for (const p of plan.proposals()) upserts.push(p.upsert);
  const missing = await missingOf(
    upserts.map((p) => p.id!),
    (ids) => proposalsService.findByIds(ids),
  );
  const todo = upserts.filter((p) => missing.has(p.id!)).map(proposalRow);
  const progress = new Progress('proposals', todo.length);
  for (let i = 0; i < todo.length; i += 500) {
    await neo4j.writeTransaction((tx) => proposalRows.upsert(tx, todo.slice(i, i + 500)));
    progress.add(Math.min(500, todo.length - i));
  }
  progress.done();
}

/**
 * Stances through StanceWriter, one transaction per batch of
 * about `batchSize` (whole proposals), with the batch's reprint links, at
 * most `concurrency` at once. With `resume`, a batch whose stances all exist
 * is skipped. Returns the number of stances written.
 */
export async function writeStances(
  app: INestApplicationContext,
  proposals: Iterable<SyntheticProposal>,
  total: number,
  batchSize: number,
  concurrency: number,
  resume: boolean,
): Promise<number> {
  const neo4j = app.get(Neo4jService);
  const writer = app.get(StanceWriter);
  const recording = app.get(RecordingService);
  const articles = app.get(ArticlesService);
  const countStances = app.get(CypherRegistry).get('bench/count-stances');
  const progress = new Progress('stances', total);
  let written = 0;
  await pool(batchesOf(proposals, batchSize), concurrency, async (group) => {
    const prepared = prepareBatch(recording, articles, group);
    const ids = prepared.batch.stances.map((s) => s.id);
    const [{ count }] = resume ? await neo4j.read<{ count: number }>(countStances, { ids }) : [{ count: 0 }];
    if (count < ids.length) {
      await writer.transaction(async (write) => {
        await write.upsertArticles(prepared.batch.articles);
        await write.writeStances(prepared.batch.stances);
        for (const [copy, original] of prepared.reprints) await write.linkSameReport(copy, original);
      });
      written += prepared.stances;
    }
    progress.add(prepared.stances);
  });
  progress.done();
  return written;
}

function actorRow(a: UpsertActorInput): ActorWrite {
  const aliases = a.aliases ?? [];
  return {
    id: a.id!,
    name: a.name,
    kind: a.kind,
    aliases,
    nameKeys: nameKeysOf(a.name, aliases),
    representsId: a.represents?.stateId ?? null,
    role: a.represents?.role ?? null,
    authoritative: false,
    source: 'extracted',
    confidence: 0.9,
    isNew: false,
    articleId: null,
    quote: null,
    charStart: null,
    charEnd: null,
  };
}

function proposalRow(p: UpsertProposalInput): ProposalWrite {
  const aliases = p.aliases ?? [];
  return {
    id: p.id!,
    name: p.name,
    summary: null,
    aliases,
    nameKeys: nameKeysOf(p.name, aliases),
    proposedById: p.proposedById ?? null,
    proposerId: p.proposerId ?? null,
    proposedOn: p.proposedOn ?? null,
    authoritative: false,
    source: 'extracted',
    confidence: 0.9,
    isNew: false,
    articleId: null,
    quote: null,
    charStart: null,
    charEnd: null,
  };
}

async function missingOf(ids: string[], find: (ids: string[]) => Promise<Array<{ id: string }>>): Promise<Set<string>> {
  const missing = new Set(ids);
  for (let i = 0; i < ids.length; i += 2000) {
    for (const row of await find(ids.slice(i, i + 2000))) missing.delete(row.id);
  }
  return missing;
}

async function main(): Promise<void> {
  const args = new Args();
  const stances = args.count('stances', 10_000);
  const batch = args.count('batch', 1000);
  const concurrency = args.count('concurrency', 2);
  // NEO4J_URI names the database; without it, the tier's own bench home (.stance/bench-neo4j/<tier>).
  const target = fromEnv() ?? (await startHome(tierHome(tierLabel(stances)), { pagecache: tierPagecache(stances) }));
  try {
    const marker = target.home ? readMarker(target.home) : null;
    if (marker && marker.stances === stances && marker.version === DATA_VERSION) {
      process.stderr.write(`bench data: ${tierLabel(stances)} is already generated in ${target.home}\n`);
      return;
    }
    Object.assign(process.env, targetEnv(target), { STANCE_LOAD_DEMO: 'false' });
    const app = await NestFactory.createApplicationContext(AppModule, {
      logger: ['error', 'warn'],
      abortOnError: false,
    });
    try {
      process.stderr.write(
        `bench data: ${stances} stances into ${target.uri} (batches of ${batch}, ${concurrency} at a time)\n`,
      );
      const summary = await generate(app, stances, batch, concurrency);
      if (target.home) writeMarker(target.home, { stances, version: DATA_VERSION, summary });
      console.log(JSON.stringify(summary));
    } finally {
      await app.close();
    }
  } finally {
    await target.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runAs('bench data', main).catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
}
