import { readFileSync } from 'node:fs';
import type { Driver } from 'neo4j-driver';
import type { CypherRegistry } from '../../src/neo4j/cypher-registry.js';
import { recordToObject } from '../../src/neo4j/neo4j-mapper.js';

/** A process's resident memory in MB (VmRSS), or null when it cannot be read. */
export function rssMb(pid: number | null | undefined): number | null {
  if (!pid) return null;
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmRSS:'));
    return line ? Math.round(Number(line.split(/\s+/)[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** The highest resident memory of some processes while `work` runs, sampled every 200 ms. */
export async function peakRss<T>(
  pids: Array<number | null | undefined>,
  work: () => Promise<T>,
): Promise<{ result: T; peakMb: Array<number | null> }> {
  const peak: Array<number | null> = pids.map((p) => rssMb(p));
  const sample = () =>
    pids.forEach((p, i) => {
      const mb = rssMb(p);
      if (mb !== null) peak[i] = Math.max(peak[i] ?? 0, mb);
    });
  const timer = setInterval(sample, 200);
  try {
    const result = await work();
    sample();
    return { result, peakMb: peak };
  } finally {
    clearInterval(timer);
  }
}

export interface Neo4jMemory {
  /** The settings in force: heap initial and maximum size, page cache size. */
  settings: Record<string, string>;
  /** The JVM's heap in MB: the most it may take, and what it has committed. */
  heapMaxMb: number;
  heapCommittedMb: number;
}

const SETTINGS = ['server.memory.heap.initial_size', 'server.memory.heap.max_size', 'server.memory.pagecache.size'];

/** Neo4j's memory as it reports it (cypher/bench/heap, cypher/bench/memory-settings). */
export async function neo4jMemory(driver: Driver, cypher: CypherRegistry): Promise<Neo4jMemory> {
  const session = driver.session();
  try {
    const heap = recordToObject<{ max: number; committed: number }>(
      (await session.run(cypher.get('bench/heap'))).records[0],
    );
    const settings = (await session.run(cypher.get('bench/memory-settings'), { names: SETTINGS })).records.map((r) =>
      recordToObject<{ name: string; value: string }>(r),
    );
    const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
    return {
      settings: Object.fromEntries(settings.map((s) => [s.name, s.value])),
      heapMaxMb: mb(heap.max),
      heapCommittedMb: mb(heap.committed),
    };
  } finally {
    await session.close();
  }
}

/** The highest of each thing measured, by key ("ours x50", "neo4j"). */
export class Peaks {
  private readonly peaks = new Map<string, number>();

  note(key: string, mb: number | null): void {
    if (mb !== null) this.peaks.set(key, Math.max(this.peaks.get(key) ?? 0, mb));
  }

  get(key: string): number | null {
    return this.peaks.get(key) ?? null;
  }
}

/** What the bench reports of memory, per tier: the servers' at rest and at their peak under each load, and Neo4j's. */
export interface TierMemory {
  stances: number;
  neo4j: Neo4jMemory & { restMb: number | null; peakMb: number | null };
  servers: Array<{ variant: string; restMb: number | null; peakMb: Record<string, number | null> }>;
}
