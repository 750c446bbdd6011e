import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT, projectRoot } from './project-root.js';

describe('projectRoot', () => {
  it('is the folder with package.json and cypher/, from the sources as from a build', () => {
    expect(existsSync(join(PROJECT_ROOT, 'package.json'))).toBe(true);
    expect(existsSync(join(PROJECT_ROOT, 'cypher'))).toBe(true);
    expect(projectRoot(join(PROJECT_ROOT, 'dist-tools', 'src', 'neo4j'))).toBe(PROJECT_ROOT);
  });

  it('takes the nearest package.json above the module (the image: /app/dist/auth -> /app)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stance-root-'));
    try {
      mkdirSync(join(dir, 'app', 'dist', 'auth'), { recursive: true });
      writeFileSync(join(dir, 'app', 'package.json'), '{}');
      expect(projectRoot(join(dir, 'app', 'dist', 'auth'))).toBe(join(dir, 'app'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
