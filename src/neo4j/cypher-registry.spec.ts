import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compact, CypherRegistry } from './cypher-registry.js';

describe('compact', () => {
  it('drops comment lines and indentation, keeps the statement and // inside a line', () => {
    const text =
      "// what it does\n  MATCH (a:Actor {id: $id})\n\n    // why\n  RETURN a.url = 'https://example.org' AS same\n";
    expect(compact(text)).toBe("MATCH (a:Actor {id: $id})\nRETURN a.url = 'https://example.org' AS same");
  });
});

describe('CypherRegistry', () => {
  it('serves each file compacted by its path, and fails on a missing one', () => {
    const root = mkdtempSync(join(tmpdir(), 'cypher-'));
    mkdirSync(join(root, 'actors'));
    writeFileSync(join(root, 'actors', 'find.cypher'), '// find\nMATCH (a) RETURN a\n');
    const registry = new CypherRegistry(root);
    expect(registry.names()).toEqual(['actors/find']);
    expect(registry.get('actors/find')).toBe('MATCH (a) RETURN a');
    expect(() => registry.get('actors/missing')).toThrow('missing Cypher file cypher/actors/missing.cypher');
  });
});
