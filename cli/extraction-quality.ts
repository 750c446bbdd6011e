// The extractor alone on a folder of articles, scored against a gold file,
// without a database (npm run quality measures the whole pipeline through
// the graph):
//   node dist-tools/cli/extraction-quality.js FOLDER GOLD.json [SPLIT] [--known FOLDER] [--parser URL]
// (after infra/stance.sh builds the tools). SPLIT names a split of the gold
// file (train, tuning, blind). --known reads another folder first, unscored
// (the seeds), so that its actors and proposals are known. --parser URL (or
// CORENLP_URL) parses each article with the CoreNLP server first; parses are
// kept in .stance/parse-cache by text, date and annotators, so a second run
// costs no parsing. The table goes to stdout, with the missed stances counted
// by cause (the proposal never read, the actor never read, both read but no
// stance, another position) and the new proposals whose names read as
// fragments of a sentence (quality/fragments.ts); progress to stderr.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  evaluateFolder,
  formatLinks,
  fragmentReason,
  missCauses,
  formatTable,
  type EvaluateOptions,
  type ExtractionResult,
  type GoldFile,
} from '../src/extraction/index.js';
import { CoreNlpClient } from '../src/parsing/corenlp.js';
import { dateFromGold, knownFrom, parsesOf } from './parse-cache.js';
import { runMain } from './run-main.js';

/** What the extractor read in one article, for a person tracing a miss (standard error). */
function explainResult(file: string, r: ExtractionResult): void {
  const name = (id: string | null): string => r.actors.find((a) => a.id === id)?.name ?? id ?? '-';
  const lines = [`== ${file} (${r.parser ?? 'patterns only'})`];
  for (const p of r.proposals) {
    const mentions = p.mentions.map((m) => r.text.slice(m.charStart, m.charEnd)).join(' ; ');
    const aliases = p.aliases.length ? ` [aliases: ${p.aliases.join(' ; ')}]` : '';
    lines.push(`  proposal ${p.name}${p.isNew ? ' (new)' : ''}: ${mentions}${aliases}`);
  }
  for (const s of r.stances) {
    const proposal = r.proposals.find((p) => p.id === s.proposalId)?.name ?? s.proposalId;
    const conditions = s.conditions.length ? ` if ${s.conditions.join(' / ')}` : '';
    lines.push(
      `  stance ${name(s.actorId)} ${s.position} ${proposal} | "${s.cue}" ${s.rule} | speaker ${name(s.speakerId)} | ${s.statedOn ?? 'undated'}${conditions}`,
    );
  }
  console.error(lines.join('\n'));
}

async function main(args: string[]): Promise<number> {
  const flags = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i].startsWith('--')) flags.set(args[i].slice(2), args[++i]);
    else positional.push(args[i]);
  }
  const [folderArg, goldArg, split] = positional;
  if (!folderArg || !goldArg) {
    console.error(
      'usage: extraction-quality <folder> <gold.json> [split] [--known FOLDER] [--parser URL] [--explain FILE-PREFIX] [--explain-links -]',
    );
    return 2;
  }
  const from = process.env.INIT_CWD ?? process.cwd();
  const folder = resolve(from, folderArg);
  const goldPath = resolve(from, goldArg);
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as GoldFile & { split?: Record<string, string[]> };
  const files = split ? gold.split?.[split] : undefined;
  if (split && !files) {
    console.error(`no split "${split}" in ${goldPath}`);
    return 2;
  }
  const parserUrl = flags.get('parser') ?? process.env.CORENLP_URL;
  const client = parserUrl ? new CoreNlpClient({ url: parserUrl }) : null;

  let known: EvaluateOptions['known'];
  const knownFolder = flags.get('known') ? resolve(from, flags.get('known')!) : null;
  if (knownFolder) {
    const read = await knownFrom(client, knownFolder);
    known = read.known;
    console.error(
      `read ${read.articles} articles of ${knownFolder} first: ${known.actors.length} actors, ${known.proposals.length} proposals known`,
    );
  }
  const all = files ?? readdirSync(folder).filter((f) => f.endsWith('.txt'));
  const present = all.filter((f) => existsSync(join(folder, f)));
  if (present.length < all.length) console.error(`${all.length - present.length} articles have no text in ${folder}`);
  const parses = client ? await parsesOf(client, folder, present, dateFromGold(gold)) : undefined;
  const evaluation = evaluateFolder(folder, goldPath, { files: present, parses, known });
  const ran = new Set(evaluation.results.map((r) => r.result.parser ?? 'patterns only'));
  const explain = flags.get('explain');
  if (explain) for (const r of evaluation.results) if (r.file.startsWith(explain)) explainResult(r.file, r.result);
  console.log(formatTable(evaluation.report));
  if (evaluation.links.mentions) console.log(formatLinks(evaluation.links));
  const causes = new Map<string, number>();
  for (const r of evaluation.results)
    for (const c of missCauses(gold, r.file, r.result)) causes.set(c, (causes.get(c) ?? 0) + 1);
  const names = evaluation.results.flatMap((r) => r.result.proposals.filter((p) => p.isNew).map((p) => p.name));
  const fragments = names.filter((n) => fragmentReason(n));
  if (names.length)
    console.log(
      `new proposals whose names read as fragments: ${fragments.length} of ${names.length}` +
        (fragments.length ? ` (${fragments.slice(0, 5).join('; ')}${fragments.length > 5 ? '; ...' : ''})` : ''),
    );
  if (causes.size)
    console.log(
      `missed stances by cause: ${[...causes].map(([c, n]) => `${c} ${n}`).join(', ')} ` +
        '(no proposal: the reading never makes the gold proposal; no stance: it holds the actor and the proposal)',
    );
  if (flags.has('explain-links'))
    for (const m of evaluation.links.misses)
      console.error(`  link ${m.file}: "${m.wording}" -> ${m.got ?? '(none)'}, gold ${m.proposal}`);
  console.error(`extraction: ${[...ran].join(', ')}`);
  return 0;
}

runMain(main);
