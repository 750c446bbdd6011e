// Fits the extractor's confidence model (src/extraction/pipeline/confidence.ts)
// on articles with gold, and measures it on others:
//   npm run confidence:fit -- [--fit FOLDER:GOLD[:SPLIT] ... --measure FOLDER:GOLD[:SPLIT]]
//     [--known FOLDER] [--parser URL] [--write]
// Without --fit: the recipe the kept model was fitted by (DEFAULT below): the
// three invented sets, the retired real blind set and tuning2, measured on the real
// tuning set (never fitted on, so that the learning run's queue figure,
// measured there, is honest), the seeds known first; the parser at --parser or
// CORENLP_URL (parses come from .stance/parse-cache when there).
// Each set is read as extraction-quality reads it (the --known folder first,
// then its files in name order, what each teaches known to the next), with
// the rules' own confidences; every stance is labelled right or wrong by the
// gold. The model is an L2-regularised logistic regression on the stances of
// the --fit sets. Reported for the --measure set, beside the rules' own
// order and the queue's former key: the area under the ROC curve, and how
// many of the wrong stances the first fifth of each order holds (the review
// desk's figure). --write keeps the model in src/extraction/lexicon/confidence.json
// with what it was fitted on. Table to stderr, one JSON line to stdout.
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  evaluateFolder,
  FEATURES,
  estimate,
  fitLogistic,
  rightStances,
  stanceFeatures,
  toScored,
  type ConfidenceModel,
  type EvaluateOptions,
  type GoldFile,
} from '../src/extraction/index.js';
import { PROJECT_ROOT } from '../src/common/project-root.js';
import { CoreNlpClient } from '../src/parsing/corenlp.js';
import { copyKnown, dateFromGold, knownFrom, parsesOf } from './parse-cache.js';
import { runMain } from './run-main.js';

type Gold = GoldFile & { split?: Record<string, string[]> };
interface Example {
  x: number[];
  right: boolean;
  /** the queue's former key: undated and made-up first, then the rules' confidence */
  formerKey: number;
}

const REAL = 'test/fixtures/articles-real';
const DEFAULT = {
  fit: [
    'test/fixtures/articles:test/fixtures/articles/gold.json',
    'test/fixtures/articles-holdout:test/fixtures/articles-holdout/gold.json',
    'test/fixtures/articles-blind:test/fixtures/articles-blind/gold.json',
    `${REAL}/texts:${REAL}/gold.json:blind`,
    `${REAL}/texts:${REAL}/gold.json:tuning2`,
  ],
  measure: [`${REAL}/texts:${REAL}/gold.json:tuning`],
  known: '../shared/seeds',
};

const MODEL_FILE = join(PROJECT_ROOT, 'src', 'extraction', 'lexicon', 'confidence.json');
const L2 = 1;

/** Every stance the extractor reads in one set, its features and whether the gold has it. */
async function examplesOf(
  spec: string,
  from: string,
  client: CoreNlpClient | null,
  seeds: NonNullable<EvaluateOptions['known']> | undefined,
): Promise<Example[]> {
  const [folderArg, goldArg, split] = spec.split(':');
  const folder = resolve(from, folderArg);
  const goldPath = resolve(from, goldArg);
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as Gold;
  const chosen = split ? gold.split?.[split] : undefined;
  if (split && !chosen) throw new Error(`no split "${split}" in ${goldPath}`);
  const files = (chosen ?? readdirSync(folder).filter((f) => f.endsWith('.txt'))).filter((f) =>
    existsSync(join(folder, f)),
  );
  const known = seeds ? copyKnown(seeds) : undefined;
  const parses = client ? await parsesOf(client, folder, files, dateFromGold(gold)) : undefined;
  const evaluation = evaluateFolder(folder, goldPath, { files, parses, known, model: null });
  const out: Example[] = [];
  for (const { file, result } of evaluation.results) {
    if (!gold.articles.some((a) => a.file === file)) continue;
    const labels = rightStances(gold, file, toScored(result));
    const xs = stanceFeatures(result);
    result.stances.forEach((s, i) => {
      const isNew = result.proposals.find((p) => p.id === s.proposalId)?.isNew ?? false;
      const doubt = (s.statedOn ? 2 : 0) + (isNew ? 0 : 1);
      out.push({ x: xs[i], right: labels[i], formerKey: doubt + s.confidence / 10 });
    });
  }
  console.error(`${spec}: ${out.length} stances, ${out.filter((e) => !e.right).length} wrong`);
  return out;
}

/**
 * L2-regularised logistic regression (the bias not shrunk): the weights and
 * the curvature there, which analysts' decisions later take as their prior.
 */
function fit(examples: Example[]): { weights: number[]; hessian: number[][] } {
  const d = FEATURES.length;
  const precision = Array.from({ length: d }, (_, i) =>
    Array.from({ length: d }, (_, j) => (i !== j ? 0 : i === 0 ? 1e-6 : L2)),
  );
  return fitLogistic(examples, { mean: new Array<number>(d).fill(0), precision });
}

/** How well a score (higher: more likely right) puts the wrong stances first. */
function orderFigures(examples: Example[], score: (e: Example) => number) {
  const sorted = [...examples].sort((a, b) => score(a) - score(b));
  const wrong = examples.filter((e) => !e.right).length;
  const fifth = Math.ceil(0.2 * examples.length);
  const first = sorted.slice(0, fifth).filter((e) => !e.right).length;
  // AUC: the chance that a right stance scores above a wrong one (ties count half)
  let pairs = 0;
  let above = 0;
  for (const r of examples.filter((e) => e.right))
    for (const f of examples.filter((e) => !e.right)) {
      pairs++;
      above += score(r) > score(f) ? 1 : score(r) === score(f) ? 0.5 : 0;
    }
  return {
    auc: pairs ? above / pairs : null,
    wrongInFirstFifth: first,
    wrong,
    share: wrong ? first / wrong : null,
    bestShare: wrong ? Math.min(1, fifth / wrong) : null,
  };
}

async function main(args: string[]): Promise<number> {
  const fitSpecs: string[] = [];
  const measureSpecs: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--fit') fitSpecs.push(args[++i]);
    else if (args[i] === '--measure') measureSpecs.push(args[++i]);
    else if (args[i] === '--write') flags.set('write', 'yes');
    else if (args[i].startsWith('--')) flags.set(args[i].slice(2), args[++i]);
  }
  const from = fitSpecs.length ? (process.env.INIT_CWD ?? process.cwd()) : PROJECT_ROOT;
  if (!fitSpecs.length) {
    fitSpecs.push(...DEFAULT.fit);
    if (!measureSpecs.length) measureSpecs.push(...DEFAULT.measure);
    if (!flags.has('known')) flags.set('known', DEFAULT.known);
  }
  const parserUrl = flags.get('parser') ?? process.env.CORENLP_URL;
  const client = parserUrl ? new CoreNlpClient({ url: parserUrl }) : null;
  const knownFolder = flags.get('known') ? resolve(from, flags.get('known')!) : null;
  const training: Example[] = [];
  // (the seeds read once; each set starts from a copy of what they taught)
  const seeds = knownFolder ? (await knownFrom(client, knownFolder)).known : undefined;
  for (const spec of fitSpecs) training.push(...(await examplesOf(spec, from, client, seeds)));
  const { weights, hessian } = fit(training);
  const round = (v: number) => Math.round(v * 1000) / 1000;
  const model: ConfidenceModel = {
    features: [...FEATURES],
    weights: weights.map(round),
    precision: hessian.map((row) => row.map(round)),
  };
  const measured: Example[] = [];
  for (const spec of measureSpecs) measured.push(...(await examplesOf(spec, from, client, seeds)));
  const figures = (set: Example[]) => ({
    model: orderFigures(set, (e) => estimate(model, e.x)),
    rules: orderFigures(set, (e) => e.x[FEATURES.indexOf('rule-confidence')]),
    formerQueue: orderFigures(set, (e) => e.formerKey),
  });
  const report = {
    fittedOn: fitSpecs,
    examples: training.length,
    right: training.filter((e) => e.right).length,
    training: figures(training),
    measuredOn: measureSpecs,
    measured: measured.length ? figures(measured) : null,
    parser: client ? parserUrl : null,
  };
  const rows: string[] = ['order            set        AUC   wrong in first fifth   (best possible)'];
  for (const [name, set] of [
    ['training', report.training],
    ['measured', report.measured],
  ] as const) {
    if (!set) continue;
    for (const [order, f] of Object.entries(set))
      rows.push(
        `${order.padEnd(16)} ${name.padEnd(9)} ${f.auc?.toFixed(2) ?? '-'}  ${`${f.wrongInFirstFifth}/${f.wrong} (${((f.share ?? 0) * 100).toFixed(0)}%)`.padEnd(22)} ${((f.bestShare ?? 0) * 100).toFixed(0)}%`,
      );
  }
  rows.push('weights: ' + model.features.map((f, i) => `${f} ${model.weights[i]}`).join(', '));
  console.error(rows.join('\n'));
  if (flags.has('write')) {
    const { precision, ...rest } = model;
    const kept = { ...rest, fittedOn: fitSpecs, examples: training.length, right: report.right, l2: L2, precision };
    // (one line per row of the precision)
    const json = JSON.stringify(kept, null, 2).replace(
      /\[\s+(-?[\d.e-]+(?:,\s+-?[\d.e-]+)*)\s+\]/g,
      (_, row: string) => `[${row.split(/,\s+/).join(', ')}]`,
    );
    writeFileSync(MODEL_FILE, json + '\n');
    console.error(`wrote ${MODEL_FILE}`);
  }
  console.log(JSON.stringify(report));
  return 0;
}

runMain(main);
