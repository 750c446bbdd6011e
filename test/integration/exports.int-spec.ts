import { parse } from 'csv-parse/sync';
import { DemoService } from '../../src/demo/demo.service.js';
import { resetGraph, startTestApp, TestApp } from '../support/app.js';
import { elementsNamed, graphmlData, parseXmlStrict, XmlElement } from '../support/xml.js';

const EOW = 'end-of-war-declaration';
const TALKS = 'inter-korean-military-talks';

type LiveStance = {
  id: string;
  actor: string;
  proposal: string;
  position: string;
  cue: string | null;
  conditions: string[];
  evidence: number;
};

describe('stance network exports', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Every stance of the demo graph is accounted for: no other suite's data.
    await resetGraph();
    t = await startTestApp();
    await t.app.get(DemoService).load();
  });
  afterAll(async () => t.close());

  /** The live stances the export must account for, read straight from the graph. */
  const liveStances = (proposalIds: string[] | null, from: string | null, to: string | null) =>
    t.cypher<LiveStance>(
      `MATCH (a:Actor)-[:HOLDS]->(s:Stance)-[:ON]->(p:Proposal)
       WHERE s.status IN ['PROPOSED', 'CONFIRMED'] AND ($ids IS NULL OR p.id IN $ids)
         AND ($from IS NULL OR s.effectiveOn >= $from) AND ($to IS NULL OR s.effectiveOn <= $to)
       RETURN s.id AS id, a.id AS actor, p.id AS proposal, s.position AS position, s.cue AS cue,
              coalesce(s.conditions, []) AS conditions, COUNT { (s)-[:EVIDENCED_BY]->() } AS evidence`,
      { ids: proposalIds, from, to },
    );

  const get = (path: string) => fetch(`${t.url}${path}`);

  it('serves GraphML that a strict XML parser reads, with every stance as an edge holder -> proposal', async () => {
    const res = await get(`/export/graphml?proposalIds=${EOW},${TALKS}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/graphml+xml; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="stance-network.graphml"');
    const doc = parseXmlStrict(await res.text());
    expect(doc.name).toBe('graphml');
    const [graph] = elementsNamed(doc, 'graph');
    expect(graph.attributes.edgedefault).toBe('directed');
    const names = new Map(elementsNamed(doc, 'key').map((k) => [k.attributes.id, k.attributes['attr.name']]));
    const nodes = new Map(elementsNamed(doc, 'node').map((n) => [n.attributes.id, graphmlData(n, names)]));
    const edges = elementsNamed(doc, 'edge').map(
      (e: XmlElement) => ({ ...e.attributes, ...graphmlData(e, names) }) as Record<string, string>,
    );

    const expected = await liveStances([EOW, TALKS], null, null);
    expect(expected.length).toBe(8);
    const stanceEdges = edges.filter((e) => e.relation === 'STANCE');
    expect(stanceEdges.map((e) => e.stanceId).sort()).toEqual(expected.map((s) => s.id).sort());
    for (const s of expected) {
      const edge = stanceEdges.find((e) => e.stanceId === s.id)!;
      expect([edge.source, edge.target, edge.position, edge.cue ?? null, Number(edge.evidenceCount)]).toEqual([
        `actor:${s.actor}`,
        `proposal:${s.proposal}`,
        s.position,
        s.cue,
        Number(s.evidence),
      ]);
      expect(edge.conditions ?? '').toBe(s.conditions.join(' | '));
    }
    // Every edge joins two nodes of the document, and the nodes carry their attributes.
    for (const e of edges) expect([nodes.has(e.source), nodes.has(e.target)]).toEqual([true, true]);
    expect(nodes.get('actor:japan')).toMatchObject({ label: 'Japan', nodeType: 'actor', kind: 'STATE' });
    expect(nodes.get(`proposal:${EOW}`)).toMatchObject({
      label: 'End-of-war declaration',
      nodeType: 'proposal',
      proposedOn: '2021-09-21',
    });
    expect(edges).toContainEqual(
      expect.objectContaining({ relation: 'PROPOSED', source: 'actor:south-korea', target: `proposal:${EOW}` }),
    );
    expect(edges).toContainEqual(
      expect.objectContaining({ relation: 'REPRESENTS', source: 'actor:takehiro-funakoshi', target: 'actor:japan' }),
    );
    const north = stanceEdges.find((e) => e.source === 'actor:north-korea')!;
    expect([north.position, north.conditions, north.sourceCount, north.outlets]).toEqual([
      'OPPOSE',
      'unless the United States withdraws its hostile policy toward the North',
      '1',
      'Kyodo News | The Japan Times',
    ]);
  });

  it('serves CSV nodes and edges that a CSV reader reads, every stance accounted for, within a time window', async () => {
    const [nodesRes, edgesRes] = await Promise.all([
      get(`/export/csv/nodes?proposalIds=${EOW}&from=2021-10&to=2021-10`),
      get(`/export/csv/edges?proposalIds=${EOW}&from=2021-10&to=2021-10`),
    ]);
    expect([nodesRes.status, edgesRes.status]).toEqual([200, 200]);
    expect(edgesRes.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    const edgesText = await edgesRes.text();
    expect(edgesText.endsWith('\r\n')).toBe(true);
    const nodes = parse(await nodesRes.text(), { columns: true }) as Array<Record<string, string>>;
    const edges = parse(edgesText, { columns: true }) as Array<Record<string, string>>;

    // October 2021 only: Japan, the United States and South Korea on 2021-10-19; not South Korea's
    // 2021-09 statement, not North Korea's (reported 2021-11-06).
    const expected = await liveStances([EOW], '2021-10', '2021-10-31');
    const stances = edges.filter((e) => e.relation === 'STANCE');
    expect(stances.map((e) => e.stanceId).sort()).toEqual(expected.map((s) => s.id).sort());
    expect(stances.map((e) => `${e.Source}:${e.position}`).sort()).toEqual([
      'actor:japan:OPPOSE',
      'actor:south-korea:SUPPORT',
      'actor:united-states:NONCOMMITTAL',
    ]);
    const japan = stances.find((e) => e.Source === 'actor:japan')!;
    expect(japan).toMatchObject({
      Target: `proposal:${EOW}`,
      Type: 'Directed',
      cue: 'premature',
      statedOn: '2021-10-19',
      positionScore: '-1',
      speakerId: 'takehiro-funakoshi',
      sourceCount: '1',
    });
    const ids = new Set(nodes.map((n) => n.Id));
    for (const e of edges) expect([ids.has(e.Source), ids.has(e.Target)]).toEqual([true, true]);
    expect(nodes.find((n) => n.Id === 'actor:south-korea')).toMatchObject({
      Label: 'South Korea',
      kind: 'STATE',
      aliases: 'Seoul | the South | Republic of Korea | ROK',
    });
  });

  it('exports every live stance when no proposal is named, and the GraphQL field gives the same text', async () => {
    const res = await get('/export/csv/edges');
    const edges = parse(await res.text(), { columns: true }) as Array<Record<string, string>>;
    const all = await liveStances(null, null, null);
    expect(
      edges
        .filter((e) => e.relation === 'STANCE')
        .map((e) => e.stanceId)
        .sort(),
    ).toEqual(all.map((s) => s.id).sort());

    const http = await (await get(`/export/graphml?proposalIds=${EOW}`)).text();
    const gql = await t.gql<{ stanceNetwork: string }>(
      `query ($ids: [ID!]) { stanceNetwork(format: GRAPHML, proposalIds: $ids) }`,
      { ids: [EOW] },
    );
    expect(gql.errors).toBeUndefined();
    expect(gql.data!.stanceNetwork).toBe(http);
  });

  it('answers bad input with 400 or 404 and the same codes as the API', async () => {
    const cases: Array<[string, number, string, string | undefined]> = [
      ['/export/graphml?proposalIds=Not%20An%20Id', 400, 'BAD_USER_INPUT', 'proposalIds[0]'],
      ['/export/csv/edges?from=2021-13', 400, 'BAD_USER_INPUT', 'from'],
      ['/export/csv/edges?from=2021-12&to=2021-01', 400, 'BAD_USER_INPUT', 'to'],
      ['/export/csv/nodes?proposalIds=no-such-proposal', 404, 'NOT_FOUND', undefined],
    ];
    for (const [path, status, code, field] of cases) {
      const res = await get(path);
      const body = (await res.json()) as { error: { code: string; field?: string } };
      expect({ path, status: res.status, code: body.error.code, field: body.error.field }).toEqual({
        path,
        status,
        code,
        field,
      });
    }
    // Over GraphQL the Date scalar refuses it where it enters (graphql's message names the argument).
    const gql = await t.gql(`{ stanceNetwork(format: CSV_NODES, from: "later") }`);
    expect([gql.errors?.[0].extensions?.code, gql.errors?.[0].extensions?.field]).toEqual([
      'BAD_USER_INPUT',
      undefined,
    ]);
  });

  it('refuses an export larger than STANCE_EXPORT_MAX_STANCES with RESULT_TOO_LARGE instead of building it', async () => {
    const live = (await liveStances(null, null, null)).length;
    expect(live).toBeGreaterThan(2);
    const small = await startTestApp({ STANCE_EXPORT_MAX_STANCES: '2' });
    try {
      for (const path of ['/export/graphml', '/export/csv/edges']) {
        const res = await fetch(`${small.url}${path}`);
        expect(res.status).toBe(422);
        const body = (await res.json()) as { error: { code: string; message: string } };
        expect(body.error.code).toBe('RESULT_TOO_LARGE');
        expect(body.error.message).toMatch(/proposalIds/);
      }
    } finally {
      await small.close();
      delete process.env.STANCE_EXPORT_MAX_STANCES;
    }
  });
});
