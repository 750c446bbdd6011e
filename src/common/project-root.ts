import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The project's root: the nearest folder at or above `from` that holds
 * package.json. cypher/ and .stance/ are found from it wherever a module was
 * built to: src/ (the tests run the sources), dist/ (the service),
 * dist-tools/src/ (the tools' own build of what they use of the service), or
 * /app/dist in the image. Counting levels up from a module would differ
 * between those.
 */
export function projectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`stance: no package.json in ${from} or above it`);
  }
}

export const PROJECT_ROOT = projectRoot(import.meta.dirname);
