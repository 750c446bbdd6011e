import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The layers of ARCHITECTURE.md, lowest first. A folder of src/ may import a
 * folder of a lower layer, never one of its own layer or a higher one; the
 * files at the top of src/ (main, app.module, app.setup, app.loaders) wire
 * everything and may import anything.
 */
export const LAYERS: string[][] = [
  ['extraction'],
  ['parsing'],
  ['common'],
  ['neo4j', 'auth', 'graph'],
  ['ops'],
  ['graphql'],
  ['actors', 'articles'],
  ['proposals'],
  ['stances'],
  ['shifts'],
  ['live'],
  ['recording', 'timeline', 'alignment', 'search', 'exports'],
  ['ingest', 'demo', 'review'],
  ['health', 'ide', 'view', 'jobs'],
];

/** Folders that import nothing from src/ outside themselves: the extraction library. */
const SELF_CONTAINED = new Set(['extraction']);

const SRC = resolve(import.meta.dirname);

interface Edge {
  from: string;
  to: string;
  file: string;
  specifier: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Every relative import (static, dynamic, re-export) between two folders of src/. */
export function folderEdges(root = SRC): Edge[] {
  const edges: Edge[] = [];
  const pattern = /(?:from\s+|import\s*\(\s*|import\s+)'(\.{1,2}\/[^']+)'/g;
  for (const file of sourceFiles(root)) {
    const from = folderOf(root, file);
    for (const match of readFileSync(file, 'utf8').matchAll(pattern)) {
      const target = resolve(dirname(file), match[1]);
      const to = folderOf(root, target);
      if (to !== from) edges.push({ from, to, file: relative(root, file), specifier: match[1] });
    }
  }
  return edges;
}

function folderOf(root: string, path: string): string {
  const parts = relative(root, path).split(sep);
  return parts.length === 1 ? '(root)' : parts[0];
}

/** The imports the layers forbid, each with the file and the line's specifier. */
export function forbiddenImports(edges: Edge[], layers = LAYERS): string[] {
  const layerOf = new Map(layers.flatMap((folders, i) => folders.map((f) => [f, i] as const)));
  const problems: string[] = [];
  for (const e of edges) {
    if (e.from === '(root)') continue;
    const from = layerOf.get(e.from);
    const to = layerOf.get(e.to);
    if (from === undefined) problems.push(`${e.file}: folder src/${e.from} has no layer in LAYERS (ARCHITECTURE.md)`);
    else if (e.to === '(root)') problems.push(`${e.file}: imports the application wiring (${e.specifier})`);
    else if (to === undefined) problems.push(`${e.file}: imports src/${e.to}, which has no layer (${e.specifier})`);
    else if (SELF_CONTAINED.has(e.from))
      problems.push(`${e.file}: src/${e.from} imports nothing outside itself, but imports ${e.specifier}`);
    else if (to >= from)
      problems.push(
        `${e.file}: src/${e.from} (layer ${from}) may not import src/${e.to} (layer ${to}${to === from ? ', the same' : ''}): ${e.specifier}`,
      );
  }
  return problems;
}

/** Folder-level cycles (a path that comes back to where it started), as "a -> b -> a". */
export function folderCycles(edges: Edge[]): string[] {
  const next = new Map<string, Set<string>>();
  for (const e of edges) if (e.to !== '(root)') next.set(e.from, (next.get(e.from) ?? new Set()).add(e.to));
  const cycles = new Set<string>();
  const walk = (start: string, at: string, path: string[]) => {
    for (const to of next.get(at) ?? []) {
      if (to === start) cycles.add([...path, to].join(' -> '));
      else if (!path.includes(to) && path.length < 12) walk(start, to, [...path, to]);
    }
  };
  for (const start of next.keys()) walk(start, start, [start]);
  return [...cycles];
}

describe('architecture (ARCHITECTURE.md)', () => {
  const edges = folderEdges();

  it('finds the imports between folders (the scan itself works)', () => {
    expect(edges.some((e) => e.from === 'stances' && e.to === 'neo4j')).toBe(true);
    expect(edges.some((e) => e.from === 'recording' && e.to === 'stances')).toBe(true);
  });

  it('has every folder of src/ in a layer, and no folder imports one it may not', () => {
    const folders = readdirSync(SRC, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    const placed = new Set(LAYERS.flat());
    expect(folders.filter((f) => !placed.has(f))).toEqual([]);
    expect(forbiddenImports(edges)).toEqual([]);
  });

  it('has no import cycle between folders', () => {
    expect(folderCycles(edges)).toEqual([]);
  });

  it('would catch a forbidden import and a cycle', () => {
    const upward = { from: 'actors', to: 'stances', file: 'actors/x.ts', specifier: '../stances/y.js' };
    const back = { from: 'stances', to: 'actors', file: 'stances/y.ts', specifier: '../actors/x.js' };
    const leak = { from: 'extraction', to: 'common', file: 'extraction/z.ts', specifier: '../common/ids.js' };
    expect(forbiddenImports([upward, leak])).toHaveLength(2);
    expect(forbiddenImports([back])).toEqual([]);
    expect(folderCycles([upward, back])).toEqual(['actors -> stances -> actors', 'stances -> actors -> stances']);
  });
});
