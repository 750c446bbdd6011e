import { GqlResponse, graphFingerprint, startTestApp, TestApp, uniq } from '../support/app.js';

const UPSERT = `mutation ($input: UpsertActorInput!) {
  upsertActor(input: $input) { id name kind aliases represents { role state { id } } }
}`;

describe('actors through GraphQL on a real Neo4j', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('upserts an actor and reads it back, in GraphQL and in the graph', async () => {
    const name = uniq('Atlantis');
    const res = await t.gql(UPSERT, { input: { name, kind: 'STATE', aliases: ['the Lost Kingdom'] } });
    expect(res.errors).toBeUndefined();
    const id = (res.data as { upsertActor: { id: string } }).upsertActor.id;
    expect(id).toBe(name.toLowerCase());

    const read = await t.gql(`query ($id: ID!) { actor(id: $id) { id name kind aliases } }`, { id });
    expect(read.data).toEqual({ actor: { id, name, kind: 'STATE', aliases: ['the Lost Kingdom'] } });

    const [row] = await t.cypher<{ labels: string[]; aliases: string[] }>(
      'MATCH (a:Actor {id: $id}) RETURN labels(a) AS labels, a.aliases AS aliases',
      { id },
    );
    expect(row.labels.sort()).toEqual(['Actor', 'State']);
    expect(row.aliases).toEqual(['the Lost Kingdom']);
  });

  it('writes the same actor twice without changing the graph', async () => {
    const input = { name: uniq('Ruritania'), kind: 'STATE', aliases: ['Strelsau'] };
    await t.gql(UPSERT, { input });
    const before = await graphFingerprint(t);
    const again = await t.gql(UPSERT, { input });
    expect(again.errors).toBeUndefined();
    expect(await graphFingerprint(t)).toEqual(before);
  });

  it('links a person to the state it represents, and moves the link when it changes', async () => {
    const a = await t.gql(UPSERT, { input: { name: uniq('Freedonia'), kind: 'STATE' } });
    const b = await t.gql(UPSERT, { input: { name: uniq('Sylvania'), kind: 'STATE' } });
    const stateA = (a.data as { upsertActor: { id: string } }).upsertActor.id;
    const stateB = (b.data as { upsertActor: { id: string } }).upsertActor.id;
    const person = { name: uniq('Rufus Firefly'), kind: 'PERSON', represents: { stateId: stateA, role: 'President' } };
    const first = await t.gql(UPSERT, { input: person });
    expect((first.data as { upsertActor: { represents: unknown } }).upsertActor.represents).toEqual([
      { role: 'President', state: { id: stateA } },
    ]);

    await t.gql(UPSERT, { input: { ...person, represents: { stateId: stateB, role: 'Envoy' } } });
    const rows = await t.cypher<{ state: string; role: string }>(
      'MATCH (:Actor {id: $id})-[r:REPRESENTS]->(s) RETURN s.id AS state, r.role AS role',
      { id: (first.data as { upsertActor: { id: string } }).upsertActor.id },
    );
    expect(rows).toEqual([{ state: stateB, role: 'Envoy' }]);
  });

  it('pages through actors with cursors, without gaps or repeats, with the full PageInfo', async () => {
    const prefix = uniq('page');
    for (const n of ['a', 'b', 'c', 'd', 'e']) {
      await t.gql(UPSERT, { input: { id: `${prefix}-${n}`, name: `${prefix} ${n}`, kind: 'ORGANIZATION' } });
    }
    type PageInfo = { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string };
    type Page = { edges: { cursor: string; node: { id: string } }[]; pageInfo: PageInfo };
    const fetchPage = async (after: string | null): Promise<Page> => {
      const res: GqlResponse<{ actors: Page }> = await t.gql<{ actors: Page }>(
        `query ($after: String) { actors(first: 2, after: $after, kind: ORGANIZATION) {
           edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
        { after },
      );
      expect(res.errors).toBeUndefined();
      return res.data!.actors;
    };
    const seen: string[] = [];
    let after: string | null = null;
    let last: Page | undefined;
    let pages = 0;
    do {
      const page: Page = await fetchPage(after);
      // Forward only: a page asked for with a cursor has items before it; the first has none.
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      expect(page.pageInfo.startCursor).toBe(page.edges[0].cursor);
      expect(page.pageInfo.endCursor).toBe(page.edges[page.edges.length - 1].cursor);
      seen.push(...page.edges.map((e) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      last = page;
      pages += 1;
    } while (after && pages < 100);
    const ours = seen.filter((id) => id.startsWith(prefix));
    expect(ours).toEqual(['a', 'b', 'c', 'd', 'e'].map((n) => `${prefix}-${n}`));
    expect(new Set(seen).size).toBe(seen.length);
    // Past the last item: an empty page, no cursors, items before it.
    const beyond = await fetchPage(last!.pageInfo.endCursor);
    expect(beyond).toEqual({
      edges: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null },
    });
  });

  it('gives clear, coded errors for bad input and writes nothing', async () => {
    const before = await graphFingerprint(t);
    const cases: Array<[Record<string, unknown>, string, string | undefined]> = [
      [{ name: '   ', kind: 'STATE' }, 'BAD_USER_INPUT', 'name'],
      [{ name: 'x'.repeat(500), kind: 'STATE' }, 'BAD_USER_INPUT', 'name'],
      [{ id: 'Not A Slug', name: 'Valid', kind: 'STATE' }, 'BAD_USER_INPUT', 'id'],
      [
        { name: uniq('Lonely Envoy'), kind: 'PERSON', represents: { stateId: 'no-such-state' } },
        'NOT_FOUND',
        undefined,
      ],
    ];
    for (const [input, code, field] of cases) {
      const res = await t.gql(UPSERT, { input });
      expect(res.errors?.[0].extensions?.code).toBe(code);
      expect(res.errors?.[0].extensions?.field).toBe(field);
    }
    const unknown = await t.gql('{ actor(id: "no-such-actor") { id } }');
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const badCursor = await t.gql('{ actors(after: "bm90LWEtY3Vyc29y") { totalCount } }');
    expect(badCursor.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const bigPage = await t.gql('{ actors(first: 1000) { totalCount } }');
    expect(bigPage.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await graphFingerprint(t)).toEqual(before);
  });

  it('reports Neo4j as reachable on /health', async () => {
    const res = await fetch(`${t.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', neo4j: 'reachable' });
  });
});
