import { readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The extraction library stands alone: nothing under src/extraction imports
 * NestJS, a Neo4j or GraphQL package, or a file outside src/extraction; and
 * code outside it imports its index.js only. A scan of import specifiers
 * (static, dynamic and require), not of the compiler's module graph: simple
 * enough to trust, and the first test shows it finds what it must.
 */
const EXTRACTION = fileURLToPath(new URL('.', import.meta.url));
const ROOT = resolve(EXTRACTION, '..', '..');
const INDEX = join(EXTRACTION, 'index');
/** This file: its text holds sample imports, not imports. */
const SELF = fileURLToPath(import.meta.url);
/** Folders that are not the project's sources (built output, dependencies, the toolchain). */
const SKIP = new Set(['node_modules', 'dist', 'dist-tools', 'coverage', '.stance', '.git', 'artifacts']);
const SOURCE = /\.(?:ts|mts|cts|js|mjs|cjs)$/;
const FORBIDDEN = [/^@nestjs\//, /^neo4j-driver(?:\/|$)/, /^@neo4j\//, /^graphql(?:-|\/|$)/, /^@apollo\//];

const STATIC = /^\s*(?:import|export)\s(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]/gm;
const DYNAMIC = /\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every module specifier a source text imports. */
export function importsOf(source: string): string[] {
  return [...source.matchAll(STATIC), ...source.matchAll(DYNAMIC)].map((m) => m[1]);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return SKIP.has(e.name) ? [] : sourceFiles(path);
    return e.isFile() && SOURCE.test(e.name) && path !== SELF ? [path] : [];
  });
}

const inside = (path: string): boolean => {
  const rel = relative(EXTRACTION, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
};

/** What `file` imports against the rules: as "file: specifier" lines. */
export function violations(file: string, source: string): string[] {
  const ownFile = inside(file);
  const bad: string[] = [];
  for (const spec of importsOf(source)) {
    const relativeSpec = spec.startsWith('.');
    const target = relativeSpec ? resolve(dirname(file), spec) : null;
    const wrong = ownFile
      ? FORBIDDEN.some((re) => re.test(spec)) || (target !== null && !inside(target))
      : target !== null && inside(target) && target.replace(/\.js$/, '') !== INDEX;
    if (wrong) bad.push(`${relative(ROOT, file)}: ${spec}`);
  }
  return bad;
}

describe('the extraction library boundary', () => {
  it('finds the imports it is meant to police', () => {
    const own = join(EXTRACTION, 'pipeline', 'x.ts');
    const sample = [
      "import { Injectable } from '@nestjs/common';",
      "import neo4j from 'neo4j-driver';",
      ['import {', '  slugify,', "} from '../../common/ids.js';"].join('\n'),
      "export { a } from '../../articles/articles.service.js';",
      "const m = await import('../../ingest/ingest.service.js');",
      "import { tokenize } from './tokens.js';",
      "import { createHash } from 'node:crypto';",
    ].join('\n');
    expect(violations(own, sample).map((v) => v.split(': ')[1])).toEqual([
      '@nestjs/common',
      'neo4j-driver',
      '../../common/ids.js',
      '../../articles/articles.service.js',
      '../../ingest/ingest.service.js',
    ]);
    const outside = join(ROOT, 'src', 'ingest', 'x.ts');
    const uses = [
      "import { extractArticle } from '../extraction/index.js';",
      "import type { Span } from '../extraction/pipeline/types.js';",
      "import lexicon from '../extraction/lexicon/states.json' with { type: 'json' };",
    ].join('\n');
    expect(violations(outside, uses).map((v) => v.split(': ')[1])).toEqual([
      '../extraction/pipeline/types.js',
      '../extraction/lexicon/states.json',
    ]);
  });

  it('imports no NestJS, Neo4j or GraphQL package and no file outside src/extraction', () => {
    const files = sourceFiles(EXTRACTION);
    expect(files.length).toBeGreaterThan(10);
    expect(files.flatMap((f) => violations(f, readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('is imported from outside through src/extraction/index.js only', () => {
    const files = sourceFiles(ROOT).filter((f) => !inside(f));
    expect(files.some((f) => f.endsWith(join('ingest', 'extraction.worker.ts')))).toBe(true);
    expect(files.flatMap((f) => violations(f, readFileSync(f, 'utf8')))).toEqual([]);
  });
});
