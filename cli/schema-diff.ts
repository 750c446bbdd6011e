/**
 * What the working schema.graphql changes for clients, against the one of a
 * base git ref: `npm run schema:diff [-- --base REF] [--fail-on-breaking] [--json]`.
 * The base is --base, else SCHEMA_DIFF_BASE, else the merge base with
 * origin/main, else main, else HEAD~1. The report goes to stderr (breaking,
 * dangerous, safe); --json prints the same groups on stdout for a machine.
 * Exits 0 (a report, not a gate) unless --fail-on-breaking finds a breaking
 * change (1); 2 when it cannot compare at all.
 */
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../src/common/project-root.js';

/** The repository root: two levels above both src/graphql and dist/graphql. */
const ROOT = PROJECT_ROOT;
const SCHEMA_PATH = 'schema.graphql';

export interface SchemaChange {
  /** Where in the schema: "Query.stances.first". */
  path: string | null;
  message: string;
  /** Why a breaking or dangerous change is one, in graphql-inspector's words. */
  reason: string | null;
}

export interface SchemaChanges {
  breaking: SchemaChange[];
  dangerous: SchemaChange[];
  safe: SchemaChange[];
}

/** The changes from one SDL to another, grouped by what they mean for existing clients. */
export async function compareSchemas(baseSdl: string, workingSdl: string): Promise<SchemaChanges> {
  return groupChanges(await diff(buildSchema(baseSdl), buildSchema(workingSdl)));
}

export function groupChanges(changes: Change[]): SchemaChanges {
  const groups: SchemaChanges = { breaking: [], dangerous: [], safe: [] };
  for (const change of changes) {
    const entry = {
      path: change.path ?? null,
      message: change.message,
      reason: change.criticality.reason ?? null,
    };
    switch (change.criticality.level) {
      case CriticalityLevel.Breaking:
        groups.breaking.push(entry);
        break;
      case CriticalityLevel.Dangerous:
        groups.dangerous.push(entry);
        break;
      default:
        groups.safe.push(entry);
    }
  }
  return groups;
}

/** The report a person reads: a summary line, then each group that has changes. */
export function formatReport(changes: SchemaChanges, base: string): string {
  const { breaking, dangerous, safe } = changes;
  const lines = [
    `schema: ${breaking.length} breaking, ${dangerous.length} dangerous, ${safe.length} safe change(s) in ${SCHEMA_PATH} against ${base}`,
  ];
  const section = (title: string, entries: SchemaChange[]) => {
    if (entries.length === 0) return;
    lines.push('', `${title} (${entries.length}):`);
    for (const e of entries) lines.push(`  - ${e.message}${e.reason ? `\n      ${e.reason}` : ''}`);
  };
  section('BREAKING: existing clients may fail', breaking);
  section('DANGEROUS: existing clients may behave differently', dangerous);
  section('SAFE', safe);
  return lines.join('\n') + '\n';
}

/**
 * The ref to compare with: the one asked for, else the merge base with
 * origin/main (what a pull request would merge into), else main, else the
 * previous commit.
 */
export function resolveBase(asked: string | null, git: (args: string[]) => string | null): string {
  if (asked) return asked;
  if (git(['rev-parse', '--verify', '--quiet', 'origin/main^{commit}']) !== null) {
    const mergeBase = git(['merge-base', 'HEAD', 'origin/main']);
    if (mergeBase) return mergeBase;
  }
  if (git(['rev-parse', '--verify', '--quiet', 'main^{commit}']) !== null) return 'main';
  return 'HEAD~1';
}

/** git's stdout (trimmed), or null when it fails. */
function runGit(args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

function option(args: string[], name: string): string | null {
  const i = args.indexOf(name);
  if (i >= 0 && args[i + 1] && !args[i + 1].startsWith('--')) return args[i + 1];
  const inline = args.find((a) => a.startsWith(`${name}=`));
  return inline ? inline.slice(name.length + 1) : null;
}

async function main(args: string[]): Promise<number> {
  const base = resolveBase(option(args, '--base') ?? process.env.SCHEMA_DIFF_BASE ?? null, runGit);
  const commit = runGit(['rev-parse', '--verify', '--quiet', `${base}^{commit}`]);
  if (commit === null) {
    process.stderr.write(`schema: ${base} is not a commit here; pass another with --base REF or SCHEMA_DIFF_BASE\n`);
    return 2;
  }
  const label = `${base}${commit.startsWith(base) ? '' : ` (${commit.slice(0, 12)})`}`;
  // Read with git show, not through the work tree: the base may be any commit.
  const baseSdl = runGit(['show', `${commit}:${SCHEMA_PATH}`]);
  if (baseSdl === null) {
    process.stderr.write(`schema: ${label} has no ${SCHEMA_PATH}; nothing to compare with\n`);
    if (args.includes('--json')) process.stdout.write(`${JSON.stringify({ base: label, compared: false })}\n`);
    return 0;
  }
  const changes = await compareSchemas(baseSdl, readFileSync(join(ROOT, SCHEMA_PATH), 'utf8'));
  process.stderr.write(formatReport(changes, label));
  if (args.includes('--json')) process.stdout.write(`${JSON.stringify({ base: label, compared: true, ...changes })}\n`);
  return args.includes('--fail-on-breaking') && changes.breaking.length > 0 ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`schema: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(2);
    },
  );
}
