import type { Client } from 'graphql-ws';
import { DemoService } from '../../src/demo/demo.service.js';
import { STANCE_RECORDED, STANCE_SHIFTED } from '../../src/live/stance-events.js';
import { graphFingerprint, resetGraph, startTestApp, TestApp, uniq } from '../support/app.js';
import { subscribe, untilListening, wsClient } from '../support/live.js';
import { chainProblems, RECORD, removeRecorded, US_SHIFT } from '../support/stance-fixtures.js';

const EOW = 'end-of-war-declaration';

type Recorded = {
  id: string;
  position: string;
  statedOn: string;
  recordedAt: string;
  shift: { kind: string; fromPosition: string | null };
};
type ShiftOut = {
  id: string;
  kind: string;
  on: string;
  fromPosition: string | null;
  toPosition: string;
  actor: { id: string };
  proposal: { id: string };
  stance: { id: string; cue: string };
  previous: { id: string; cue: string } | null;
};
const SHIFT_FIELDS =
  'id kind on fromPosition toPosition conditionsGained conditionsDropped actor { id } proposal { id } stance { id cue } previous { id cue }';

describe('positions over time on a real Neo4j', () => {
  let t: TestApp;
  const recorded: string[] = [];

  beforeAll(async () => {
    // The demo graph alone: what other suites leave behind would change the answers.
    await resetGraph();
    t = await startTestApp();
    await t.app.get(DemoService).load();
  });
  afterAll(async () => {
    await removeRecorded(t, recorded);
    expect(await chainProblems(t)).toEqual([]);
    await t.close();
  });

  const record = async (input: Record<string, unknown>): Promise<Recorded> => {
    const res = await t.gql<{ recordStance: Recorded }>(RECORD, { input });
    expect(res.errors).toBeUndefined();
    recorded.push(res.data!.recordStance.id);
    return res.data!.recordStance;
  };

  it('links and classifies the demo graph: Japan hardened on the inter-Korean military talks', async () => {
    expect(await chainProblems(t)).toEqual([]);
    // The demo graph: Suga "don't think the dialogue offer will cause a problem" (2017-07-18), then
    // Japan "apprehensive" (2017-07-19): NONCOMMITTAL -> OPPOSE, one step toward OPPOSE.
    const res = await t.gql<{ shifts: { totalCount: number; nodes: ShiftOut[] } }>(
      `{ shifts(filter: { actorId: "japan", proposalId: "inter-korean-military-talks" }) { totalCount nodes { ${SHIFT_FIELDS} } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.shifts.nodes.map((s) => [s.kind, s.on, s.fromPosition, s.toPosition])).toEqual([
      ['HARDENED', '2017-07-19', 'NONCOMMITTAL', 'OPPOSE'],
      ['FIRST_STATED', '2017-07-18', null, 'NONCOMMITTAL'],
    ]);
    const [edge] = await t.cypher<{ kind: string; newer: string; older: string }>(
      `MATCH (:Actor {id: 'japan'})-[:HOLDS]->(n:Stance)-[r:SUPERSEDES]->(o:Stance)-[:ON]->(:Proposal {id: 'inter-korean-military-talks'})
       RETURN r.kind AS kind, n.position AS newer, o.position AS older`,
    );
    expect(edge).toEqual({ kind: 'HARDENED', newer: 'OPPOSE', older: 'NONCOMMITTAL' });
    // South Korea said the same twice on the end-of-war declaration.
    const south = await t.gql<{ actor: { shifts: ShiftOut[] } }>(
      `{ actor(id: "south-korea") { shifts(proposalId: "${EOW}") { kind on } } }`,
    );
    expect(south.data!.actor.shifts).toEqual([
      { kind: 'FIRST_STATED', on: '2021-09' },
      { kind: 'REAFFIRMED', on: '2021-10-19' },
    ]);
  });

  describe('a recorded change of position', () => {
    let client: Client;
    let stance: Recorded;
    let shifted: ReturnType<typeof subscribe<{ stanceShifted: ShiftOut }>>;
    let recordedLive: ReturnType<
      typeof subscribe<{
        stanceRecorded: { id: string; position: string; actor: { id: string }; shift: { kind: string } };
      }>
    >;
    let elsewhere: ReturnType<typeof subscribe<{ stanceShifted: ShiftOut }>>;

    beforeAll(async () => {
      client = wsClient(t);
      shifted = subscribe(
        client,
        `subscription ($a: ID, $p: ID) { stanceShifted(actorId: $a, proposalId: $p) { ${SHIFT_FIELDS} } }`,
        {
          a: 'united-states',
          p: EOW,
        },
      );
      recordedLive = subscribe(
        client,
        `subscription ($p: ID) { stanceRecorded(proposalId: $p) { id position actor { id } shift { kind } } }`,
        { p: EOW },
      );
      elsewhere = subscribe(client, `subscription { stanceShifted(actorId: "japan") { id } }`);
      await untilListening(t, { [STANCE_SHIFTED]: 2, [STANCE_RECORDED]: 1 });
      stance = await record(US_SHIFT);
    });
    afterAll(async () => client.dispose());

    it('is classified in the mutation and linked in the graph (NONCOMMITTAL -> SUPPORT: SOFTENED)', async () => {
      expect(stance.shift).toEqual({ kind: 'SOFTENED', fromPosition: 'NONCOMMITTAL' });
      const rows = await t.cypher<{ kind: string; older: string; cue: string; shiftKind: string }>(
        `MATCH (:Actor {id: 'united-states'})-[:HOLDS]->(n:Stance {id: $id})-[r:SUPERSEDES]->(o:Stance)
         RETURN r.kind AS kind, o.position AS older, o.cue AS cue, n.shiftKind AS shiftKind`,
        { id: stance.id },
      );
      expect(rows).toEqual([
        { kind: 'SOFTENED', older: 'NONCOMMITTAL', cue: 'did not make its position clear', shiftKind: 'SOFTENED' },
      ]);
      const [edge] = await t.cypher<{ type: string }>(
        `MATCH (:Actor {id: 'united-states'})-[r:SUPPORTS|OPPOSES|NONCOMMITTAL_ON]->(:Proposal {id: $p}) RETURN type(r) AS type`,
        { p: EOW },
      );
      expect(edge.type).toBe('SUPPORTS');
      expect(await chainProblems(t)).toEqual([]);
    });

    it('shows in shifts and actor.shifts with the right kind', async () => {
      const res = await t.gql<{ shifts: { nodes: ShiftOut[] }; actor: { shifts: ShiftOut[] } }>(
        `{ shifts(filter: { proposalId: "${EOW}", kinds: [SOFTENED, HARDENED, REVERSED], since: "2021-12" }) { nodes { ${SHIFT_FIELDS} } }
           actor(id: "united-states") { shifts(proposalId: "${EOW}") { kind previous { cue } stance { cue } } } }`,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.shifts.nodes).toEqual([
        {
          id: stance.id,
          kind: 'SOFTENED',
          on: '2021-12-10',
          fromPosition: 'NONCOMMITTAL',
          toPosition: 'SUPPORT',
          conditionsGained: [],
          conditionsDropped: [],
          actor: { id: 'united-states' },
          proposal: { id: EOW },
          stance: { id: stance.id, cue: 'agree in principle' },
          previous: { id: expect.any(String), cue: 'did not make its position clear' },
        },
      ]);
      expect(res.data!.actor.shifts.map((s) => s.kind)).toEqual(['FIRST_STATED', 'SOFTENED']);
    });

    it('is sent to subscribers over a real WebSocket after the commit, and only to those it concerns', async () => {
      const [event] = await shifted.next(1);
      expect(event.stanceShifted).toMatchObject({
        id: stance.id,
        kind: 'SOFTENED',
        fromPosition: 'NONCOMMITTAL',
        toPosition: 'SUPPORT',
        actor: { id: 'united-states' },
      });
      expect(event.stanceShifted.previous?.cue).toBe('did not make its position clear');
      const [news] = await recordedLive.next(1);
      expect(news.stanceRecorded).toEqual({
        id: stance.id,
        position: 'SUPPORT',
        actor: { id: 'united-states' },
        shift: { kind: 'SOFTENED' },
      });
      // Published after the commit: what the event names is in the database.
      expect(await t.cypher('MATCH (s:Stance {id: $id}) RETURN s.id AS id', { id: stance.id })).toEqual([
        { id: stance.id },
      ]);
      expect(elsewhere.events).toEqual([]);
    });

    it('is idempotent: the same record again changes nothing and announces nothing', async () => {
      const before = await graphFingerprint(t);
      const again = await t.gql<{ recordStance: Recorded }>(RECORD, { input: US_SHIFT });
      expect(again.data!.recordStance.id).toBe(stance.id);
      expect(await graphFingerprint(t)).toEqual(before);
      await new Promise((r) => setTimeout(r, 300));
      expect(shifted.events).toHaveLength(1);
      expect(recordedLive.events).toHaveLength(1);
    });

    it('answers as of a date, and as known at a time', async () => {
      const q = `query ($asOf: Date, $known: DateOrDateTime) { proposal(id: "${EOW}") {
        stances(asOf: $asOf, knownAsOf: $known) { nodes { actor { id } position } } } }`;
      const us = async (asOf: string, known: string | null) => {
        const res = await t.gql<{
          proposal: { stances: { nodes: Array<{ actor: { id: string }; position: string }> } };
        }>(q, { asOf, known });
        expect(res.errors).toBeUndefined();
        return res.data!.proposal.stances.nodes.find((s) => s.actor.id === 'united-states')?.position ?? null;
      };
      expect(await us('2021-11-30', null)).toBe('NONCOMMITTAL');
      expect(await us('2021-12-31', null)).toBe('SUPPORT');
      // What we knew just before the new stance was recorded: still noncommittal on 2021-12-31.
      const justBefore = new Date(Date.parse(stance.recordedAt) - 1).toISOString();
      expect(await us('2021-12-31', justBefore)).toBe('NONCOMMITTAL');
      expect(await us('2021-12-31', stance.recordedAt)).toBe('SUPPORT');
      expect(await us('2021-12-31', '2000-01-01')).toBeNull();

      const page = `query ($f: StanceFilter) { stances(filter: $f, first: 50) { totalCount nodes { actor { id } position statedOn } } }`;
      const inForce = await t.gql<{
        stances: { totalCount: number; nodes: Array<{ actor: { id: string }; position: string }> };
      }>(page, {
        f: { proposalId: EOW, asOf: '2021-12-31' },
      });
      expect(inForce.errors).toBeUndefined();
      expect(inForce.data!.stances.nodes.map((s) => `${s.actor.id}:${s.position}`).sort()).toEqual([
        'japan:OPPOSE',
        'north-korea:OPPOSE',
        'south-korea:SUPPORT',
        'united-states:SUPPORT',
      ]);
      expect(inForce.data!.stances.totalCount).toBe(4);
      const known = await t.gql<{ stances: { nodes: Array<{ actor: { id: string }; position: string }> } }>(page, {
        f: { proposalId: EOW, asOf: '2021-12-31', knownAsOf: justBefore, position: 'NONCOMMITTAL' },
      });
      expect(known.data!.stances.nodes.map((s) => s.actor.id)).toEqual(['united-states']);
      const actor = await t.gql<{ actor: { now: { totalCount: number }; then: { totalCount: number } } }>(
        `query ($k: DateOrDateTime) { actor(id: "united-states") { now: stances(proposalId: "${EOW}") { totalCount } then: stances(proposalId: "${EOW}", knownAsOf: $k) { totalCount } } }`,
        { k: justBefore },
      );
      expect([actor.data!.actor.now.totalCount, actor.data!.actor.then.totalCount]).toEqual([2, 1]);
    });

    it("lists each actor's stances in order on the proposal's timeline", async () => {
      const res = await t.gql<{ proposal: { all: { nodes: Timeline[] }; until: { nodes: Timeline[] } } }>(`{
        proposal(id: "${EOW}") {
          all: timeline { nodes { actor { id } stances { position effectiveOn shift { kind } } latest { position } } }
          until: timeline(to: "2021-11-30") { nodes { actor { id } latest { position } } } } }`);
      expect(res.errors).toBeUndefined();
      const all = res.data!.proposal.all.nodes;
      expect(all.map((t) => t.actor.id)).toEqual(['south-korea', 'japan', 'united-states', 'north-korea']);
      const us = all.find((x) => x.actor.id === 'united-states')!;
      expect(us.stances.map((s) => [s.position, s.effectiveOn, s.shift.kind])).toEqual([
        ['NONCOMMITTAL', '2021-10-19', 'FIRST_STATED'],
        ['SUPPORT', '2021-12-10', 'SOFTENED'],
      ]);
      expect(us.latest.position).toBe('SUPPORT');
      expect(res.data!.proposal.until.nodes.find((x) => x.actor.id === 'united-states')!.latest.position).toBe(
        'NONCOMMITTAL',
      );
    });

    it('lists what is new since a date, by either clock', async () => {
      const q = `query ($since: DateOrDateTime!, $clock: ChangeClock) { changes(since: $since, clock: $clock) {
        clock stances { id } shifts { id kind } proposals { id } } }`;
      const recordedSince = await t.gql<{ changes: Changes }>(q, { since: stance.recordedAt });
      expect(recordedSince.errors).toBeUndefined();
      expect(recordedSince.data!.changes).toEqual({
        clock: 'RECORDED',
        stances: [{ id: stance.id }],
        shifts: [{ id: stance.id, kind: 'SOFTENED' }],
        proposals: [],
      });
      const effective = await t.gql<{ changes: Changes }>(q, { since: '2021-12-01', clock: 'EFFECTIVE' });
      expect(effective.data!.changes.stances.map((s) => s.id)).toContain(stance.id);
      expect(effective.data!.changes.shifts).toContainEqual({ id: stance.id, kind: 'SOFTENED' });
      expect(effective.data!.changes.proposals.map((p) => p.id)).not.toContain(EOW);
      const sinceProposed = await t.gql<{ changes: Changes }>(q, { since: '2021-09-01', clock: 'EFFECTIVE' });
      expect(sinceProposed.data!.changes.proposals.map((p) => p.id)).toContain(EOW);
    });
  });

  it('recomputes the chain when a stance is retracted, backfilled or merged in, in the same transaction', async () => {
    const state = (
      await t.gql<{ upsertActor: { id: string } }>(
        `mutation { upsertActor(input: { name: "${uniq('Freedonia')}", kind: STATE }) { id } }`,
      )
    ).data!.upsertActor.id;
    const proposal = (
      await t.gql<{ upsertProposal: { id: string } }>(
        `mutation { upsertProposal(input: { name: "${uniq('Canal Pact')}" }) { id } }`,
      )
    ).data!.upsertProposal.id;
    const base = { actorId: state, proposalId: proposal };
    const kinds = async () =>
      (
        await t.cypher<{ position: string; kind: string | null }>(
          `MATCH (:Actor {id: $state})-[:HOLDS]->(s:Stance)-[:ON]->(:Proposal {id: $proposal}) WHERE s.status IN ['PROPOSED', 'CONFIRMED']
           RETURN s.position AS position, s.shiftKind AS kind ORDER BY s.effectiveOn`,
          { state, proposal },
        )
      ).map((r) => `${r.position}:${r.kind}`);

    await record({ ...base, position: 'SUPPORT', statedOn: '2020-01' });
    const middle = await record({ ...base, position: 'OPPOSE', statedOn: '2020-03' });
    await record({ ...base, position: 'NONCOMMITTAL', statedOn: '2020-06' });
    expect(await kinds()).toEqual(['SUPPORT:FIRST_STATED', 'OPPOSE:REVERSED', 'NONCOMMITTAL:SOFTENED']);

    await t.gql(`mutation ($id: ID!) { retractStance(id: $id) { id } }`, { id: middle.id });
    expect(await kinds()).toEqual(['SUPPORT:FIRST_STATED', 'NONCOMMITTAL:HARDENED']);
    expect(await chainProblems(t)).toEqual([]);

    // An older statement found later goes to the front of the chain.
    await record({ ...base, position: 'OPPOSE', statedOn: '2019-11', conditions: ['unless the canal is shared'] });
    expect(await kinds()).toEqual(['OPPOSE:FIRST_STATED', 'SUPPORT:REVERSED', 'NONCOMMITTAL:HARDENED']);

    // A duplicate actor's stance, merged in, lands between them.
    const dup = (
      await t.gql<{ upsertActor: { id: string } }>(
        `mutation { upsertActor(input: { name: "${uniq('Freedonian Republic')}", kind: STATE }) { id } }`,
      )
    ).data!.upsertActor.id;
    await t.gql(RECORD, {
      input: {
        actorId: dup,
        proposalId: proposal,
        position: 'SUPPORT',
        statedOn: '2020-04',
        conditions: ['only if tolls are waived'],
      },
    });
    const merged = await t.gql(`mutation ($k: ID!, $m: ID!) { mergeActors(keepId: $k, mergeId: $m) { id } }`, {
      k: state,
      m: dup,
    });
    expect(merged.errors).toBeUndefined();
    expect(await kinds()).toEqual([
      'OPPOSE:FIRST_STATED',
      'SUPPORT:REVERSED',
      'SUPPORT:HARDENED',
      'NONCOMMITTAL:HARDENED',
    ]);
    expect(await chainProblems(t)).toEqual([]);
  });

  it('refuses bad input with a coded error, over HTTP and WebSocket, and changes nothing', async () => {
    const before = await graphFingerprint(t);
    // Dates that are none are refused by their scalar where they enter (no field: graphql's message names the
    // argument); the other checks are the services', with the field at fault.
    const cases: Array<[string, string, string | undefined]> = [
      [
        `{ proposal(id: "${EOW}") { stances(asOf: "2021-11-30", knownAsOf: "soon") { totalCount } } }`,
        'BAD_USER_INPUT',
        undefined,
      ],
      [`{ stances(filter: { asOf: "yesterday" }) { totalCount } }`, 'BAD_USER_INPUT', undefined],
      [`{ stances(filter: { knownAsOf: "2021-11-30T10:00" }) { totalCount } }`, 'BAD_USER_INPUT', undefined],
      [`{ shifts(filter: { since: "2021-13" }) { totalCount } }`, 'BAD_USER_INPUT', undefined],
      [`{ shifts(filter: { actorId: "Not An Id" }) { totalCount } }`, 'BAD_USER_INPUT', 'filter.actorId'],
      [`{ shifts(first: 1000) { totalCount } }`, 'BAD_USER_INPUT', 'first'],
      [`{ changes(since: "last week") { clock } }`, 'BAD_USER_INPUT', undefined],
      [`{ changes(since: "2021-11-30T10:00:00Z", clock: EFFECTIVE) { clock } }`, 'BAD_USER_INPUT', 'since'],
      [`{ proposal(id: "${EOW}") { timeline(from: "2021-99") { totalCount } } }`, 'BAD_USER_INPUT', undefined],
      [`{ proposal(id: "${EOW}") { timeline(first: 0) { totalCount } } }`, 'BAD_USER_INPUT', 'first'],
    ];
    for (const [query, code, field] of cases) {
      const res = await t.gql(query);
      expect({ query, code: res.errors?.[0]?.extensions?.code, field: res.errors?.[0]?.extensions?.field }).toEqual({
        query,
        code,
        field,
      });
    }
    const client = wsClient(t);
    try {
      const bad = subscribe(client, `subscription { stanceShifted(actorId: "Bad Id") { id } }`);
      await expect(bad.next(1, 3000)).rejects.toThrow(/BAD_USER_INPUT/);
    } finally {
      await client.dispose();
    }
    expect(await graphFingerprint(t)).toEqual(before);
  });
});

type Timeline = {
  actor: { id: string };
  stances: Array<{ position: string; effectiveOn: string; shift: { kind: string } }>;
  latest: { position: string };
};
type Changes = {
  clock: string;
  stances: Array<{ id: string }>;
  shifts: Array<{ id: string; kind: string }>;
  proposals: Array<{ id: string }>;
};
