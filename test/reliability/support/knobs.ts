/**
 * Sizes of the reliability run. The defaults fit CI (2 cores, a few minutes
 * for the whole tier); raise them to soak: STANCE_REL_INGESTERS=16
 * STANCE_REL_ARTICLES=400 STANCE_REL_FUZZ_RUNS=100000 npm run test:reliability
 */
function int(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number (got "${raw}")`);
  return value;
}

export const knobs = {
  /** Concurrent ingesting clients. */
  ingesters: int('STANCE_REL_INGESTERS', 8),
  /** Distinct generated articles in the concurrency test. */
  articles: int('STANCE_REL_ARTICLES', 40),
  /** Articles every ingester sends at the same instant. */
  hotArticles: int('STANCE_REL_HOT_ARTICLES', 6),
  /** Articles written during the fault test. */
  faultArticles: int('STANCE_REL_FAULT_ARTICLES', 40),
  /** Generated articles in the queue's fault test (one batch, a worker replica killed mid-run). */
  queueArticles: int('STANCE_REL_QUEUE_ARTICLES', 500),
  /** Malformed or hostile inputs, over HTTP and into the ingest pipeline, in total. */
  fuzzRuns: int('STANCE_REL_FUZZ_RUNS', 10000),
  /** Large anonymous requests in the memory test (1 MB each). */
  memoryRequests: int('STANCE_REL_MEMORY_REQUESTS', 2000),
  /** Seed of the generated articles and of fast-check (repeat a failure with it). */
  seed: int('STANCE_REL_SEED', 20240601),
};
