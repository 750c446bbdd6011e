import { startTestApp, TestApp } from '../support/app.js';
import { generateArticles, type GeneratedArticle } from './support/articles.js';
import { startDedicatedNeo4j, type DedicatedNeo4j } from './support/dedicated-neo4j.js';
import { recordFigures } from './support/figures.js';
import { ingestOverHttp, integrity, type IngestAnswer } from './support/graph-checks.js';
import { knobs } from './support/knobs.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const WRITERS = 4;
const OUTAGE_MS = 4000;

/**
 * Item 5 of issue 5: Neo4j is killed in the middle of an ingest load and
 * started again, on a container of this test's own. Meanwhile readiness
 * says not ready and requests get SERVICE_UNAVAILABLE (never a 500); after
 * recovery every write the client saw acknowledged is there (the test keeps
 * a ledger), no article is half written, and the same process serves again
 * within 30 s.
 */
describe('a Neo4j outage in the middle of an ingest load', () => {
  let db: DedicatedNeo4j;
  let t: TestApp;
  const saved = { ...process.env };

  beforeAll(async () => {
    db = await startDedicatedNeo4j();
    // A short retry window, so requests during the outage answer within seconds.
    t = await startTestApp({
      NEO4J_URI: db.boltUri,
      NEO4J_USERNAME: db.username,
      NEO4J_PASSWORD: db.password,
      NEO4J_MAX_RETRY_MS: '3000',
    });
  }, 180_000);

  afterAll(async () => {
    await t?.close().catch(() => undefined);
    await db?.remove();
    for (const k of ['NEO4J_URI', 'NEO4J_USERNAME', 'NEO4J_PASSWORD', 'NEO4J_MAX_RETRY_MS']) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });

  it('loses no acknowledged write, half-writes no article, and recovers without a restart', async () => {
    const runTag = `fault-${Date.now().toString(36)}`;
    const articles = generateArticles(knobs.faultArticles, knobs.seed + 7, runTag);
    const ledger = new Map<string, { article: GeneratedArticle; answer: IngestAnswer }>();
    const refusals: Record<string, number> = {};
    let transportErrors = 0;
    const answerCodes = new Set<string>();
    let outageStarted = 0;
    let outageOver = false;

    const ingest = async (article: GeneratedArticle): Promise<IngestAnswer | null> => {
      try {
        const answer = await ingestOverHttp(t.url, t.tokens.editor, {
          text: article.text,
          url: article.url,
          outlet: article.outlet,
          title: article.title,
          publishedOn: article.publishedOn,
        });
        if (answer.ok) ledger.set(article.key, { article, answer });
        else for (const code of answer.codes) refusals[code] = (refusals[code] ?? 0) + 1;
        answer.codes.forEach((c) => answerCodes.add(`${answer.status}:${c}`));
        return answer;
      } catch {
        transportErrors += 1;
        return null;
      }
    };

    // The load: WRITERS clients, each through its share of the articles, in order.
    const queue = [...articles];
    const writers = Array.from({ length: WRITERS }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        await ingest(next);
        if (outageStarted && !outageOver) await sleep(100);
      }
    });

    // The fault: once a third of the articles are acknowledged, kill Neo4j.
    while (ledger.size < articles.length / 3) await sleep(50);
    const acknowledgedBefore = ledger.size;
    await db.kill();
    outageStarted = Date.now();

    // While it is down: not ready, and a read is refused with SERVICE_UNAVAILABLE.
    const readiness: number[] = [];
    const readCodes: string[] = [];
    const down = () => Date.now() - outageStarted < OUTAGE_MS;
    await Promise.all([
      (async () => {
        while (down()) {
          readiness.push((await fetch(`${t.url}/health/ready`)).status);
          await sleep(250);
        }
      })(),
      (async () => {
        while (down()) {
          const read = await t.gql(`{ actors(first: 1) { totalCount } }`);
          readCodes.push(read.errors?.[0]?.extensions?.code ?? 'OK');
        }
      })(),
    ]);
    expect(readiness.every((s) => s === 503)).toBe(true);
    expect(readCodes.filter((c) => c !== 'OK').every((c) => c === 'SERVICE_UNAVAILABLE')).toBe(true);
    expect(readCodes).toContain('SERVICE_UNAVAILABLE');
    expect((await fetch(`${t.url}/health/live`)).status).toBe(200);

    // Start it again, and time the way back.
    await db.start();
    const restarted = Date.now();
    let neo4jBackAt = 0;
    let readyAt = 0;
    while (Date.now() - restarted < 120_000) {
      if (!neo4jBackAt && (await db.answers())) neo4jBackAt = Date.now();
      if ((await fetch(`${t.url}/health/ready`)).status === 200) {
        readyAt = Date.now();
        neo4jBackAt ||= readyAt;
        break;
      }
      await sleep(200);
    }
    expect(readyAt).toBeGreaterThan(0);
    outageOver = true;
    await Promise.all(writers);
    // Every write the client was refused is sent again now (ingest is idempotent).
    for (const article of articles.filter((a) => !ledger.has(a.key))) await ingest(article);
    const lastIngest = await ingest(articles[0]);
    expect(lastIngest?.ok).toBe(true);

    // 1. Every acknowledged write is present.
    const ids = [...ledger.values()].map(({ answer }) => ({ id: answer.articleId!, stances: answer.stanceIds! }));
    const [missing] = await t.cypher<{ articles: number; stances: number }>(
      `UNWIND $ids AS x
       OPTIONAL MATCH (art:Article {id: x.id})
       WITH x, art
       CALL (x, art) {
         UNWIND x.stances AS sid
         OPTIONAL MATCH (s:Stance {id: sid})-[:EVIDENCED_BY]->(art)
         RETURN count(*) - count(s) AS gone
       }
       RETURN toInteger(sum(CASE WHEN art IS NULL THEN 1 ELSE 0 END)) AS articles, toInteger(sum(gone)) AS stances`,
      { ids },
    );
    expect({ articles: Number(missing.articles), stances: Number(missing.stances) }).toEqual({
      articles: 0,
      stances: 0,
    });

    // 2. No article is half written: each one present has all its expected stances.
    const present = await t.cypher<{ url: string; found: string[] }>(
      `MATCH (art:Article) WHERE art.url STARTS WITH $prefix
       CALL (art) {
         MATCH (a:Actor)-[:HOLDS]->(s:Stance)-[:EVIDENCED_BY]->(art), (s)-[:ON]->(p:Proposal)
         RETURN collect(a.id + ' ' + s.position + ' ' + p.id) AS found
       }
       RETURN art.url AS url, found`,
      { prefix: `https://reliability.example/${runTag}/` },
    );
    expect(present).toHaveLength(articles.length);
    for (const row of present) {
      const article = articles.find((a) => a.url === row.url)!;
      expect([...row.found].sort()).toEqual(
        article.expected.map((e) => `${e.actorId} ${e.position} ${e.proposalId}`).sort(),
      );
    }
    const check = await integrity(t);
    expect(check.duplicateNodes + Object.values(check.duplicateRelationships).reduce((a, b) => a + b, 0)).toBe(0);

    // 3. The service was back within 30 s of the database (Neo4j's own start,
    // crash recovery included, is not the service's to speed up), in the same
    // process, and nothing was answered as an internal error.
    const recoverySeconds = (readyAt - neo4jBackAt) / 1000;
    expect(recoverySeconds).toBeLessThanOrEqual(30);
    const badCodes = [...answerCodes].filter((c) => !c.endsWith(':SERVICE_UNAVAILABLE'));
    expect(badCodes).toEqual([]);

    recordFigures('fault', {
      articles: articles.length,
      writers: WRITERS,
      acknowledgedBeforeKill: acknowledgedBefore,
      acknowledgedWrites: ledger.size,
      refusedWhileDown: refusals,
      transportErrors,
      readinessWhileDown: `${readiness.filter((s) => s === 503).length}/${readiness.length} probes answered 503`,
      readsWhileDown: readCodes.reduce<Record<string, number>>((acc, c) => ({ ...acc, [c]: (acc[c] ?? 0) + 1 }), {}),
      secondsNeo4jTookToRestart: Number(((neo4jBackAt - restarted) / 1000).toFixed(1)),
      secondsServiceTookAfterNeo4j: Number(recoverySeconds.toFixed(1)),
      secondsOfWholeOutage: Number(((readyAt - outageStarted) / 1000).toFixed(1)),
      writesLost: Number(missing.articles) + Number(missing.stances),
      halfWrittenArticles: 0,
      processRestarts: 0,
    });
  });
});
