// Parses of article files by the CoreNLP server, kept in .stance/parse-cache
// by text, date and annotators, so a second run over the same articles costs
// no parsing (the quality and confidence tools share it).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  articleBody,
  evaluateFolder,
  parseTextFile,
  type EvaluateOptions,
  type GoldFile,
  type ParsedDocument,
} from '../src/extraction/index.js';
import { PROJECT_ROOT } from '../src/common/project-root.js';
import { CoreNlpClient, DEFAULT_ANNOTATORS } from '../src/parsing/corenlp.js';

const CACHE = join(PROJECT_ROOT, '.stance', 'parse-cache');

/** A file's publication date: its header's, else its gold's (for parsesOf's `dateOf`). */
export const dateFromGold =
  (gold: GoldFile) =>
  (file: string, header: string | null): string | null =>
    header ?? gold.articles.find((a) => a.file === file)?.publishedOn ?? null;

/** Each file's parse (its body, dated by `dateOf`), from the cache or the server; progress to stderr. */
export async function parsesOf(
  client: CoreNlpClient,
  folder: string,
  files: string[],
  dateOf: (file: string, header: string | null) => string | null,
): Promise<Map<string, ParsedDocument>> {
  mkdirSync(CACHE, { recursive: true });
  const out = new Map<string, ParsedDocument>();
  let parsed = 0;
  let cached = 0;
  const started = Date.now();
  for (const file of files) {
    const { metadata, text } = parseTextFile(readFileSync(join(folder, file), 'utf8'));
    const read = articleBody({ ...metadata, text, publishedOn: dateOf(file, metadata.publishedOn ?? null) });
    const { body, publishedOn } = read;
    const key = createHash('sha256')
      .update(`${DEFAULT_ANNOTATORS.join(',')}\n${publishedOn ?? ''}\n${body}`)
      .digest('hex')
      .slice(0, 32);
    const path = join(CACHE, `${key}.json`);
    if (existsSync(path)) {
      out.set(file, JSON.parse(readFileSync(path, 'utf8')) as ParsedDocument);
      cached++;
      continue;
    }
    const doc = await client.parse(body, publishedOn?.length === 10 ? publishedOn : null);
    writeFileSync(path, JSON.stringify(doc));
    out.set(file, doc);
    parsed++;
    process.stderr.write(`\rparsed ${parsed + cached}/${files.length}`);
  }
  const secs = (Date.now() - started) / 1000;
  console.error(`\rparsed ${parsed} articles in ${secs.toFixed(1)} s (${cached} from the cache)`);
  return out;
}

/** What the graph knows after reading `folder` (the seeds, with its gold.json) in name order; `articles`: how many. */
export async function knownFrom(
  client: CoreNlpClient | null,
  folder: string,
): Promise<{ known: NonNullable<EvaluateOptions['known']>; articles: number }> {
  const goldPath = join(folder, 'gold.json');
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as GoldFile;
  const files = readdirSync(folder).filter((f) => f.endsWith('.txt'));
  const parses = client ? await parsesOf(client, folder, files, dateFromGold(gold)) : undefined;
  const known: NonNullable<EvaluateOptions['known']> = { actors: [], proposals: [] };
  evaluateFolder(folder, goldPath, { parses, known });
  return { known, articles: files.length };
}

/** A copy of what the graph knows that a run may add to, the original left as it is. */
export function copyKnown(known: NonNullable<EvaluateOptions['known']>): NonNullable<EvaluateOptions['known']> {
  return {
    actors: known.actors.map((a) => ({ ...a, aliases: [...a.aliases] })),
    proposals: known.proposals.map((p) => ({ ...p, aliases: [...p.aliases] })),
  };
}
