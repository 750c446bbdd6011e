import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/**
 * Debian's Chromium, headless, driven by playwright-core. Playwright's own
 * browser download is never used (it cannot work offline); the machine's
 * browser is installed with `apt-get install -y chromium`.
 */
export const CHROMIUM = '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

export interface Chromium {
  context: BrowserContext;
  newPage(): Promise<Page>;
  /** Requests the pages tried to send beyond the loopback interface (all refused). */
  blocked: string[];
  close(): Promise<void>;
}

export async function launchChromium(viewport = { width: 1400, height: 900 }): Promise<Chromium> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `the e2e tests drive Debian's Chromium at ${CHROMIUM} and it is not installed: ` +
        'run `apt-get update && apt-get install -y chromium` as root (npm test does this through infra/stance.sh)',
    );
  }
  const profile = mkdtempSync(join(tmpdir(), 'stance-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport,
    deviceScaleFactor: 1,
  });
  // Tests talk to 127.0.0.1 only: anything else a page asks for (web fonts,
  // product analytics) is refused here rather than left to time out.
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === 'localhost' || url.hostname === '127.0.0.1') return route.continue();
    blocked.push(url.origin);
    return route.abort('blockedbyclient');
  });
  return {
    context,
    blocked,
    newPage: () => context.newPage(),
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
