import { applyConfidenceModel, CONFIDENCE_MODEL, estimate, FEATURES, stanceFeatures } from './confidence.js';
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
});
