import {
  applyConfidenceModel,
  CONFIDENCE_MODEL,
  estimate,
  FEATURES,
  fitLogistic,
  learnFromDecisions,
  stanceFeatures,
  type LabelledReading,
} from './confidence.js';
import { extractArticle } from './extract.js';
import type { ExtractedActor, ExtractedStance, ExtractionResult } from './types.js';

const stance = (over: Partial<ExtractedStance>): ExtractedStance => ({
  actorId: 'japan',
  proposalId: 'end-of-war-declaration',
  position: 'SUPPORT',
  cue: 'backs',
  conditions: [],
  speakerId: null,
  statedOn: '2022-03-08',
  confidence: 0.8,
  rule: 'dep:obj:back*',
  evidence: [{ quote: 'x', charStart: 0, charEnd: 1, revision: 0 }],
  marks: [],
  ...over,
});

/** A state the graph already held. */
const state = (id: string, name: string): ExtractedActor => ({
  id,
  name,
  kind: 'STATE',
  aliases: [],
  representsId: null,
  role: null,
  isNew: false,
  confidence: 1,
  evidence: null,
});

const result = (stances: ExtractedStance[]): ExtractionResult => ({
  text: 'x'.repeat(1000),
  textHash: 'h',
  metadata: { url: null, outlet: null, title: 'Japan backs end-of-war declaration', publishedOn: '2022-03-08' },
  signature: [],
  revisions: [],
  actors: [state('japan', 'Japan'), state('kenya', 'Kenya')],
  proposals: [
    {
      id: 'end-of-war-declaration',
      name: 'End-of-war declaration',
      aliases: [],
      proposedById: null,
      proposerId: null,
      proposedOn: null,
      isNew: false,
      confidence: 1,
      evidence: null,
      mentions: [
        { charStart: 0, charEnd: 5, kind: 'name' },
        { charStart: 10, charEnd: 15, kind: 'anaphor' },
      ],
    },
    {
      id: 'cease-fire',
      name: 'Cease-fire',
      aliases: [],
      proposedById: null,
      proposerId: null,
      proposedOn: null,
      isNew: true,
      confidence: 0.5,
      evidence: null,
      mentions: [{ charStart: 500, charEnd: 504, kind: 'anaphor' }],
    },
  ],
  stances,
  parser: null,
});

const feature = (xs: number[], name: (typeof FEATURES)[number]) => xs[FEATURES.indexOf(name)];

describe('the confidence model', () => {
  it('reads each stance’s features from its result, every one in [0, 1]', () => {
    const r = result([
      stance({}),
      stance({ position: 'OPPOSE', rule: 'cue+slot+list:oppos*' }),
      stance({
        actorId: 'kenya',
        proposalId: 'cease-fire',
        statedOn: null,
        rule: 'proposer:noun-proposal',
        evidence: [{ quote: 'y', charStart: 750, charEnd: 760, revision: 0 }],
      }),
    ]);
    const [first, second, third] = stanceFeatures(r);
    for (const xs of [first, second, third]) {
      expect(xs).toHaveLength(FEATURES.length);
      expect(xs.every((v) => v >= 0 && v <= 1)).toBe(true);
    }
    expect(feature(first, 'undated')).toBe(0);
    expect(feature(third, 'undated')).toBe(1);
    expect(feature(first, 'proposal-in-title')).toBe(1);
    expect(feature(third, 'proposal-in-title')).toBe(0);
    expect(feature(third, 'proposal-new')).toBe(1);
    expect(feature(third, 'proposal-one-word')).toBe(1);
    expect(feature(third, 'proposal-named')).toBe(0);
    expect(feature(first, 'proposal-named')).toBe(1);
    expect(feature(first, 'holder-two-positions')).toBe(1);
    expect(feature(third, 'holder-two-positions')).toBe(0);
    expect(feature(first, 'holder-share')).toBeCloseTo(2 / 3);
    expect(feature(first, 'holder-in-title')).toBe(1);
    expect(feature(third, 'holder-in-title')).toBe(0);
    expect(feature(third, 'article-position')).toBeCloseTo(0.75);
    expect(feature(first, 'rule-dep') + feature(first, 'rule-object-dep')).toBe(2);
    expect([feature(second, 'rule-cue'), feature(second, 'rule-slot'), feature(second, 'rule-list')]).toEqual([
      1, 1, 1,
    ]);
    expect(feature(second, 'oppose')).toBe(1);
    expect(feature(third, 'rule-proposer')).toBe(1);
  });

  it('estimates by the logistic of the weighted features, ignoring features it does not know', () => {
    const xs = FEATURES.map((f) => (f === 'bias' || f === 'undated' ? 1 : 0));
    expect(estimate({ features: ['bias', 'undated', 'retired-feature'], weights: [1, -2, 50] }, xs)).toBeCloseTo(
      1 / (1 + Math.exp(1)),
    );
  });

  it('keeps a model whose every feature the extractor computes, one weight each', () => {
    expect(CONFIDENCE_MODEL.weights).toHaveLength(CONFIDENCE_MODEL.features.length);
    expect(CONFIDENCE_MODEL.features.filter((f) => !(FEATURES as readonly string[]).includes(f))).toEqual([]);
  });

  it('sets each confidence to the estimate; without a model the rules’ own figures stay', () => {
    const input = {
      text: 'Japan backs the declaration formally ending the Korean War, its foreign minister said on Tuesday. Kenya rejected the plan.',
      publishedOn: '2022-03-09',
    };
    const own = extractArticle(input, undefined, null);
    const modelled = extractArticle(input);
    expect(own.stances.length).toBeGreaterThan(0);
    const copy: ExtractionResult = { ...own, stances: own.stances.map((s) => ({ ...s })) };
    applyConfidenceModel(copy, CONFIDENCE_MODEL);
    expect(modelled.stances.map((s) => s.confidence)).toEqual(copy.stances.map((s) => s.confidence));
    const xs = stanceFeatures(own);
    expect(modelled.stances[0].confidence).toBeCloseTo(estimate(CONFIDENCE_MODEL, xs[0]), 2);
  });

  it('keeps the features each confidence was estimated from on its stance', () => {
    const input = {
      text: 'Kenya rejected the plan to end the war, its foreign minister said.',
      publishedOn: '2022-03-09',
    };
    const modelled = extractArticle(input);
    expect(modelled.stances.length).toBeGreaterThan(0);
    for (const s of modelled.stances) {
      expect(s.features).toHaveLength(FEATURES.length);
      expect(s.confidence).toBeCloseTo(estimate(CONFIDENCE_MODEL, s.features!), 2);
    }
    expect(extractArticle(input, undefined, null).stances[0].features).toBeUndefined();
  });
});

describe('learning from analysts’ decisions', () => {
  const d = 3;
  const ridge = { mean: [0, 0, 0], precision: [0, 1, 2].map((i) => [0, 1, 2].map((j) => (i === j ? 1 : 0))) };
  /** Readings over (bias, a, b): "a" mostly right, "b" mostly wrong. */
  const readings = (n: number, seed: number): LabelledReading[] =>
    Array.from({ length: n }, (_, k) => {
      const [a, b] = [(k * 7 + seed) % 3 === 0 ? 1 : 0, (k * 5 + seed) % 4 === 0 ? 1 : 0];
      return { x: [1, a, b], right: (k + seed) % 5 !== 0 ? a === 1 || b === 0 : a === 0 };
    });

  it('fits by the prior alone when there is nothing to learn from', () => {
    expect(fitLogistic([], { mean: [0.5, -1, 2], precision: ridge.precision }).weights).toEqual([0.5, -1, 2]);
  });

  it('adds each example’s curvature to the prior’s', () => {
    const examples = readings(40, 1);
    const { weights, hessian } = fitLogistic(examples, ridge);
    const expected = ridge.precision.map((row) => [...row]);
    for (const e of examples) {
      const p = 1 / (1 + Math.exp(-e.x.reduce((z, v, i) => z + v * weights[i], 0)));
      for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) expected[i][j] += p * (1 - p) * e.x[i] * e.x[j];
    }
    hessian.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(expected[i][j], 8)));
    expect(weights[1]).toBeGreaterThan(0); // "a": right more often
    expect(weights[2]).toBeLessThan(0); // "b": wrong more often
  });

  it('refitted from a fit’s weights and curvature, comes most of the way to fitting everything at once', () => {
    const [first, later] = [readings(300, 2), readings(80, 4).map((e, k) => ({ ...e, right: e.right && k % 3 !== 0 }))];
    const kept = fitLogistic(first, ridge);
    const refitted = fitLogistic(later, { mean: kept.weights, precision: kept.hessian });
    const together = fitLogistic([...first, ...later], ridge);
    const distance = (u: number[], v: number[]) => Math.hypot(...u.map((x, i) => x - v[i]));
    // the later readings move the weights (by about 1 here), and the refit goes most of the way
    expect(distance(kept.weights, together.weights)).toBeGreaterThan(0.5);
    expect(distance(refitted.weights, together.weights)).toBeLessThan(0.3 * distance(kept.weights, together.weights));
  });

  it('lowers the confidence of readings like those analysts rejected, and leaves the kept model alone', () => {
    const like = stanceFeatures(
      extractArticle({ text: 'Kenya rejected the plan to end the war.', publishedOn: '2022-03-09' }, undefined, null),
    )[0];
    const rejected = Array.from({ length: 12 }, () => ({ x: like, right: false }));
    const learned = learnFromDecisions(CONFIDENCE_MODEL, rejected);
    expect(learned.decisions).toBe(12);
    expect(estimate(learned, like)).toBeLessThan(estimate(CONFIDENCE_MODEL, like) - 0.05);
    expect(CONFIDENCE_MODEL.decisions).toBeUndefined();
    // the extractor takes the learned model from what it knows
    const input = { text: 'Kenya rejected the plan to end the war.', publishedOn: '2022-03-09' };
    const [after] = extractArticle(input, { actors: [], proposals: [], model: learned }).stances;
    expect(after.confidence).toBeCloseTo(estimate(learned, after.features!), 2);
  });

  it('learns nothing from readings of another feature list, nor into a model without curvature', () => {
    const stale = [{ x: [1, 0, 1], right: false }];
    expect(learnFromDecisions(CONFIDENCE_MODEL, stale)).toBe(CONFIDENCE_MODEL);
    const flat = { features: CONFIDENCE_MODEL.features, weights: CONFIDENCE_MODEL.weights };
    const x = FEATURES.map(() => 1);
    expect(learnFromDecisions(flat, [{ x, right: false }])).toBe(flat);
  });
});
