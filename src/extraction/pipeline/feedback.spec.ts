import { applyFeedback } from './feedback.js';
import type { ExtractedStance } from './types.js';

const stance = (rule: string, cue: string, confidence: number): ExtractedStance => ({
  actorId: 'a',
  proposalId: 'p',
  position: 'OPPOSE',
  cue,
  conditions: [],
  speakerId: null,
  statedOn: null,
  confidence,
  rule,
  evidence: [],
  marks: [],
});

describe('applyFeedback: analysts decisions on a rule and cue change its confidence', () => {
  it('lowers a rule and cue analysts rejected, less a rule they rejected on another cue, and keeps the rest', () => {
    const stances = [
      stance('cue:subject', 'rejected', 0.8),
      stance('cue:subject', 'opposes', 0.8),
      stance('cue:object', 'backs', 0.8),
    ];
    applyFeedback(stances, [{ rule: 'cue:subject', cue: 'rejected', confirmed: 0, rejected: 1 }]);
    expect(stances.map((s) => s.confidence)).toEqual([0.28, 0.57, 0.8]);
  });

  it('keeps a reading analysts only confirmed as sure as the rule says, and changes nothing without feedback', () => {
    const stances = [stance('cue:subject', 'backs', 0.8)];
    applyFeedback(stances, [{ rule: 'cue:subject', cue: 'backs', confirmed: 3, rejected: 0 }]);
    applyFeedback(stances, undefined);
    expect(stances[0].confidence).toBe(0.8);
  });
});
