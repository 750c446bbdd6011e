import 'reflect-metadata';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import { PROJECT_ROOT } from '../src/common/project-root.js';
import { parseTextFile } from '../src/extraction/index.js';
import { syntheticArticle } from './extraction.js';
import { startRedis } from './support/redis-server.js';
import { startOurs, tokenFor, type Served } from './support/servers.js';

/**
 * `npm run bench:queue -- [--articles N] [--folder DIR] [--subscribers S] [--events E]`:
 * the scale-out measured with real processes on one Redis and one Neo4j
 * (a throwaway one, as npm runs it):
 * 1. bulk ingestion through the queue (BullMQ): N articles (generated, or the
 *    .txt files of DIR, each run its own) enqueued with ingestArticles, run by
 *    1 worker (one replica), 2 (two replicas, one each) and 4 (two replicas,
 *    two each): articles per second from the enqueue to the batch finished;
 *    the same pipeline as the ingest bench (with CORENLP_URL set, through the
 *    parser);
 * 2. subscription fan-out: S subscribers to stanceRecorded, half on each of
 *    two replicas, and E stances recorded through one of them: events
 *    delivered per second, and each delivery's delay after its recordStance
 *    answered.
 * Prints a table (stdout) and writes bench/results/queue-latest.json;
 * progress on stderr.
 */
function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number`);
  return value;
}
const folderArg = (() => {
  const i = process.argv.indexOf('--folder');
  return i >= 0 ? resolve(process.env.INIT_CWD ?? process.cwd(), process.argv[i + 1]) : null;
})();

const say = (text: string) => process.stderr.write(`bench:queue: ${text}\n`);

interface Article {
  text: string;
  publishedOn?: string | null;
  outlet?: string | null;
  title?: string | null;
  url?: string | null;
}

/** Texts for one run: generated ones numbered from `offset` (new every run), or the folder's (the same each run). */
function articlesFor(n: number, offset: number): Article[] {
  if (!folderArg)
    return Array.from({ length: n }, (_, i) => ({
      text: syntheticArticle(offset + i + 1),
      publishedOn: '2024-05-09',
      outlet: 'Bench Wire',
    }));
  return readdirSync(folderArg)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .slice(0, n)
    .map((f) => {
      const { metadata, text } = parseTextFile(readFileSync(join(folderArg, f), 'utf8'));
      // a run-specific first line: every run ingests new texts, as the generated ones are
      return { ...metadata, text: `Run ${offset}.\n\n${text}` };
    });
}

async function gql<T>(service: Served, query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await fetch(service.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenFor('editor')}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors).slice(0, 500)}`);
  return body.data!;
}

interface Batch {
  id: string;
  total: number;
  done: number;
  failed: number;
  finished: boolean;
}

/** Enqueues the articles in batches of 500 and waits for every batch; articles per second, end to end. */
async function throughput(replicas: Served[], articles: Article[]): Promise<{ seconds: number; failed: number }> {
  const t0 = performance.now();
  const ids: string[] = [];
  for (let from = 0; from < articles.length; from += 500) {
    const { ingestArticles } = await gql<{ ingestArticles: Batch }>(
      replicas[0],
      'mutation ($x: [IngestArticleInput!]!) { ingestArticles(articles: $x) { id total done failed finished } }',
      { x: articles.slice(from, from + 500) },
    );
    ids.push(ingestArticles.id);
  }
  let lastSaid = 0;
  for (;;) {
    const batches = await Promise.all(
      ids.map(
        async (id) =>
          (
            await gql<{ ingestBatch: Batch }>(
              replicas[replicas.length - 1],
              'query ($id: ID!) { ingestBatch(id: $id) { id total done failed finished } }',
              { id },
            )
          ).ingestBatch,
      ),
    );
    const ended = batches.reduce((n, b) => n + b.done + b.failed, 0);
    if (performance.now() - lastSaid > 5000) {
      lastSaid = performance.now();
      const s = (performance.now() - t0) / 1000;
      say(`  ${ended}/${articles.length} (${(ended / s).toFixed(1)}/s)`);
    }
    if (batches.every((b) => b.finished))
      return { seconds: (performance.now() - t0) / 1000, failed: batches.reduce((n, b) => n + b.failed, 0) };
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** S subscribers across the replicas, E stances recorded through the first: deliveries per second and delays. */
async function fanOut(replicas: Served[], subscribers: number, events: number) {
  const tag = Date.now().toString(36);
  const actorIds = Array.from({ length: 10 }, (_, i) => `fanout-state-${tag}-${i}`);
  const proposalIds = Array.from({ length: Math.ceil(events / 10) }, (_, i) => `fanout-proposal-${tag}-${i}`);
  for (const id of actorIds)
    await gql(replicas[0], 'mutation ($a: UpsertActorInput!) { upsertActor(input: $a) { id } }', {
      a: { id, name: id.replace(/-/g, ' '), kind: 'STATE' },
    });
  for (const id of proposalIds)
    await gql(replicas[0], 'mutation ($p: UpsertProposalInput!) { upsertProposal(input: $p) { id } }', {
      p: { id, name: id.replace(/-/g, ' ') },
    });
  const answeredAt = new Map<string, number>();
  const delays: number[] = [];
  let delivered = 0;
  let lastAt = 0;
  const clients: Client[] = [];
  await Promise.all(
    Array.from({ length: subscribers }, (_, i) => {
      const replica = replicas[i % replicas.length];
      const client = createClient({
        url: replica.url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${tokenFor('reader')}` },
        lazy: false,
        retryAttempts: 0,
      });
      clients.push(client);
      return new Promise<void>((ready) => {
        client.on('connected', () => ready());
        client.subscribe<{ stanceRecorded: { id: string } }>(
          { query: 'subscription { stanceRecorded { id } }' },
          {
            next: (m) => {
              const id = m.data?.stanceRecorded.id;
              if (!id) return;
              delivered += 1;
              lastAt = performance.now();
              const sent = answeredAt.get(id);
              if (sent !== undefined) delays.push(lastAt - sent);
            },
            error: () => undefined,
            complete: () => undefined,
          },
        );
      });
    }),
  );
  await new Promise((r) => setTimeout(r, 1000));
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let i = next++; i < events; i = next++) {
        const { recordStance } = await gql<{ recordStance: { id: string } }>(
          replicas[0],
          'mutation ($i: RecordStanceInput!) { recordStance(input: $i) { id } }',
          {
            i: {
              actorId: actorIds[i % actorIds.length],
              proposalId: proposalIds[Math.floor(i / actorIds.length)],
              position: 'SUPPORT',
              statedOn: '2024-05-09',
            },
          },
        );
        answeredAt.set(recordStance.id, performance.now());
      }
    }),
  );
  const expected = events * subscribers;
  const deadline = performance.now() + 60_000;
  while (delivered < expected && performance.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  for (const c of clients) await c.dispose();
  delays.sort((x, y) => x - y);
  const q = (p: number) => Math.round(delays[Math.min(delays.length - 1, Math.floor(p * delays.length))] ?? NaN);
  return {
    subscribers,
    events,
    delivered,
    expected,
    seconds: Number(((lastAt - t0) / 1000).toFixed(2)),
    deliveredPerSecond: Math.round(delivered / ((lastAt - t0) / 1000)),
    delayMs: { p50: q(0.5), p99: q(0.99) },
  };
}

async function main(): Promise<void> {
  const n = arg('articles', 200);
  const subscribers = arg('subscribers', 200);
  const events = arg('events', 200);
  const redis = await startRedis();
  say(
    `Redis ${redis.url}; ${n} articles per run (${folderArg ?? 'generated'}); parser: ${process.env.CORENLP_URL || 'none (patterns)'}`,
  );
  const runs: Array<{ workers: number; replicas: number; articlesPerSecond: number; seconds: number; failed: number }> =
    [];
  const layouts = [
    { workers: 1, replicas: 1, each: 1 },
    { workers: 2, replicas: 2, each: 1 },
    { workers: 4, replicas: 2, each: 2 },
  ];
  let fan: Awaited<ReturnType<typeof fanOut>> | null = null;
  try {
    for (const [k, layout] of layouts.entries()) {
      say(`${layout.workers} worker(s): ${layout.replicas} replica(s) x ${layout.each}`);
      const replicas = await Promise.all(
        Array.from({ length: layout.replicas }, () =>
          startOurs({ REDIS_URL: redis.url, STANCE_INGEST_CONCURRENCY: String(layout.each) }),
        ),
      );
      try {
        const { seconds, failed } = await throughput(replicas, articlesFor(n, k * 100_000));
        runs.push({
          ...layout,
          articlesPerSecond: Number((n / seconds).toFixed(2)),
          seconds: Number(seconds.toFixed(1)),
          failed,
        });
        say(`  ${(n / seconds).toFixed(2)} articles/s (${failed} failed)`);
        if (layout.replicas === 2 && !fan) {
          say(`fan-out: ${subscribers} subscribers over 2 replicas, ${events} stances`);
          fan = await fanOut(replicas, subscribers, events);
        }
      } finally {
        await Promise.all(replicas.map((r) => r.stop()));
      }
    }
  } finally {
    await redis.stop();
  }
  const result = {
    machine: `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}`,
    loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
    parser: process.env.CORENLP_URL ? 'corenlp' : 'patterns',
    source: folderArg ?? 'generated',
    articles: n,
    runs,
    fanOut: fan,
  };
  const dir = join(PROJECT_ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'queue-latest.json'), JSON.stringify(result, null, 2) + '\n');
  const lines = [
    `| workers (replicas x each) | articles/s | seconds for ${n} | failed |`,
    '|---|---:|---:|---:|',
    ...runs.map(
      (r) =>
        `| ${r.workers} (${r.replicas} x ${r.workers / r.replicas}) | ${r.articlesPerSecond} | ${r.seconds} | ${r.failed} |`,
    ),
  ];
  if (fan)
    lines.push(
      '',
      `| fan-out | subscribers | stances | delivered / expected | deliveries/s | delay p50 / p99 ms |`,
      '|---|---:|---:|---:|---:|---:|',
      `| 2 replicas | ${fan.subscribers} | ${fan.events} | ${fan.delivered} / ${fan.expected} | ${fan.deliveredPerSecond} | ${fan.delayMs.p50} / ${fan.delayMs.p99} |`,
    );
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
