import type { TestApp } from '../../support/app.js';

/** Node labels and the property their uniqueness constraint is on. */
const KEYS: Array<[string, string]> = [
  ['Actor', 'id'],
  ['Proposal', 'id'],
  ['Stance', 'id'],
  ['Article', 'id'],
  ['Outlet', 'name'],
  ['MinHashBand', 'key'],
];

export interface Integrity {
  duplicateNodes: number;
  duplicateRelationships: Record<string, number>;
  pairsWithSeveralCurrentEdges: number;
  pairsWithWrongCurrentEdge: number;
  stancesWithSeveralSupersedes: number;
}

/**
 * What "nothing duplicated" means, checked over the whole graph: no two
 * nodes with the same key; no two relationships with the same (start, type,
 * end, key); one current-stance edge per (actor, proposal), pointing at the
 * latest live stance; at most one SUPERSEDES per stance.
 */
export async function integrity(t: TestApp): Promise<Integrity> {
  let duplicateNodes = 0;
  for (const [label, key] of KEYS) {
    const [row] = await t.cypher<{ d: number }>(
      `MATCH (n:${label}) WITH n.${key} AS k, count(*) AS c WHERE c > 1 RETURN toInteger(count(*)) AS d`,
    );
    duplicateNodes += Number(row.d);
  }
  const rels = await t.cypher<{ type: string; extra: number }>(
    `MATCH (a)-[r]->(b)
     WITH elementId(a) AS s, type(r) AS t, elementId(b) AS e, r.key AS k, count(*) AS c
     WHERE c > 1
     RETURN t AS type, toInteger(sum(c - 1)) AS extra`,
  );
  const [current] = await t.cypher<{ several: number }>(
    `MATCH (a:Actor)-[r:SUPPORTS|OPPOSES|NONCOMMITTAL_ON]->(p:Proposal)
     WITH a, p, count(r) AS c WHERE c > 1 RETURN toInteger(count(*)) AS several`,
  );
  const [wrong] = await t.cypher<{ wrong: number }>(
    `MATCH (a:Actor)-[:HOLDS]->(s:Stance)-[:ON]->(p:Proposal)
     WHERE s.status IN ['PROPOSED', 'CONFIRMED']
     WITH a, p, s ORDER BY coalesce(s.effectiveOn, '') DESC, s.recordedAt DESC, s.id DESC
     WITH a, p, collect(s)[0] AS latest
     OPTIONAL MATCH (a)-[r:SUPPORTS|OPPOSES|NONCOMMITTAL_ON]->(p)
     WITH latest, collect(r.stanceId) AS current
     WHERE current <> [latest.id]
     RETURN toInteger(count(*)) AS wrong`,
  );
  const [supersedes] = await t.cypher<{ several: number }>(
    `MATCH (s:Stance)-[r:SUPERSEDES]->() WITH s, count(r) AS c WHERE c > 1 RETURN toInteger(count(*)) AS several`,
  );
  return {
    duplicateNodes,
    duplicateRelationships: Object.fromEntries(rels.map((r) => [r.type, Number(r.extra)])),
    pairsWithSeveralCurrentEdges: Number(current.several),
    pairsWithWrongCurrentEdge: Number(wrong.wrong),
    stancesWithSeveralSupersedes: Number(supersedes.several),
  };
}

export const INGEST = `mutation Ingest($input: IngestArticleInput!) {
  ingestArticle(input: $input) { duplicate article { id } stances { id position actor { id } proposal { id } } }
}`;

export interface IngestAnswer {
  ok: boolean;
  status: number;
  codes: string[];
  articleId?: string;
  duplicate?: boolean;
  stanceIds?: string[];
  ms: number;
}

/** One ingestArticle over HTTP with a bearer token; never throws for an answer, only for a dead socket. */
export async function ingestOverHttp(
  url: string,
  token: string,
  input: Record<string, unknown>,
  timeoutMs = 60_000,
): Promise<IngestAnswer> {
  const started = Date.now();
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: INGEST, variables: { input } }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = (await res.json()) as {
    data?: {
      ingestArticle?: { duplicate: boolean; article: { id: string }; stances: Array<{ id: string }> } | null;
    } | null;
    errors?: Array<{ extensions?: { code?: string } }>;
  };
  const result = body.data?.ingestArticle ?? null;
  return {
    ok: !!result && !body.errors,
    status: res.status,
    codes: (body.errors ?? []).map((e) => e.extensions?.code ?? 'NONE'),
    articleId: result?.article.id,
    duplicate: result?.duplicate,
    stanceIds: result?.stances.map((s) => s.id),
    ms: Date.now() - started,
  };
}

/**
 * ingestOverHttp for many articles at once, from a worker thread: the
 * requests are built, sent and their answers parsed on another event loop
 * and heap, as a client in another process would, so that what a liveness
 * probe in this process measures is the service's own work, not the test
 * client's (6 MB of bodies to serialise and answers to parse in a burst).
 */
export async function ingestBurstFromWorker(
  url: string,
  token: string,
  inputs: Array<Record<string, unknown>>,
  timeoutMs = 600_000,
): Promise<IngestAnswer[]> {
  const { Worker } = await import('node:worker_threads');
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    const { url, token, inputs, query, timeoutMs } = workerData;
    const one = async (input) => {
      const started = Date.now();
      const res = await fetch(url + '/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer ' + token },
        body: JSON.stringify({ query, variables: { input } }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const body = await res.json();
      const result = (body.data && body.data.ingestArticle) || null;
      return {
        ok: !!result && !body.errors,
        status: res.status,
        codes: (body.errors || []).map((e) => (e.extensions && e.extensions.code) || 'NONE'),
        articleId: result ? result.article.id : undefined,
        duplicate: result ? result.duplicate : undefined,
        stanceIds: result ? result.stances.map((s) => s.id) : undefined,
        ms: Date.now() - started,
      };
    };
    Promise.all(inputs.map(one)).then((answers) => parentPort.postMessage({ answers }), (error) => parentPort.postMessage({ error: String(error) }));
  `;
  const worker = new Worker(source, { eval: true, workerData: { url, token, inputs, query: INGEST, timeoutMs } });
  try {
    const message = await new Promise<{ answers?: IngestAnswer[]; error?: string }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    if (message.error || !message.answers) throw new Error(`the burst client failed: ${message.error}`);
    return message.answers;
  } finally {
    await worker.terminate();
  }
}

/** A metric's value from the app's /metrics (summed over the given label filter). */
export async function metricValue(url: string, name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  let total = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const m = /^([a-z_]+)(\{[^}]*\})?\s+([0-9.eE+-]+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const labelText = m[2] ?? '';
    if (Object.entries(labels).every(([k, v]) => labelText.includes(`${k}="${v}"`))) total += Number(m[3]);
  }
  return total;
}
