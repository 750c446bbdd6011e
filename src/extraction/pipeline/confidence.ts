/**
 * How likely a stance the extractor read is right: a logistic model over
 * what the extractor knows of each reading (the rules' own confidence, how
 * the holder and the proposal were found, whether it is dated, how often
 * the article names the proposal ...), fitted on articles with gold by
 * `npm run confidence:fit` and kept as data (lexicon/confidence.json, with
 * what it was fitted on). The review queue orders by this estimate, so the
 * readings most likely wrong reach an analyst first; analysts' decisions
 * then move it further (feedback.ts). Pure.
 */
import modelData from '../lexicon/confidence.json' with { type: 'json' };
import { nameKinds } from './proposals.js';
import type { ExtractedStance, ExtractionResult } from './types.js';

/** A fitted model: one weight per feature, the bias first. */
export interface ConfidenceModel {
  features: string[];
  weights: number[];
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

/** The model's estimate for one feature vector (features it does not know count as 0). */
export function estimate(model: ConfidenceModel, x: readonly number[]): number {
  let z = 0;
  model.features.forEach((f, i) => {
    const at = FEATURES.indexOf(f as (typeof FEATURES)[number]);
    if (at >= 0) z += model.weights[i] * x[at];
  });
  return 1 / (1 + Math.exp(-z));
}

/** The model kept with the extractor (lexicon/confidence.json). */
export const CONFIDENCE_MODEL: ConfidenceModel = modelData as ConfidenceModel;

/** Sets each stance's confidence to the model's estimate (two decimals), in place. */
export function applyConfidenceModel(result: ExtractionResult, model: ConfidenceModel): void {
  const xs = stanceFeatures(result);
  result.stances.forEach((s: ExtractedStance, i) => {
    s.confidence = Math.round(estimate(model, xs[i]) * 100) / 100;
  });
}
