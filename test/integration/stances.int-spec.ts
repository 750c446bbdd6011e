import { DemoService } from '../../src/demo/demo.service.js';
import { STANCE_SHIFTED } from '../../src/live/stance-events.js';
import { GqlResponse, graphFingerprint, resetGraph, startTestApp, TestApp, uniq } from '../support/app.js';
import { subscribe, untilListening, wsClient } from '../support/live.js';

type Stance = {
  id: string;
  position: string;
  cue: string | null;
  conditions: string[];
  statedOn: string | null;
  status: string;
  sourceCount: number;
  actor: { id: string; name: string };
  speaker: { name: string } | null;
  evidence: Array<{ quote: string; article: { id: string; outlet: string | null; publishedOn: string | null } }>;
};

const STANCE_FIELDS = `id position cue conditions statedOn status sourceCount actor { id name } speaker { name }
  evidence { quote article { id outlet publishedOn } }`;

const RECORD = `mutation ($input: RecordStanceInput!) { recordStance(input: $input) { ${STANCE_FIELDS} } }`;

/**
 * The shortcut edges must always say what the stance nodes say: for every
 * actor and proposal with a live stance, exactly one SUPPORTS / OPPOSES /
 * NONCOMMITTAL_ON edge pointing at the latest one; none elsewhere.
 */
async function shortcutProblems(t: TestApp): Promise<unknown[]> {
  return t.cypher(`
    CALL () {
      MATCH (a:Actor)-[:HOLDS]->(s:Stance)-[:ON]->(p:Proposal)
      WHERE s.status IN ['PROPOSED', 'CONFIRMED']
      WITH a, p, s ORDER BY coalesce(s.effectiveOn, '') DESC, s.recordedAt DESC, s.id DESC
      WITH a, p, head(collect(s)) AS latest
      OPTIONAL MATCH (a)-[r:SUPPORTS|OPPOSES|NONCOMMITTAL_ON]->(p)
      WITH a, p, latest, collect(r) AS edges
      WHERE size(edges) <> 1
         OR edges[0].stanceId <> latest.id
         OR type(edges[0]) <> CASE latest.position WHEN 'SUPPORT' THEN 'SUPPORTS' WHEN 'OPPOSE' THEN 'OPPOSES' ELSE 'NONCOMMITTAL_ON' END
      RETURN a.id + ' -> ' + p.id AS problem
      UNION
      MATCH (a:Actor)-[r:SUPPORTS|OPPOSES|NONCOMMITTAL_ON]->(p:Proposal)
      WHERE NOT EXISTS { (a)-[:HOLDS]->(s:Stance {id: r.stanceId})-[:ON]->(p) WHERE s.status IN ['PROPOSED', 'CONFIRMED'] }
      RETURN 'stale ' + a.id + ' -> ' + p.id AS problem
    }
    RETURN problem`);
}

describe('the stance graph on a real Neo4j', () => {
  let t: TestApp;
  beforeAll(async () => {
    // The demo graph alone: other suites' data would change the picture.
    await resetGraph();
    t = await startTestApp();
    await t.app.get(DemoService).load();
  });
  afterAll(async () => t.close());

  describe('the demo graph', () => {
    it('answers who stands where on the end-of-war declaration, with evidence', async () => {
      const res = await t.gql<{ proposal: { name: string; currentStances: Stance[] } }>(
        `{ proposal(id: "end-of-war-declaration") { name currentStances { ${STANCE_FIELDS} } } }`,
      );
      expect(res.errors).toBeUndefined();
      const byActor = new Map(res.data!.proposal.currentStances.map((s) => [s.actor.id, s]));
      expect(byActor.get('south-korea')?.position).toBe('SUPPORT');
      const japan = byActor.get('japan')!;
      expect([japan.position, japan.cue, japan.speaker?.name, japan.statedOn]).toEqual([
        'OPPOSE',
        'premature',
        'Takehiro Funakoshi',
        '2021-10-19',
      ]);
      expect(byActor.get('united-states')?.position).toBe('NONCOMMITTAL');
      const north = byActor.get('north-korea')!;
      expect(north.position).toBe('OPPOSE');
      expect(north.conditions.join(' ')).toMatch(/hostile policy/);
      for (const s of byActor.values()) {
        expect(s.evidence.length).toBeGreaterThan(0);
        expect(s.evidence[0].article.outlet).toBeTruthy();
      }
      // A Kyodo story carried by The Japan Times is one source, not two.
      expect(japan.evidence.map((e) => e.article.outlet).sort()).toEqual(['Kyodo News', 'The Japan Times']);
      expect(japan.sourceCount).toBe(1);
    });

    it('keeps the same picture as shortcut edges in the graph', async () => {
      const rows = await t.cypher<{ actor: string; type: string; cue: string }>(
        `MATCH (a:Actor)-[r:SUPPORTS|OPPOSES|NONCOMMITTAL_ON]->(:Proposal {id: 'end-of-war-declaration'})
         RETURN a.id AS actor, type(r) AS type, r.cue AS cue ORDER BY actor`,
      );
      expect(rows.map((r) => `${r.actor}:${r.type}`)).toEqual([
        'japan:OPPOSES',
        'north-korea:OPPOSES',
        'south-korea:SUPPORTS',
        'united-states:NONCOMMITTAL_ON',
      ]);
      expect(await shortcutProblems(t)).toEqual([]);
    });

    it('loads again without changing anything', async () => {
      const before = await graphFingerprint(t);
      await t.app.get(DemoService).load();
      expect(await graphFingerprint(t)).toEqual(before);
    });

    it('answers as of a date: before Japan spoke, it had no stance', async () => {
      type Page = { nodes: Stance[] };
      const res = await t.gql<{ proposal: { before: Page; after: Page; opposing: Page } }>(`{
        proposal(id: "end-of-war-declaration") {
          before: stances(asOf: "2021-10-18") { nodes { actor { id } position statedOn } }
          after: stances(asOf: "2021-11-30") { nodes { actor { id } position } }
          opposing: stances(asOf: "2021-11-30", position: OPPOSE) { nodes { actor { id } } }
        } }`);
      expect(res.errors).toBeUndefined();
      const { before, after, opposing } = res.data!.proposal;
      const p = { before: before.nodes, after: after.nodes, opposing: opposing.nodes };
      expect(p.before.map((s) => s.actor.id)).toEqual(['south-korea']);
      expect(p.before[0].statedOn).toBe('2021-09');
      expect(p.after.map((s) => s.actor.id).sort()).toEqual(['japan', 'north-korea', 'south-korea', 'united-states']);
      expect(p.opposing.map((s) => s.actor.id).sort()).toEqual(['japan', 'north-korea']);
    });

    it("lists an actor's stances over time and what an article contributed", async () => {
      const res = await t.gql<{
        actor: { stances: { nodes: Stance[] }; represents: unknown[] };
        article: { outlet: string; sameReportAs: { id: string }[]; stances: Stance[] };
      }>(`{
        actor(id: "japan") { stances { nodes { position statedOn } } }
        article(id: "demo-japan-times-2021-11-07") { outlet sameReportAs { id } stances { actor { id } position } }
      }`);
      expect(res.errors).toBeUndefined();
      expect(res.data!.actor.stances.nodes.map((s) => s.statedOn)).toEqual(
        ['2017-07-18', '2017-07-19', '2017-07-07', '2018-02-09', '2018-03', '2021-10-19'].sort(),
      );
      expect(res.data!.article.sameReportAs.map((a) => a.id)).toEqual(['demo-kyodo-2021-11-06']);
      expect(res.data!.article.stances).toHaveLength(5);
    });

    it("pages a proposal's stances, on record and as of a date, as the whole list orders them", async () => {
      type Page = {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string };
        nodes: Array<{ id: string; actor: { id: string } }>;
      };
      const q = `query ($asOf: Date, $first: Int, $after: String) { proposal(id: "end-of-war-declaration") {
        stances(asOf: $asOf, first: $first, after: $after) {
          totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { id actor { id } } } } }`;
      for (const asOf of [null, '2021-11-30']) {
        const whole = await t.gql<{ proposal: { stances: Page } }>(q, { asOf, first: 100 });
        expect(whole.errors).toBeUndefined();
        const all = whole.data!.proposal.stances;
        expect(all.pageInfo.hasNextPage).toBe(false);
        expect(all.totalCount).toBe(all.nodes.length);
        expect(all.nodes.length).toBeGreaterThanOrEqual(4);
        const walked: string[] = [];
        let after: string | null = null;
        for (let pages = 0; pages < 20; pages++) {
          const res: GqlResponse<{ proposal: { stances: Page } }> = await t.gql(q, { asOf, first: 2, after });
          const page = res.data!.proposal.stances;
          expect(page.nodes.length).toBeLessThanOrEqual(2);
          expect(page.totalCount).toBe(all.totalCount);
          expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
          walked.push(...page.nodes.map((n) => n.id));
          if (!page.pageInfo.hasNextPage) break;
          after = page.pageInfo.endCursor;
        }
        expect(walked).toEqual(all.nodes.map((n) => n.id));
      }
      // As of a date, one stance per actor, in actor id order.
      const asOf = await t.gql<{ proposal: { stances: Page } }>(q, { asOf: '2021-11-30', first: 100 });
      const holders = asOf.data!.proposal.stances.nodes.map((n) => n.actor.id);
      expect(holders).toEqual([...new Set(holders)].sort());
      const tooMany = await t.gql(q, { first: 101 });
      expect(tooMany.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
    });

    it('filters and pages stances by proposal, position, dates and outlet', async () => {
      const q = `query ($filter: StanceFilter, $after: String) {
        stances(filter: $filter, first: 2, after: $after) { totalCount nodes { id actor { id } statedOn } pageInfo { hasNextPage endCursor } } }`;
      const filter = { proposalId: 'end-of-war-declaration', outlet: 'The Japan Times' };
      const seen: string[] = [];
      let after: string | null = null;
      let total = 0;
      for (let i = 0; i < 10; i++) {
        const res: {
          data?: {
            stances: {
              totalCount: number;
              nodes: { id: string }[];
              pageInfo: { hasNextPage: boolean; endCursor: string };
            };
          } | null;
        } = await t.gql(q, { filter, after });
        total = res.data!.stances.totalCount;
        seen.push(...res.data!.stances.nodes.map((n) => n.id));
        if (!res.data!.stances.pageInfo.hasNextPage) break;
        after = res.data!.stances.pageInfo.endCursor;
      }
      expect(total).toBe(5);
      expect(new Set(seen).size).toBe(5);

      const windowed = await t.gql<{ stances: { nodes: { actor: { id: string } }[] } }>(q, {
        filter: { from: '2017-07-18', to: '2017-07', position: 'OPPOSE' },
      });
      expect(windowed.data!.stances.nodes.map((n) => n.actor.id)).toEqual(['japan']);
    });

    it('finds actors and proposals by any alias or spelling', async () => {
      const find = async (text: string) => {
        const res = await t.gql<{ search: Array<{ node: { __typename: string; id: string } }> }>(
          `query ($text: String!) { search(text: $text) { score node { __typename ... on Actor { id } ... on Proposal { id } } } }`,
          { text },
        );
        expect(res.errors).toBeUndefined();
        return res.data!.search.map((h) => `${h.node.__typename}:${h.node.id}`);
      };
      expect((await find('Pyongyang'))[0]).toBe('Actor:north-korea');
      expect((await find('Moon Jae In'))[0]).toBe('Actor:moon-jae-in');
      expect((await find('Noh Kyu Duk'))[0]).toBe('Actor:noh-kyu-duk');
      expect(await find('end-of-war')).toContain('Proposal:end-of-war-declaration');
      expect(await find('Pyong')).toContain('Actor:north-korea');
      // Query syntax in user text is only text.
      expect(await find('") OR 1=1 //')).toEqual([]);
      expect(await find('*:* AND (')).toEqual([]);
    });
  });

  describe('recording and retracting', () => {
    let state: string;
    let proposal: string;
    beforeAll(async () => {
      state = (
        await t.gql<{ upsertActor: { id: string } }>(
          `mutation { upsertActor(input: { name: "${uniq('Elbonia')}", kind: STATE }) { id } }`,
        )
      ).data!.upsertActor.id;
      proposal = (
        await t.gql<{ upsertProposal: { id: string } }>(
          `mutation ($input: UpsertProposalInput!) { upsertProposal(input: $input) { id } }`,
          {
            input: { name: uniq('Mud Treaty'), proposedById: state, proposedOn: '2020-01-15', aliases: ['the treaty'] },
          },
        )
      ).data!.upsertProposal.id;
    });

    const evidence = (quote: string, url: string, publishedOn: string) => ({
      quote,
      article: { url, outlet: 'Test Wire', publishedOn },
    });

    it('records a stance with evidence, reads it back, and the same fact twice is one stance', async () => {
      const input = {
        actorId: state,
        proposalId: proposal,
        position: 'SUPPORT',
        cue: 'welcomed',
        statedOn: '2020-02-01',
        evidence: [evidence('welcomed the treaty', `https://example.test/${proposal}/1`, '2020-02-02')],
      };
      const first = await t.gql<{ recordStance: Stance }>(RECORD, { input });
      expect(first.errors).toBeUndefined();
      const stance = first.data!.recordStance;
      expect([stance.position, stance.cue, stance.status, stance.evidence.length]).toEqual([
        'SUPPORT',
        'welcomed',
        'CONFIRMED',
        1,
      ]);

      const [row] = await t.cypher<{ n: number; quote: string; pub: string }>(
        `MATCH (:Actor {id: $state})-[:HOLDS]->(s:Stance {id: $id})-[:ON]->(:Proposal {id: $proposal})
         MATCH (s)-[e:EVIDENCED_BY]->(a:Article)-[:PUBLISHED_BY]->(:Outlet {name: 'Test Wire'})
         RETURN count(*) AS n, e.quote AS quote, a.publishedOn AS pub`,
        { state, proposal, id: stance.id },
      );
      expect([Number(row.n), row.quote, row.pub]).toEqual([1, 'welcomed the treaty', '2020-02-02']);

      const before = await graphFingerprint(t);
      await t.gql(RECORD, { input });
      expect(await graphFingerprint(t)).toEqual(before);

      // Another report of the same fact adds evidence, not a stance.
      const more = await t.gql<{ recordStance: Stance }>(RECORD, {
        input: {
          ...input,
          evidence: [evidence('welcomed the treaty', `https://example.test/${proposal}/2`, '2020-02-03')],
        },
      });
      expect(more.data!.recordStance.id).toBe(stance.id);
      expect(more.data!.recordStance.evidence).toHaveLength(2);
      expect(more.data!.recordStance.sourceCount).toBe(2);
      expect(await shortcutProblems(t)).toEqual([]);
    });

    it('moves the current edge when a later stance is recorded and back when it is retracted', async () => {
      const later = await t.gql<{ recordStance: Stance }>(RECORD, {
        input: {
          actorId: state,
          proposalId: proposal,
          position: 'OPPOSE',
          cue: 'rejected',
          conditions: ['unless the mud is drained'],
          statedOn: '2020-06',
        },
      });
      expect(later.errors).toBeUndefined();
      const edge = async () =>
        (
          await t.cypher<{ type: string }>(
            `MATCH (:Actor {id: $state})-[r:SUPPORTS|OPPOSES|NONCOMMITTAL_ON]->(:Proposal {id: $proposal}) RETURN type(r) AS type`,
            { state, proposal },
          )
        ).map((r) => r.type);
      expect(await edge()).toEqual(['OPPOSES']);
      expect(await shortcutProblems(t)).toEqual([]);

      const retracted = await t.gql<{ retractStance: { status: string } }>(
        `mutation ($id: ID!) { retractStance(id: $id) { status } }`,
        { id: later.data!.recordStance.id },
      );
      expect(retracted.data!.retractStance.status).toBe('RETRACTED');
      expect(await edge()).toEqual(['SUPPORTS']);
      expect(await shortcutProblems(t)).toEqual([]);
    });

    it('merges two actors found to be the same, folding their stances together', async () => {
      const dup = (
        await t.gql<{ upsertActor: { id: string } }>(
          `mutation { upsertActor(input: { name: "${uniq('Elbonian Republic')}", kind: STATE, aliases: ["Mudville"] }) { id } }`,
        )
      ).data!.upsertActor.id;
      // The duplicate holds the same fact (one stance after the merge) and a new one.
      await t.gql(RECORD, {
        input: {
          actorId: dup,
          proposalId: proposal,
          position: 'SUPPORT',
          cue: 'backs',
          statedOn: '2020-02-01',
          evidence: [evidence('backs it', `https://example.test/${proposal}/3`, '2020-02-05')],
        },
      });
      await t.gql(RECORD, {
        input: {
          actorId: dup,
          proposalId: proposal,
          position: 'NONCOMMITTAL',
          cue: 'undecided',
          statedOn: '2020-09-01',
        },
      });

      // A merge goes through the one stance write path: the shifts it causes are announced like any other.
      const client = wsClient(t);
      const shifted = subscribe<{ stanceShifted: { kind: string; toPosition: string; actor: { id: string } } }>(
        client,
        `subscription ($a: ID) { stanceShifted(actorId: $a) { kind toPosition actor { id } } }`,
        { a: state },
      );
      let merged: Awaited<ReturnType<typeof t.gql<{ mergeActors: { id: string; aliases: string[] } }>>>;
      try {
        await untilListening(t, { [STANCE_SHIFTED]: 1 });
        merged = await t.gql<{ mergeActors: { id: string; aliases: string[] } }>(
          `mutation ($k: ID!, $m: ID!) { mergeActors(keepId: $k, mergeId: $m) { id aliases } }`,
          { k: state, m: dup },
        );
        expect(merged.errors).toBeUndefined();
        // The merged actor's NONCOMMITTAL of September now follows the kept actor's SUPPORT of February.
        const [event] = await shifted.next(1);
        expect(event.stanceShifted).toEqual({ kind: 'HARDENED', toPosition: 'NONCOMMITTAL', actor: { id: state } });
      } finally {
        await client.dispose();
      }
      expect(merged.data!.mergeActors.aliases).toEqual(expect.arrayContaining(['Mudville']));

      const rows = await t.cypher<{ position: string; statedOn: string; evidence: number }>(
        `MATCH (:Actor {id: $state})-[:HOLDS]->(s:Stance)-[:ON]->(:Proposal {id: $proposal}) WHERE s.status <> 'RETRACTED'
         RETURN s.position AS position, s.statedOn AS statedOn, COUNT { (s)-[:EVIDENCED_BY]->() } AS evidence ORDER BY statedOn`,
        { state, proposal },
      );
      expect(rows.map((r) => [r.position, r.statedOn, Number(r.evidence)])).toEqual([
        ['SUPPORT', '2020-02-01', 3],
        ['NONCOMMITTAL', '2020-09-01', 0],
      ]);
      expect(await t.cypher('MATCH (a:Actor {id: $dup}) RETURN a', { dup })).toEqual([]);
      expect(await shortcutProblems(t)).toEqual([]);
    });

    it('merges two proposals found to be the same, folding their stances together', async () => {
      const dupName = uniq('Mudville accord');
      const dup = (
        await t.gql<{ upsertProposal: { id: string } }>(
          `mutation { upsertProposal(input: { name: "${dupName}", aliases: ["the Mudville deal"] }) { id } }`,
        )
      ).data!.upsertProposal.id;
      const other = (
        await t.gql<{ upsertActor: { id: string } }>(
          `mutation { upsertActor(input: { name: "${uniq('Freedonia')}", kind: STATE }) { id } }`,
        )
      ).data!.upsertActor.id;
      // The same fact as one already on the kept proposal (one stance after the merge, with both quotes), and another actor's stance.
      await t.gql(RECORD, {
        input: {
          actorId: state,
          proposalId: dup,
          position: 'SUPPORT',
          cue: 'backs',
          statedOn: '2020-02-01',
          evidence: [evidence('backs the deal', `https://example.test/${dup}/1`, '2020-02-06')],
        },
      });
      const decided = await t.gql<{ recordStance: { id: string } }>(RECORD, {
        input: { actorId: other, proposalId: dup, position: 'OPPOSE', cue: 'rejects', statedOn: '2020-03-01' },
      });
      // that one decided at the desk, with the features the extractor would have kept on it
      const decidedId = decided.data!.recordStance.id;
      await t.cypher('MATCH (s:Stance {id: $id}) SET s.features = [1.0, 0.25]', { id: decidedId });
      const rejected = await t.gql(`mutation ($id: ID!) { rejectStance(id: $id) { id } }`, { id: decidedId });
      expect(rejected.errors).toBeUndefined();

      const merged = await t.gql<{ mergeProposals: { id: string; aliases: string[] } }>(
        `mutation ($k: ID!, $m: ID!) { mergeProposals(keepId: $k, mergeId: $m) { id aliases } }`,
        {
          k: proposal,
          m: dup,
        },
      );
      expect(merged.errors).toBeUndefined();
      expect(merged.data!.mergeProposals.aliases).toEqual(expect.arrayContaining([dupName, 'the Mudville deal']));

      const rows = await t.cypher<{ actor: string; position: string; statedOn: string; evidence: number }>(
        `MATCH (a:Actor)-[:HOLDS]->(s:Stance)-[:ON]->(:Proposal {id: $proposal}) WHERE a.id IN [$state, $other] AND s.status <> 'RETRACTED'
         RETURN a.id AS actor, s.position AS position, s.statedOn AS statedOn, COUNT { (s)-[:EVIDENCED_BY]->() } AS evidence ORDER BY actor, statedOn`,
        { state, other, proposal },
      );
      expect(rows.map((r) => [r.actor, r.position, r.statedOn, Number(r.evidence)]).sort()).toEqual(
        [
          [state, 'SUPPORT', '2020-02-01', 4],
          [state, 'NONCOMMITTAL', '2020-09-01', 0],
          [other, 'OPPOSE', '2020-03-01', 0],
        ].sort(),
      );
      expect(await t.cypher('MATCH (p:Proposal {id: $dup}) RETURN p', { dup })).toEqual([]);
      expect(await t.cypher('MATCH (s:Stance) WHERE NOT (s)-[:ON]->(:Proposal) RETURN s.id')).toEqual([]);
      expect(await shortcutProblems(t)).toEqual([]);
      // The moved stance keeps its review and features (what the desk's learning reads).
      const [moved] = await t.cypher<{ status: string; by: string; at: boolean; features: number[] }>(
        `MATCH (:Actor {id: $other})-[:HOLDS]->(s:Stance)-[:ON]->(:Proposal {id: $proposal})
         RETURN s.status AS status, s.reviewedBy AS by, s.reviewedAt IS NOT NULL AS at, s.features AS features`,
        { other, proposal },
      );
      expect(moved).toEqual({ status: 'REJECTED', by: 'test-editor', at: true, features: [1, 0.25] });
      // Search finds the kept proposal by the merged one's name.
      const found = await t.gql<{ search: Array<{ node: { id: string } }> }>(
        `query ($q: String!) { search(text: $q) { node { ... on Proposal { id } } } }`,
        { q: dupName },
      );
      expect(found.data!.search[0].node.id).toBe(proposal);
    });

    it('refuses bad input with a coded error and changes nothing', async () => {
      const before = await graphFingerprint(t);
      const base = { actorId: state, proposalId: proposal, position: 'SUPPORT' };
      const cases: Array<[Record<string, unknown>, string, string | undefined]> = [
        [{ ...base, actorId: 'no-such-actor' }, 'NOT_FOUND', undefined],
        [{ ...base, proposalId: 'no-such-proposal' }, 'NOT_FOUND', undefined],
        [{ ...base, speakerId: 'no-such-person' }, 'NOT_FOUND', undefined],
        // Refused by the Date scalar as the variable is read (graphql's message names input.statedOn).
        [{ ...base, statedOn: '2021-19-40' }, 'BAD_USER_INPUT', undefined],
        [{ ...base, statedOn: 'last Tuesday' }, 'BAD_USER_INPUT', undefined],
        [{ ...base, cue: '' }, 'BAD_USER_INPUT', 'cue'],
        [{ ...base, confidence: 2 }, 'BAD_USER_INPUT', 'confidence'],
        [{ ...base, conditions: ['x'.repeat(5000)] }, 'BAD_USER_INPUT', 'conditions[0]'],
        [
          { ...base, evidence: [{ quote: 'y'.repeat(100000), article: { url: 'https://example.test/big' } }] },
          'BAD_USER_INPUT',
          'evidence[0].quote',
        ],
        [{ ...base, evidence: [{ quote: 'ok', article: {} }] }, 'BAD_USER_INPUT', 'evidence[0].article'],
        [
          {
            ...base,
            evidence: [{ quote: 'ok', charStart: 10, charEnd: 5, article: { url: 'https://example.test/x' } }],
          },
          'BAD_USER_INPUT',
          'evidence[0].charEnd',
        ],
      ];
      for (const [input, code, field] of cases) {
        const res = await t.gql(RECORD, { input });
        expect({
          input: Object.keys(input),
          code: res.errors?.[0]?.extensions?.code,
          field: res.errors?.[0]?.extensions?.field,
        }).toEqual({
          input: Object.keys(input),
          code,
          field,
        });
      }
      const wrongEnum = await t.gql(RECORD, { input: { ...base, position: 'MAYBE' } });
      expect(wrongEnum.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const retract = await t.gql('mutation { retractStance(id: "st-0000000000000000") { id } }');
      expect(retract.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const merge = await t.gql(`mutation { mergeActors(keepId: "${state}", mergeId: "${state}") { id } }`);
      expect(merge.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const mergeSelf = await t.gql(
        `mutation { mergeProposals(keepId: "${proposal}", mergeId: "${proposal}") { id } }`,
      );
      expect(mergeSelf.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const mergeMissing = await t.gql(
        `mutation { mergeProposals(keepId: "${proposal}", mergeId: "no-such-proposal") { id } }`,
      );
      expect(mergeMissing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const mergeAsEditor = await t.gql(
        `mutation { mergeProposals(keepId: "${proposal}", mergeId: "no-such-proposal") { id } }`,
        {},
        { as: 'editor' },
      );
      expect(mergeAsEditor.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const unknownProposer = await t.gql(
        `mutation { upsertProposal(input: { name: "${uniq('Orphan plan')}", proposedById: "nobody-at-all" }) { id } }`,
      );
      expect(unknownProposer.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const badAsOf = await t.gql(
        '{ proposal(id: "end-of-war-declaration") { stances(asOf: "soon") { nodes { id } } } }',
      );
      expect(badAsOf.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      // The Date scalar refuses an impossible day where it enters, as a variable too, naming the variable.
      const badDay = await t.gql(
        'query ($on: Date) { proposal(id: "end-of-war-declaration") { stances(asOf: $on) { nodes { id } } } }',
        { on: '2021-02-30' },
      );
      expect(badDay.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(badDay.errors?.[0].message).toMatch(/^Variable "\$on" got invalid value "2021-02-30"/);
      const badStatedOn = await t.gql(
        `mutation { recordStance(input: { actorId: "japan", proposalId: "end-of-war-declaration", position: SUPPORT, statedOn: "2021-13" }) { id } }`,
      );
      expect(badStatedOn.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(await graphFingerprint(t)).toEqual(before);
    });
  });
});
