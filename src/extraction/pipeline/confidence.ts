/**
 * How likely a stance the extractor read is right: a logistic model over
 * what the extractor knows of each reading (the rules' own confidence, how
 * the holder and the proposal were found, whether it is dated, how often
 * the article names the proposal ...), fitted on articles with gold by
 * `npm run confidence:fit` and kept as data (lexicon/confidence.json, with
 * what it was fitted on and how firmly: the fit's curvature). The review
 * queue orders by this estimate, so the readings most likely wrong reach an
 * analyst first. Each analyst's decision is one more labelled reading: the
 * model is refitted from the kept one with the desk's decisions
 * (learnFromDecisions), as if the articles it was fitted on and the desk's
 * decisions were one training set (to second order: the kept fit's
 * curvature stands in for its articles). The (rule, cue) counts then move
 * it further (feedback.ts). Pure.
 */
import modelData from '../lexicon/confidence.json' with { type: 'json' };
import { nameKinds } from './proposals.js';
import type { ExtractedStance, ExtractionResult } from './types.js';

/** A fitted model: one weight per feature, the bias first. */
export interface ConfidenceModel {
  features: string[];
  weights: number[];
  /**
   * How firmly the fit holds its weights: the Hessian of its penalised loss
   * at them (one row per feature), the prior analysts' decisions update.
   * Absent: the model does not learn from decisions.
   */
  precision?: number[][];
  /** How many analysts' decisions it was refitted with (absent: none, as kept). */
  decisions?: number;
}

/** A reading whose rightness is known (gold, or an analyst's decision): its features (FEATURES' order). */
export interface LabelledReading {
  x: readonly number[];
  right: boolean;
}

/** A Gaussian prior on the weights: its mean and precision (inverse covariance). */
export interface WeightPrior {
  mean: readonly number[];
  precision: readonly (readonly number[])[];
}

/**
 * The features, each a number in [0, 1], in the model's order. The rule
 * tokens name how the reading was made: `dep` through the parse's
 * dependencies, `cue` by surface patterns round a cue word, `proposer` by
 * an act of proposing; `+list` for a holder listed beside another, ...
 */
export const FEATURES = [
  'bias',
  'rule-confidence',
  'undated',
  'proposal-new',
  'proposal-untyped',
  'proposal-long-name',
  'proposal-mentions',
  'proposal-in-title',
  'proposal-one-word',
  'proposal-share',
  'proposal-named',
  'proposal-lone',
  'holder-state',
  'holder-organization',
  'holder-new',
  'holder-share',
  'holder-two-positions',
  'holder-in-title',
  'speaker',
  'conditional',
  'oppose',
  'noncommittal',
  'parsed',
  'evidence-spans',
  'article-position',
  'rule-dep',
  'rule-cue',
  'rule-proposer',
  'rule-salient',
  'rule-slot',
  'rule-list',
  'rule-against',
  'rule-subject-dep',
  'rule-object-dep',
] as const;

const RULE_TOKENS: Array<[(typeof FEATURES)[number], RegExp]> = [
  ['rule-dep', /^dep\b/],
  ['rule-cue', /^cue\b/],
  ['rule-proposer', /^proposer\b/],
  ['rule-salient', /^\w+\+[^:]*salient/],
  ['rule-slot', /^\w+\+[^:]*slot/],
  ['rule-list', /^[\w:]+\+[^:(]*list/],
  ['rule-against', /^[\w:]+\+[^:(]*against/],
  ['rule-subject-dep', /^dep:nsubj/],
  ['rule-object-dep', /^dep:(?:obj|xcomp|nmod|obl)/],
];

const WORD = /[\p{L}\p{N}]+/gu;
const words = (s: string): string[] => (s.toLowerCase().match(WORD) ?? []).filter((w) => w.length > 2);

/** Each stance's features (in FEATURES' order), read from the whole result it belongs to. */
export function stanceFeatures(result: ExtractionResult): number[][] {
  const proposals = new Map(result.proposals.map((p) => [p.id, p]));
  const actors = new Map(result.actors.map((a) => [a.id, a]));
  const title = new Set(words(result.metadata.title ?? ''));
  const held = new Map<string, number>();
  const on = new Map<string, number>();
  const positions = new Map<string, Set<string>>();
  for (const s of result.stances) {
    held.set(s.actorId, (held.get(s.actorId) ?? 0) + 1);
    on.set(s.proposalId, (on.get(s.proposalId) ?? 0) + 1);
    const pair = `${s.actorId}\u0000${s.proposalId}`;
    positions.set(pair, (positions.get(pair) ?? new Set()).add(s.position));
  }
  const length = Math.max(1, result.text.length);
  return result.stances.map((s) => {
    const p = proposals.get(s.proposalId);
    const a = actors.get(s.actorId);
    const name = p?.name ?? '';
    const nameWords = words(name);
    const first = Math.min(...s.evidence.map((e) => e.charStart), length);
    const value: Record<(typeof FEATURES)[number], number> = {
      bias: 1,
      'rule-confidence': s.confidence,
      undated: s.statedOn ? 0 : 1,
      'proposal-new': p?.isNew ? 1 : 0,
      'proposal-untyped': nameKinds(name).length ? 0 : 1,
      'proposal-long-name': name.split(/\s+/).length > 6 ? 1 : 0,
      'proposal-mentions': Math.min(1, Math.log1p(p?.mentions.length ?? 0) / Math.log1p(8)),
      'proposal-in-title': nameWords.length && nameWords.some((w) => title.has(w)) ? 1 : 0,
      'proposal-one-word': name.trim().split(/\s+/).length === 1 ? 1 : 0,
      'proposal-share': (on.get(s.proposalId) ?? 0) / result.stances.length,
      'proposal-named': p?.mentions.some((m) => m.kind !== 'anaphor') ? 1 : 0,
      // the one stance the article reads on its proposal: a side matter, or a proposal made of a passing phrase
      'proposal-lone': on.get(s.proposalId) === 1 ? 1 : 0,
      'holder-state': a?.kind === 'STATE' ? 1 : 0,
      'holder-organization': a?.kind === 'ORGANIZATION' ? 1 : 0,
      'holder-new': a?.isNew ? 1 : 0,
      'holder-share': (held.get(s.actorId) ?? 0) / result.stances.length,
      'holder-in-title': a && [a.name, ...a.aliases].some((n) => words(n).some((w) => title.has(w))) ? 1 : 0,
      'holder-two-positions': (positions.get(`${s.actorId}\u0000${s.proposalId}`)?.size ?? 1) > 1 ? 1 : 0,
      speaker: s.speakerId ? 1 : 0,
      conditional: s.conditions.length ? 1 : 0,
      oppose: s.position === 'OPPOSE' ? 1 : 0,
      noncommittal: s.position === 'NONCOMMITTAL' ? 1 : 0,
      parsed: result.parser ? 1 : 0,
      'evidence-spans': Math.min(3, s.evidence.length) / 3,
      'article-position': first / length,
      'rule-dep': 0,
      'rule-cue': 0,
      'rule-proposer': 0,
      'rule-salient': 0,
      'rule-slot': 0,
      'rule-list': 0,
      'rule-against': 0,
      'rule-subject-dep': 0,
      'rule-object-dep': 0,
    };
    for (const [feature, pattern] of RULE_TOKENS) value[feature] = pattern.test(s.rule) ? 1 : 0;
    return FEATURES.map((f) => value[f]);
  });
}

/**
 * Logistic regression by Newton's method with a Gaussian prior on the
 * weights (ridge when its mean is 0): minimises the examples' log loss plus
 * ½ (w − mean)ᵀ precision (w − mean). Returns the weights and the Hessian
 * there (the posterior's precision: what a later refit takes as its prior).
 * A few dozen features: each step solves a dense system.
 */
export function fitLogistic(
  examples: readonly LabelledReading[],
  prior: WeightPrior,
): { weights: number[]; hessian: number[][] } {
  const d = prior.mean.length;
  let w = [...prior.mean];
  let h: number[][] = [];
  for (let iteration = 0; iteration < 50; iteration++) {
    const g = prior.precision.map((row) => row.reduce((sum, p, j) => sum + p * (w[j] - prior.mean[j]), 0));
    h = prior.precision.map((row) => [...row]);
    for (const e of examples) {
      let z = 0;
      for (let i = 0; i < d; i++) z += e.x[i] * w[i];
      const p = 1 / (1 + Math.exp(-z));
      const [residual, curvature] = [p - (e.right ? 1 : 0), p * (1 - p)];
      for (let i = 0; i < d; i++) {
        if (e.x[i] === 0) continue;
        g[i] += residual * e.x[i];
        for (let j = 0; j < d; j++) h[i][j] += curvature * e.x[i] * e.x[j];
      }
    }
    const step = solve(h, g);
    w = w.map((v, i) => v - step[i]);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return { weights: w, hessian: h };
}

/**
 * The model refitted with analysts' decisions (each a reading confirmed or
 * rejected, its features as the extractor stored them): the kept weights
 * and their precision are the prior. Readings whose features were computed
 * in another order (written before a feature was added) are left out; a
 * model without precision, or none left, comes back as it is.
 */
export function learnFromDecisions(model: ConfidenceModel, decisions: readonly LabelledReading[]): ConfidenceModel {
  const current = model.features.length === FEATURES.length && model.features.every((f, i) => f === FEATURES[i]);
  const usable = current ? decisions.filter((e) => e.x.length === FEATURES.length) : [];
  if (!model.precision || usable.length === 0) return model;
  const { weights } = fitLogistic(usable, { mean: model.weights, precision: model.precision });
  return { features: model.features, weights, decisions: usable.length };
}

/** Solves A x = b (Gaussian elimination with partial pivoting; A symmetric positive definite here). */
function solve(a: readonly (readonly number[])[], b: readonly number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) pivot = r;
    [m[c], m[pivot]] = [m[pivot], m[c]];
    for (let r = c + 1; r < n; r++) {
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let sum = m[r][n];
    for (let k = r + 1; k < n; k++) sum -= m[r][k] * x[k];
    x[r] = sum / m[r][r];
  }
  return x;
}

/** The model's estimate for one feature vector (features it does not know count as 0). */
export function estimate(model: ConfidenceModel, x: readonly number[]): number {
  let places = PLACES.get(model.features);
  if (!places) {
    places = model.features.map((f) => FEATURES.indexOf(f as (typeof FEATURES)[number]));
    PLACES.set(model.features, places);
  }
  let z = 0;
  places.forEach((at, i) => {
    if (at >= 0) z += model.weights[i] * x[at];
  });
  return 1 / (1 + Math.exp(-z));
}

/** Where each of a model's features is in FEATURES (-1: unknown), by its feature list. */
const PLACES = new WeakMap<readonly string[], number[]>();

/** The model kept with the extractor (lexicon/confidence.json). */
export const CONFIDENCE_MODEL: ConfidenceModel = modelData as ConfidenceModel;

/**
 * Sets each stance's confidence to the model's estimate (two decimals), in
 * place, and keeps the features it was estimated from on the stance (stored
 * with it, so an analyst's decision on it is a labelled reading to learn from).
 */
export function applyConfidenceModel(result: ExtractionResult, model: ConfidenceModel): void {
  const xs = stanceFeatures(result);
  result.stances.forEach((s: ExtractedStance, i) => {
    s.features = xs[i].map((v) => Math.round(v * 1e4) / 1e4);
    s.confidence = Math.round(estimate(model, s.features) * 100) / 100;
  });
}
