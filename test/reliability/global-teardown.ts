// Stops the shared Neo4j container, then prints the figures each reliability
// spec recorded (test/artifacts/reliability/*.json), for the log and the README.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export default async function reliabilityTeardown(): Promise<void> {
  // Same computed-specifier trick as global-setup.ts: Node's loader runs this file.
  const teardownModule = '../global-teardown.ts';
  const { default: stopNeo4j } = (await import(teardownModule)) as typeof import('../global-teardown.js');
  await stopNeo4j();
  const dir = resolve(import.meta.dirname, '../artifacts/reliability');
  if (!existsSync(dir)) return;
  const figures: Record<string, Record<string, unknown>> = {};
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'summary.json')
    .sort()) {
    figures[file.replace(/\.json$/, '')] = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  }
  writeFileSync(join(dir, 'summary.json'), JSON.stringify(figures, null, 2) + '\n');
  const lines = ['', 'stance: reliability figures'];
  for (const [name, values] of Object.entries(figures)) {
    lines.push(`  ${name}:`);
    for (const [k, v] of Object.entries(values))
      lines.push(`    ${k.padEnd(34)} ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
  }
  // For people reading the log: standard error (summary.json is the record).
  process.stderr.write(lines.join('\n') + '\n');
}
