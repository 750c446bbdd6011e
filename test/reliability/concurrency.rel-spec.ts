import { startTestApp, TestApp } from '../support/app.js';
import { generateArticles, rng, type GeneratedArticle } from './support/articles.js';
import { recordFigures } from './support/figures.js';
import { ingestOverHttp, integrity, metricValue, type IngestAnswer } from './support/graph-checks.js';
import { knobs } from './support/knobs.js';

/**
 * Item 4 of issue 5: N concurrent ingesters (8 by default) over overlapping
 * sets of generated articles, the same article sent by every ingester at the
 * same instant included, against the real service and a real Neo4j. After
 * the load: no duplicate node or relationship, every expected stance
 * present, each article's evidence counted once, the current-stance edges
 * right, and the deadlocks the load caused retried (counted on /metrics).
 */
describe('concurrent ingestion', () => {
  let t: TestApp;
  const runTag = `conc-${Date.now().toString(36)}`;
  let articles: GeneratedArticle[];

  beforeAll(async () => {
    t = await startTestApp();
    articles = generateArticles(knobs.articles, knobs.seed, runTag);
  });

  afterAll(async () => {
    await t?.close();
  });

  it(`${knobs.ingesters} ingesters on overlapping articles leave no duplicates and lose no stance`, async () => {
    const input = (a: GeneratedArticle) => ({
      text: a.text,
      url: a.url,
      outlet: a.outlet,
      title: a.title,
      publishedOn: a.publishedOn,
    });
    const answers: Array<{ article: GeneratedArticle; answer: IngestAnswer }> = [];
    const retriesBefore = await metricValue(t.url, 'stance_neo4j_transaction_retries_total', { mode: 'write' });
    const started = Date.now();

    // 1. The same article from every ingester at the same instant, a few times over.
    const hot = articles.slice(0, knobs.hotArticles);
    for (const article of hot) {
      const all = await Promise.all(
        Array.from({ length: knobs.ingesters }, () => ingestOverHttp(t.url, t.tokens.editor, input(article))),
      );
      for (const answer of all) answers.push({ article, answer });
    }

    // 2. Every ingester sends its own overlapping share, in its own order, all at once.
    const r = rng(knobs.seed + 1);
    const shares = Array.from({ length: knobs.ingesters }, (_, i) => {
      const share = articles.filter((_, k) => k % knobs.ingesters === i || r() < 0.5);
      for (let k = share.length - 1; k > 0; k--) {
        const j = Math.floor(r() * (k + 1));
        [share[k], share[j]] = [share[j], share[k]];
      }
      return share;
    });
    await Promise.all(
      shares.map(async (share) => {
        for (const article of share)
          answers.push({ article, answer: await ingestOverHttp(t.url, t.tokens.editor, input(article)) });
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    const retries =
      (await metricValue(t.url, 'stance_neo4j_transaction_retries_total', { mode: 'write' })) - retriesBefore;

    // Every request was answered with an acknowledged ingest.
    const failures = answers.filter((a) => !a.answer.ok);
    expect(failures.map((f) => `${f.article.key}: ${f.answer.status} ${f.answer.codes.join(',')}`)).toEqual([]);

    // All answers for one article name the same article node.
    const idOf = new Map<string, Set<string>>();
    for (const { article, answer } of answers)
      idOf.set(article.key, (idOf.get(article.key) ?? new Set()).add(answer.articleId!));
    for (const ids of idOf.values()) expect(ids.size).toBe(1);

    // No duplicates anywhere in the graph.
    const check = await integrity(t);
    expect(check).toEqual({
      duplicateNodes: 0,
      duplicateRelationships: {},
      pairsWithSeveralCurrentEdges: 0,
      pairsWithWrongCurrentEdge: 0,
      stancesWithSeveralSupersedes: 0,
    });

    // Every expected stance is there, evidenced by its article exactly once.
    const rows = await t.cypher<{
      key: string;
      found: Array<{ actor: string; proposal: string; position: string; edges: number }>;
    }>(
      `UNWIND $arts AS x
       MATCH (art:Article {id: x.id})
       CALL (art) {
         MATCH (a:Actor)-[:HOLDS]->(s:Stance)-[e:EVIDENCED_BY]->(art)
         MATCH (s)-[:ON]->(p:Proposal)
         RETURN collect({actor: a.id, proposal: p.id, position: s.position, edges: 1}) AS found
       }
       RETURN x.key AS key, found`,
      { arts: [...idOf.entries()].map(([key, ids]) => ({ key, id: [...ids][0] })) },
    );
    expect(rows).toHaveLength(articles.length);
    let expectedStances = 0;
    for (const row of rows) {
      const article = articles.find((a) => a.key === row.key)!;
      const found = row.found.map((f) => `${f.actor} ${f.position} ${f.proposal}`);
      const want = article.expected.map((e) => `${e.actorId} ${e.position} ${e.proposalId}`);
      expectedStances += want.length;
      // Each expected stance once: evidence from one article counts once.
      expect(found.sort()).toEqual(want.sort());
    }
    // sourceCount is the number of distinct reports; here every article is its own report.
    const [sources] = await t.cypher<{ wrong: number }>(
      `MATCH (s:Stance)-[:EVIDENCED_BY]->(art:Article)
       WHERE art.url STARTS WITH $prefix
       WITH s, count(DISTINCT art) AS articles, count(DISTINCT art.reportId) AS reports, count(*) AS edges
       WHERE articles <> reports OR edges <> articles
       RETURN toInteger(count(*)) AS wrong`,
      { prefix: `https://reliability.example/${runTag}/` },
    );
    expect(Number(sources.wrong)).toBe(0);

    recordFigures('concurrency', {
      ingesters: knobs.ingesters,
      articles: articles.length,
      sameInstantArticles: hot.length,
      requests: answers.length,
      acknowledged: answers.length - failures.length,
      duplicatesAnswered: answers.filter((a) => a.answer.duplicate).length,
      expectedStancesPresent: `${expectedStances}/${expectedStances}`,
      duplicateNodes: check.duplicateNodes,
      duplicateRelationships: Object.values(check.duplicateRelationships).reduce((a, b) => a + b, 0),
      deadlockRetries: retries,
      seconds: Number(seconds.toFixed(1)),
    });
  });

  it(`${knobs.ingesters} analysts recording stances on the same pairs at the same instant leave one current edge and no duplicate evidence`, async () => {
    const RECORD = `mutation Record($input: RecordStanceInput!) { recordStance(input: $input) { id } }`;
    // Pairs of its own, so this test stands alone.
    const pairs: Array<[string, string]> = [];
    for (let k = 0; k < 3; k++) {
      const actor = await t.gql<{ upsertActor: { id: string } }>(
        `mutation ($i: UpsertActorInput!) { upsertActor(input: $i) { id } }`,
        {
          i: { name: `Reliability State ${runTag} ${k}`, kind: 'STATE' },
        },
      );
      const proposal = await t.gql<{ upsertProposal: { id: string } }>(
        `mutation ($i: UpsertProposalInput!) { upsertProposal(input: $i) { id } }`,
        {
          i: { name: `Reliability plan ${runTag} ${k}` },
        },
      );
      pairs.push([actor.data!.upsertActor.id, proposal.data!.upsertProposal.id]);
    }
    const positions = ['SUPPORT', 'OPPOSE', 'NONCOMMITTAL'];
    let requests = 0;
    const failures: string[] = [];
    const send = async (input: Record<string, unknown>) => {
      requests += 1;
      const res = await t.gql<{ recordStance: { id: string } }>(RECORD, { input });
      if (res.errors) failures.push(res.errors.map((e) => e.extensions?.code).join(','));
    };
    const started = Date.now();
    for (let round = 0; round < 4; round++) {
      // Different stances of one pair at once (the current edge is contested) ...
      await Promise.all(
        pairs.flatMap(([actorId, proposalId]) =>
          Array.from({ length: knobs.ingesters }, (_, i) =>
            send({
              actorId,
              proposalId,
              position: positions[(i + round) % 3],
              statedOn: `2023-${String(1 + round).padStart(2, '0')}-${String(1 + i).padStart(2, '0')}`,
              cue: `cue ${round}-${i}`,
              evidence: [
                {
                  quote: `quote ${round}-${i}`,
                  article: {
                    url: `https://reliability.example/${runTag}/analyst/${round}/${i}`,
                    outlet: 'Analyst Desk',
                  },
                },
              ],
            }),
          ),
        ),
      );
      // ... and the very same stance with the same evidence from every analyst at once.
      await Promise.all(
        pairs.flatMap(([actorId, proposalId]) =>
          Array.from({ length: knobs.ingesters }, (_, i) =>
            send({
              actorId,
              proposalId,
              position: 'SUPPORT',
              statedOn: `2024-06-${String(10 + round).padStart(2, '0')}`,
              cue: `same ${i}`,
              evidence: [
                {
                  quote: 'the same quote',
                  article: { url: `https://reliability.example/${runTag}/same/${round}`, outlet: 'Analyst Desk' },
                },
              ],
            }),
          ),
        ),
      );
    }
    // Re-recording different stances that already exist, on one pair, at once:
    // no node or edge is new, so nothing is created that could serialize them.
    for (let round = 0; round < 4; round++) {
      await Promise.all(
        pairs.flatMap(([actorId, proposalId]) =>
          Array.from({ length: knobs.ingesters }, (_, i) =>
            send({
              actorId,
              proposalId,
              position: positions[(i + round) % 3],
              statedOn: `2023-${String(1 + round).padStart(2, '0')}-${String(1 + i).padStart(2, '0')}`,
              cue: `again ${round}-${i}`,
            }),
          ),
        ),
      );
    }
    expect(failures).toEqual([]);
    const check = await integrity(t);
    expect(check).toEqual({
      duplicateNodes: 0,
      duplicateRelationships: {},
      pairsWithSeveralCurrentEdges: 0,
      pairsWithWrongCurrentEdge: 0,
      stancesWithSeveralSupersedes: 0,
    });
    // Every analyst's cue was kept on the stance they all recorded (no lost update).
    const cues = await t.cypher<{ cues: string[] }>(
      `MATCH (s:Stance)-[:EVIDENCED_BY]->(art:Article) WHERE art.url STARTS WITH $prefix RETURN DISTINCT s.cues AS cues`,
      { prefix: `https://reliability.example/${runTag}/same/` },
    );
    for (const row of cues)
      expect([...row.cues].sort()).toEqual(Array.from({ length: knobs.ingesters }, (_, i) => `same ${i}`).sort());
    recordFigures('concurrency-analysts', {
      analysts: knobs.ingesters,
      requests,
      acknowledged: requests - failures.length,
      seconds: Number(((Date.now() - started) / 1000).toFixed(1)),
    });
  });

  it(`one story from ${knobs.ingesters} outlets at the same instant is one report: reprints of the first, no second set of stances`, async () => {
    // A story of its own (generated afresh, so no earlier test has ingested its text).
    const [story] = generateArticles(1, knobs.seed + 7, `${runTag}-wire`);
    const answers = await Promise.all(
      Array.from({ length: knobs.ingesters }, (_, i) =>
        ingestOverHttp(t.url, t.tokens.editor, {
          text: story.text,
          url: `https://reliability.example/${runTag}/wire/outlet-${i}`,
          outlet: `Wire Outlet ${i}`,
          title: story.title,
          publishedOn: story.publishedOn,
        }),
      ),
    );
    expect(answers.filter((a) => !a.ok).map((a) => `${a.status} ${a.codes.join(',')}`)).toEqual([]);
    // One article per outlet, all of them one report.
    expect(new Set(answers.map((a) => a.articleId)).size).toBe(knobs.ingesters);
    const [row] = await t.cypher<{ reports: number; stances: number }>(
      `MATCH (art:Article) WHERE art.url STARTS WITH $prefix
       WITH collect(art) AS arts, count(DISTINCT coalesce(art.reportId, art.id)) AS reports
       CALL (arts) { UNWIND arts AS art MATCH (s:Stance)-[:EVIDENCED_BY]->(art) RETURN count(DISTINCT s) AS stances }
       RETURN toInteger(reports) AS reports, toInteger(stances) AS stances`,
      { prefix: `https://reliability.example/${runTag}/wire/` },
    );
    expect(Number(row.reports)).toBe(1);
    // The stances the story carries, once each, evidenced by every copy.
    expect(Number(row.stances)).toBe(
      new Set(story.expected.map((e) => `${e.actorId} ${e.proposalId} ${e.position}`)).size,
    );
  });
});
