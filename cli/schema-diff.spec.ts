import { compareSchemas, formatReport, resolveBase } from './schema-diff.js';

const BASE = `
  enum Position { OPPOSE SUPPORT }
  type Stance { id: ID! position: Position! cue: String }
  type Query {
    stance(id: ID!): Stance
    stances(first: Int): [Stance!]!
  }
`;

// Removes Stance.cue (breaking), makes an argument required (breaking), adds
// an enum value (dangerous: a client's switch may not know it) and an
// optional argument (dangerous: the default may change answers), adds a field
// and describes a type (safe).
const WORKING = `
  enum Position { NONCOMMITTAL OPPOSE SUPPORT }
  """An actor's position on a proposal."""
  type Stance { id: ID! position: Position! statedOn: String }
  type Query {
    stance(id: ID!): Stance
    stances(first: Int!, after: String): [Stance!]!
  }
`;

describe('schema diff', () => {
  it('groups changes as breaking, dangerous and safe', async () => {
    const changes = await compareSchemas(BASE, WORKING);
    expect(changes.breaking.map((c) => c.path).sort()).toEqual(['Query.stances.first', 'Stance.cue']);
    expect(changes.dangerous.map((c) => c.path).sort()).toEqual(['Position.NONCOMMITTAL', 'Query.stances.after']);
    expect(changes.safe.map((c) => c.path).sort()).toEqual(['Stance', 'Stance.statedOn']);
  });

  it('finds nothing between a schema and itself', async () => {
    expect(await compareSchemas(WORKING, WORKING)).toEqual({ breaking: [], dangerous: [], safe: [] });
  });

  it('reports the counts first and each group that has changes', async () => {
    const report = formatReport(await compareSchemas(BASE, WORKING), 'main');
    expect(report.split('\n')[0]).toBe(
      'schema: 2 breaking, 2 dangerous, 2 safe change(s) in schema.graphql against main',
    );
    expect(report).toContain('BREAKING: existing clients may fail (2):');
    expect(report).toContain("Field 'cue' was removed from object type 'Stance'");
    expect(formatReport({ breaking: [], dangerous: [], safe: [] }, 'main')).not.toContain('BREAKING');
  });

  it('compares with the asked ref, else the merge base with origin/main, else main, else HEAD~1', () => {
    const git = (known: Record<string, string>) => (args: string[]) => known[args.join(' ')] ?? null;
    const withOrigin = git({
      'rev-parse --verify --quiet origin/main^{commit}': 'abc',
      'merge-base HEAD origin/main': 'def',
      'rev-parse --verify --quiet main^{commit}': 'main-sha',
    });
    expect(resolveBase('v1.0', withOrigin)).toBe('v1.0');
    expect(resolveBase(null, withOrigin)).toBe('def');
    expect(resolveBase(null, git({ 'rev-parse --verify --quiet main^{commit}': 'x' }))).toBe('main');
    expect(resolveBase(null, git({}))).toBe('HEAD~1');
  });
});
