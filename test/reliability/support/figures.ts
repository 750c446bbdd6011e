import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const FIGURES_DIR = resolve(import.meta.dirname, '../../artifacts/reliability');

/** Records a spec's figures; the tier's teardown prints them all together. */
export function recordFigures(name: string, figures: Record<string, unknown>): void {
  mkdirSync(FIGURES_DIR, { recursive: true });
  writeFileSync(
    join(FIGURES_DIR, `${name}.json`),
    JSON.stringify({ ...figures, at: new Date().toISOString() }, null, 2) + '\n',
  );
}
