// The extractor alone on a folder of articles, scored against a gold file,
// without a database (npm run quality measures the whole pipeline through
// the graph): node dist-tools/cli/extraction-quality.js FOLDER GOLD.json [SPLIT]
// (after infra/stance.sh builds the tools). SPLIT names a split of the gold
// file, e.g. train.
import { readFileSync } from 'node:fs';
import { evaluateFolder, formatTable, type GoldFile } from '../src/extraction/index.js';

function main(args: string[]): number {
  const [folder, goldPath, split] = args;
  if (!folder || !goldPath) {
    console.error('usage: extraction-quality <folder> <gold.json> [split name from the gold file, e.g. train]');
    return 2;
  }
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as GoldFile & { split?: Record<string, string[]> };
  const files = split ? gold.split?.[split] : undefined;
  if (split && !files) {
    console.error(`no split "${split}" in ${goldPath}`);
    return 2;
  }
  console.log(formatTable(evaluateFolder(folder, goldPath, { files }).report));
  return 0;
}

process.exitCode = main(process.argv.slice(2));
