/**
 * What analysts' decisions teach the extractor's confidence: a stance read
 * by a rule with a cue that analysts have rejected before is less sure, and
 * one they have confirmed is as sure as the rule says. The factor for a
 * (rule, cue) pair is (confirmed + 1) / (confirmed + rejected + 1): one
 * rejection halves it, a rejection against three confirmations costs a
 * fifth; the rule's decisions over all its cues count too, at half the
 * weight, so a rule analysts reject whatever the cue loses some trust on a
 * cue never seen. The review queue orders by confidence, so readings like
 * those analysts rejected come to them first. Pure: the counts come from the
 * graph (cypher/ingest/feedback.cypher), so a decision undone is forgotten.
 */
import type { ExtractedStance, RuleFeedback } from './types.js';

export function applyFeedback(stances: ExtractedStance[], feedback: readonly RuleFeedback[] | undefined): void {
  if (!feedback || feedback.length === 0) return;
  const byPair = new Map<string, RuleFeedback>();
  const byRule = new Map<string, { confirmed: number; rejected: number }>();
  for (const f of feedback) {
    byPair.set(`${f.rule}\u0000${f.cue}`, f);
    const r = byRule.get(f.rule) ?? { confirmed: 0, rejected: 0 };
    r.confirmed += f.confirmed;
    r.rejected += f.rejected;
    byRule.set(f.rule, r);
  }
  for (const s of stances) {
    const pair = byPair.get(`${s.rule}\u0000${s.cue.toLowerCase()}`);
    const rule = byRule.get(s.rule);
    let factor = 1;
    if (pair) factor *= (pair.confirmed + 1) / (pair.confirmed + pair.rejected + 1);
    if (rule) factor *= Math.sqrt((rule.confirmed + 1) / (rule.confirmed + rule.rejected + 1));
    s.confidence = Math.round(s.confidence * factor * 100) / 100;
  }
}
