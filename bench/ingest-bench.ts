import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppModule } from '../src/app.module.js';
import { PROJECT_ROOT } from '../src/common/project-root.js';
import { extractArticle, parseTextFile } from '../src/extraction/index.js';
import { IngestService } from '../src/ingest/ingest.service.js';
import { Neo4jService } from '../src/neo4j/neo4j.service.js';
import { syntheticArticle } from './extraction.js';
import { runAs } from '../src/common/operation-context.js';

/**
 * `npm run bench:ingest -- [--articles N] [--concurrency C] [--folder DIR]`: articles per
 * second through extraction alone, and through the whole pipeline with its
 * writes (one transaction per article) into an empty Neo4j, one client and C
 * concurrent clients, on generated articles of realistic length (3-5 KB), or
 * on the .txt articles of DIR (half with one client, half with C); with
 * CORENLP_URL set, through the parser, with each stage's time per article.
 * Prints a table and writes bench/results/ingest-latest.json.
 */
function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} must be a whole number (got ${process.argv[i + 1]})`);
  return value;
}

export interface IngestBenchResult {
  machine: string;
  articles: number;
  averageKb: number;
  stancesPerArticle: number;
  extractionArticlesPerSec: number;
  /** Extraction by the CPU time of its thread: articles per second of one core, whatever else the machine runs. */
  extractionArticlesPerCpuSec: number;
  pipelineArticlesPerSec: number;
  pipelineConcurrentArticlesPerSec: number;
  concurrency: number;
  /** What read the articles in the pipeline runs ('corenlp 4.5', 'patterns', or both). */
  extractors: string[];
  /** Statements sent to Neo4j per article with one client: in write transactions, as reads, and write transactions. */
  statementsPerArticle: { write: number; read: number; writeTransactions: number };
  /** Mean milliseconds per article of each stage with one client, and of the whole ingest (reads before and after included). */
  sequentialStagesMs: { parse: number; extract: number; write: number; total: number };
  /** Mean milliseconds per article of each stage, with C clients: parse, extraction, write transaction. */
  stagesMs: { parse: number; extract: number; write: number };
  /** Where the texts came from: generated, or a folder of real articles. */
  source: string;
}

type BenchArticle = { text: string; publishedOn: string | null; outlet: string | null };

/** Generated articles, or the .txt articles of a folder (with their header's date and outlet). */
function benchTexts(n: number, folder: string | null): BenchArticle[] {
  if (!folder) {
    return Array.from({ length: n * 2 }, (_, i) => ({
      text: syntheticArticle(i + 1),
      publishedOn: '2024-05-09',
      outlet: 'Bench Wire',
    }));
  }
  return readdirSync(folder)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .slice(0, n * 2)
    .map((f) => {
      const { metadata, text } = parseTextFile(readFileSync(join(folder, f), 'utf8'));
      return { text, publishedOn: metadata.publishedOn ?? null, outlet: metadata.outlet ?? null };
    });
}

/**
 * Extraction alone, then the whole ingestArticle pipeline (extraction and
 * its write transaction) with one client and with `concurrency` clients,
 * into the database the app context is connected to.
 */
export async function measureIngest(
  app: INestApplicationContext,
  wanted: number,
  concurrency: number,
  folder: string | null = null,
): Promise<IngestBenchResult> {
  const articles = benchTexts(wanted, folder);
  // a folder holds what it holds: half for one client, half for C clients (every text once: no duplicates)
  const n = Math.min(wanted, Math.floor(articles.length / 2));
  if (n < 1) throw new Error(`no articles to ingest${folder ? ` in ${folder}` : ''}`);
  const texts = articles.map((a) => a.text);
  const kb = texts.reduce((s, t) => s + t.length, 0) / texts.length / 1024;
  const extractors = new Set<string>();
  const stages = { parse: 0, extract: 0, write: 0 };

  // Extraction alone: warm up, then time n articles on one core.
  for (const text of texts.slice(0, Math.min(50, n))) extractArticle({ text, publishedOn: '2024-05-09' });
  let t0 = performance.now();
  // This thread's CPU time: extraction runs on one core; the collector's and compiler's helper threads are not its work.
  const cpu0 = process.threadCpuUsage();
  let extracted = 0;
  for (const text of texts.slice(0, n)) extracted += extractArticle({ text, publishedOn: '2024-05-09' }).stances.length;
  const extractionSeconds = (performance.now() - t0) / 1000;
  const cpu = process.threadCpuUsage(cpu0);
  const extractionCpuSeconds = (cpu.user + cpu.system) / 1e6;

  const ingest = app.get(IngestService);
  const progress = (label: string, done: number, total: number) => {
    if (done % Math.max(1, Math.floor(total / 10)) === 0 || done === total)
      process.stderr.write(`  ${label}: ${done}/${total}\r`);
  };
  // Whole pipeline, one client: the first n texts, with the statements each sends to Neo4j.
  const stats = app.get(Neo4jService).stats;
  const sent = () => ({
    write: stats.statements.write,
    read: stats.statements.read,
    tx: stats.transactions.write.committed,
  });
  const sent0 = sent();
  const sequential = { parse: 0, extract: 0, write: 0 };
  t0 = performance.now();
  let done = 0;
  for (const a of articles.slice(0, n)) {
    const outcome = await ingest.ingest(a);
    extractors.add(outcome.extractor);
    sequential.parse += outcome.timings.parseMs;
    sequential.extract += outcome.timings.extractMs;
    sequential.write += outcome.timings.writeMs;
    progress('sequential', ++done, n);
  }
  const sequentialSeconds = (performance.now() - t0) / 1000;
  const sent1 = sent();
  process.stderr.write('\n');

  // Whole pipeline, C clients at once: the next n texts.
  const queue = articles.slice(n, 2 * n);
  done = 0;
  t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let a = queue.shift(); a !== undefined; a = queue.shift()) {
        const outcome = await ingest.ingest(a);
        extractors.add(outcome.extractor);
        stages.parse += outcome.timings.parseMs;
        stages.extract += outcome.timings.extractMs;
        stages.write += outcome.timings.writeMs;
        progress(`${concurrency} clients`, ++done, n);
      }
    }),
  );
  const concurrentSeconds = (performance.now() - t0) / 1000;
  process.stderr.write('\n');

  return {
    machine: `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}`,
    articles: n,
    averageKb: Number(kb.toFixed(1)),
    stancesPerArticle: Number((extracted / n).toFixed(1)),
    extractionArticlesPerSec: Number((n / extractionSeconds).toFixed(1)),
    extractionArticlesPerCpuSec: Number((n / extractionCpuSeconds).toFixed(1)),
    pipelineArticlesPerSec: Number((n / sequentialSeconds).toFixed(1)),
    pipelineConcurrentArticlesPerSec: Number((n / concurrentSeconds).toFixed(1)),
    concurrency,
    extractors: [...extractors].sort(),
    statementsPerArticle: {
      write: round1((sent1.write - sent0.write) / n),
      read: round1((sent1.read - sent0.read) / n),
      writeTransactions: round1((sent1.tx - sent0.tx) / n),
    },
    sequentialStagesMs: {
      parse: round1(sequential.parse / n),
      extract: round1(sequential.extract / n),
      write: round1(sequential.write / n),
      total: round1((sequentialSeconds * 1000) / n),
    },
    stagesMs: {
      parse: Number((stages.parse / n).toFixed(1)),
      extract: Number((stages.extract / n).toFixed(1)),
      write: Number((stages.write / n).toFixed(1)),
    },
    source: folder ?? 'generated',
  };
}

async function main(): Promise<void> {
  const n = arg('articles', 1000);
  const concurrency = arg('concurrency', 4);
  const at = process.argv.indexOf('--folder');
  const folder = at >= 0 ? resolve(process.env.INIT_CWD ?? process.cwd(), process.argv[at + 1]) : null;
  process.env.STANCE_LOAD_DEMO = 'false';
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn'], abortOnError: false });
  try {
    const result = await measureIngest(app, n, concurrency, folder);
    const what = folder ? `articles of ${folder}` : 'generated articles';
    console.error(`
| ${result.articles} + ${result.articles} ${what}, ${result.averageKb} KB, ${result.stancesPerArticle} stances each | articles/s |
|---|---:|
| extraction alone (patterns, one core) | ${result.extractionArticlesPerSec} |
| whole pipeline with writes, 1 client | ${result.pipelineArticlesPerSec} |
| whole pipeline with writes, ${concurrency} clients | ${result.pipelineConcurrentArticlesPerSec} |
read by: ${result.extractors.join(', ')}; per article at ${concurrency} clients: parse ${result.stagesMs.parse} ms, extraction ${result.stagesMs.extract} ms, write ${result.stagesMs.write} ms
machine: ${result.machine}`);
    const dir = join(PROJECT_ROOT, 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'ingest-latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await app.close();
  }
}

// Run as a script (npm run bench:ingest); imported by the bench's write measurements.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runAs('bench ingest', main).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
