import { DemoService } from '../../src/demo/demo.service.js';
import { Neo4jService } from '../../src/neo4j/neo4j.service.js';
import { resetGraph, startTestApp, TestApp } from '../support/app.js';

/**
 * The analysts' common questions are answered with one statement each: a
 * root field reads ahead what the fields below it ask for (graphql/lookahead.ts),
 * and those fields answer from the rows (graphql/embedded-fields.ts). Each
 * answer must equal the one the per-field loaders give (reached here through
 * the list fields, which do not read ahead), and cost one read.
 */
describe('read-ahead: one statement per question, the same answers', () => {
  let t: TestApp;
  let neo4j: Neo4jService;

  beforeAll(async () => {
    await resetGraph();
    t = await startTestApp();
    await t.app.get(DemoService).load();
    neo4j = t.app.get(Neo4jService);
  });
  afterAll(async () => t.close());

  /** The answer and how many read transactions it took. */
  async function reads<T>(query: string, variables: Record<string, unknown> = {}): Promise<{ data: T; reads: number }> {
    const before = neo4j.stats.transactions.read.committed;
    const res = await t.gql<T>(query, variables);
    expect(res.errors).toBeUndefined();
    return { data: res.data!, reads: neo4j.stats.transactions.read.committed - before };
  }

  const STANCE = `id position cue conditions statedOn effectiveOn recordedAt status sourceCount
    actor { id name kind } speaker { id name } proposal { id name }
    evidence { quote charStart article { id url outlet publishedOn recordedAt } }`;

  it("a proposal's current stances with their actors, speakers and evidence", async () => {
    type P = { id: string; currentStances: unknown[] };
    const ahead = await reads<{ proposal: P }>(
      `query ($id: ID!) { proposal(id: $id) { id name currentStances { ${STANCE} } } }`,
      {
        id: 'end-of-war-declaration',
      },
    );
    expect(ahead.reads).toBe(1);
    expect(ahead.data.proposal.currentStances.length).toBeGreaterThanOrEqual(4);

    const listed = await reads<{ proposals: { nodes: Array<P & { name: string }> } }>(
      `{ proposals(first: 100) { nodes { id name currentStances { ${STANCE} } } } }`,
    );
    expect(listed.data.proposals.nodes.find((p) => p.id === 'end-of-war-declaration')).toEqual(ahead.data.proposal);
  });

  it('without evidence asked, the read-ahead reads none and the answer still agrees', async () => {
    const slim = await reads<{ proposal: { currentStances: Array<{ id: string; actor: { id: string } }> } }>(
      `{ proposal(id: "end-of-war-declaration") { currentStances { id actor { id } } } }`,
    );
    expect(slim.reads).toBe(1);
    const full = await reads<{ proposal: { currentStances: Array<{ id: string; actor: { id: string } }> } }>(
      `{ proposal(id: "end-of-war-declaration") { currentStances { id actor { id } evidence { quote } } } }`,
    );
    expect(full.data.proposal.currentStances.map(({ id, actor }) => ({ id, actor }))).toEqual(
      slim.data.proposal.currentStances,
    );
  });

  it("an actor's roles and a page of its timeline, through a fragment too", async () => {
    // (The list form is one level deeper: evidence is left out to stay within the depth limit, and it
    // lists 50 actors, the demo graph's and more, to stay within the cost limit.)
    const STANCE = `id position cue conditions statedOn effectiveOn recordedAt status sourceCount actor { id name kind } speaker { id name } proposal { id name }`;
    const PAGE = `totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { ${STANCE} }`;
    type A = { id: string; represents: unknown[]; stances: { totalCount: number; nodes: unknown[] } };
    for (const id of ['japan', 'takehiro-funakoshi']) {
      const ahead = await reads<{ actor: A }>(
        `query ($id: ID!) { actor(id: $id) { ...Timeline } } fragment Timeline on Actor { id name represents { role state { id name } } stances { ${PAGE} } }`,
        { id },
      );
      expect(ahead.reads).toBe(1);
      const listed = await reads<{ actors: { nodes: A[] } }>(
        `{ actors(first: 50) { nodes { id name represents { role state { id name } } stances { ${PAGE} } } } }`,
      );
      expect(listed.data.actors.nodes.find((a) => a.id === id)).toEqual(ahead.data.actor);
    }
    const japan = await reads<{ actor: A }>(`{ actor(id: "japan") { stances { totalCount nodes { id } } } }`);
    expect(japan.reads).toBe(1);
    expect(japan.data.actor.stances.nodes.length).toBeGreaterThanOrEqual(2);
    expect(japan.data.actor.stances.totalCount).toBe(japan.data.actor.stances.nodes.length);
  });

  it("pages through an actor's timeline read ahead, one statement a page, the same as the list form", async () => {
    type Page = {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
      edges: Array<{ cursor: string; node: { id: string; sourceCount: number } }>;
    };
    const walk = async (query: string, pick: (data: never) => Page) => {
      const ids: string[] = [];
      let after: string | null = null;
      for (let pages = 0; pages < 50; pages++) {
        const res: { data: never; reads: number } = await reads<never>(query, { after });
        expect(res.reads).toBe(1);
        const page = pick(res.data);
        expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
        ids.push(...page.edges.map((e) => e.node.id));
        if (!page.pageInfo.hasNextPage) return { ids, total: page.totalCount };
        after = page.pageInfo.endCursor;
      }
      throw new Error('too many pages');
    };
    const SELECTION = `totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id sourceCount } }`;
    const ahead = await walk(
      `query ($after: String) { actor(id: "japan") { stances(first: 1, after: $after) { ${SELECTION} } } }`,
      (d: { actor: { stances: Page } }) => d.actor.stances,
    );
    expect(ahead.ids.length).toBeGreaterThanOrEqual(2);
    expect(ahead.total).toBe(ahead.ids.length);
    expect(new Set(ahead.ids).size).toBe(ahead.ids.length);
    const whole = await reads<{ actor: { stances: Page } }>(
      `{ actor(id: "japan") { stances(first: 100) { ${SELECTION} } } }`,
    );
    expect(whole.data.actor.stances.edges.map((e) => e.node.id)).toEqual(ahead.ids);
  });

  it('the same actor reached again below its read-ahead page answers the page asked for there', async () => {
    type Inner = { totalCount: number; nodes: Array<{ id: string }> };
    const res = await reads<{
      actor: { stances: { totalCount: number; nodes: Array<{ id: string; actor: { id: string; stances: Inner } }> } };
    }>(
      `{ actor(id: "japan") { stances(first: 100) { totalCount nodes { id actor { id stances(first: 1) { totalCount nodes { id } } } } } } }`,
    );
    const outer = res.data.actor.stances;
    expect(outer.nodes.length).toBeGreaterThanOrEqual(2);
    for (const node of outer.nodes) {
      expect(node.actor.id).toBe('japan');
      expect(node.actor.stances).toEqual({ totalCount: outer.totalCount, nodes: [{ id: outer.nodes[0].id }] });
    }
  });

  it('a filtered stance with arguments is not read ahead, and still answers', async () => {
    const res = await reads<{ actor: { stances: { nodes: Array<{ proposal: { id: string } }> } } }>(
      `{ actor(id: "japan") { stances(proposalId: "inter-korean-military-talks") { nodes { proposal { id } } } } }`,
    );
    const proposals = res.data.actor.stances.nodes.map((s) => s.proposal.id);
    expect(proposals.length).toBeGreaterThanOrEqual(1);
    expect(new Set(proposals)).toEqual(new Set(['inter-korean-military-talks']));
  });

  it('a page of stances with its total and holders, and the same pages without the total', async () => {
    type Page = {
      totalCount?: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: Array<{ id: string; actor: { name: string } }>;
    };
    const q = (withTotal: boolean) =>
      `query ($after: String) { stances(filter: { proposalId: "end-of-war-declaration" }, first: 2, after: $after) {
         ${withTotal ? 'totalCount' : ''} pageInfo { hasNextPage endCursor } nodes { id actor { name } } } }`;
    const walk = async (withTotal: boolean) => {
      const ids: string[] = [];
      let after: string | null = null;
      let total: number | undefined;
      for (;;) {
        const page: { data: { stances: Page }; reads: number } = await reads<{ stances: Page }>(q(withTotal), {
          after,
        });
        expect(page.reads).toBe(1);
        total = page.data.stances.totalCount;
        ids.push(...page.data.stances.nodes.map((n) => n.id));
        for (const n of page.data.stances.nodes) expect(n.actor.name).toEqual(expect.any(String));
        if (!page.data.stances.pageInfo.hasNextPage) return { ids, total };
        after = page.data.stances.pageInfo.endCursor;
      }
    };
    const counted = await walk(true);
    expect(counted.total).toBe(counted.ids.length);
    expect(new Set(counted.ids).size).toBe(counted.ids.length);
    expect((await walk(false)).ids).toEqual(counted.ids);
    // An empty page still answers the count.
    const empty = await reads<{ stances: Page }>(
      `{ stances(filter: { proposalId: "end-of-war-declaration", from: "2199-01-01" }) { totalCount nodes { id } } }`,
    );
    expect(empty.data.stances).toEqual({ totalCount: 0, nodes: [] });
  });

  it('search and alignment: one statement each', async () => {
    const search = await reads<{ search: Array<{ node: { id: string } }> }>(
      `{ search(text: "Tokyo") { score node { ... on Actor { id name kind } ... on Proposal { id name } } } }`,
    );
    expect(search.reads).toBe(1);
    expect(search.data.search[0].node.id).toBe('japan');
    const alignment = await reads<{ alignment: { pairs: Array<{ compared: number }> } }>(
      `{ alignment(actorIds: ["japan", "united-states", "south-korea"], proposalIds: ["end-of-war-declaration", "inter-korean-military-talks"]) {
          pairs { actorA { id } actorB { id } compared agree score } } }`,
    );
    expect(alignment.reads).toBe(1);
    expect(alignment.data.alignment.pairs).toHaveLength(3);
    expect(alignment.data.alignment.pairs.some((p) => p.compared > 0)).toBe(true);
  });
});
