import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { DemoService } from '../../src/demo/demo.service.js';
import { resetGraph, startTestApp, TestApp } from '../support/app.js';
import { launchChromium, type Chromium } from '../support/chromium.js';

const SHOTS = resolve(import.meta.dirname, '../screenshots');

/*
 * The review desk in a real headless Chromium against the real app and a
 * real Neo4j, driven by the keyboard alone once the files are dropped: three
 * article files in, one opened, a stance confirmed, one rejected, one amended
 * to an existing proposal, a missed one added from a sentence; the graph then
 * holds exactly those decisions, and a second browser has seen them live.
 * The articles are invented (not claims about what anyone said).
 */
const FILES = [
  {
    name: 'japan.txt',
    text: `outlet: Test Wire
url: https://example.test/desk/japan
publishedOn: 2022-03-08
title: Japan backs end-of-war declaration
---
TOKYO - Japan now supports a declaration formally ending the Korean War, Foreign Minister Yoshimasa Hayashi said on Tuesday.

China on Tuesday rejected the declaration formally ending the Korean War as premature, the foreign ministry said.

Russia said it supports inter-Korean military talks.

Mongolia's president praised the idea in a speech in Ulaanbaatar.`,
  },
  {
    name: 'seoul.txt',
    text: `outlet: Test Wire
url: https://example.test/desk/seoul
publishedOn: 2022-03-09
---
SEOUL - South Korea on Wednesday welcomed the proposal for inter-Korean military talks, a spokesman said.`,
  },
  {
    name: 'washington.txt',
    text: `outlet: Test Wire
url: https://example.test/desk/washington
publishedOn: 2022-03-10
---
WASHINGTON - The United States on Thursday declined to take a position on the end-of-war declaration, the State Department said.`,
  },
];

/** Polls `read` until it gives `want` (or 10 s pass), and returns the last value read. */
async function until<T>(read: () => Promise<T>, want: T, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  let value = await read();
  while (value !== want && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

interface Row {
  id: string;
  status: string;
  proposalId: string;
  actorId: string;
}

describe('the review desk in a browser, by keyboard', () => {
  let t: TestApp;
  let browser: Chromium;
  let a: Page;
  let b: Page;
  const errors: string[] = [];

  const signIn = async (page: Page) => {
    await page.goto(`${t.url}/desk`);
    await page.locator('#token-form').waitFor({ state: 'visible' });
    await page.focus('#token');
    await page.keyboard.type(t.tokens.editor);
    await page.keyboard.press('Enter');
    await page.locator('#who').filter({ hasText: 'editor' }).waitFor();
    await page.locator('#live[data-state="on"]').waitFor();
  };
  const stancesOfTestArticles = () =>
    t.cypher<Row>(
      `MATCH (a:Actor)-[:HOLDS]->(s:Stance)-[:ON]->(p:Proposal)
       WHERE EXISTS { (s)-[:EVIDENCED_BY]->(:Article {url: $url}) }
       RETURN s.id AS id, s.status AS status, p.id AS proposalId, a.id AS actorId ORDER BY s.id`,
      { url: 'https://example.test/desk/japan' },
    );

  const bookmarksSent: string[] = [];

  beforeAll(async () => {
    await resetGraph();
    t = await startTestApp({ STANCE_OPEN_READS: 'false' });
    await t.app.get(DemoService).load();
    browser = await launchChromium({ width: 1500, height: 1000 });
    a = await browser.newPage();
    b = await browser.newPage();
    for (const page of [a, b]) {
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(msg.text());
      });
    }
    // The page hands the answers' Stance-Bookmark back (read-your-writes across replicas).
    a.on('request', (request) => {
      const bookmark = request.url().endsWith('/graphql') ? request.headers()['stance-bookmark'] : undefined;
      if (bookmark) bookmarksSent.push(bookmark);
    });
    await signIn(a);
    await signIn(b);
  });

  afterAll(async () => {
    delete process.env.STANCE_OPEN_READS;
    await browser?.close();
    await t?.close();
  });

  it('ingests three dropped files and shows each result and same-report verdict', async () => {
    const transfer = await a.evaluateHandle((files) => {
      const dt = new DataTransfer();
      for (const f of files) dt.items.add(new File([f.text], f.name, { type: 'text/plain' }));
      return dt;
    }, FILES);
    await a.dispatchEvent('#drop', 'drop', { dataTransfer: transfer });
    await a.locator('.ingest-item[data-status="done"]').nth(2).waitFor({ timeout: 60_000 });
    const verdicts = await a.locator('.ingest-item .verdict').allTextContents();
    expect(verdicts).toEqual(['new report', 'new report', 'new report']);
    expect(bookmarksSent.length).toBeGreaterThan(0);
    expect(bookmarksSent.every((b) => /^[A-Za-z0-9:+/=_.-]+$/.test(b))).toBe(true);
    await b.locator('.queue-item').first().waitFor();
  });

  it('confirms, rejects, amends and adds by keyboard; the graph holds exactly those decisions; B sees them live', async () => {
    const before = await stancesOfTestArticles();
    expect(before.length).toBeGreaterThanOrEqual(3);
    expect(before.every((s) => s.status === 'PROPOSED')).toBe(true);

    // Filter the queue to the first article's outlet and open the article of the first stance.
    await a.keyboard.press('/');
    await a.keyboard.press('Tab');
    await a.keyboard.press('Tab');
    await a.keyboard.type('Test Wire');
    await a.keyboard.press('Enter');
    await a.locator('.queue-item.current').waitFor();
    // Walk the queue to a stance of the Japan article, then open it.
    const japanIds = new Set(before.map((s) => s.id));
    for (let i = 0; i < 20; i++) {
      const id = await a.locator('.queue-item.current').getAttribute('data-id');
      if (id && japanIds.has(id)) break;
      await a.keyboard.press('j');
    }
    await a.keyboard.press('Enter');
    await a.locator('#reader [data-stances]').first().waitFor();
    await a.locator('.stance-card.current').waitFor();
    await a.screenshot({ path: `${SHOTS}/desk-article.png`, fullPage: false });

    const cards = await a.locator('.stance-card').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!));
    expect(new Set(cards)).toEqual(japanIds);
    const current = async () => (await a.locator('.stance-card.current').getAttribute('data-id'))!;
    const statusOf = (id: string) =>
      a.locator(`.stance-card[data-id="${id}"][data-status]`).getAttribute('data-status');

    // The article opens on the stance picked in the queue; go to the first, confirm it, reject the next one.
    for (let i = 0; i < cards.length; i++) await a.keyboard.press('k');
    expect(await current()).toBe(cards[0]);
    const confirmed = await current();
    await a.keyboard.press('c');
    expect(await until(() => statusOf(confirmed), 'CONFIRMED')).toBe('CONFIRMED');
    await a.keyboard.press('j');
    const rejected = await current();
    expect(rejected).not.toBe(confirmed);
    await a.keyboard.press('x');
    expect(await until(() => statusOf(rejected), 'REJECTED')).toBe('REJECTED');

    // Amend the next one's proposal to an existing proposal.
    await a.keyboard.press('j');
    const amended = await current();
    expect([confirmed, rejected]).not.toContain(amended);
    await a.keyboard.press('e');
    await a.locator('#form-panel').waitFor({ state: 'visible' });
    await a.keyboard.press('Control+A');
    await a.keyboard.type('inter-korean-dialogue');
    await a.keyboard.press('Control+Enter');
    await a.locator('#form-panel').waitFor({ state: 'hidden' });
    expect(await until(() => statusOf(amended), 'AMENDED')).toBe('AMENDED');

    // Add the stance the extractor missed: the last sentence, by the sentence cursor.
    const sentences = await a.locator('#reader').evaluate((r) => (r.textContent ?? '').split(/(?<=[.!?])\s+/).length);
    for (let i = 0; i < sentences; i++) await a.keyboard.press(']');
    await a.keyboard.press('n');
    await a.locator('#form-panel').waitFor({ state: 'visible' });
    const quote = await a.inputValue('#s-quote');
    expect(quote).toBe("Mongolia's president praised the idea in a speech in Ulaanbaatar.");
    await a.keyboard.type('mongolia');
    await a.keyboard.press('Tab'); // speaker: none
    await a.keyboard.press('Tab');
    await a.keyboard.press('Control+A');
    await a.keyboard.type('end-of-war-declaration');
    await a.keyboard.press('Control+Enter');
    await a.locator('#form-panel').waitFor({ state: 'hidden' });
    await a.locator('.stance-card', { hasText: 'Mongolia on End-of-war declaration' }).waitFor();
    await a.evaluate(() => window.scrollTo(0, 0));
    await a.screenshot({ path: `${SHOTS}/desk-article.png`, fullPage: false });

    // The graph holds exactly those decisions.
    const after = await stancesOfTestArticles();
    const byId = new Map(after.map((s) => [s.id, s]));
    expect(byId.get(confirmed)!.status).toBe('CONFIRMED');
    expect(byId.get(rejected)!.status).toBe('REJECTED');
    expect(byId.get(amended)!.status).toBe('AMENDED');
    const untouched = before.filter((s) => ![confirmed, rejected, amended].includes(s.id));
    for (const s of untouched) expect(byId.get(s.id)!.status).toBe('PROPOSED');
    const made = after.filter((s) => !japanIds.has(s.id));
    const original = before.find((s) => s.id === amended)!;
    expect(made.map((s) => [s.actorId, s.proposalId, s.status]).sort()).toEqual(
      [
        [original.actorId, 'inter-korean-dialogue', 'CONFIRMED'],
        ['mongolia', 'end-of-war-declaration', 'CONFIRMED'],
      ].sort(),
    );
    const [amendment] = await t.cypher<{ by: string; fields: string[] }>(
      `MATCH (m:Amendment)-[:OF]->(:Stance {id: $id}) RETURN m.by AS by, m.fields AS fields`,
      { id: amended },
    );
    expect(amendment).toEqual({ by: 'test-editor', fields: ['proposalId'] });
    const [evidence] = await t.cypher<{ quote: string }>(
      `MATCH (:Actor {id: 'mongolia'})-[:HOLDS]->(:Stance)-[e:EVIDENCED_BY]->(:Article {url: $url}) RETURN e.quote AS quote`,
      { url: 'https://example.test/desk/japan' },
    );
    expect(evidence.quote).toBe(quote);

    // The second analyst's queue has followed, live: the decided stances are gone from it.
    const stillQueued = async () => {
      const ids = await b.locator('.queue-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
      return [confirmed, rejected, amended].filter((id) => ids.includes(id)).length;
    };
    expect(await until(stillQueued, 0)).toBe(0);
    await b.evaluate(() => window.scrollTo(0, 0));
    await b.screenshot({ path: `${SHOTS}/desk-queue.png`, fullPage: false });
    expect(errors).toEqual([]);
  });

  it('renames a proposal by keyboard (its old name kept as an alias), and shows why an editor cannot link one', async () => {
    const card = a.locator('.stance-card.current');
    const link = card.locator('button', { hasText: 'Same proposal as' });
    expect(await link.isDisabled()).toBe(true);
    expect(await link.getAttribute('title')).toContain('admin');
    const proposalName = (await card.locator('.what').textContent())!;
    const [{ id }] = await t.cypher<{ id: string }>(`MATCH (p:Proposal {name: $name}) RETURN p.id AS id`, {
      name: proposalName,
    });
    await a.keyboard.press('r');
    await a.locator('#form-panel').waitFor({ state: 'visible' });
    await a.keyboard.press('Control+A');
    await a.keyboard.type(`${proposalName} (renamed)`);
    await a.keyboard.press('Control+Enter');
    await a.locator('#form-panel').waitFor({ state: 'hidden' });
    const [renamed] = await t.cypher<{ name: string; aliases: string[] }>(
      `MATCH (p:Proposal {id: $id}) RETURN p.name AS name, p.aliases AS aliases`,
      { id },
    );
    expect(renamed.name).toBe(`${proposalName} (renamed)`);
    expect(renamed.aliases).toContain(proposalName);
    expect(errors).toEqual([]);
  });
});
