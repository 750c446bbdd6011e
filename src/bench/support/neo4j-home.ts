import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The project root: src/bench/support and dist/bench/support are three levels down. */
export const ROOT = join(import.meta.dirname, '..', '..', '..');

export interface Neo4jTarget {
  uri: string;
  username: string;
  password: string;
  /** Where the data lives (null: a server named by NEO4J_URI). */
  home: string | null;
  stop(): Promise<void>;
}

/**
 * Memory for a bench server: the page cache holds the whole store up to the
 * 1M tier (about 2 GB on disk), so reads measure the engine, not the disk.
 */
function localConf(pagecache: string): string {
  return ['# Written by the bench (src/bench/support/neo4j-home.ts).', `server.memory.pagecache.size=${pagecache}`, 'db.transaction.timeout=300s', ''].join('\n');
}

/**
 * A local Neo4j 5.26 (infra/neo4j/server.sh) with its data in `home`, on
 * free loopback ports. A persistent home (one per tier, under
 * .stance/bench-neo4j) keeps its data between runs; a throwaway one is
 * deleted by stop().
 */
export async function startHome(home: string, options: { throwaway?: boolean; pagecache?: string } = {}): Promise<Neo4jTarget> {
  mkdirSync(home, { recursive: true });
  writeFileSync(join(home, 'neo4j.local.conf'), localConf(options.pagecache ?? '1g'));
  const [bolt, http] = await freePorts(2);
  const env = { ...process.env, STANCE_NEO4J_HOME: home, NEO4J_BOLT_PORT: String(bolt), NEO4J_HTTP_PORT: String(http) };
  const out = await run('bash', [join(ROOT, 'infra', 'neo4j', 'server.sh'), 'start'], { env, cwd: ROOT, maxBuffer: 1 << 20 });
  const vars = Object.fromEntries(
    out.stdout
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  return {
    uri: vars.NEO4J_URI,
    username: vars.NEO4J_USERNAME,
    password: vars.NEO4J_PASSWORD,
    home,
    async stop() {
      await run('bash', [join(ROOT, 'infra', 'neo4j', 'server.sh'), 'stop'], { env, cwd: ROOT });
      if (options.throwaway) rmSync(home, { recursive: true, force: true });
    },
  };
}

/** A fresh empty database, deleted when stopped. */
export function startThrowaway(label: string): Promise<Neo4jTarget> {
  mkdirSync(join(ROOT, '.stance'), { recursive: true });
  return startHome(mkdtempSync(join(ROOT, '.stance', `bench-${label}-`)), { throwaway: true });
}

/** The server NEO4J_URI names (never stopped by the bench). */
export function fromEnv(): Neo4jTarget | null {
  const uri = process.env.NEO4J_URI;
  if (!uri) return null;
  return {
    uri,
    username: process.env.NEO4J_USERNAME ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
    home: null,
    async stop() {},
  };
}

export function tierHome(label: string): string {
  return join(ROOT, '.stance', 'bench-neo4j', label);
}

/** What a tier's home says it holds: written once its data is complete. */
export function readMarker(home: string): { stances: number; version: number } | null {
  const file = join(home, 'bench-data.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { stances: number; version: number }) : null;
}

export function writeMarker(home: string, value: object): void {
  writeFileSync(join(home, 'bench-data.json'), `${JSON.stringify(value, null, 2)}\n`);
}

export function targetEnv(t: Neo4jTarget): Record<string, string> {
  return { NEO4J_URI: t.uri, NEO4J_USERNAME: t.username, NEO4J_PASSWORD: t.password };
}

export async function freePorts(n: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<ReturnType<typeof createServer>>((resolve) => {
          const s = createServer();
          s.listen(0, '127.0.0.1', () => resolve(s));
        }),
    ),
  );
  const ports = servers.map((s) => (s.address() as { port: number }).port);
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return ports;
}
