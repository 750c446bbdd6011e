import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { TierMemory } from './memory.js';
import type { QuestionProfile } from './profile.js';

export interface Timing {
  p50: number;
  p99: number;
  rps: number;
  /** CPU milliseconds per request of the server and of Neo4j. */
  cpuMs?: { server: number | null; neo4j: number | null };
}

export interface ReadRow {
  question: string;
  clients: number;
  ours: Timing;
  raw: Timing;
  peer: Timing;
  ratios: { p50VsRaw: number; p99VsRaw: number; rpsVsPeer: number };
  failures: number;
}

export interface ScaleRow {
  stances: number;
  question: string;
  ours: Timing;
  raw: Timing;
  dbHits: number;
}

export interface WriteResult {
  rows: number;
  batch: number;
  oursRowsPerSec: number;
  bareRowsPerSec: number;
  ratio: number;
  articlesPerSec: number;
  articlesPerSecConcurrent: number;
  concurrency: number;
  extractionArticlesPerSec: number;
  extractionArticlesPerCpuSec: number;
  /** Statements ingestion sends to Neo4j per article (one client): in its write transaction, and as reads. */
  statementsPerArticle?: { write: number; read: number; writeTransactions: number };
  /** Milliseconds per article with one client: parse, extraction, the write transaction, and the whole ingest. */
  sequentialStagesMs?: { parse: number; extract: number; write: number; total: number };
  /** Where our write path spends its time: each statement writeBatch runs, and its share of the time. */
  writeBatchStatements?: Array<{ statement: string; ms: number; share: number }>;
}

export interface BenchReport {
  machine: {
    cpus: number;
    model: string;
    memoryGb: number;
    node: string;
    neo4j: string;
    loadAverage: { before: number[]; after: number[]; during?: { mean: number; max: number } };
    freeMemoryGb: number;
  };
  startedAt: string;
  finishedAt?: string;
  settings: {
    stances: number;
    clients: number[];
    warmupSeconds: number;
    durationSeconds: number;
    rounds: number;
    tiny: boolean;
  };
  graph: Record<string, number> | null;
  reads: ReadRow[];
  profile: QuestionProfile[];
  writes: WriteResult | null;
  /** Resident memory of each server at rest and at its peak under each load, and Neo4j's memory, per tier. */
  memory: TierMemory[];
  scale: ScaleRow[];
  agreement: Array<{ stances: number; question: string; variant: string; compared: number; agree: boolean }>;
}

const TARGET = { p50: 1.15, p99: 1.3, peer: 1.5, writes: 0.5, extraction: 500 };

const mark = (ok: boolean) => (ok ? 'yes' : '**no**');
const fmt = (x: number | null) =>
  x == null || !Number.isFinite(x) ? 'n/a' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
const label = (n: number) => (n % 1_000_000 === 0 ? `${n / 1_000_000}M` : n % 1000 === 0 ? `${n / 1000}k` : String(n));

/** The results as Markdown tables: what goes to stdout, bench/results/latest.md and the README. */
export function formatReport(r: BenchReport): string {
  const m = r.machine;
  const lines: string[] = [];
  const g = r.graph;
  lines.push(
    `Measured ${r.startedAt.slice(0, 16).replace('T', ' ')} UTC on ${m.cpus} x ${m.model}, ${m.memoryGb} GB, Node ${m.node}, Neo4j ${m.neo4j}; ` +
      `load average ${m.loadAverage.before.join(' / ')} before and ${m.loadAverage.after.join(' / ')} after (1 / 5 / 15 min)` +
      (m.loadAverage.during
        ? `, ${m.loadAverage.during.mean} on average and ${m.loadAverage.during.max} at most during the run (1 min, every 10 s)`
        : '') +
      "; the machine is shared with other engineers' test runs. " +
      (g
        ? `Graph: ${label(g.stances)} stances, ${g.actors} actors, ${g.proposals} proposals, ${g.articles} articles, ${g.evidence} evidence edges. `
        : '') +
      `Each cell: ${r.settings.rounds} round(s) of ${r.settings.durationSeconds} s after ${r.settings.warmupSeconds} s warm-up, pooled, once every server has served each question until its throughput held (3 s windows within 10%).`,
    '',
  );

  if (r.reads.length > 0) {
    lines.push(
      '| question | clients | ours p50 / p99 ms | raw p50 / p99 ms | peer p50 / p99 ms | ours / raw / peer req/s | p50 ÷ raw | p99 ÷ raw | req/s ÷ peer |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const row of r.reads) {
      const t = (x: Timing) => `${fmt(x.p50)} / ${fmt(x.p99)}`;
      const at10 = row.clients === 10;
      const flag = (v: number, ok: boolean) => `${v.toFixed(2)}${at10 && !ok ? ' ✗' : ''}`;
      lines.push(
        `| ${row.question} | ${row.clients} | ${t(row.ours)} | ${t(row.raw)} | ${t(row.peer)} | ${fmt(row.ours.rps)} / ${fmt(row.raw.rps)} / ${fmt(row.peer.rps)} | ` +
          `${flag(row.ratios.p50VsRaw, row.ratios.p50VsRaw <= TARGET.p50)} | ${flag(row.ratios.p99VsRaw, row.ratios.p99VsRaw <= TARGET.p99)} | ` +
          `${row.ratios.rpsVsPeer.toFixed(2)}${row.ratios.rpsVsPeer < TARGET.peer ? ' ✗' : ''} |`,
      );
    }
    lines.push('');
  }

  const cpuRows = r.reads.filter((row) => row.clients === 10 && row.ours.cpuMs);
  if (cpuRows.length > 0) {
    const c = (t: Timing) => {
      const server = t.cpuMs?.server;
      const db = t.cpuMs?.neo4j;
      return server == null
        ? ''
        : `${server.toFixed(2)} + ${db == null ? '?' : db.toFixed(2)} = ${(server + (db ?? 0)).toFixed(2)}`;
    };
    lines.push(
      '| CPU ms per request at 10 clients (server + Neo4j) | ours | raw | peer |',
      '|---|---:|---:|---:|',
      ...cpuRows.map((row) => `| ${row.question} | ${c(row.ours)} | ${c(row.raw)} | ${c(row.peer)} |`),
      '',
    );
  }

  if (r.profile.length > 0) {
    lines.push('| question | db hits (PROFILE, all statements) | statements: db hits |', '|---|---:|---|');
    for (const p of r.profile)
      lines.push(
        `| ${p.question} | ${p.dbHits} | ${p.statements.map((s) => `${s.statement} ${s.dbHits}`).join(', ')} |`,
      );
    lines.push('');
  }

  if (r.scale.length > 0) {
    const tiers = [...new Set(r.scale.map((s) => s.stances))].sort((a, b) => a - b);
    const qs = [...new Set(r.scale.map((s) => s.question))];
    const cpuOf = (x?: Timing) => (x?.cpuMs?.server == null ? null : x.cpuMs.server + (x.cpuMs.neo4j ?? 0));
    lines.push(
      `| scale: ours at 10 clients | ${tiers.map((t) => `${label(t)} p50 ms`).join(' | ')} | ${tiers.map((t) => `${label(t)} CPU ms/req`).join(' | ')} | ${tiers.map((t) => `${label(t)} db hits`).join(' | ')} |`,
      `|---|${tiers.map(() => '---:').join('|')}|${tiers.map(() => '---:').join('|')}|${tiers.map(() => '---:').join('|')}|`,
    );
    for (const q of qs) {
      const cell = (t: number) => r.scale.find((s) => s.stances === t && s.question === q);
      lines.push(
        `| ${q} | ${tiers.map((t) => (cell(t) ? fmt(cell(t)!.ours.p50) : '')).join(' | ')} | ${tiers.map((t) => fmt(cpuOf(cell(t)?.ours))).join(' | ')} | ` +
          `${tiers.map((t) => (cell(t) ? String(cell(t)!.dbHits) : '')).join(' | ')} |`,
      );
    }
    lines.push('');
  }

  if (r.memory.length > 0) {
    const clients = [...new Set(r.memory.flatMap((m) => m.servers.flatMap((s) => Object.keys(s.peakMb))))].sort(
      (a, b) => Number(a) - Number(b),
    );
    lines.push(
      `| memory, resident MB | at rest (warmed up) | ${clients.map((c) => `peak at ${c} clients`).join(' | ')} |`,
      `|---|---:|${clients.map(() => '---:').join('|')}|`,
    );
    for (const m of r.memory)
      for (const s of m.servers)
        lines.push(
          `| ${s.variant}, ${label(m.stances)} | ${fmt(s.restMb)} | ${clients.map((c) => (c in s.peakMb ? fmt(s.peakMb[c]) : '')).join(' | ')} |`,
        );
    lines.push(
      '',
      '| Neo4j per tier | heap initial / max (setting) | heap max / committed (JVM, MB) | page cache | resident MB at rest / peak |',
      '|---|---:|---:|---:|---:|',
      ...r.memory.map((m) => {
        const st = m.neo4j.settings;
        return `| ${label(m.stances)} | ${st['server.memory.heap.initial_size'] ?? '?'} / ${st['server.memory.heap.max_size'] ?? '?'} | ${m.neo4j.heapMaxMb} / ${m.neo4j.heapCommittedMb} | ${st['server.memory.pagecache.size'] ?? '?'} | ${fmt(m.neo4j.restMb)} / ${fmt(m.neo4j.peakMb)} |`;
      }),
      '',
    );
  }

  const w = r.writes;
  if (w) {
    lines.push(
      '| writes | rate |',
      '|---|---:|',
      `| stances with evidence, our batched write path (writeBatch, ${w.batch} a batch) | ${fmt(w.oursRowsPerSec)} rows/s |`,
      `| the same rows, bare UNWIND ... MERGE | ${fmt(w.bareRowsPerSec)} rows/s |`,
      `| ours ÷ bare (target ≥ ${TARGET.writes}) | ${(w.ratio ?? NaN).toFixed(2)} ${mark(w.ratio >= TARGET.writes)} |`,
      `| ingestArticle, whole pipeline, 1 client / ${w.concurrency} clients | ${fmt(w.articlesPerSec)} / ${fmt(w.articlesPerSecConcurrent)} articles/s |`,
      ...(w.statementsPerArticle && w.sequentialStagesMs
        ? [
            `| ingestArticle, statements per article: in its write transaction / reads | ${fmt(w.statementsPerArticle.write)} / ${fmt(w.statementsPerArticle.read)} |`,
            `| ingestArticle, ms per article (1 client): parse / extraction / write transaction / whole | ${fmt(w.sequentialStagesMs.parse)} / ${fmt(w.sequentialStagesMs.extract)} / ${fmt(w.sequentialStagesMs.write)} / ${fmt(w.sequentialStagesMs.total)} |`,
          ]
        : []),
      `| extraction alone, per core (by its thread's CPU time; by wall clock ${fmt(w.extractionArticlesPerSec)}) (target ≥ ${TARGET.extraction}) | ${fmt(w.extractionArticlesPerCpuSec)} articles/s ${mark(w.extractionArticlesPerCpuSec >= TARGET.extraction)} |`,
      '',
    );
  }

  const at10 = r.reads.filter((x) => x.clients === 10);
  if (at10.length > 0) {
    const p50 = at10.filter((x) => x.ratios.p50VsRaw > TARGET.p50).map((x) => x.question);
    const p99 = at10.filter((x) => x.ratios.p99VsRaw > TARGET.p99).map((x) => x.question);
    const peer = r.reads.filter((x) => x.ratios.rpsVsPeer < TARGET.peer).map((x) => `${x.question} x${x.clients}`);
    lines.push(
      `Targets at 10 clients: p50 ≤ ${TARGET.p50}× raw ${p50.length ? `missed by ${p50.join(', ')}` : 'met'}; ` +
        `p99 ≤ ${TARGET.p99}× raw ${p99.length ? `missed by ${p99.join(', ')}` : 'met'}; ` +
        `≥ ${TARGET.peer}× the peer's req/s ${peer.length ? `missed by ${peer.join(', ')}` : 'met everywhere'}.`,
      '',
    );
  }
  return lines.join('\n');
}

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

/** Replaces what lies between the bench markers in the README (nothing else is touched). */
export function updateReadme(file: string, table: string): void {
  if (!existsSync(file)) return;
  const text = readFileSync(file, 'utf8');
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) {
    process.stderr.write('bench: README.md has no bench markers; table not written there\n');
    return;
  }
  writeFileSync(file, `${text.slice(0, a + START.length)}\n${table}\n${text.slice(b)}`);
}
