import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { PROJECT_ROOT } from '../common/project-root.js';

/** cypher/ at the project root. */
export const CYPHER_ROOT = join(PROJECT_ROOT, 'cypher');

/**
 * Every Cypher statement the service runs, read once from cypher/ at boot and
 * addressed by its path without extension ("actors/find-by-id"). A repository
 * asks for its statements in its constructor, so a missing file fails
 * start-up rather than a request.
 */
export class CypherRegistry {
  private readonly statements = new Map<string, string>();

  constructor(root: string = CYPHER_ROOT) {
    for (const file of listCypherFiles(root)) {
      const name = relative(root, file)
        .split(sep)
        .join('/')
        .replace(/\.cypher$/, '');
      this.statements.set(name, compact(readFileSync(file, 'utf8')));
    }
  }

  get(name: string): string {
    const statement = this.statements.get(name);
    if (statement === undefined) throw new Error(`missing Cypher file cypher/${name}.cypher`);
    return statement;
  }

  /** Resolves a repository's statements at once: `{ findById: 'actors/find-by-id' }`. */
  load<K extends string>(names: Record<K, string>): Record<K, string> {
    const out = {} as Record<K, string>;
    for (const key of Object.keys(names) as K[]) out[key] = this.get(names[key]);
    return out;
  }

  names(): string[] {
    return [...this.statements.keys()].sort();
  }
}

/**
 * The statement as it is sent: without its comment lines and indentation.
 * The text travels with every run (packed into each RUN message, hashed for
 * Neo4j's query cache), and the comments are most of it (README, Performance).
 * Only whole comment lines go: `//` inside a line may be part of a string.
 */
export function compact(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('//'))
    .join('\n');
}

export function listCypherFiles(dir: string): string[] {
  return listFiles(dir, '.cypher');
}

/** Files below dir whose names end with ext, in a stable order. */
export function listFiles(dir: string, ext: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...listFiles(path, ext));
    else if (entry.endsWith(ext)) out.push(path);
  }
  return out;
}
