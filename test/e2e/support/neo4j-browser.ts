import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

/**
 * Neo4j Browser (the 5.x UI the server serves at /browser/), driven the way
 * a person uses it: the connect form, the editor, result frames. Selectors are
 * the Browser's own data-testid attributes.
 */
export class Neo4jBrowser {
  /** `artifacts`: where a screenshot of the page goes when a command does not show its frame. */
  constructor(
    readonly page: Page,
    private readonly artifacts?: string,
  ) {}

  async open(httpPort: number): Promise<void> {
    await this.page.goto(`http://localhost:${httpPort}/browser/`);
    await this.page.getByTestId('boltaddress').waitFor({ timeout: 60000 });
  }

  /** Fills the connect form and waits for "You are connected as user …". */
  async connect(options: { boltPort: number; user: string; password: string }): Promise<void> {
    await this.page.getByTestId('bolt-scheme-select').selectOption('bolt://');
    await this.page.getByTestId('boltaddress').fill(`localhost:${options.boltPort}`);
    await this.page.getByTestId('username').fill(options.user);
    await this.page.getByTestId('password').fill(options.password);
    await this.page.getByTestId('connect').click();
    await this.page.getByText(`You are connected as user ${options.user}`).first().waitFor({ timeout: 30000 });
  }

  /** Every frame in the stream, newest first. */
  frames(): Locator {
    return this.page.getByTestId('frame');
  }

  /** The newest frame whose command starts with `command`'s first line. */
  frameFor(command: string): Locator {
    const firstLine = command.trim().split('\n')[0].trim();
    return this.frames()
      .filter({ has: this.page.getByTestId('frameCommand').filter({ hasText: firstLine.slice(0, 60) }) })
      .first();
  }

  async frameCommands(): Promise<string[]> {
    return (await this.page.getByTestId('frameCommand').allInnerTexts()).map((t) => t.trim());
  }

  /**
   * Types a command or query into the editor and runs it, as a person would
   * (the text is inserted, not keyed, so the editor's auto-closing brackets
   * leave it alone). Resolves with the frame that shows its result.
   */
  async run(command: string): Promise<Locator> {
    const before = await this.frames().count();
    const editor = this.page.getByTestId('activeEditor');
    await editor.click();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.insertText(command);
    await this.page.getByTestId('editor-Run').click();
    if (command.trim() === ':clear') {
      await this.page.waitForFunction(() => document.querySelectorAll('[data-testid="frame"]').length === 0);
      return this.frames().first();
    }
    try {
      await this.page.waitForFunction((n) => document.querySelectorAll('[data-testid="frame"]').length > n, before, {
        timeout: 30000,
      });
    } catch (error) {
      if (this.artifacts)
        await this.page.screenshot({ path: join(this.artifacts, `neo4j-browser-failed-${Date.now()}.png`) });
      throw new Error(
        `Neo4j Browser showed no frame for: ${command}\nframes: ${(await this.frameCommands()).join(' | ')}\n${error}`,
        { cause: error },
      );
    }
    return this.frameFor(command);
  }

  /** Runs a saved-query snippet: each `:param` line, then the query. */
  async runSnippet(statements: string[]): Promise<Locator> {
    let frame: Locator | undefined;
    for (const statement of statements) frame = await this.run(statement);
    return frame!;
  }

  /**
   * Drops a file onto the Browser window, the way a person drags one from a
   * file manager (the Browser imports .grass styles and .cypher scripts so).
   */
  async dropFile(name: string, content: string): Promise<void> {
    const target = this.page.locator('.filedrop').first();
    const dataTransfer = await this.page.evaluateHandle(
      ({ name, content }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([content], name, { type: 'text/plain' }));
        return transfer;
      },
      { name, content },
    );
    await target.dispatchEvent('dragenter', { dataTransfer });
    await target.dispatchEvent('dragover', { dataTransfer });
    await target.dispatchEvent('drop', { dataTransfer });
  }

  /**
   * Waits until the frame's graph visualization has drawn `minNodes` nodes
   * and the force layout has come to rest (no node moved for a while).
   */
  async waitForGraph(frame: Locator, minNodes: number): Promise<void> {
    await frame
      .locator('svg g.node')
      .nth(minNodes - 1)
      .waitFor({ timeout: 30000 });
    let previous = '';
    for (let i = 0; i < 40; i++) {
      const now = (
        await frame.locator('svg g.node').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('transform')))
      ).join('|');
      if (now === previous) return;
      previous = now;
      await this.page.waitForTimeout(500);
    }
  }

  /** What the visualization shows: node captions, fills and relationship captions. */
  async graphContents(frame: Locator): Promise<GraphContents> {
    const nodes = await frame.locator('svg g.node').evaluateAll((els) =>
      els.map((el) => ({
        caption: Array.from(el.querySelectorAll('text.caption'))
          .map((t) => (t.textContent ?? '').trim())
          .join(' '),
        fill: el.querySelector('circle.b-outline')?.getAttribute('fill') ?? '',
      })),
    );
    const relationships = await frame.locator('svg g.relationship').evaluateAll((els) =>
      els.map((el) => ({
        caption: (el.querySelector('text')?.textContent ?? '').trim(),
        fill: el.querySelector('path.b-outline')?.getAttribute('fill') ?? '',
      })),
    );
    return { nodes, relationships };
  }
}

export interface GraphContents {
  nodes: Array<{ caption: string; fill: string }>;
  relationships: Array<{ caption: string; fill: string }>;
}
