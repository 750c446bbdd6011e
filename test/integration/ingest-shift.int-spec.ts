import type { Client } from 'graphql-ws';
import { DemoService } from '../../src/demo/demo.service.js';
import { STANCE_SHIFTED } from '../../src/live/stance-events.js';
import { resetGraph, startTestApp, TestApp } from '../support/app.js';
import { launchChromium, type Chromium } from '../support/chromium.js';
import { subscribe, untilListening, wsClient } from '../support/live.js';

const EOW = 'end-of-war-declaration';

/**
 * An invented report (not a claim about what Japan said) in which Japan,
 * OPPOSE on the end-of-war declaration in the demo graph ("premature",
 * 2021-10-19), now supports it: ingested as raw text, the change must show as
 * a REVERSED shift in `shifts`, over a real WebSocket subscription, and in the
 * analyst view.
 */
const ARTICLE = `TOKYO - Japan now supports a declaration formally ending the Korean War, Foreign Minister Yoshimasa Hayashi said on Tuesday.

"We back the declaration of the end of the Korean War as a step toward lasting peace," Hayashi told reporters in Tokyo.`;

type ShiftEvent = {
  stanceShifted: {
    kind: string;
    fromPosition: string;
    toPosition: string;
    actor: { id: string };
    proposal: { id: string };
  };
};

describe('a change of position read from an article', () => {
  let t: TestApp;
  let client: Client;
  let shifted: ReturnType<typeof subscribe<ShiftEvent>>;

  beforeAll(async () => {
    await resetGraph();
    t = await startTestApp();
    await t.app.get(DemoService).load();
    client = wsClient(t);
    shifted = subscribe(
      client,
      `subscription ($a: ID, $p: ID) { stanceShifted(actorId: $a, proposalId: $p) { kind fromPosition toPosition actor { id } proposal { id } } }`,
      {
        a: 'japan',
        p: EOW,
      },
    );
    await untilListening(t, { [STANCE_SHIFTED]: 1 });
    const res = await t.gql(
      `mutation ($input: IngestArticleInput!) { ingestArticle(input: $input) { stances { actor { id } proposal { id } position } } }`,
      {
        input: {
          text: ARTICLE,
          outlet: 'Test Wire',
          url: 'https://example.test/ingest-shift/japan',
          publishedOn: '2022-03-08',
        },
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toMatchObject({
      ingestArticle: {
        stances: expect.arrayContaining([{ actor: { id: 'japan' }, proposal: { id: EOW }, position: 'SUPPORT' }]),
      },
    });
  });
  afterAll(async () => {
    await client?.dispose();
    await t?.close();
  });

  it("is a REVERSED shift in shifts, from the demo graph's OPPOSE", async () => {
    const res = await t.gql<{ shifts: { nodes: Array<{ kind: string; fromPosition: string; toPosition: string }> } }>(
      `{ shifts(filter: { actorId: "japan", proposalId: "${EOW}", kinds: [REVERSED] }) { nodes { kind fromPosition toPosition } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.shifts.nodes).toEqual([{ kind: 'REVERSED', fromPosition: 'OPPOSE', toPosition: 'SUPPORT' }]);
    const [edge] = await t.cypher<{ type: string }>(
      `MATCH (:Actor {id: 'japan'})-[r:SUPPORTS|OPPOSES|NONCOMMITTAL_ON]->(:Proposal {id: $p}) RETURN type(r) AS type`,
      { p: EOW },
    );
    expect(edge.type).toBe('SUPPORTS');
  });

  it('reaches a subscriber over a real WebSocket after the ingest committed', async () => {
    const [event] = await shifted.next(1);
    expect(event.stanceShifted).toEqual({
      kind: 'REVERSED',
      fromPosition: 'OPPOSE',
      toPosition: 'SUPPORT',
      actor: { id: 'japan' },
      proposal: { id: EOW },
    });
  });

  it('shows in the analyst view', async () => {
    let browser: Chromium | undefined;
    try {
      browser = await launchChromium();
      const page = await browser.newPage();
      await page.goto(`${t.url}/view`);
      const badge = page.locator(
        `.cell[data-actor="japan"][data-proposal="${EOW}"][data-position="SUPPORT"] .shift[data-kind="REVERSED"]`,
      );
      await badge.waitFor({ timeout: 15_000 });
      expect(await badge.count()).toBe(1);
    } finally {
      await browser?.close();
    }
  });
});
