import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ACTOR_COLUMNS, type ActorRow } from './actor.row.js';
import { ARTICLE_COLUMNS, type ArticleRow } from './article.row.js';
import { PROPOSAL_COLUMNS, type ProposalRow } from './proposal.row.js';
import { STANCE_COLUMNS, type StanceRow } from './stance.row.js';

/*
 * One row shape per node kind. Every Cypher file that returns a stance, an
 * actor, a proposal or an article returns the columns of its row type
 * (src/graph/*.row.ts), each made by the same expression: a file whose
 * projection drifts (a column missing, renamed, or read another way, such as
 * `s.cues` where the rest say `coalesce(s.cues, [])`) fails here with its
 * name and the difference. The projections stay written out in each file
 * rather than generated, so a statement reads as what it sends to Neo4j; the
 * bench in README (Performance) measured that returning whole nodes and
 * mapping them in TypeScript instead costs bytes and decoding on every read.
 */

// Compile-time: each column list names every field of its row type.
type Missing<T, K extends readonly unknown[]> = Exclude<keyof T, K[number]>;
const complete: [
  Missing<StanceRow, typeof STANCE_COLUMNS>,
  Missing<ActorRow, typeof ACTOR_COLUMNS>,
  Missing<ProposalRow, typeof PROPOSAL_COLUMNS>,
  Missing<ArticleRow, typeof ARTICLE_COLUMNS>,
] extends [never, never, never, never]
  ? true
  : false = true;

interface Kind {
  name: string;
  columns: readonly string[];
  /** Whether a projection with these keys is one of this kind. */
  is(keys: Set<string>): boolean;
  /** The expression of a column over the node's variable V (null: any expression, a reference to another node). */
  expression(column: string): string | null;
  /** Keys a projection of this kind may carry besides its columns. */
  extra: ReadonlySet<string>;
}

const own =
  (coalesced: string[], toString: string[] = []) =>
  (column: string) =>
    coalesced.includes(column)
      ? `coalesce(V.${column}, [])`
      : toString.includes(column)
        ? `toString(V.${column})`
        : `V.${column}`;

const KINDS: Kind[] = [
  {
    name: 'stance',
    columns: STANCE_COLUMNS,
    is: (k) => k.has('id') && k.has('position') && k.has('effectiveOn'),
    expression: (c) =>
      ['actorId', 'proposalId', 'speakerId'].includes(c)
        ? null
        : c === 'version'
          ? 'coalesce(V.version, 0)'
          : own(['cues', 'conditions'], ['recordedAt'])(c),
    // What read-ahead rows bring along (StanceWithRefs), by-articles' articleId, the export row's own columns.
    extra: new Set([
      'actor',
      'speaker',
      'proposal',
      'evidence',
      'sourceCount',
      'sortKey',
      'articleId',
      'shiftKind',
      'supersedesId',
      'evidenceCount',
      'outlets',
      'firstReportedOn',
    ]),
  },
  {
    name: 'actor',
    columns: ACTOR_COLUMNS,
    // The gazetteer (ingest/known-entities) returns its own row: actors and proposals in one list, told apart by type.
    is: (k) => k.has('id') && k.has('name') && k.has('kind') && !k.has('position') && !k.has('type'),
    expression: own(['aliases']),
    extra: new Set(['represents']), // the export row's
  },
  {
    name: 'proposal',
    columns: PROPOSAL_COLUMNS,
    is: (k) => k.has('id') && k.has('name') && k.has('proposedOn'),
    expression: own(['aliases']),
    extra: new Set(['proposedBy']), // the export row's
  },
  {
    name: 'article',
    columns: ARTICLE_COLUMNS,
    is: (k) => k.has('id') && k.has('url') && k.has('textHash'),
    expression: (c) => (['outlet', 'sameReportIds'].includes(c) ? null : own([], ['recordedAt'])(c)),
    extra: new Set(),
  },
];

/** A projection found in a file: its keys and each key's expression (`.x` written out as `V.x`). */
interface Projection {
  file: string;
  entries: Map<string, string>;
}

const CYPHER = resolve(import.meta.dirname, '..', '..', 'cypher');

function cypherFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? cypherFiles(join(dir, e.name)) : e.name.endsWith('.cypher') ? [join(dir, e.name)] : [],
  );
}

/** Splits on commas that are not inside brackets, braces or parentheses. */
function topLevel(text: string, separator = ','): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

function normalise(expression: string, variable: string): string {
  return expression
    .replace(/\s+/g, ' ')
    .replace(/\s*([(),[\]])\s*/g, '$1')
    .replace(/,/g, ', ')
    .replace(new RegExp(`\\b${variable}\\.`, 'g'), 'V.')
    .trim();
}

/** Map projections (`s {.id, cues: …}`) and map literals (`{id: s.id, …}`) anywhere in the text. */
function mapProjections(file: string, text: string): Projection[] {
  const found: Projection[] = [];
  for (let open = text.indexOf('{'); open !== -1; open = text.indexOf('{', open + 1)) {
    let depth = 0;
    let close = open;
    for (; close < text.length; close++) {
      if (text[close] === '{') depth++;
      else if (text[close] === '}' && --depth === 0) break;
    }
    const before = /(\w+)\s*$/.exec(text.slice(0, open));
    const variable = before ? before[1] : null;
    const entries = new Map<string, string>();
    let valid = true;
    for (const part of topLevel(text.slice(open + 1, close))) {
      const property = /^\.(\w+)$/.exec(part);
      const keyed = /^(\w+)\s*:\s*([\s\S]+)$/.exec(part);
      if (property && variable) entries.set(property[1], `${variable}.${property[1]}`);
      else if (keyed) entries.set(keyed[1], keyed[2]);
      else valid = false;
    }
    if (valid && entries.size > 0) found.push({ file, entries });
  }
  return found;
}

const NEXT_CLAUSE = /^(?:ORDER BY|SKIP|LIMIT|WHERE|UNION|MATCH|OPTIONAL|CALL|UNWIND|MERGE|SET|CREATE|DELETE|FOREACH)\b/;

/** The text up to the next clause keyword outside brackets (a COLLECT { MATCH … } stays whole). */
function untilNextClause(text: string): string {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) {
      if (--depth < 0) return text.slice(0, i);
    } else if (depth === 0 && /\s/.test(c) && NEXT_CLAUSE.test(text.slice(i + 1))) return text.slice(0, i);
  }
  return text;
}

/** Every RETURN or WITH clause, the outer ones and those inside subqueries, each from its keyword on. */
function clausesAt(text: string): string[] {
  const starts = [...text.matchAll(/\b(?:RETURN|WITH)\b/g)].map((m) => m.index);
  return starts.map((start) => text.slice(start));
}

/** RETURN and WITH clauses read as column lists (`s.id AS id, …`). */
function columnLists(file: string, text: string): Projection[] {
  const found: Projection[] = [];
  for (const clause of clausesAt(text)) {
    const body = untilNextClause(clause.replace(/^(RETURN|WITH)\s+(DISTINCT\s+)?/, ''));
    const entries = new Map<string, string>();
    for (const part of topLevel(body)) {
      const aliased = /^([\s\S]+?)\s+AS\s+(\w+)$/.exec(part);
      if (aliased) entries.set(aliased[2], aliased[1]);
    }
    if (entries.size > 0) found.push({ file, entries });
  }
  return found;
}

function withoutComments(text: string): string {
  return text.replace(/\/\/[^\n]*/g, '');
}

/** What is wrong with one projection of a kind, or nothing. */
export function drift(kind: Kind, p: Projection): string[] {
  const keys = new Set(p.entries.keys());
  const problems: string[] = [];
  const missing = kind.columns.filter((c) => !keys.has(c));
  const extra = [...keys].filter((k) => !kind.columns.includes(k) && !kind.extra.has(k));
  if (missing.length > 0) problems.push(`${p.file}: a ${kind.name} without ${missing.join(', ')}`);
  if (extra.length > 0) problems.push(`${p.file}: a ${kind.name} with unknown columns ${extra.join(', ')}`);
  const id = p.entries.get('id');
  const variable = id ? /^(\w+)\.id$/.exec(id.trim())?.[1] : undefined;
  if (!variable) return problems;
  for (const column of kind.columns) {
    const want = kind.expression(column);
    const got = p.entries.get(column);
    if (want === null || got === undefined) continue;
    if (normalise(got, variable) !== want)
      problems.push(`${p.file}: ${kind.name}.${column} is ${normalise(got, variable)}, not ${want}`);
  }
  return problems;
}

function projectionsIn(files: string[]): Array<{ kind: Kind; projection: Projection }> {
  return files.flatMap((path) => {
    const file = relative(CYPHER, path);
    const text = withoutComments(readFileSync(path, 'utf8'));
    return [...mapProjections(file, text), ...columnLists(file, text)].flatMap((projection) => {
      const keys = new Set(projection.entries.keys());
      const kind = KINDS.find((k) => k.is(keys));
      return kind ? [{ kind, projection }] : [];
    });
  });
}

describe('one row shape per node kind (cypher/ against src/graph/*.row.ts)', () => {
  const found = projectionsIn(cypherFiles(CYPHER));

  it('finds the projections of every kind', () => {
    expect(complete).toBe(true);
    const count = (name: string) => found.filter((f) => f.kind.name === name).length;
    // Today: stances in 16 files, actors and proposals in many; a parser that finds none would pass anything.
    expect(count('stance')).toBeGreaterThanOrEqual(12);
    expect(count('actor')).toBeGreaterThanOrEqual(10);
    expect(count('proposal')).toBeGreaterThanOrEqual(5);
    expect(count('article')).toBeGreaterThanOrEqual(2);
  });

  it('has every projection return its row type, column for column and expression for expression', () => {
    expect(found.flatMap(({ kind, projection }) => drift(kind, projection))).toEqual([]);
  });

  it('would catch a projection that drifts', () => {
    const stance = KINDS.find((k) => k.name === 'stance')!;
    const text = withoutComments(readFileSync(join(CYPHER, 'stances', 'find-by-ids.cypher'), 'utf8'));
    const [good] = columnLists('x', text).filter((p) => stance.is(new Set(p.entries.keys())));
    expect(drift(stance, good)).toEqual([]);
    const renamed = new Map(good.entries);
    renamed.delete('rule');
    renamed.set('ruleName', 's.rule');
    expect(drift(stance, { file: 'x', entries: renamed })).toHaveLength(2);
    const uncoalesced = new Map(good.entries).set('cues', 's.cues');
    expect(drift(stance, { file: 'x', entries: uncoalesced })).toEqual([
      'x: stance.cues is V.cues, not coalesce(V.cues, [])',
    ]);
  });
});

describe('live statuses (graph/vocabulary LIVE_STATUSES)', () => {
  it('are one parameter, $liveStatuses, in every Cypher file: no file lists statuses by hand', () => {
    const byHand = cypherFiles(CYPHER).filter((path) =>
      /status\s+IN\s+\[/i.test(withoutComments(readFileSync(path, 'utf8'))),
    );
    expect(byHand.map((path) => relative(CYPHER, path))).toEqual([]);
    // 8: shifts/rewrite takes the live stance shifts/chains picked, not the statuses.
    expect(
      cypherFiles(CYPHER).filter((path) => readFileSync(path, 'utf8').includes('$liveStatuses')).length,
    ).toBeGreaterThanOrEqual(8);
  });
});
