// What a newcomer does, proved from the outside (issue 11: the first run on a
// fresh clone failed while every warm checkout passed). A fresh clone in an
// empty temporary folder, with no .stance/ and no node_modules, the machine's
// own npm and PATH (its Node may be 20), then the README's commands exactly
// as written: `npm start` (on free ports), the GraphQL API over HTTP, the
// GraphiQL IDE and Neo4j Browser in a real headless Chromium, a clean stop on
// SIGTERM to its process group (the Ctrl-C path), then `npm run ingest -- FILE`
// and `npm run quality`, their exit codes and what they print as data.
// The only start-up of the e2e tier: it replaces the warm-checkout
// run-command spec, whose checks it keeps.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import type { Page } from 'playwright-core';
import { launchChromium, type Chromium } from '../support/chromium.js';
import {
  ARTIFACTS,
  ROOT,
  dataLines,
  freePorts,
  killProcessesUnder,
  machineNode,
  makeFreshClone,
  newcomerEnv,
  portOpen,
  processAlive,
  removeClone,
  runNpm,
  spawnNpm,
  stopGroup,
  tail,
  waitForExit,
  type FreshClone,
  type Job,
} from './support/fresh-clone.js';
import { readGuide } from './support/guide.js';
import { parseGrass, postConnectStyle } from './support/grass.js';
import { Neo4jBrowser } from './support/neo4j-browser.js';

const SCREENSHOTS = join(ROOT, 'test/e2e/screenshots');
const STYLE_FILE = join(ROOT, 'infra/neo4j/browser/stance-graph.grass');
const GUIDE_FILE = join(ROOT, 'infra/neo4j/browser/guide.md');
/** A first run installs Node 24 and the dependencies, builds and fetches the Neo4j jars before anything answers. */
const START_TIMEOUT_MS = 15 * 60_000;
const STOP_TIMEOUT_MS = 90_000;
/** Each of ingest and quality builds, starts a Neo4j and stops it again. */
const COMMAND_TIMEOUT_MS = 6 * 60_000;
/** An article from the repository's own fixtures, named from the clone's root as a user would. */
const ARTICLE = 'test/fixtures/articles/01_ap_korea_end_of_war.txt';

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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a newcomer on a fresh clone: npm start, then npm run ingest and npm run quality', () => {
  let clone: FreshClone | undefined;
  let env: NodeJS.ProcessEnv;
  let start: Job | undefined;
  let port = 0;
  let boltPort = 0;
  let httpPort = 0;
  let neo4jPid: number | undefined;
  let chromium: Chromium | undefined;
  let browserPage: Page | undefined;
  let freshBeforeStart: { stance: boolean; nodeModules: boolean } | undefined;
  const timings: Record<string, number | string> = {};

  const url = () => `http://127.0.0.1:${port}`;
  const neo4jHome = () => join(clone!.dir, '.stance/neo4j');
  const password = () => readFileSync(join(neo4jHome(), 'password'), 'utf8').trim();
  const startLog = () => tail(start!.logFile);

  async function gql<T>(query: string, variables?: Record<string, unknown>): Promise<GqlResponse<T>> {
    const res = await fetch(`${url()}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        // The development editor token `npm start` writes to the clone's .stance/dev-token.
        authorization: `Bearer ${readFileSync(join(clone!.dir, '.stance/dev-token'), 'utf8').trim()}`,
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

  /** Until /health says 200 and the dev token is written (just after listen), or the command exits. */
  async function waitUntilServing(job: Job): Promise<void> {
    const deadline = job.started + START_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (job.child.exitCode !== null || job.child.signalCode !== null) {
        throw new Error(
          `\`npm start\` exited (${job.child.exitCode ?? job.child.signalCode}) before /health answered; log ${job.logFile}:\n${startLog()}`,
        );
      }
      try {
        const res = await fetch(`${url()}/health`, { signal: AbortSignal.timeout(2000) });
        if (res.status === 200 && existsSync(join(clone!.dir, '.stance/dev-token'))) return;
      } catch {
        // not listening yet
      }
      await sleep(500);
    }
    throw new Error(
      `/health did not answer 200 within ${START_TIMEOUT_MS / 1000} s; log ${job.logFile}:\n${startLog()}`,
    );
  }

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    mkdirSync(ARTIFACTS, { recursive: true });
    const t0 = Date.now();
    clone = makeFreshClone();
    timings.clone = clone.source;
    timings.secondsToClone = (Date.now() - t0) / 1000;
    freshBeforeStart = {
      stance: existsSync(join(clone.dir, '.stance')),
      nodeModules: existsSync(join(clone.dir, 'node_modules')),
    };
    [port, boltPort, httpPort] = await freePorts(3);
    env = newcomerEnv({ PORT: String(port), NEO4J_BOLT_PORT: String(boltPort), NEO4J_HTTP_PORT: String(httpPort) });
    timings.machineNode = machineNode(env);
    start = spawnNpm(clone, ['start'], env, join(ARTIFACTS, 'npm-start.log'));
    await waitUntilServing(start);
    timings.secondsToHealthy = (Date.now() - start.started) / 1000;
    process.stderr.write(
      `fresh clone (${clone.source}, machine node ${timings.machineNode}): npm start served in ${timings.secondsToHealthy} s\n`,
    );
    neo4jPid = Number(readFileSync(join(neo4jHome(), 'run/neo4j.pid'), 'utf8').trim());
  }, START_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    await chromium?.close().catch(() => undefined);
    if (start) await stopGroup(start.child, 60_000);
    if (clone) {
      const leftovers = killProcessesUnder(clone.parent);
      if (leftovers.length > 0)
        process.stderr.write(`fresh clone: killed leftover processes ${leftovers.join(', ')}\n`);
      // Neo4j's own logs beside the commands'; the clone itself goes.
      for (const log of ['neo4j.log', 'console.log', 'debug.log']) {
        const file = join(neo4jHome(), 'logs', log);
        if (existsSync(file)) copyFileSync(file, join(ARTIFACTS, `neo4j-${log}`));
      }
      removeClone(clone);
    }
    writeFileSync(join(ARTIFACTS, 'timings.json'), JSON.stringify(timings, null, 2) + '\n');
  }, 120_000);

  it('starts from a clone with no .stance/ and no node_modules, with the machine’s own Node on PATH', () => {
    expect(freshBeforeStart).toEqual({ stance: false, nodeModules: false });
    // Node 24 came from `npm start` itself, into the clone.
    expect(
      existsSync(join(clone!.dir, '.stance/toolchain/node_modules/.bin/node')) ||
        /^v2[4-9]\./.test(String(timings.machineNode)),
    ).toBe(true);
  });

  it('runs its own Neo4j on the ports it was given, answers /health, and keeps the Neo4j password private', async () => {
    expect(await portOpen(boltPort)).toBe(true);
    expect(await portOpen(httpPort)).toBe(true);
    expect(processAlive(neo4jPid!)).toBe(true);
    expect((await fetch(`${url()}/health`)).status).toBe(200);
    // Owner only: the home (data, password) and the password file.
    expect((statSync(neo4jHome()).mode & 0o777).toString(8)).toBe('700');
    expect((statSync(join(neo4jHome(), 'password')).mode & 0o777).toString(8)).toBe('600');
  });

  it('(a) upserts an actor over GraphQL with the dev token and reads it back', async () => {
    const name = `E2E Republic ${Date.now().toString(36)}`;
    const upserted = await gql<{ upsertActor: { id: string; name: string; kind: string; aliases: string[] } }>(
      `mutation ($input: UpsertActorInput!) { upsertActor(input: $input) { id name kind aliases } }`,
      { input: { name, kind: 'STATE', aliases: ['the e2e capital', 'E2E'] } },
    );
    expect(upserted.errors).toBeUndefined();
    const actor = upserted.data!.upsertActor;
    expect(actor).toEqual({ id: expect.any(String), name, kind: 'STATE', aliases: ['the e2e capital', 'E2E'] });

    const read = await gql<{ actor: unknown }>(`query ($id: ID!) { actor(id: $id) { id name kind aliases } }`, {
      id: actor.id,
    });
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
    expect(japan).toMatchObject({
      position: 'OPPOSE',
      cue: 'premature',
      statedOn: '2021-10-19',
      speaker: { name: 'Takehiro Funakoshi' },
    });
    expect(japan!.evidence.map((e) => e.article.outlet)).toEqual(expect.arrayContaining(['Kyodo News']));
    expect(japan!.evidence.every((e) => e.quote.includes('premature'))).toBe(true);

    const northKorea = byActor.get('North Korea');
    expect(northKorea?.position).toBe('OPPOSE');
    expect(northKorea!.conditions.some((c) => c.includes('hostile policy'))).toBe(true);
  });

  it('(c) serves the GraphiQL IDE to a browser, and it renders offline', async () => {
    const res = await fetch(`${url()}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toMatch(/graphiql/i);

    const { newPage } = await browser();
    const page = await newPage();
    await page.goto(`${url()}/graphql`);
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
    await nb.open(httpPort);
    await nb.connect({ boltPort, user: 'neo4j', password: password() });

    // On connect the server's browser.post_connect_cmd applied our style.
    await nb.frameFor(':style {').waitFor({ timeout: 15000 });

    await nb.run(':clear');
    const query =
      'MATCH (p:Proposal) RETURN p.name AS proposal, p.proposedOn AS proposedOn ORDER BY proposedOn, proposal';
    const result = await nb.run(query);
    await result.getByText('End-of-war declaration').waitFor({ timeout: 30000 });
    await expect(result.innerText()).resolves.toMatch(/Inter-Korean military talks/);
    const status = await nb.run(':server connect');
    await status.getByText(`You are connected as user neo4j`).waitFor();
    await expect(status.innerText()).resolves.toContain(`localhost:${boltPort}`);
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
    const captions = (fill: string) =>
      nodes
        .filter((n) => n.fill === fill)
        .map((n) => n.caption)
        .sort();
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
    const conf = readFileSync(join(neo4jHome(), 'conf/neo4j.conf'), 'utf8');
    expect(postConnectStyle(conf)).toEqual(style);
  });

  it("runs every one of the analysts' saved queries in guide.md against the demo graph", async () => {
    const driver = neo4j.driver(`bolt://127.0.0.1:${boltPort}`, neo4j.auth.basic('neo4j', password()));
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

  it(
    'stops cleanly on SIGTERM to its process group: the service exits and Neo4j shuts down',
    async () => {
      await chromium?.close();
      chromium = undefined;
      const started = Date.now();
      const gone = stopGroup(start!.child, STOP_TIMEOUT_MS);
      const exit = await waitForExit(start!.child, STOP_TIMEOUT_MS);
      const allGone = await gone;
      timings.secondsToStop = (Date.now() - started) / 1000;
      if (exit === null || !allGone)
        throw new Error(
          `\`npm start\` did not stop within ${STOP_TIMEOUT_MS / 1000} s of SIGTERM; log:\n${startLog()}`,
        );
      // The script's trap exits 0; npm, signalled too, may report the signal.
      expect([0, 'SIGTERM', 143]).toContain(exit);
      expect(processAlive(neo4jPid!)).toBe(false);
      expect(existsSync(join(neo4jHome(), 'run/neo4j.pid'))).toBe(false);
      expect(await portOpen(boltPort)).toBe(false);
      expect(await portOpen(httpPort)).toBe(false);
      expect(await portOpen(port)).toBe(false);
      // Neo4j logs "Stopped." only at the end of an orderly shutdown.
      expect(readFileSync(join(neo4jHome(), 'logs/neo4j.log'), 'utf8')).toMatch(/INFO\s+Stopped\.\s*$/);
    },
    STOP_TIMEOUT_MS + 30_000,
  );

  it(
    `npm run ingest -- ${ARTICLE}: exits 0 and prints the article's id alone as data`,
    async () => {
      const run = await runNpm(
        clone!,
        ['run', 'ingest', '--', ARTICLE],
        env,
        join(ARTIFACTS, 'npm-run-ingest.log'),
        COMMAND_TIMEOUT_MS,
      );
      timings.secondsToIngest = run.seconds;
      expect({ exit: run.code ?? run.signal, stderrTail: run.code === 0 ? '' : run.stderr.slice(-3000) }).toEqual({
        exit: 0,
        stderrTail: '',
      });
      // stdout: npm's own two header lines, then the command's data: one id per article.
      const ids = dataLines(run.stdout);
      expect(ids).toHaveLength(1);
      expect(ids[0]).toMatch(/^[\w:.-]+$/);
      // It started the local Neo4j for itself and stopped it again.
      expect(await portOpen(boltPort)).toBe(false);
    },
    COMMAND_TIMEOUT_MS + 60_000,
  );

  it(
    'npm run quality: exits 0 and prints one line of JSON scores as data, the report on stderr',
    async () => {
      // The README's two forms: the seeds beside the checkout by default, or a folder and its gold file.
      const args = clone!.seeds
        ? ['run', 'quality']
        : ['run', 'quality', '--', 'test/fixtures/articles-holdout', 'test/fixtures/articles-holdout/gold.json'];
      const run = await runNpm(clone!, args, env, join(ARTIFACTS, 'npm-run-quality.log'), COMMAND_TIMEOUT_MS);
      timings.secondsToQuality = run.seconds;
      expect({ exit: run.code ?? run.signal, stderrTail: run.code === 0 ? '' : run.stderr.slice(-3000) }).toEqual({
        exit: 0,
        stderrTail: '',
      });
      const lines = dataLines(run.stdout);
      expect(lines).toHaveLength(1);
      const scores = JSON.parse(lines[0]) as {
        articles: number;
        overall: { precision: number; recall: number; f1: number };
      };
      expect(scores.articles).toBeGreaterThan(0);
      for (const value of [scores.overall.precision, scores.overall.recall, scores.overall.f1]) {
        expect(value).toBeGreaterThan(0);
        expect(value).toBeLessThanOrEqual(1);
      }
      // Its throwaway Neo4j is gone with its folder.
      expect(readdirSync(join(clone!.dir, '.stance')).filter((e) => e.startsWith('quality-'))).toEqual([]);
    },
    COMMAND_TIMEOUT_MS + 60_000,
  );
});
