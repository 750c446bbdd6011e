import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../src/app.module.js';
import { ArticlesService } from '../src/articles/articles.service.js';
import { CypherRegistry } from '../src/neo4j/cypher-registry.js';
import { Neo4jService, TxRunner } from '../src/neo4j/neo4j.service.js';
import { RecordingService } from '../src/recording/recording.service.js';
import { StanceWriter } from '../src/recording/stance-writer.js';
import { batchesOf, PreparedBatch, prepareBatch } from './data/batches.js';
import { syntheticPlan, SyntheticProposal } from './data/synthetic.js';
import { writeEntities } from './data.js';
import { measureIngest } from './ingest-bench.js';
import { Args } from './support/args.js';
import type { WriteResult } from './support/report.js';

/**
 * The write measurements, against an empty Neo4j (NEO4J_URI), printed as
 * one JSON line:
 *  - ingestArticle, the whole pipeline, 1 client and 4 (ingest-bench.ts);
 *  - stances with evidence through StanceWriter (GraphWrite.writeStances) against a bare
 *    UNWIND ... MERGE of the same rows (cypher/bench/bare-*.cypher), each in
 *    one transaction per batch, sequentially; after a set through each path
 *    to warm up, `rounds` times four disjoint sets of rows in the order ours,
 *    bare, bare, ours, so the graph's growth favours neither (and noise from
 *    a shared machine spreads over both).
 * Rows are prepared (validated, ids computed) before the clock starts: what
 * is timed is the database work of each path.
 */
async function main(): Promise<void> {
  const args = new Args();
  const rows = args.count('rows', 20_000);
  const batch = args.count('batch', 1000);
  const articles = args.count('articles', 300);
  const concurrency = args.count('concurrency', 4);
  const rounds = args.count('write-rounds', 3);
  process.env.STANCE_LOAD_DEMO = 'false';
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn'], abortOnError: false });
  try {
    const ingest = await measureIngest(app, articles, concurrency);
    const writes = await measureStanceWrites(app, rows, batch, rounds);
    const result: WriteResult = {
      ...writes,
      articlesPerSec: ingest.pipelineArticlesPerSec,
      articlesPerSecConcurrent: ingest.pipelineConcurrentArticlesPerSec,
      concurrency,
      extractionArticlesPerSec: ingest.extractionArticlesPerSec,
      extractionArticlesPerCpuSec: ingest.extractionArticlesPerCpuSec,
      statementsPerArticle: ingest.statementsPerArticle,
      sequentialStagesMs: ingest.sequentialStagesMs,
    };
    console.log(JSON.stringify(result));
  } finally {
    await app.close();
  }
}

async function measureStanceWrites(app: INestApplicationContext, rows: number, batchSize: number, rounds: number) {
  // A set holds several batches, however small the run (the tiny CI run writes a few hundred rows).
  const batch = Math.min(batchSize, Math.max(50, Math.floor(rows / 4)));
  const neo4j = app.get(Neo4jService);
  const cypher = app.get(CypherRegistry);
  const writer = app.get(StanceWriter);
  const articles = app.get(ArticlesService);
  // Regions of their own (1000 on): new rows in any database, the tiny run's included.
  const setCount = 2 + 4 * rounds;
  const plan = syntheticPlan(setCount * rows, 1000);
  await writeEntities(app, plan);

  // Disjoint sets of about `rows` stances (whole proposals), prepared up
  // front: two to warm the server's JIT and caches on both paths, four a round timed.
  const sets: PreparedBatch[][] = Array.from({ length: setCount }, () => []);
  const sizes: number[] = Array.from({ length: setCount }, () => 0);
  let k = 0;
  const proposals: SyntheticProposal[] = [...plan.proposals()];
  for (const group of batchesOf(proposals, batch)) {
    if (sizes[k] >= rows && k < setCount - 1) k += 1;
    const prepared = prepareBatch(app.get(RecordingService), articles, group);
    sets[k].push(prepared);
    sizes[k] += prepared.stances;
  }

  // Time spent in each statement of the stance write (matched by text to its file).
  const names = new Map(cypher.names().map((n) => [cypher.get(n), n]));
  const spent = new Map<string, number>();
  const timed = (tx: TxRunner): TxRunner => ({
    run: async <T>(statement: string, params?: Record<string, unknown>) => {
      const t0 = performance.now();
      try {
        return await tx.run<T>(statement, params);
      } finally {
        const name = names.get(statement) ?? 'other';
        spent.set(name, (spent.get(name) ?? 0) + performance.now() - t0);
      }
    },
  });

  const bareArticles = cypher.get('bench/bare-articles');
  const bareStances = cypher.get('bench/bare-stances');
  const ours = async (set: PreparedBatch[]) => {
    for (const b of set)
      await neo4j.writeTransaction(async (tx) => {
        const write = writer.on(timed(tx));
        await write.upsertArticles(b.batch.articles);
        await write.writeStances(b.batch.stances);
      });
  };
  const bare = async (set: PreparedBatch[]) => {
    for (const b of set) {
      await neo4j.writeTransaction(async (raw) => {
        const tx = timed(raw);
        await tx.run(bareArticles, { rows: b.batch.articles });
        await tx.run(bareStances, { rows: b.batch.stances });
      });
    }
  };
  const time = async (work: () => Promise<void>) => {
    const t0 = performance.now();
    await work();
    return (performance.now() - t0) / 1000;
  };
  await ours(sets[0]);
  await bare(sets[1]);
  spent.clear();
  // Each round: ours, bare, bare, ours.
  let oursRows = 0;
  let bareRows = 0;
  let oursSeconds = 0;
  let bareSeconds = 0;
  for (let r = 0; r < rounds; r++) {
    const at = 2 + 4 * r;
    const t = [
      await time(() => ours(sets[at])),
      await time(() => bare(sets[at + 1])),
      await time(() => bare(sets[at + 2])),
      await time(() => ours(sets[at + 3])),
    ];
    process.stderr.write(
      `  writes, round ${r + 1} of ${rounds}: ours ${sizes[at]} rows in ${t[0].toFixed(1)} s, bare ${sizes[at + 1]} in ${t[1].toFixed(1)} s, bare ${sizes[at + 2]} in ${t[2].toFixed(1)} s, ours ${sizes[at + 3]} in ${t[3].toFixed(1)} s\n`,
    );
    oursRows += sizes[at] + sizes[at + 3];
    bareRows += sizes[at + 1] + sizes[at + 2];
    oursSeconds += t[0] + t[3];
    bareSeconds += t[1] + t[2];
  }
  const oursRowsPerSec = oursRows / oursSeconds;
  const bareRowsPerSec = bareRows / bareSeconds;
  return {
    rows: oursRows,
    batch,
    oursRowsPerSec: Math.round(oursRowsPerSec),
    bareRowsPerSec: Math.round(bareRowsPerSec),
    ratio: Math.round((oursRowsPerSec / bareRowsPerSec) * 100) / 100,
    // Each statement's time, and its share of its path's time (the rest of a path's time is commits and round trips).
    writeBatchStatements: [...spent.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([statement, ms]) => ({
        statement,
        ms: Math.round(ms),
        share: Math.round((ms / 1000 / (statement.startsWith('bench/') ? bareSeconds : oursSeconds)) * 100) / 100,
      })),
  };
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
