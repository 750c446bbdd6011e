import { DemoService } from '../../src/demo/demo.service.js';
import { graphFingerprint, resetGraph, startTestApp, TestApp } from '../support/app.js';

const EOW = 'end-of-war-declaration';

type StanceOut = { position: string; cue: string; conditions: string[]; actor: { id: string } };
type Agreement = {
  proposal: { id: string };
  relation: string;
  agreement: number | null;
  stanceA: StanceOut | null;
  stanceB: StanceOut | null;
  sharedConditions: string[];
  conditionsOnlyA: string[];
  conditionsOnlyB: string[];
  sameGrounds: boolean | null;
  explanation: string;
};
type Pair = {
  actorA: { id: string };
  actorB: { id: string };
  compared: number;
  agree: number;
  disagree: number;
  opposed: number;
  score: number | null;
  proposals: Agreement[];
};

const ALIGN = `query ($actors: [ID!]!, $proposals: [ID!]!, $asOf: Date) {
  alignment(actorIds: $actors, proposalIds: $proposals, asOf: $asOf) {
    asOf
    pairs {
      actorA { id } actorB { id } compared agree disagree opposed score
      proposals {
        proposal { id } relation agreement sameGrounds sharedConditions conditionsOnlyA conditionsOnlyB explanation
        stanceA { position cue conditions actor { id } } stanceB { position cue conditions actor { id } }
      }
    }
  } }`;

describe('alignment on the demo graph', () => {
  let t: TestApp;
  let pairs: Pair[];
  const pair = (a: string, b: string) =>
    pairs.find((p) => (p.actorA.id === a && p.actorB.id === b) || (p.actorA.id === b && p.actorB.id === a))!;

  beforeAll(async () => {
    // The demo graph alone: what other suites leave behind would change the answers.
    await resetGraph();
    t = await startTestApp();
    await t.app.get(DemoService).load();
    const res = await t.gql<{ alignment: { asOf: string; pairs: Pair[] } }>(ALIGN, {
      actors: ['japan', 'united-states', 'south-korea', 'north-korea'],
      proposals: [EOW],
      asOf: '2021-11-30',
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.alignment.asOf).toBe('2021-11-30');
    pairs = res.data!.alignment.pairs;
  });
  afterAll(async () => t.close());

  it('compares every pair of the actors asked about, once', () => {
    expect(pairs.map((p) => `${p.actorA.id}/${p.actorB.id}`)).toEqual([
      'japan/united-states',
      'japan/south-korea',
      'japan/north-korea',
      'united-states/south-korea',
      'united-states/north-korea',
      'south-korea/north-korea',
    ]);
  });

  it('puts the United States between Japan and South Korea on the end-of-war declaration', async () => {
    // Why, from the stances as of 2021-11-30: Japan OPPOSE ("premature"), South Korea SUPPORT
    // ("underscored the need to proceed"), the United States NONCOMMITTAL ("did not make its
    // position clear"): one step from each of the others, two steps between them.
    const rows = await t.cypher<{ actor: string; position: string }>(
      `MATCH (a:Actor)-[:HOLDS]->(s:Stance)-[:ON]->(:Proposal {id: $p})
       WHERE a.id IN ['japan', 'south-korea', 'united-states'] AND s.status IN ['PROPOSED', 'CONFIRMED'] AND s.effectiveOn <= '2021-11-30'
       WITH a, s ORDER BY s.effectiveOn DESC, s.recordedAt DESC
       WITH a, head(collect(s)) AS s
       RETURN a.id AS actor, s.position AS position ORDER BY actor`,
      { p: EOW },
    );
    expect(rows.map((r) => `${r.actor}:${r.position}`)).toEqual([
      'japan:OPPOSE',
      'south-korea:SUPPORT',
      'united-states:NONCOMMITTAL',
    ]);
    const js = pair('japan', 'south-korea');
    const ju = pair('japan', 'united-states');
    const us = pair('united-states', 'south-korea');
    expect([js.proposals[0].stanceA?.position, js.proposals[0].stanceB?.position]).toEqual(['OPPOSE', 'SUPPORT']);
    expect(ju.proposals[0].stanceB?.position).toBe('NONCOMMITTAL');
    expect(js).toMatchObject({ compared: 1, agree: 0, disagree: 1, opposed: 1, score: -1 });
    expect(ju).toMatchObject({ compared: 1, agree: 0, disagree: 1, opposed: 0, score: 0 });
    expect(us).toMatchObject({ compared: 1, agree: 0, disagree: 1, opposed: 0, score: 0 });
    // Japan and South Korea are the farthest apart of the three; the United States sits between.
    expect(js.score!).toBeLessThan(ju.score!);
    expect(js.score!).toBeLessThan(us.score!);
    expect(js.proposals[0].relation).toBe('OPPOSED');
    expect(ju.proposals[0].relation).toBe('APART');
    expect(ju.proposals[0].explanation).toBe(
      'Apart by one step: Japan opposes ("premature", 2021-10-19); United States is noncommittal ("did not make its position clear", 2021-10-19).',
    );
  });

  it("shows Japan and North Korea agreeing, both opposed, on different grounds: the condition is North Korea's own", () => {
    const jn = pair('japan', 'north-korea');
    expect(jn).toMatchObject({ compared: 1, agree: 1, disagree: 0, score: 1 });
    const detail = jn.proposals[0];
    expect(detail.relation).toBe('AGREE');
    // Why, from the stances: both OPPOSE; Japan's has no condition, North Korea's rejection is
    // conditional on the United States withdrawing its "hostile policy".
    expect(detail.stanceA).toMatchObject({
      actor: { id: 'japan' },
      position: 'OPPOSE',
      cue: 'premature',
      conditions: [],
    });
    expect(detail.stanceB).toMatchObject({ actor: { id: 'north-korea' }, position: 'OPPOSE', cue: 'reject' });
    expect(detail.stanceB!.conditions).toEqual([
      'unless the United States withdraws its hostile policy toward the North',
    ]);
    expect(detail.sameGrounds).toBe(false);
    expect(detail.sharedConditions).toEqual([]);
    expect(detail.conditionsOnlyA).toEqual([]);
    expect(detail.conditionsOnlyB).toEqual(['unless the United States withdraws its hostile policy toward the North']);
    expect(detail.explanation).toBe(
      'Both oppose, on different grounds: Japan ("premature"), North Korea ("reject"). Japan sets no condition; ' +
        "North Korea's own condition: unless the United States withdraws its hostile policy toward the North.",
    );
  });

  it('answers as of a date: before Japan spoke, there was nothing to compare', async () => {
    const res = await t.gql<{ alignment: { pairs: Pair[] } }>(ALIGN, {
      actors: ['japan', 'south-korea'],
      proposals: [EOW],
      asOf: '2021-10-01',
    });
    const [p] = res.data!.alignment.pairs;
    expect(p).toMatchObject({ compared: 0, agree: 0, disagree: 0, score: null });
    expect(p.proposals[0]).toMatchObject({ relation: 'NOT_COMPARABLE', agreement: null, stanceA: null });
    expect(p.proposals[0].stanceB?.position).toBe('SUPPORT');
    expect(p.proposals[0].explanation).toBe('No stance on record from Japan.');
  });

  it('refuses bad input with a coded error and changes nothing', async () => {
    const before = await graphFingerprint(t);
    const cases: Array<[Record<string, unknown>, string, string | undefined]> = [
      [{ actors: ['japan'], proposals: [EOW] }, 'BAD_USER_INPUT', 'actorIds'],
      [{ actors: ['japan', 'Japan!'], proposals: [EOW] }, 'BAD_USER_INPUT', 'actorIds[1]'],
      [{ actors: ['japan', 'china'], proposals: [] }, 'BAD_USER_INPUT', 'proposalIds'],
      // Refused by the Date scalar where it enters (graphql's message names the variable).
      [{ actors: ['japan', 'china'], proposals: [EOW], asOf: 'soon' }, 'BAD_USER_INPUT', undefined],
      [{ actors: ['japan', 'atlantis-nowhere'], proposals: [EOW] }, 'NOT_FOUND', undefined],
      [{ actors: ['japan', 'china'], proposals: ['no-such-proposal'] }, 'NOT_FOUND', undefined],
    ];
    for (const [variables, code, field] of cases) {
      const res = await t.gql(ALIGN, variables);
      expect({ variables, code: res.errors?.[0]?.extensions?.code, field: res.errors?.[0]?.extensions?.field }).toEqual(
        { variables, code, field },
      );
    }
    expect(await graphFingerprint(t)).toEqual(before);
  });
});
