import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { DemoService } from '../../src/demo/demo.service.js';
import { resetGraph, startTestApp, TestApp } from '../support/app.js';
import { launchChromium, type Chromium } from '../support/chromium.js';
import { RECORD, removeRecorded, US_SHIFT } from '../support/stance-fixtures.js';

const SCREENSHOT = resolve(import.meta.dirname, '../screenshots/analyst-view.png');
const EOW = 'end-of-war-declaration';
const cell = (actor: string, proposal = EOW) => `.cell[data-actor="${actor}"][data-proposal="${proposal}"]`;

/**
 * The analyst view in a real headless Chromium against the real app: the
 * matrix, the cue on hover, the timeline with evidence on click, a shift
 * arriving live, and no request leaving the service's own origin.
 */
describe('the analyst view in a browser', () => {
  let t: TestApp;
  let browser: Chromium;
  let page: Page;
  const recorded: string[] = [];
  const offOrigin: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    // The demo graph alone, as a user first sees it (and as the README shows it).
    await resetGraph();
    t = await startTestApp();
    await t.app.get(DemoService).load();
    browser = await launchChromium({ width: 1440, height: 1000 });
    page = await browser.newPage();
    const origin = new URL(t.url);
    // Anything not from the service itself is refused and remembered: the view must need none of it.
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.host === origin.host) return route.continue();
      offOrigin.push(url.href);
      return route.abort();
    });
    page.on('websocket', (ws) => {
      if (new URL(ws.url()).host !== origin.host) offOrigin.push(ws.url());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') pageErrors.push(msg.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await removeRecorded(t, recorded);
    await t.close();
  });

  it('shows actors by proposals coloured by current position, with the cue on hover', async () => {
    const res = await page.goto(`${t.url}/view`);
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-security-policy']).toContain("default-src 'none'");
    await page.waitForSelector(cell('japan'));
    const positions = await page.$$eval(`.cell[data-proposal="${EOW}"]`, (cells) =>
      cells.map((c) => `${(c as HTMLElement).dataset.actor}:${(c as HTMLElement).dataset.position}`).sort(),
    );
    expect(positions).toEqual([
      'japan:OPPOSE',
      'north-korea:OPPOSE',
      'south-korea:SUPPORT',
      'united-states:NONCOMMITTAL',
    ]);
    const colours = await page.$eval(cell('japan'), (c) => getComputedStyle(c).backgroundColor);
    expect(colours).toBe('rgb(251, 228, 225)');

    await page.hover(cell('japan'));
    const tip = page.locator('#tooltip');
    await tip.waitFor({ state: 'visible' });
    expect(await tip.innerText()).toContain('\u201cpremature\u201d');
    expect(await tip.innerText()).toContain('Takehiro Funakoshi');
    await page.hover(cell('north-korea'));
    expect(await tip.innerText()).toContain('unless the United States withdraws its hostile policy toward the North');
  });

  it('opens the timeline of the proposal on click, with the evidence of the stance clicked', async () => {
    await page.click(cell('japan'));
    await page.waitForSelector('#timeline .entry[data-actor="japan"].focus');
    expect(await page.locator('#timeline-title').innerText()).toBe('End-of-war declaration');
    const order = await page.$$eval('#timeline .entry', (entries) =>
      entries.map((e) => (e as HTMLElement).dataset.actor),
    );
    expect(order).toEqual(['south-korea', 'japan', 'south-korea', 'united-states', 'north-korea']);
    const evidence = page.locator('#timeline .entry[data-actor="japan"] .evidence');
    await evidence.waitFor({ state: 'visible' });
    const text = await evidence.innerText();
    expect(text).toContain('premature');
    expect(text).toContain('Kyodo News, 2021-11-06');
    expect(text).toContain('The Japan Times, 2021-11-07');
    // Another actor's evidence opens on click of its card.
    const north = page.locator('#timeline .entry[data-actor="north-korea"]');
    expect(await north.locator('.evidence').isVisible()).toBe(false);
    await north.locator('.card').click();
    expect(await north.locator('.evidence').innerText()).toContain('reject');
  });

  it('shows a recorded shift live, in the matrix and on the timeline', async () => {
    await page.waitForSelector('#live[data-state="on"]');
    const res = await t.gql<{ recordStance: { id: string } }>(RECORD, { input: US_SHIFT });
    expect(res.errors).toBeUndefined();
    recorded.push(res.data!.recordStance.id);

    // No reload: the page hears the shift over its WebSocket and redraws.
    const badge = page.locator(`${cell('united-states')}[data-position="SUPPORT"] .shift[data-kind="SOFTENED"]`);
    await badge.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await badge.innerText()).toBe('↗ Softened');
    expect(await page.locator('#toast').innerText()).toMatch(
      /United States (softened on End-of-war declaration|supports End-of-war declaration)/,
    );

    await page.click(cell('united-states'));
    const latest = page.locator(`#timeline .entry[data-stance="${res.data!.recordStance.id}"]`);
    await latest.locator('.evidence').waitFor({ state: 'visible' });
    expect(await latest.locator('.shift').innerText()).toBe('↗ Softened');
    expect(await latest.locator('.evidence').innerText()).toContain('agree in principle \u2014 Test Wire, 2021-12-11');
    await page.mouse.move(0, 0);
    await page.locator('#toast').waitFor({ state: 'hidden', timeout: 8000 });
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  it('redraws the matrix as of a date', async () => {
    const caption = page.locator('#matrix-caption');
    await page.fill('#as-of', '2021-11-30');
    await page.locator(`${cell('united-states')}[data-position="NONCOMMITTAL"]`).waitFor();
    await page.fill('#as-of', '2021-10-01');
    await caption.filter({ hasText: 'in force on 2021-10-01' }).waitFor();
    expect(
      await page.$$eval(`.cell[data-proposal="${EOW}"]`, (cells) => cells.map((c) => (c as HTMLElement).dataset.actor)),
    ).toEqual(['south-korea']);
    await page.click('#now');
    await caption.filter({ hasText: 'in force now' }).waitFor();
    await page.locator(`${cell('united-states')}[data-position="SUPPORT"]`).waitFor();
  });

  it('loaded nothing from outside the service and raised no error', () => {
    expect(offOrigin).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

/**
 * Where reads need a token (production), the view asks for one, keeps it for
 * the tab, and sends it with its queries and its live connection.
 */
describe('the analyst view where reads need a token', () => {
  let t: TestApp;
  let browser: Chromium;
  let page: Page;

  beforeAll(async () => {
    t = await startTestApp({ STANCE_OPEN_READS: 'false' });
    await t.app.get(DemoService).load();
    browser = await launchChromium({ width: 1440, height: 1000 });
    page = await browser.newPage();
  });

  afterAll(async () => {
    delete process.env.STANCE_OPEN_READS;
    await browser?.close();
    await t?.close();
  });

  it('asks for a token, shows the positions with it, and forgets it when asked', async () => {
    await page.goto(`${t.url}/view`);
    await page.locator('#token-form').waitFor({ state: 'visible' });
    await page.locator('#matrix .error').filter({ hasText: 'Paste a reader token' }).waitFor();
    expect(await page.locator(cell('japan')).count()).toBe(0);

    await page.fill('#token', t.tokens.reader);
    await page.click('#token-form button[type="submit"]');
    await page.waitForSelector(cell('japan'));
    await page.locator('#live[data-state="on"]').waitFor();
    expect(await page.locator('#token-form').isHidden()).toBe(true);

    // Kept for the tab: a reload needs no token again.
    await page.reload();
    await page.waitForSelector(cell('japan'));

    await page.click('#forget-token');
    await page.locator('#token-form').waitFor({ state: 'visible' });
    expect(await page.locator(cell('japan')).count()).toBe(0);
  });
});
