import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import neo4j, { Driver } from 'neo4j-driver';
import { CypherRegistry } from '../src/neo4j/cypher-registry.js';
import { recordToObject } from '../src/neo4j/neo4j-mapper.js';
import { Question, QUESTIONS, questions, Variant } from './questions.js';
import { Args, tierLabel } from './support/args.js';
import { load, LoadResult, pooled } from './support/load.js';
import {
  cpuMs,
  DATA_VERSION,
  fromEnv,
  Neo4jTarget,
  readMarker,
  ROOT,
  startHome,
  startThrowaway,
  targetEnv,
  tierHome,
  tierHeap,
  tierPagecache,
  writeMarker,
} from './support/neo4j-home.js';
import { neo4jMemory, peakRss, Peaks, rssMb } from './support/memory.js';
import { profileQuestion, QuestionProfile } from './support/profile.js';
import { formatReport, updateReadme, type BenchReport, type ReadRow, type WriteResult } from './support/report.js';
import { post, Served, startOurs, startScript } from './support/servers.js';

/**
 * `npm run bench -- [options]`: the whole benchmark in one run.
 *
 *   --stances N        the tier the three-way read comparison runs at (100k)
 *   --scale A,B,C      tiers of the scale curve (10k,100k,1m)
 *   --clients 1,10,50  concurrent clients
 *   --warmup S --duration S --rounds R   per measurement (2, 6, 2)
 *   --questions a,b    only these questions (names as in questions.ts; all by default)
 *   --tiny             a small, fast run for CI: checks that everything runs
 *   --skip-reads --skip-writes --skip-scale --no-readme
 *
 * Each tier lives in its own Neo4j home (.stance/bench-neo4j/<tier>),
 * generated once through the product's write path (data.ts) and reused;
 * with NEO4J_URI set, that database is used (and filled if needed) instead.
 * Reads: our service (dist/main.js, NODE_ENV=production), the raw driver
 * endpoint and @neo4j/graphql run side by side on the tier's data; autocannon
 * loads one at a time from this process, rounds alternating the order.
 * Writes and ingestion run in a throwaway empty Neo4j. Results go to
 * bench/results/latest.json (tiny: tiny.json) and a table to stdout and the
 * README's Performance section.
 *
 * STANCE_BENCH_OURS=DIR measures another build of the service as ours (an
 * earlier commit's dist/, built in a git worktree), for a before and after
 * on the same machine and data (bench:cpu reads it too).
 */

interface Options {
  tiny: boolean;
  stances: number;
  scale: number[];
  clients: number[];
  warmup: number;
  duration: number;
  rounds: number;
  skipWrites: boolean;
  skipReads: boolean;
  skipScale: boolean;
  readme: boolean;
  writeRows: number;
  articles: number;
  questions: string[] | null;
}

function options(): Options {
  const a = new Args();
  const tiny = a.has('tiny');
  const stances = a.count('stances', tiny ? 600 : 100_000);
  return {
    tiny,
    stances,
    scale: a.has('skip-scale') ? [stances] : a.counts('scale', tiny ? [stances] : [10_000, 100_000, 1_000_000]),
    clients: a.counts('clients', tiny ? [10] : [1, 10, 50]),
    warmup: a.seconds('warmup', tiny ? 0.3 : 2),
    duration: a.seconds('duration', tiny ? 0.8 : 6),
    rounds: a.count('rounds', tiny ? 1 : 2),
    skipWrites: a.has('skip-writes'),
    skipReads: a.has('skip-reads'),
    skipScale: a.has('skip-scale'),
    readme: !tiny && !a.has('no-readme'),
    writeRows: a.count('write-rows', tiny ? 400 : 20_000),
    articles: a.count('articles', tiny ? 10 : 300),
    questions: knownQuestions(a.string('questions')),
  };
}

function knownQuestions(list: string | null): string[] | null {
  if (list === null) return null;
  const names = list.split(',');
  const known = QUESTIONS.map((q) => q.name);
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length > 0)
    throw new Error(`--questions: no question ${unknown.join(', ')} (there are ${known.join(', ')})`);
  return names;
}

const t0 = performance.now();
const log = (line: string) =>
  process.stderr.write(`bench [${((performance.now() - t0) / 1000).toFixed(0)} s]: ${line}\n`);

async function main(): Promise<void> {
  const o = options();
  const started = new Date();
  const loadBefore = loadavg();
  log(`machine: ${cpus().length} x ${cpus()[0]?.model}, load ${loadBefore.map((l) => l.toFixed(2)).join(' ')}`);
  // The machine is shared: the 1-minute load average, every 10 s, says what else ran meanwhile.
  const loads: number[] = [];
  const sampler = setInterval(() => loads.push(loadavg()[0]), 10_000);
  sampler.unref();
  const external = fromEnv();
  const tiers = external ? [o.stances] : [...new Set([...o.scale, o.stances])].sort((x, y) => x - y);

  const report: BenchReport = {
    machine: {
      cpus: cpus().length,
      model: cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      neo4j: '5.26 Community',
      loadAverage: { before: loadBefore.map(round2), after: [] },
      freeMemoryGb: Math.round(freemem() / 2 ** 30),
    },
    startedAt: started.toISOString(),
    settings: {
      stances: o.stances,
      clients: o.clients,
      warmupSeconds: o.warmup,
      durationSeconds: o.duration,
      rounds: o.rounds,
      tiny: o.tiny,
    },
    graph: null,
    reads: [],
    profile: [],
    writes: null,
    memory: [],
    scale: [],
    agreement: [],
  };

  // The tiny run writes into its own throwaway database too (one server start fewer in CI).
  let tinyTarget: Neo4jTarget | null = null;
  for (const stances of o.skipReads ? [] : tiers) {
    const main = stances === o.stances;
    if (!main && o.skipScale) continue;
    const target = external ?? (await startTier(stances, o.tiny));
    if (o.tiny) tinyTarget = target;
    try {
      await ensureData(target, stances);
      const env = targetEnv(target);
      const driver = neo4j.driver(target.uri, neo4j.auth.basic(target.username, target.password));
      const cypher = new CypherRegistry();
      try {
        const qs = questions(stances).filter((q) => !o.questions || o.questions.includes(q.name));
        const graph = await graphCounts(driver, cypher);
        if (main) report.graph = { stances, ...graph };
        log(`tier ${tierLabel(stances)}: ${JSON.stringify(graph)}`);
        const profiles: QuestionProfile[] = [];
        for (const q of qs) profiles.push(await profileQuestion(driver, cypher, q));
        if (main) report.profile = profiles;

        const variants: Variant[] = main ? ['ours', 'raw', 'peer'] : ['ours', 'raw'];
        const servers = await startServers(variants, env);
        try {
          report.agreement.push(...(await agreement(qs, servers, stances, o.tiny ? 3 : 8)));
          // Every server and the database's caches warm on every question before anything counts.
          log('warming up every question on every server, until its throughput holds');
          for (const q of qs) await warmUp(q, servers, variants, o.tiny);
          // Memory at rest: every server warmed up, no load.
          const rest = Object.fromEntries(variants.map((v) => [v, rssMb(servers[v]!.process.pid)]));
          const neo4jRest = rssMb(target.pid);
          const peaks = new Peaks();
          for (const q of qs) {
            for (const clients of main ? o.clients : [10]) {
              const results = await measure(q, servers, clients, main ? o.rounds : 1, o, target.pid, peaks);
              if (main) report.reads.push(readRow(q, clients, results));
              if (clients === 10) {
                report.scale.push({
                  stances,
                  question: q.name,
                  ours: brief(results.ours!),
                  raw: brief(results.raw!),
                  dbHits: profiles.find((p) => p.question === q.name)!.dbHits,
                });
              }
            }
          }
          report.memory.push({
            stances,
            neo4j: { ...(await neo4jMemory(driver, cypher)), restMb: neo4jRest, peakMb: peaks.get('neo4j') },
            servers: variants.map((v) => ({
              variant: v,
              restMb: rest[v],
              peakMb: Object.fromEntries(
                (main ? o.clients : [10]).map((c) => [String(c), peaks.get(`${v} x${c}`)] as const),
              ),
            })),
          });
        } finally {
          await Promise.all(Object.values(servers).map((s) => s.stop()));
        }
      } finally {
        await driver.close();
      }
    } finally {
      if (!o.tiny) await target.stop();
    }
  }

  try {
    if (!o.skipWrites) report.writes = await measureWrites(o, tinyTarget);
  } finally {
    await tinyTarget?.stop();
  }
  clearInterval(sampler);
  report.machine.loadAverage.after = loadavg().map(round2);
  if (loads.length > 0) {
    report.machine.loadAverage.during = {
      mean: round2(loads.reduce((a, b) => a + b, 0) / loads.length),
      max: round2(Math.max(...loads)),
    };
  }
  report.finishedAt = new Date().toISOString();

  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, o.tiny ? 'tiny.json' : 'latest.json');
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  const table = formatReport(report);
  if (!o.tiny) writeFileSync(join(dir, 'latest.md'), table);
  process.stderr.write(`${table}\n`); // for people; the data is in bench/results
  if (o.readme) updateReadme(join(ROOT, 'README.md'), table);
  log(`results in ${file}${o.readme ? ' and README.md' : ''}`);

  const failures = report.reads.filter((r) => r.failures > 0);
  const disagreements = report.agreement.filter((a) => !a.agree && a.variant === 'raw');
  if (failures.length > 0 || disagreements.length > 0) {
    log(
      `FAILED: ${failures.length} measurements with failed requests, ${disagreements.length} answers where ours and raw differ`,
    );
    process.exit(1);
  }
}

async function startTier(stances: number, tiny: boolean): Promise<Neo4jTarget> {
  if (tiny) return startThrowaway('tiny');
  log(`starting the ${tierLabel(stances)} tier's Neo4j (${tierHome(tierLabel(stances))})`);
  return startHome(tierHome(tierLabel(stances)), { pagecache: tierPagecache(stances), heap: tierHeap(stances) });
}

/** Generates the tier's data unless its home says it is complete (data.ts is resumable). */
async function ensureData(target: Neo4jTarget, stances: number): Promise<void> {
  const marker = target.home ? readMarker(target.home) : null;
  if (marker && marker.stances === stances && marker.version === DATA_VERSION) return;
  log(`generating ${stances} stances through the product's write path (once per tier; progress below)`);
  const out = await child(join(import.meta.dirname, 'data.js'), ['--stances', String(stances)], targetEnv(target));
  if (target.home)
    writeMarker(target.home, { stances, version: DATA_VERSION, summary: JSON.parse(out.trim().split('\n').pop()!) });
}

function child(script: string, args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [script, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
    proc.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${script} exited with ${code}`))));
  });
}

async function graphCounts(driver: Driver, cypher: CypherRegistry): Promise<Record<string, number>> {
  const result = await driver.executeQuery(
    cypher.get('bench/graph-counts'),
    {},
    { database: process.env.NEO4J_DATABASE ?? 'neo4j' },
  );
  return recordToObject<Record<string, number>>(result.records[0]);
}

async function startServers(
  variants: Variant[],
  env: Record<string, string>,
): Promise<Partial<Record<Variant, Served>>> {
  const out: Partial<Record<Variant, Served>> = {};
  try {
    for (const v of variants) out[v] = v === 'ours' ? await startOurs(env) : await startScript(v, env);
  } catch (error) {
    await Promise.all(Object.values(out).map((s) => s.stop()));
    throw error;
  }
  log(`serving: ${variants.map((v) => `${v} ${out[v]!.url}`).join(', ')}`);
  return out;
}

function bodies(q: Question, v: Variant): string[] {
  return q.params.map((p) => JSON.stringify(v === 'raw' ? p : v === 'ours' ? q.ours(p) : q.peer(p)));
}

function urlOf(s: Served, q: Question, v: Variant): string {
  return v === 'raw' ? `${s.url.replace(/\/$/, '')}/${q.name}` : s.url;
}

/** Asks every question once per parameter set of each variant and compares the answers' digests with ours. */
async function agreement(qs: Question[], servers: Partial<Record<Variant, Served>>, stances: number, samples: number) {
  const out: BenchReport['agreement'] = [];
  for (const q of qs) {
    for (const [v, s] of Object.entries(servers) as Array<[Variant, Served]>) {
      if (v === 'ours') continue;
      let agree = true;
      let compared = 0;
      const b = bodies(q, v);
      const ours = bodies(q, 'ours');
      for (let i = 0; i < Math.min(samples, b.length); i++) {
        const mine = q.digest('ours', await post(servers.ours!.url, servers.ours!.headers, ours[i]));
        const theirs = q.digest(v, await post(urlOf(s, q, v), s.headers, b[i]));
        if (mine === null || theirs === null) continue;
        compared += 1;
        if (mine !== theirs) {
          agree = false;
          log(
            `${q.name}: ${v} answers differently from ours for ${ours[i]}\n  ours: ${mine.slice(0, 300)}\n  ${v}: ${theirs.slice(0, 300)}`,
          );
        }
      }
      out.push({ stances, question: q.name, variant: v, compared, agree });
    }
  }
  return out;
}

/**
 * Warms one question on every server until its throughput holds: 3 s loads
 * at 10 clients, the variants in turn, until each one's last two windows
 * agree within 10% (at most 20 windows each). A fresh Neo4j takes about a
 * minute of load to reach its pace (stances-page at 100k: 100 requests/s in
 * the first window, about 400 a minute later), and whichever variant were
 * measured first would otherwise pay for it.
 */
async function warmUp(q: Question, servers: Partial<Record<Variant, Served>>, variants: Variant[], tiny: boolean) {
  if (tiny) {
    for (const v of variants) await load(targetOf(q, servers, v), 10, 0.3);
    return;
  }
  const last = new Map<Variant, number[]>();
  const steady = (v: Variant) => {
    const [a, b] = (last.get(v) ?? []).slice(-2);
    return b !== undefined && Math.abs(b - a) <= 0.1 * a;
  };
  for (let window = 0; window < 20 && !variants.every(steady); window++)
    for (const v of variants) last.set(v, [...(last.get(v) ?? []), (await load(targetOf(q, servers, v), 10, 3)).rps]);
  log(`  ${q.name}: ${variants.map((v) => `${v} ${(last.get(v) ?? []).join(' → ')}`).join('; ')} requests/s`);
}

/** One question at one concurrency, every variant, `rounds` times with the order reversed each round. */
function targetOf(q: Question, servers: Partial<Record<Variant, Served>>, v: Variant) {
  const s = servers[v]!;
  return { url: urlOf(s, q, v), headers: s.headers, bodies: bodies(q, v) };
}

/** CPU milliseconds per answered request: the server's, and the database's. */
export interface CpuPerRequest {
  server: number | null;
  neo4j: number | null;
}

/**
 * One question at one concurrency, every variant, `rounds` times with the
 * order reversed each round; with the CPU time the server and Neo4j spent
 * per request (a measure the machine's other load disturbs far less than
 * latency).
 */
async function measure(
  q: Question,
  servers: Partial<Record<Variant, Served>>,
  clients: number,
  rounds: number,
  o: Options,
  neo4jPid: number | null,
  peaks: Peaks,
) {
  const variants = Object.keys(servers) as Variant[];
  const runs: Partial<Record<Variant, LoadResult[]>> = {};
  const cpu: Partial<Record<Variant, { server: number; neo4j: number; requests: number }>> = {};
  for (let r = 0; r < rounds; r++) {
    for (const v of r % 2 === 0 ? variants : [...variants].reverse()) {
      const target = targetOf(q, servers, v);
      await load(target, clients, o.warmup);
      const before = [cpuMs(servers[v]!.process.pid), cpuMs(neo4jPid)];
      const { result, peakMb } = await peakRss([servers[v]!.process.pid, neo4jPid], () =>
        load(target, clients, o.duration),
      );
      peaks.note(`${v} x${clients}`, peakMb[0]);
      peaks.note('neo4j', peakMb[1]);
      const after = [cpuMs(servers[v]!.process.pid), cpuMs(neo4jPid)];
      const c = (cpu[v] ??= { server: 0, neo4j: 0, requests: 0 });
      c.server += (after[0] ?? NaN) - (before[0] ?? NaN);
      c.neo4j += (after[1] ?? NaN) - (before[1] ?? NaN);
      c.requests += result.requests;
      (runs[v] ??= []).push(result);
      log(
        `${q.name} x${clients} ${v}: p50 ${result.p50} ms, p99 ${result.p99} ms, ${result.rps} req/s${result.failures ? `, ${result.failures} FAILED` : ''}`,
      );
    }
  }
  const per = (x: number, n: number) => (Number.isFinite(x) && n > 0 ? Math.round((x / n) * 100) / 100 : null);
  return Object.fromEntries(
    Object.entries(runs).map(([v, rs]) => {
      const c = cpu[v as Variant]!;
      return [v, { ...pooled(rs!), cpu: { server: per(c.server, c.requests), neo4j: per(c.neo4j, c.requests) } }];
    }),
  ) as Partial<Record<Variant, LoadResult & { cpu: CpuPerRequest }>>;
}

function brief(r: LoadResult & { cpu?: CpuPerRequest }) {
  return { p50: r.p50, p99: r.p99, rps: r.rps, ...(r.cpu ? { cpuMs: r.cpu } : {}) };
}

function readRow(
  q: Question,
  clients: number,
  r: Partial<Record<Variant, LoadResult & { cpu: CpuPerRequest }>>,
): ReadRow {
  const ours = r.ours!;
  const raw = r.raw!;
  const peer = r.peer!;
  return {
    question: q.name,
    clients,
    ours: brief(ours),
    raw: brief(raw),
    peer: brief(peer),
    ratios: {
      p50VsRaw: round2(ours.p50 / raw.p50),
      p99VsRaw: round2(ours.p99 / raw.p99),
      rpsVsPeer: round2(ours.rps / peer.rps),
    },
    failures: ours.failures + raw.failures + peer.failures,
  };
}

/** Writes and ingestion in a throwaway empty Neo4j (writes.ts in a child process); the tiny run reuses its own. */
async function measureWrites(o: Options, reuse: Neo4jTarget | null): Promise<WriteResult> {
  const target = reuse ?? (await startThrowaway('writes'));
  try {
    log('writes: our batched path against a bare UNWIND ... MERGE, then ingestArticle');
    const out = await child(
      join(import.meta.dirname, 'writes.js'),
      ['--rows', String(o.writeRows), '--articles', String(o.articles)],
      targetEnv(target),
    );
    return JSON.parse(out.trim().split('\n').pop()!) as WriteResult;
  } finally {
    if (!reuse) await target.stop();
  }
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
