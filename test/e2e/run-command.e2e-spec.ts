// The README's run command, proved from the outside: `bash infra/stance.sh
// start` on free ports with a fresh database, then the GraphQL API over HTTP,
// the GraphiQL IDE and Neo4j Browser in a real headless Chromium, and a clean
// stop when its process group gets SIGTERM (infra/stance.sh traps INT and TERM
// alike, so this is also the Ctrl-C path).
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import type { Page } from 'playwright-core';
import { launchChromium, type Chromium } from '../support/chromium.js';
import { readGuide } from './support/guide.js';
import { parseGrass, postConnectStyle } from './support/grass.js';
import { Neo4jBrowser } from './support/neo4j-browser.js';
import {
  ARTIFACTS,
  ROOT,
  killLeftovers,
  portOpen,
  processAlive,
  startRunCommand,
  stopRunCommand,
  type RunningStack,
} from './support/run-command.js';

const SCREENSHOTS = join(ROOT, 'test/e2e/screenshots');
const STYLE_FILE = join(ROOT, 'infra/neo4j/browser/stance-graph.grass');
const GUIDE_FILE = join(ROOT, 'infra/neo4j/browser/guide.md');
const HEALTH_TIMEOUT_MS = 180000;

// The style's colours, as the Browser draws them.
const style = parseGrass(readFileSync(STYLE_FILE, 'utf8'));
const COLOUR = {
  State: style['node.State'].color,
  Person: style['node.Person'].color,
  Proposal: style['node.Proposal'].color,
  SUPPORTS: style['relationship.SUPPORTS'].color,
  OPPOSES: style['relationship.OPPOSES'].color,
  NONCOMMITTAL_ON: style['relationship.NONCOMMITTAL_ON'].color,
};

// The analyst's first question, as typed into GraphiQL.
const WHO_STANDS_WHERE = `# Who stands where on the end-of-war declaration, and on what evidence?
{
  proposal(id: "end-of-war-declaration") {
    name
    currentStances {
      position
      cue
      conditions
      statedOn
      actor { name }
      speaker { name }
      evidence { quote article { outlet publishedOn } }
    }
  }
}
`;

interface GqlResponse<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

describe('the run command (bash infra/stance.sh start)', () => {
  let stack: RunningStack | undefined;
  let neo4jPid: number | undefined;
  let chromium: Chromium | undefined;
  let browserPage: Page | undefined;
  const timings: Record<string, number> = {};

  async function gql<T>(query: string, variables?: Record<string, unknown>): Promise<GqlResponse<T>> {
    const res = await fetch(`${stack!.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        // The development editor token the run command prints and writes to .stance/dev-token.
        authorization: `Bearer ${readFileSync(join(ROOT, '.stance/dev-token'), 'utf8').trim()}`,
      },
      body: JSON.stringify({ query, variables }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as GqlResponse<T>;
  }

  async function browser(): Promise<Chromium> {
    chromium ??= await launchChromium({ width: 1400, height: 900 });
    return chromium;
  }

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    stack = await startRunCommand({ healthTimeoutMs: HEALTH_TIMEOUT_MS });
    neo4jPid = stack.neo4jPid();
    timings.secondsToHealthy = stack.secondsToHealthy;
  }, HEALTH_TIMEOUT_MS + 30000);

  afterAll(async () => {
    await chromium?.close().catch(() => undefined);
    await killLeftovers(stack, neo4jPid);
    if (stack) {
      // Keep Neo4j's own logs beside the command's; the database itself goes.
      for (const log of ['neo4j.log', 'console.log', 'debug.log']) {
        const file = join(stack.neo4jHome, 'logs', log);
        if (existsSync(file)) copyFileSync(file, join(ARTIFACTS, `neo4j-${log}`));
      }
      rmSync(stack.neo4jHome, { recursive: true, force: true });
      writeFileSync(join(ARTIFACTS, 'timings.json'), JSON.stringify(timings, null, 2) + '\n');
    }
  }, 120000);

  it('starts its own Neo4j on the ports it was given and answers /health', async () => {
    expect(await portOpen(stack!.boltPort)).toBe(true);
    expect(await portOpen(stack!.httpPort)).toBe(true);
    expect(processAlive(neo4jPid!)).toBe(true);
    const res = await fetch(`${stack!.url}/health`);
    expect(res.status).toBe(200);
  });

  it('(a) upserts an actor over GraphQL and reads it back', async () => {
    const name = `E2E Republic ${Date.now().toString(36)}`;
    const upserted = await gql<{ upsertActor: { id: string; name: string; kind: string; aliases: string[] } }>(
      `mutation ($input: UpsertActorInput!) { upsertActor(input: $input) { id name kind aliases } }`,
      { input: { name, kind: 'STATE', aliases: ['the e2e capital', 'E2E'] } },
    );
    expect(upserted.errors).toBeUndefined();
    const actor = upserted.data!.upsertActor;
    expect(actor).toEqual({ id: expect.any(String), name, kind: 'STATE', aliases: ['the e2e capital', 'E2E'] });

    const read = await gql<{ actor: unknown }>(`query ($id: ID!) { actor(id: $id) { id name kind aliases } }`, { id: actor.id });
    expect(read.errors).toBeUndefined();
    expect(read.data!.actor).toEqual(actor);
  });

  it('(b) loaded the demo graph: who stands where on the end-of-war declaration', async () => {
    interface CurrentStance {
      position: string;
      cue: string | null;
      conditions: string[];
      statedOn: string | null;
      actor: { id: string; name: string };
      speaker: { name: string } | null;
      evidence: Array<{ quote: string; article: { outlet: string | null; publishedOn: string | null } }>;
    }
    const res = await gql<{ proposal: { name: string; currentStances: CurrentStance[] } }>(`{
      proposal(id: "end-of-war-declaration") {
        name
        currentStances {
          position cue conditions statedOn
          actor { id name }
          speaker { name }
          evidence { quote article { outlet publishedOn } }
        }
      }
    }`);
    expect(res.errors).toBeUndefined();
    const { name, currentStances } = res.data!.proposal;
    expect(name).toBe('End-of-war declaration');
    const byActor = new Map(currentStances.map((s) => [s.actor.name, s]));

    expect(byActor.get('South Korea')?.position).toBe('SUPPORT');
    expect(byActor.get('United States')?.position).toBe('NONCOMMITTAL');

    const japan = byActor.get('Japan');
    expect(japan).toMatchObject({ position: 'OPPOSE', cue: 'premature', statedOn: '2021-10-19', speaker: { name: 'Takehiro Funakoshi' } });
    expect(japan!.evidence.map((e) => e.article.outlet)).toEqual(expect.arrayContaining(['Kyodo News']));
    expect(japan!.evidence.every((e) => e.quote.includes('premature'))).toBe(true);

    const northKorea = byActor.get('North Korea');
    expect(northKorea?.position).toBe('OPPOSE');
    expect(northKorea!.conditions.some((c) => c.includes('hostile policy'))).toBe(true);
  });

  it('(c) serves the GraphiQL IDE to a browser, and it renders offline', async () => {
    const res = await fetch(`${stack!.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toMatch(/graphiql/i);

    const { newPage } = await browser();
    const page = await newPage();
    await page.goto(`${stack!.url}/graphql`);
    await page.locator('.graphiql-container').waitFor({ timeout: 30000 });
    // Ask the analyst's first question in the IDE, as a person would type it.
    await page.locator('.graphiql-query-editor .CodeMirror').click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(WHO_STANDS_WHERE);
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.graphiql-response').getByText('premature').first().waitFor({ timeout: 30000 });
    await page.screenshot({ path: join(SCREENSHOTS, 'graphiql.png') });
    await page.close();
  });

  it('(d) Neo4j Browser connects to the database from a real browser', async () => {
    const { newPage } = await browser();
    browserPage = await newPage();
    const nb = new Neo4jBrowser(browserPage, ARTIFACTS);
    await nb.open(stack!.httpPort);
    await nb.connect({ boltPort: stack!.boltPort, user: 'neo4j', password: stack!.password() });

    // On connect the server's browser.post_connect_cmd applied our style.
    await nb.frameFor(':style {').waitFor({ timeout: 15000 });

    await nb.run(':clear');
    const query = 'MATCH (p:Proposal) RETURN p.name AS proposal, p.proposedOn AS proposedOn ORDER BY proposedOn, proposal';
    const result = await nb.run(query);
    await result.getByText('End-of-war declaration').waitFor({ timeout: 30000 });
    await expect(result.innerText()).resolves.toMatch(/Inter-Korean military talks/);
    const status = await nb.run(':server connect');
    await status.getByText(`You are connected as user neo4j`).waitFor();
    await expect(status.innerText()).resolves.toContain(`localhost:${stack!.boltPort}`);
    // The database drawer: labels and types, coloured by the style applied on connect.
    await browserPage.getByTestId('navigationDBMS').click();
    await browserPage.getByText('Relationship types').waitFor();
    await browserPage.screenshot({ path: join(SCREENSHOTS, 'neo4j-browser-connected.png') });
  });

  it('(e) with the stance-graph style, shows who stands where on the end-of-war declaration', async () => {
    const nb = new Neo4jBrowser(browserPage!, ARTIFACTS);
    // The style a person gets by dragging stance-graph.grass onto the Browser.
    await browserPage!.getByTestId('navigationDBMS').click(); // close the drawer
    await nb.run(':style reset');
    await nb.run(':clear');
    await nb.dropFile('stance-graph.grass', readFileSync(STYLE_FILE, 'utf8'));
    const styleFrame = nb.frameFor(':style');
    await styleFrame.getByText('node.State').waitFor({ timeout: 15000 });
    await nb.run(':clear');

    const [picture] = readGuide(GUIDE_FILE);
    expect(picture.query).toMatch(/SUPPORTS\|OPPOSES\|NONCOMMITTAL_ON/);
    const frame = await nb.runSnippet(picture.statements);
    await nb.waitForGraph(frame, 5);
    await frame.locator('button[title^="Fullscreen"]').first().click();
    await nb.waitForGraph(frame, 5);
    await frame.locator('[aria-label="zoom-to-fit"]').click();
    await browserPage!.waitForTimeout(1000); // the zoom is animated
    await browserPage!.screenshot({ path: join(SCREENSHOTS, 'end-of-war-declaration.png') });

    const { nodes, relationships } = await nb.graphContents(frame);
    const captions = (fill: string) => nodes.filter((n) => n.fill === fill).map((n) => n.caption).sort();
    expect(captions(COLOUR.State)).toEqual(['Japan', 'North Korea', 'South Korea', 'United States']);
    expect(captions(COLOUR.Proposal)).toEqual(['End-of-war declaration']);
    expect(captions(COLOUR.Person)).toEqual(['Noh Kyu-duk', 'Sung Kim', 'Takehiro Funakoshi']);
    // Each current stance is an edge in its colour, captioned by its type.
    const edges = (fill: string) => relationships.filter((r) => r.fill === fill).map((r) => r.caption);
    expect(edges(COLOUR.SUPPORTS)).toEqual(['SUPPORTS']);
    expect(edges(COLOUR.OPPOSES)).toEqual(['OPPOSES', 'OPPOSES']);
    expect(edges(COLOUR.NONCOMMITTAL_ON)).toEqual(['NONCOMMITTAL_ON']);
    // The legend beside the graph names each type with its count.
    const legend = await frame.innerText();
    for (const entry of ['State (4)', 'Proposal (1)', 'SUPPORTS (1)', 'OPPOSES (2)', 'NONCOMMITTAL_ON (1)']) {
      expect(legend).toContain(entry);
    }
  });

  it('keeps the Browser style it applies on connect the same as stance-graph.grass', () => {
    const conf = readFileSync(join(stack!.neo4jHome, 'conf/neo4j.conf'), 'utf8');
    expect(postConnectStyle(conf)).toEqual(style);
  });

  it("runs every one of the analysts' saved queries in guide.md against the demo graph", async () => {
    const driver = neo4j.driver(`bolt://127.0.0.1:${stack!.boltPort}`, neo4j.auth.basic('neo4j', stack!.password()));
    try {
      for (const snippet of readGuide(GUIDE_FILE)) {
        // `:param name => expression` is evaluated the way the Browser does it:
        // RETURN expression. The text is the repo's own guide, never input.
        const params: Record<string, unknown> = {};
        for (const { name, expression } of snippet.params) {
          const { records } = await driver.executeQuery(`RETURN ${expression} AS value`, {}, { routing: 'READ' });
          params[name] = records[0].get('value');
        }
        const { records } = await driver.executeQuery(snippet.query, params, { routing: 'READ' });
        expect({ snippet: snippet.title, rows: records.length > 0 }).toEqual({ snippet: snippet.title, rows: true });
      }
    } finally {
      await driver.close();
    }
  });

  it('stops cleanly on SIGTERM to its process group: the service exits and Neo4j shuts down', async () => {
    await chromium?.close();
    chromium = undefined;
    const { exit, seconds } = await stopRunCommand(stack!, 'SIGTERM');
    timings.secondsToStop = seconds;
    if (exit === null) throw new Error(`the run command did not exit within 90 s of SIGTERM; log:\n${stack!.logTail()}`);
    expect(exit).toBe(0);
    expect(processAlive(neo4jPid!)).toBe(false);
    expect(existsSync(join(stack!.neo4jHome, 'run/neo4j.pid'))).toBe(false);
    expect(await portOpen(stack!.boltPort)).toBe(false);
    expect(await portOpen(stack!.httpPort)).toBe(false);
    expect(await portOpen(stack!.port)).toBe(false);
    // Neo4j logs "Stopped." only at the end of an orderly shutdown.
    expect(readFileSync(join(stack!.neo4jHome, 'logs/neo4j.log'), 'utf8')).toMatch(/INFO\s+Stopped\.\s*$/);
  });
});
